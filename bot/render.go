package bot

import (
	"strings"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/mailbox"
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

var _ mailbox.Renderer = (*Renderer)(nil)

// Has reports whether the catalogue has a message id.
func (r *Renderer) Has(id string) bool { return r.cat.Has(id) }

// KeyOf returns the message id of the reply-keyboard button whose label
// is text, or "".
func (r *Renderer) KeyOf(text string) string { return r.keys[strings.TrimSpace(text)] }

// Text renders one message in lang (see flows.Msg.Render).
func (r *Renderer) Text(lang string, m flows.Msg) string { return m.Render(r.cat, lang) }

// Reply renders one reply as outbox calls to chatID.
func (r *Renderer) Reply(chatID int64, lang string, p mailbox.Priority, rep flows.Reply) ([]mailbox.Message, error) {
	c := mailbox.Call{Text: r.body(lang, rep), RemoveKeyboard: rep.RemoveKeyboard, Silent: rep.Silent}
	for _, row := range rep.Inline {
		out := make([]mailbox.Button, 0, len(row))
		for _, b := range row {
			out = append(out, mailbox.Button{Text: r.Text(lang, b.Label), Data: b.Data})
		}
		c.Inline = append(c.Inline, out)
	}
	for _, row := range rep.Keyboard {
		out := make([]mailbox.Key, 0, len(row))
		for _, b := range row {
			out = append(out, mailbox.Key{Text: r.Text(lang, b.Label), RequestLocation: b.RequestLocation})
		}
		c.Keyboard = append(c.Keyboard, out)
	}
	msgs := []mailbox.Message{}
	o, err := mailbox.New(chatID, p, mailbox.MethodSendMessage, c)
	if err != nil {
		return nil, err
	}
	msgs = append(msgs, o)
	if l := rep.Location; l != nil {
		o, err := mailbox.New(chatID, p, mailbox.MethodSendLocation, mailbox.Call{Latitude: l.Lat, Longitude: l.Lon, Silent: rep.Silent})
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
	return mailbox.Truncate(b.String(), mailbox.MaxMessageRunes)
}
