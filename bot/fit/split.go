// Package fit keeps the calls the bot queues within Telegram's lengths,
// which count UTF-16 units: a text or caption too long is split into
// several messages, never cut; and it gathers an album's items, which
// Telegram delivers as one update each, into one call (album.go). It
// knows the outbox's contract (mailbox), not Telegram's client or SQL.
package fit

import (
	"context"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/koreandesk/hotline/mailbox"
)

// Telegram's limits, in UTF-16 code units (not bytes, not runes: an emoji
// outside the Basic Multilingual Plane counts two).
const (
	telegramTextLimit    = 4096
	telegramCaptionLimit = 1024
)

// utf16Len is a string's length as Telegram counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// splitText cuts s into pieces of at most limit UTF-16 units, never
// inside a character (a surrogate pair stays whole), preferring to end a
// piece at a line break, else at a space, in its last quarter.
func splitText(s string, limit int) []string {
	var parts []string
	for utf16Len(s) > limit {
		cut, units := 0, 0 // cut: byte offset where limit is reached
		for i, r := range s {
			if units+utf16.RuneLen(r) > limit {
				cut = i
				break
			}
			units += utf16.RuneLen(r)
		}
		end := cut
		floor := len(s[:cut]) * 3 / 4
		if i := strings.LastIndexByte(s[:cut], '\n'); i > floor {
			end = i + 1
		} else if i := strings.LastIndexByte(s[:cut], ' '); i > floor {
			end = i + 1
		}
		parts = append(parts, s[:end])
		s = s[end:]
	}
	return append(parts, s)
}

// captioned are the methods whose text is a caption.
var captioned = map[string]bool{mailbox.MethodSendPhoto: true, mailbox.MethodSendVoice: true, mailbox.MethodSendDocument: true,
	mailbox.MethodSendVideo: true, mailbox.MethodSendAudio: true}

// splitOutgoing applies Telegram's length limits to a queued call: a
// message too long becomes several (its buttons on the last), a caption
// too long stays on the media up to the limit and the rest follows as
// messages. Nothing is cut or dropped.
func splitOutgoing(o mailbox.Message) ([]mailbox.Message, error) {
	limit := telegramTextLimit
	switch {
	case o.Method == mailbox.MethodSendMessage:
	case o.Method == mailbox.MethodSendMediaGroup:
		return splitAlbum(o)
	case captioned[o.Method]:
		limit = telegramCaptionLimit
	default:
		return []mailbox.Message{o}, nil
	}
	var c mailbox.Call // a payload no longer than limit holds no longer text (JSON escapes only add)
	if len(o.Payload) <= limit || json.Unmarshal(o.Payload, &c) != nil || utf16Len(c.Text) <= limit {
		return []mailbox.Message{o}, nil
	}
	first := splitText(c.Text, limit)[0]
	rest := strings.TrimLeft(c.Text[len(first):], "\n ")
	var out []mailbox.Message
	if o.Method == mailbox.MethodSendMessage {
		// Text: every piece a message, the buttons on the last one.
		pieces := splitText(c.Text, limit)
		for i, p := range pieces {
			part := mailbox.Call{Text: p}
			if i == len(pieces)-1 {
				part = c
				part.Text = p
			}
			if err := appendPart(&out, o, o.Method, part); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	media := c
	media.Text = first
	if err := appendPart(&out, o, o.Method, media); err != nil {
		return nil, err
	}
	for _, p := range splitText(rest, telegramTextLimit) {
		if err := appendPart(&out, o, mailbox.MethodSendMessage, mailbox.Call{Text: p}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func appendPart(out *[]mailbox.Message, o mailbox.Message, method string, c mailbox.Call) error {
	part, err := mailbox.New(o.ChatID, o.Priority, method, c)
	if err != nil {
		return err
	}
	part.CaseID = o.CaseID
	if len(*out) == 0 {
		part.Kind, part.Refs = o.Kind, o.Refs // an alert counts once
	}
	*out = append(*out, part)
	return nil
}

// Tx returns tx queueing calls within Telegram's length limits: a text
// or caption too long is split into several messages (splitOutgoing),
// never cut, and an album's items are gathered into one call.
func Tx(tx mailbox.Tx) mailbox.Tx { return splitTx{tx} }

// splitTx queues calls within Telegram's length limits.
type splitTx struct{ mailbox.Tx }

func (t splitTx) Enqueue(ctx context.Context, now time.Time, out ...mailbox.Message) error {
	out, err := joinAlbums(out)
	if err != nil {
		return err
	}
	all := make([]mailbox.Message, 0, len(out))
	for _, o := range out {
		if o.Kind == mailbox.KindAlbum {
			if o.NotBefore.IsZero() {
				o.NotBefore = now.Add(albumWait)
			}
			merged, err := t.gather(ctx, now, o)
			if err != nil {
				return err
			}
			if merged {
				continue
			}
		}
		parts, err := splitOutgoing(o)
		if err != nil {
			return err
		}
		all = append(all, parts...)
	}
	return t.Tx.Enqueue(ctx, now, all...)
}
