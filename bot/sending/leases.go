package sending

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/koreandesk/hotline/mailbox"
)

// Leases keeps the leases of the calls a dispatcher holds alive for as
// long as it holds them: while they wait for the pace (which can take
// longer than a lease when many calls share Telegram's 30 a second, or a
// chat's one a second) and while they are sent. Without it, a call whose
// lease ran out during the pace's wait is claimed by another dispatcher,
// whose own wait outlasts its lease in turn: two dispatchers then take
// the same calls from each other for ever and none is sent.
//
// One statement extends every lease that is past half its time, each
// quarter lease; a call found no longer held is marked lost, and its
// sender drops it and the calls after it in its chat (their new holder
// sends them, in order). A dispatcher that dies stops extending, and its
// calls are free again within a lease.
type Leases struct {
	outbox mailbox.Outbox
	now    func() time.Time
	log    *slog.Logger

	mu   sync.Mutex
	held map[int64]*held
}

type held struct {
	m       mailbox.Message
	expires time.Time
	lost    bool
}

func NewLeases(outbox mailbox.Outbox, now func() time.Time, log *slog.Logger) *Leases {
	return &Leases{outbox: outbox, now: now, log: log, held: map[int64]*held{}}
}

// Add registers claimed calls, leased until claimedAt+lease.
func (l *Leases) Add(calls []mailbox.Message, lease time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range calls {
		l.held[c.ID] = &held{m: c, expires: c.ClaimedAt.Add(lease)}
	}
}

// Drop forgets calls whose result is recorded (or that are handed back).
func (l *Leases) Drop(calls ...mailbox.Message) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range calls {
		delete(l.held, c.ID)
	}
}

// Expires is when the lease of a call in hand runs out, and whether it is
// still held.
func (l *Leases) Expires(c mailbox.Message) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.held[c.ID]
	if !ok || h.lost {
		return time.Time{}, false
	}
	return h.expires, true
}

// Extended records a lease the sender extended itself.
func (l *Leases) Extended(c mailbox.Message, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if h, ok := l.held[c.ID]; ok && until.After(h.expires) {
		h.expires = until
	}
}

// Keep extends the leases in hand until ctx is done.
func (l *Leases) Keep(ctx context.Context, lease time.Duration) {
	t := time.NewTicker(max(lease/4, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			l.extend(ctx, lease)
		}
	}
}

// extend extends, in one statement, every lease past half its time.
func (l *Leases) extend(ctx context.Context, lease time.Duration) {
	now := l.now()
	l.mu.Lock()
	var due []mailbox.Message
	for _, h := range l.held {
		if !h.lost && h.expires.Sub(now) < lease/2 {
			due = append(due, h.m)
		}
	}
	l.mu.Unlock()
	if len(due) == 0 {
		return
	}
	lost, err := l.outbox.Extend(context.WithoutCancel(ctx), due, now, lease)
	if err != nil {
		// The leases may run out; at worst another dispatcher sends
		// those calls, and this one's results are refused.
		l.log.Error("extend outbox leases", "calls", len(due), "err", err)
		return
	}
	gone := make(map[int64]bool, len(lost))
	for _, id := range lost {
		gone[id] = true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, m := range due {
		h, ok := l.held[m.ID]
		switch {
		case !ok:
		case gone[m.ID]:
			h.lost = true
		case now.Add(lease).After(h.expires):
			h.expires = now.Add(lease)
		}
	}
	if len(lost) > 0 {
		l.log.Warn("outbox leases lost to another dispatcher", "calls", len(lost))
	}
}
