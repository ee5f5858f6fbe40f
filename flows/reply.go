package flows

// Msg is a localised message: an id from the locales catalogue and the
// values its template uses. Flows speak Msgs, never literal text; the bot
// renders them in the chat's language when it writes the outbox.
type Msg struct {
	ID   string         `json:"id"`
	Vars map[string]any `json:"vars,omitempty"`
	// Literal, when set, is shown as it is (a language's own name, a
	// phone number); ID is then ignored.
	Literal string `json:"literal,omitempty"`
}

// M builds a Msg from an id and alternating name/value pairs.
func M(id string, kv ...any) Msg {
	m := Msg{ID: id}
	if len(kv) > 0 {
		m.Vars = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m.Vars[kv[i].(string)] = kv[i+1]
		}
	}
	return m
}

// Literal builds a Msg shown exactly as given.
func Literal(s string) Msg { return Msg{Literal: s} }

// Button is an inline button: its label and the callback data it sends.
type Button struct {
	Label Msg    `json:"label"`
	Data  string `json:"data"`
}

// KeyButton is a reply-keyboard button; RequestLocation asks Telegram to
// send the user's location when it is pressed.
type KeyButton struct {
	Label           Msg  `json:"label"`
	RequestLocation bool `json:"request_location,omitempty"`
}

// Reply is one message the bot sends to the chat that wrote.
type Reply struct {
	Text Msg `json:"text"`
	// Lines follow Text, one per line. A Msg inside Vars is rendered
	// first, so a line can carry a localised label.
	Lines []Msg `json:"lines,omitempty"`
	// Inline buttons under the message, row by row.
	Inline [][]Button `json:"inline,omitempty"`
	// Keyboard replaces the user's keyboard, row by row.
	Keyboard [][]KeyButton `json:"keyboard,omitempty"`
	// RemoveKeyboard takes a previous reply keyboard away.
	RemoveKeyboard bool `json:"remove_keyboard,omitempty"`
	// Location, when set, is sent as a map pin after the text.
	Location *Location `json:"location,omitempty"`
	// Silent delivers the message without a sound or vibration.
	Silent bool `json:"silent,omitempty"`
}

// Catalog is what renders a message id in a language (locales.Catalog).
type Catalog interface {
	Text(lang, id string, vars map[string]any) string
}

// Render writes the message in lang with cat. A Msg among the vars is
// rendered first, in the same language.
func (m Msg) Render(cat Catalog, lang string) string {
	if m.Literal != "" {
		return m.Literal
	}
	var vars map[string]any
	if len(m.Vars) > 0 {
		vars = make(map[string]any, len(m.Vars))
		for k, v := range m.Vars {
			if inner, ok := v.(Msg); ok {
				v = inner.Render(cat, lang)
			}
			vars[k] = v
		}
	}
	return cat.Text(lang, m.ID, vars)
}
