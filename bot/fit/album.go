package fit

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/koreandesk/hotline/mailbox"
)

// albumWait is how long an album's call waits in the outbox for the rest
// of the album: Telegram delivers an album as one update per item, in a
// row, and the officer gets one album, not one message per item.
const albumWait = 3 * time.Second

// gather adds an album item to the call still gathering its album for the
// same chat, when there is one (merged is true), or holds a new call
// back for albumWait so that the album's later items can join it. An item
// past the call's size, or arriving after the call went out, starts a
// new one. A caption too long for Telegram is split as the call is
// queued.
func (t splitTx) gather(ctx context.Context, now time.Time, o mailbox.Message) (merged bool, err error) {
	if len(o.Refs) != 1 {
		return false, nil
	}
	var item mailbox.Call
	if err := json.Unmarshal(o.Payload, &item); err != nil {
		return false, err
	}
	id, payload, err := t.PendingAlbum(ctx, o.ChatID, o.Refs[0], now)
	if err != nil || id == 0 {
		return false, err
	}
	var album mailbox.Call
	if err := json.Unmarshal(payload, &album); err != nil {
		return false, err
	}
	if len(album.Media)+len(item.Media) > mailbox.AlbumSize {
		return false, nil
	}
	album.Media = append(album.Media, item.Media...)
	var rest []string
	for i := range album.Media {
		album.Media[i].Caption, rest = fitCaption(album.Media[i].Caption, rest)
	}
	b, err := json.Marshal(album)
	if err != nil {
		return false, err
	}
	if err := t.UpdateBundle(ctx, id, o.Refs, b); err != nil {
		return false, err
	}
	return true, t.overflow(ctx, now, o, rest)
}

// joinAlbums gathers the items of one album queued to one chat in one
// transaction (an album a reporter sent before the case existed, put on
// the case at once) into the first item's call, up to an album's size,
// before they are gathered with a call already queued.
func joinAlbums(out []mailbox.Message) ([]mailbox.Message, error) {
	albums := 0
	for _, o := range out {
		if o.Kind == mailbox.KindAlbum {
			albums++
		}
	}
	if albums < 2 {
		return out, nil // nearly every transaction: nothing to join, nothing allocated
	}
	type album struct {
		chat int64
		ref  string
	}
	first := map[album]int{}
	joined := make([]mailbox.Message, 0, len(out))
	for _, o := range out {
		if o.Kind != mailbox.KindAlbum || len(o.Refs) != 1 {
			joined = append(joined, o)
			continue
		}
		key := album{o.ChatID, o.Refs[0]}
		if i, ok := first[key]; ok {
			m, added, err := addItems(joined[i], o)
			if err != nil {
				return nil, err
			}
			if added {
				joined[i] = m
				continue
			}
		}
		first[key] = len(joined)
		joined = append(joined, o)
	}
	return joined, nil
}

// addItems adds the items of o's call to album's, when they fit in one
// album (added).
func addItems(album, o mailbox.Message) (m mailbox.Message, added bool, err error) {
	a, err := album.Call()
	if err != nil {
		return album, false, err
	}
	item, err := o.Call()
	if err != nil || len(a.Media)+len(item.Media) > mailbox.AlbumSize {
		return album, false, err
	}
	a.Media = append(slices.Clip(a.Media), item.Media...)
	m, err = mailbox.New(album.ChatID, album.Priority, album.Method, a)
	if err != nil {
		return album, false, err
	}
	m.CaseID, m.Kind, m.Refs, m.NotBefore = album.CaseID, album.Kind, album.Refs, album.NotBefore
	return m, true, nil
}

// overflow queues the parts of captions that did not fit, after the album.
func (t splitTx) overflow(ctx context.Context, now time.Time, o mailbox.Message, rest []string) error {
	var out []mailbox.Message
	for _, r := range rest {
		for _, p := range splitText(r, telegramTextLimit) {
			if err := appendPart(&out, o, mailbox.MethodSendMessage, mailbox.Call{Text: p}); err != nil {
				return err
			}
		}
	}
	for i := range out {
		out[i].Kind, out[i].Refs = "", nil
	}
	return t.Tx.Enqueue(ctx, now, out...)
}

// fitCaption keeps what of a caption fits Telegram's limit and adds the
// rest, if any, to rest.
func fitCaption(caption string, rest []string) (string, []string) {
	if utf16Len(caption) <= telegramCaptionLimit {
		return caption, rest
	}
	first := splitText(caption, telegramCaptionLimit)[0]
	return first, append(rest, strings.TrimLeft(caption[len(first):], "\n "))
}

// splitAlbum starts an album: the call's Text (the case's header) heads
// the first item's caption, and what of a caption does not fit Telegram's
// limit follows the album as messages.
func splitAlbum(o mailbox.Message) ([]mailbox.Message, error) {
	var c mailbox.Call
	if err := json.Unmarshal(o.Payload, &c); err != nil || len(c.Media) == 0 {
		return []mailbox.Message{o}, nil
	}
	if c.Text != "" {
		c.Media[0].Caption = strings.TrimRight(c.Text+"\n"+c.Media[0].Caption, "\n")
		c.Text = ""
	}
	var rest []string
	for i := range c.Media {
		c.Media[i].Caption, rest = fitCaption(c.Media[i].Caption, rest)
	}
	album, err := mailbox.New(o.ChatID, o.Priority, o.Method, c)
	if err != nil {
		return nil, err
	}
	album.CaseID, album.Kind, album.Refs, album.NotBefore = o.CaseID, o.Kind, o.Refs, o.NotBefore
	out := []mailbox.Message{album}
	for _, r := range rest {
		for _, p := range splitText(r, telegramTextLimit) {
			if err := appendPart(&out, o, mailbox.MethodSendMessage, mailbox.Call{Text: p}); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
