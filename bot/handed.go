package bot

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/koreandesk/hotline/mailbox"
)

// handed is the workers' queue of updates the receiver stored already
// claimed (see mailbox.Inbox.SaveUpdates): a worker takes them from here
// instead of claiming them, which saves a statement and a row version for
// each. It takes only as many as its room, and none while updates wait in
// the inbox unclaimed (stored when it was full, a chat's later updates,
// retries): those are claimed first, most urgent first, so the queue never
// lets a newer update overtake them. What is left in it at shutdown is
// handed back to the inbox.
type handed struct {
	mu   sync.Mutex
	us   []mailbox.Update
	room int
	shut bool
	// waiting are chats with an update left in the inbox behind one in
	// progress: when a worker has processed one of theirs, it looks there.
	waiting map[int64]bool
	// inInbox counts stores that left updates to claim in the inbox
	// since a worker last claimed there; poll asks a worker to look
	// there (another replica stored updates).
	inInbox atomic.Int64
	poll    atomic.Bool
	// urgent counts stores that left an urgent update (a /sos) in the
	// inbox, which happens when the queue was full: a worker then looks
	// in the inbox before taking the next handed update, so the person
	// in danger does not wait behind the queue.
	urgent atomic.Int64
}

func newHanded(room int) *handed { return &handed{room: room, waiting: map[int64]bool{}} }

// maxWaiting bounds the chats remembered as waiting; past it, they are
// forgotten and the workers look in the inbox.
const maxWaiting = 10_000

// left notes the chats of updates the receiver stored and did not claim,
// and whether one of them is urgent.
func (h *handed) left(chats []int64, urgent bool) {
	if h == nil || len(chats) == 0 {
		return
	}
	if urgent {
		h.urgent.Add(1)
	}
	h.mu.Lock()
	if len(h.waiting)+len(chats) > maxWaiting {
		clear(h.waiting)
	}
	for _, c := range chats {
		h.waiting[c] = true
	}
	h.mu.Unlock()
	h.inInbox.Add(1)
}

// urgentLeft reports whether an urgent update was left in the inbox since
// a worker last asked (and forgets it).
func (h *handed) urgentLeft() bool { return h != nil && h.urgent.Swap(0) > 0 }

// done reports whether a later update of one of the chats of us was left
// in the inbox (and forgets it).
func (h *handed) done(us []mailbox.Update) bool {
	if h == nil {
		return false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	found := false
	for _, u := range us {
		if h.waiting[u.ChatID] {
			delete(h.waiting, u.ChatID)
			found = true
		}
	}
	return found
}

// free is how many updates the receiver may store claimed now.
func (h *handed) free() int {
	if h == nil || h.inInbox.Load() > 0 {
		return 0
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.shut {
		return 0
	}
	return max(h.room-len(h.us), 0)
}

// put queues updates stored claimed; after shutdown it returns them to be
// handed back.
func (h *handed) put(us []mailbox.Update) (back []mailbox.Update) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.shut {
		return us
	}
	h.us = append(h.us, us...)
	slices.SortStableFunc(h.us, func(a, b mailbox.Update) int { return cmp.Compare(a.Priority, b.Priority) })
	return nil
}

// take returns up to n queued updates (claimBatch when the first is
// urgent), most urgent first, then in the order stored.
func (h *handed) take(n int) []mailbox.Update {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.us) > 0 && h.us[0].Priority == mailbox.PriorityUrgent {
		n = min(n, claimBatch)
	}
	n = min(n, len(h.us))
	out := h.us[:n:n]
	h.us = h.us[n:]
	return out
}

// close stops the queue and returns what is left in it.
func (h *handed) close() []mailbox.Update {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.shut = true
	out := h.us
	h.us = nil
	return out
}
