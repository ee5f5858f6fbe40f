package mailbox

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/koreandesk/hotline/flows"
)

// Methods the dispatcher knows how to send: Bot API methods, plus
// MethodChatCommands for one chat's command menu.
const (
	MethodSendMessage    = "sendMessage"
	MethodSendLocation   = "sendLocation"
	MethodAnswerCallback = "answerCallbackQuery"
	MethodSendPhoto      = "sendPhoto"
	MethodSendVoice      = "sendVoice"
	MethodSendDocument   = "sendDocument"
	MethodSendVideo      = "sendVideo"
	MethodSendVideoNote  = "sendVideoNote"
	MethodSendAudio      = "sendAudio"
	MethodSendMediaGroup = "sendMediaGroup"
	MethodEditLive       = "editMessageLiveLocation"
	MethodStopLive       = "stopMessageLiveLocation"
	MethodDeleteMessages = "deleteMessages"
	MethodChatCommands   = "setChatCommands" // setMyCommands or deleteMyCommands for one chat
)

// The longest text and caption the application composes for one call:
// far more than anything a person can send. Telegram's own limits (4,096
// UTF-16 units a message, 1,024 a caption) are applied by the transport
// when the call is queued, by splitting it into several messages, never
// by cutting it.
const (
	MaxMessageRunes = 16384 // a message's text
	MaxCaptionRunes = 16384 // a media caption
)

// Call is an outbox payload: one Bot API call in a form of our own, so
// stored rows do not depend on go-telegram/bot's parameter types.
type Call struct {
	Text            string     `json:"text,omitempty"`
	Inline          [][]Button `json:"inline,omitempty"`
	Keyboard        [][]Key    `json:"keyboard,omitempty"`
	RemoveKeyboard  bool       `json:"remove_keyboard,omitempty"`
	Latitude        float64    `json:"latitude,omitempty"`
	Longitude       float64    `json:"longitude,omitempty"`
	LivePeriod      int        `json:"live_period,omitempty"` // a live sendLocation's seconds (0x7FFFFFFF: until stopped)
	MessageID       int        `json:"message_id,omitempty"`
	CallbackQueryID string     `json:"callback_query_id,omitempty"`
	// FileID re-sends a photo, voice note or document by Telegram file
	// id; Text is then its caption.
	FileID string `json:"file_id,omitempty"`
	// Media are the items of an album (sendMediaGroup), each with its
	// own caption.
	Media []Media `json:"media,omitempty"`
	// FileName and FileData upload a new file that holds nothing
	// personal (the /stats chart). The outbox drops them, like every
	// content, once the call is sent.
	FileName string `json:"file_name,omitempty"`
	FileData []byte `json:"file_data,omitempty"`
	// Document, for a sendDocument, names a file made from the case
	// tables (the CSV export, a referral summary) by its recipe: the
	// transport makes the file when it sends the call, each attempt
	// anew, so the outbox never holds its content.
	Document *Document `json:"document,omitempty"`
	// MessageIDs are deleted by deleteMessages.
	MessageIDs []int `json:"message_ids,omitempty"`
	// Silent sends a message without a sound or vibration
	// (disable_notification), for a reporter whose phone may be watched.
	Silent bool `json:"silent,omitempty"`
	// Commands is a chat's own command menu (setMyCommands with the
	// chat's scope); an empty one deletes it.
	Commands []Command `json:"commands,omitempty"`
}

// Document is the recipe of a file made only when its call is sent: who
// asked for it, what it covers, and when, never its content.
type Document struct {
	// Kind is DocExport or DocReferral.
	Kind string `json:"kind"`
	// By is the staff member (Telegram user id) it is for; it is made
	// only while they are still on the desk, for their private chat.
	By int64 `json:"by"`
	// At is when it was asked for: an export covers the cases opened
	// before then, a summary is dated then.
	At time.Time `json:"at"`
	// From and To are an export's first and last days (2006-01-02, in
	// the desk's time zone).
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Referral is a summary's referral (its id).
	Referral int64 `json:"referral,omitempty"`
}

// Kinds of documents.
const (
	DocExport   = "export"   // /export's CSV file of cases
	DocReferral = "referral" // a referral's summary for a partner
)

// File is a document as made from its recipe, in memory only.
type File struct {
	Name string
	Data []byte
}

// Media is one item of an album: a file by its Telegram file id.
type Media struct {
	// Kind is MediaPhoto, MediaVideo, MediaDocument or MediaAudio.
	Kind    string `json:"kind"`
	FileID  string `json:"file_id"`
	Caption string `json:"caption,omitempty"`
}

// Kinds of album items. Telegram's albums hold photos and videos, or
// documents only, or audio files only.
const (
	MediaPhoto    = "photo"
	MediaVideo    = "video"
	MediaDocument = "document"
	MediaAudio    = "audio"
)

// AlbumSize is the most items one album holds.
const AlbumSize = 10

// Command is one entry of a command menu.
type Command struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// Button is a rendered inline button.
type Button struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

// Key is a rendered reply-keyboard button.
type Key struct {
	Text            string `json:"text"`
	RequestLocation bool   `json:"request_location,omitempty"`
}

// New encodes a call to chatID as an outbox message.
func New(chatID int64, p Priority, method string, c Call) (Message, error) {
	payload, err := json.Marshal(c)
	if err != nil {
		return Message{}, fmt.Errorf("encode %s: %w", method, err)
	}
	return Message{ChatID: chatID, Priority: p, Method: method, Payload: payload, carried: carry(c, payload)}, nil
}

// Truncate shortens s to n runes, ending it with "…" when it was longer.
func Truncate(s string, n int) string {
	// Counted first: most texts are far shorter, and every reply passes
	// here (converting each to runes was 3 % of the closed loop's
	// allocations in make bench-load).
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n-1]) + "…"
}

// Renderer writes messages in a chat's language: the transport's
// renderer (bot.Renderer), which knows how a reply becomes calls.
type Renderer interface {
	// Text renders one message in lang.
	Text(lang string, m flows.Msg) string
	// Has reports whether the catalogue has a message id.
	Has(id string) bool
	// Reply renders a reply as outbox messages to chatID.
	Reply(chatID int64, lang string, p Priority, rep flows.Reply) ([]Message, error)
}

// OneLine keeps what a person typed to one plain line in a staff message:
// no line breaks or other control characters, no bidirectional overrides,
// so an answer cannot pose as another line of the alert ("Building C\n•
// passport: no") or read as something else.
func OneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
