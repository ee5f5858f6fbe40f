package mailbox

import (
	"encoding/json"
	"unicode/utf8"
)

// carried is the call a message was made from (New), kept so that the
// dispatcher need not decode Payload again (decoding was about 5 % of
// the closed loop's CPU in the process), and the encoding it made.
type carried struct {
	call Call
	enc  []byte
}

// Call returns the call the message encodes: the one New made it from
// while Payload is still the very encoding New made of it (a message
// whose payload was encoded again, or read back from the outbox, has
// none), else Payload decoded. Both give the same call: New keeps one
// only when decoding its encoding gives it back (see carry).
func (m Message) Call() (Call, error) {
	if k := m.carried; k != nil && len(m.Payload) > 0 && len(m.Payload) == len(k.enc) && &m.Payload[0] == &k.enc[0] {
		return k.call, nil
	}
	var c Call
	err := json.Unmarshal(m.Payload, &c)
	return c, err
}

// Carry gives m the call that from carried, when m's payload is still
// the encoding it was made with (postgres hands the dispatcher a copy of
// each call it queued, with the outbox row's id and lease).
func (m *Message) Carry(from Message) {
	m.carried = from.carried
}

// carry is c as decoding its JSON would give it, nil when that could
// differ from c: a string that is not valid UTF-8 (json.Marshal replaces
// its bad bytes), a document's time (its location and monotonic reading
// are not encoded). The slices are copied, so that a caller changing c
// afterwards changes nothing here, and empty ones are nil, as omitempty
// leaves them.
func carry(c Call, enc []byte) *carried {
	if c.Document != nil || !valid(c) {
		return nil
	}
	c.Inline, c.Keyboard = copyRows(c.Inline), copyRows(c.Keyboard)
	c.Media, c.MessageIDs, c.Commands = copyOf(c.Media), copyOf(c.MessageIDs), copyOf(c.Commands)
	c.FileData = copyOf(c.FileData)
	return &carried{call: c, enc: enc}
}

// valid reports whether every string of c is valid UTF-8.
func valid(c Call) bool {
	ok := utf8.ValidString(c.Text) && utf8.ValidString(c.CallbackQueryID) && utf8.ValidString(c.FileID) &&
		utf8.ValidString(c.FileName)
	for _, row := range c.Inline {
		for _, b := range row {
			ok = ok && utf8.ValidString(b.Text) && utf8.ValidString(b.Data)
		}
	}
	for _, row := range c.Keyboard {
		for _, k := range row {
			ok = ok && utf8.ValidString(k.Text)
		}
	}
	for _, it := range c.Media {
		ok = ok && utf8.ValidString(it.Kind) && utf8.ValidString(it.FileID) && utf8.ValidString(it.Caption)
	}
	for _, cmd := range c.Commands {
		ok = ok && utf8.ValidString(cmd.Command) && utf8.ValidString(cmd.Description)
	}
	return ok
}

// copyOf is a copy of s, nil when s is empty.
func copyOf[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append([]T(nil), s...)
}

// copyRows copies a keyboard's rows (a row decodes as nil when it was nil,
// as empty when it was empty).
func copyRows[T any](rows [][]T) [][]T {
	if len(rows) == 0 {
		return nil
	}
	out := make([][]T, len(rows))
	for i, r := range rows {
		if r != nil {
			out[i] = append(make([]T, 0, len(r)), r...)
		}
	}
	return out
}
