package bot

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
)

// Renderer turns flows.Replies into outbox calls in a chat's language.
type Renderer struct {
	cat *locales.Catalog
	// keys maps the label of every reply-keyboard button, in every
	// language, back to its message id.
	keys map[string]string
}

// NewRenderer renders with cat.
func NewRenderer(cat *locales.Catalog) *Renderer {
	r := &Renderer{cat: cat, keys: map[string]string{}}
	for _, lang := range cat.Languages() {
		for _, id := range cat.IDs(lang) {
			if strings.Contains(id, ".key_") {
				r.keys[strings.TrimSpace(cat.Text(lang, id, nil))] = id
			}
		}
	}
	return r
}

// KeyOf returns the message id of the reply-keyboard button whose label
// is text, or "".
func (r *Renderer) KeyOf(text string) string { return r.keys[strings.TrimSpace(text)] }

// maxMessageRunes is Telegram's limit for one message's text.
const maxMessageRunes = 4096

// Text renders one message in lang. A Msg among the vars is rendered first.
func (r *Renderer) Text(lang string, m flows.Msg) string {
	if m.Literal != "" {
		return m.Literal
	}
	var vars map[string]any
	if len(m.Vars) > 0 {
		vars = make(map[string]any, len(m.Vars))
		for k, v := range m.Vars {
			if inner, ok := v.(flows.Msg); ok {
				v = r.Text(lang, inner)
			}
			vars[k] = v
		}
	}
	return r.cat.Text(lang, m.ID, vars)
}

// call is the outbox payload: one Bot API call in a form of our own, so
// stored rows do not depend on go-telegram/bot's parameter types.
type call struct {
	Text            string         `json:"text,omitempty"`
	Inline          [][]callButton `json:"inline,omitempty"`
	Keyboard        [][]callKey    `json:"keyboard,omitempty"`
	RemoveKeyboard  bool           `json:"remove_keyboard,omitempty"`
	Latitude        float64        `json:"latitude,omitempty"`
	Longitude       float64        `json:"longitude,omitempty"`
	MessageID       int            `json:"message_id,omitempty"`
	CallbackQueryID string         `json:"callback_query_id,omitempty"`
	// FileID re-sends a photo, voice note or document by Telegram file
	// id; Text is then its caption.
	FileID string `json:"file_id,omitempty"`
	// FileName and FileData upload a new document (the CSV export).
	FileName string `json:"file_name,omitempty"`
	FileData []byte `json:"file_data,omitempty"`
	// MessageIDs are deleted by deleteMessages.
	MessageIDs []int `json:"message_ids,omitempty"`
	// Commands is a chat's own command menu (setMyCommands with the
	// chat's scope); an empty one deletes it.
	Commands []callCommand `json:"commands,omitempty"`
}

type callCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

type callButton struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

type callKey struct {
	Text            string `json:"text"`
	RequestLocation bool   `json:"request_location,omitempty"`
}

// Methods the dispatcher knows how to send.
const (
	methodSendMessage    = "sendMessage"
	methodSendLocation   = "sendLocation"
	methodAnswerCallback = "answerCallbackQuery"
	methodSendPhoto      = "sendPhoto"
	methodSendVoice      = "sendVoice"
	methodSendDocument   = "sendDocument"
	methodDeleteMessages = "deleteMessages"
	methodChatCommands   = "setChatCommands" // setMyCommands or deleteMyCommands for one chat
)

// maxCaptionRunes is Telegram's limit for a media caption.
const maxCaptionRunes = 1024

// Reply renders one reply as outbox calls to chatID.
func (r *Renderer) Reply(chatID int64, lang string, p flows.Priority, rep flows.Reply) ([]flows.Outgoing, error) {
	c := call{Text: r.body(lang, rep), RemoveKeyboard: rep.RemoveKeyboard}
	for _, row := range rep.Inline {
		out := make([]callButton, 0, len(row))
		for _, b := range row {
			out = append(out, callButton{Text: r.Text(lang, b.Label), Data: b.Data})
		}
		c.Inline = append(c.Inline, out)
	}
	for _, row := range rep.Keyboard {
		out := make([]callKey, 0, len(row))
		for _, b := range row {
			out = append(out, callKey{Text: r.Text(lang, b.Label), RequestLocation: b.RequestLocation})
		}
		c.Keyboard = append(c.Keyboard, out)
	}
	msgs := []flows.Outgoing{}
	o, err := outgoing(chatID, p, methodSendMessage, c)
	if err != nil {
		return nil, err
	}
	msgs = append(msgs, o)
	if l := rep.Location; l != nil {
		o, err := outgoing(chatID, p, methodSendLocation, call{Latitude: l.Lat, Longitude: l.Lon})
		if err != nil {
			return nil, err
		}
		msgs = append(msgs, o)
	}
	return msgs, nil
}

func (r *Renderer) body(lang string, rep flows.Reply) string {
	var b strings.Builder
	b.WriteString(r.Text(lang, rep.Text))
	for _, l := range rep.Lines {
		b.WriteByte('\n')
		b.WriteString(r.Text(lang, l))
	}
	return truncate(b.String(), maxMessageRunes)
}

func truncate(s string, n int) string {
	runes := []rune(s)
	if len(runes) <= n {
		return s
	}
	return string(runes[:n-1]) + "…"
}

func outgoing(chatID int64, p flows.Priority, method string, c call) (flows.Outgoing, error) {
	payload, err := json.Marshal(c)
	if err != nil {
		return flows.Outgoing{}, fmt.Errorf("encode %s: %w", method, err)
	}
	return flows.Outgoing{ChatID: chatID, Priority: p, Method: method, Payload: payload}, nil
}
