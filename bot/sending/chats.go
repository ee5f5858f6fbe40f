package sending

import (
	"sync"
	"time"

	"github.com/koreandesk/hotline/mailbox"
)

// Chats are the chats a dispatcher is sending to, each with the calls it
// holds for it, in order: one runner a chat sends them one after another,
// whether they were claimed or handed off (mailbox.Queued). Calls for a
// chat already running are queued behind its calls; when one of its calls
// is not delivered, the run stops and the rest are handed back, so none
// overtakes it.
//
// A hand-off may rely on calls the chat's run held when the transaction
// was made (see Held): they go after those, and only if every one of those
// was sent. When the run has ended by then, how it ended (kept for a
// while, see endedFor) says whether they may go; otherwise they are
// handed back to be claimed.
type Chats struct {
	mu     sync.Mutex
	runs   map[int64]*run
	ended  map[int64]ended
	pruned time.Time
}

type run struct {
	calls []mailbox.Message
	next  int // calls[next] is the next to send
}

type ended struct {
	last int64 // the highest id the run held
	ok   bool  // every call was sent
	at   time.Time
}

// endedFor is how long the end of a chat's run is remembered: longer than
// an update's transaction may take (statement timeouts are 30 s).
const endedFor = time.Minute

func NewChats() *Chats {
	return &Chats{runs: map[int64]*run{}, ended: map[int64]ended{}}
}

// Start adds claimed calls of one chat, in order, to the chat's run and
// reports whether a run starts (the caller then sends it: Next until
// false) or they were queued behind the run in progress.
func (c *Chats) Start(calls []mailbox.Message) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.add(calls)
}

func (c *Chats) add(calls []mailbox.Message) bool {
	chat := calls[0].ChatID
	if r, ok := c.runs[chat]; ok {
		r.calls = append(r.calls, calls...)
		return false
	}
	c.runs[chat] = &run{calls: calls}
	return true
}

// HandOff adds handed-off calls of one chat that were queued after its
// calls up to id after (0: none) as Start does. ok is false when they may
// not go (a call they were queued after was not sent, or it is not known):
// the caller hands them back.
func (c *Chats) HandOff(calls []mailbox.Message, after int64) (start, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	chat := calls[0].ChatID
	if _, running := c.runs[chat]; !running && after > 0 {
		e, known := c.ended[chat]
		if !known || !e.ok || e.last < after {
			return false, false
		}
	}
	return c.add(calls), true
}

// Next returns the chat's next call; false when there is none left, and
// the run has ended with every call sent.
func (c *Chats) Next(chat int64) (mailbox.Message, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.runs[chat]
	if r.next < len(r.calls) {
		r.next++
		return r.calls[r.next-1], true
	}
	c.end(chat, r, true)
	return mailbox.Message{}, false
}

// Stop ends the chat's run after its current call was not delivered, and
// returns the calls not tried, to be handed back.
func (c *Chats) Stop(chat int64) []mailbox.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.runs[chat]
	rest := r.calls[r.next:]
	c.end(chat, r, false)
	return rest
}

func (c *Chats) end(chat int64, r *run, ok bool) {
	now := time.Now()
	delete(c.runs, chat)
	c.ended[chat] = ended{last: r.calls[len(r.calls)-1].ID, ok: ok, at: now}
	if now.Sub(c.pruned) < endedFor/4 {
		return
	}
	c.pruned = now
	for id, e := range c.ended {
		if now.Sub(e.at) > endedFor {
			delete(c.ended, id)
		}
	}
}

// Held returns the calls held for the given chats: a transaction may queue
// calls into such a chat already leased while the chat's pending calls are
// all among them (see mailbox.HandOff).
func (c *Chats) Held(chats []int64) []mailbox.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	var held []mailbox.Message
	for _, chat := range chats {
		if r, ok := c.runs[chat]; ok {
			held = append(held, r.calls...)
		}
	}
	return held
}
