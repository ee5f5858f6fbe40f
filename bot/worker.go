package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"time"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Worker processes stored updates, several in one transaction (see
// processSome). Several workers (and replicas) run side by side: the inbox
// hands each chat's updates out one at a time and in order.
//
// An attempt is counted durably when the update is claimed, before the
// handler runs, so a process killed inside the handler has used it too
// and a poisoned update cannot crash-loop the bot. An attempt that fails
// because the database is unavailable is handed back uncounted. After
// maxAttempts the update is set aside: the person is told, the payload is
// kept, and the chat's next update goes on.
type Worker struct {
	inbox       mailbox.Inbox
	h           *Handler
	log         *slog.Logger
	now         Clock
	metrics     *Metrics
	wake        <-chan struct{}
	out         outgoing  // the dispatcher, told of each commit
	handed      *handed   // updates stored claimed for the workers (nil: none)
	polled      time.Time // when it last claimed in the inbox
	again       bool      // look in the inbox next (see next)
	idle        time.Duration
	lease       time.Duration // how long a claimed update is reserved
	maxAttempts int
}

// Run processes updates until stop is closed. It then finishes what was
// already received, until drainUntil, so a reply to an update that
// arrived just before SIGTERM still goes out; the rest stays in the inbox
// for the next start. ctx is for database calls and outlives stop.
func (w *Worker) Run(ctx context.Context, stop <-chan struct{}, drain time.Duration) {
	for {
		select {
		case <-stop:
			w.drain(ctx, drain)
			return
		default:
		}
		found, err := w.processSome(ctx)
		if found && err == nil {
			continue
		}
		wait := w.idle
		if err != nil {
			wait = time.Second // database trouble: don't spin
		}
		select {
		case <-stop:
			w.drain(ctx, drain)
			return
		case <-w.wake:
		case <-time.After(wait):
		}
	}
}

func (w *Worker) drain(ctx context.Context, drain time.Duration) {
	deadline := time.Now().Add(drain)
	for time.Now().Before(deadline) {
		w.polled = time.Time{} // look in the inbox too
		if found, err := w.processSome(ctx); !found || err != nil {
			return
		}
	}
}

// outgoing is the dispatcher as a worker tells it what a commit queued
// (see Dispatcher).
type outgoing interface {
	Offer(chats []int64) mailbox.HandOff
	HandOff(offer mailbox.HandOff, calls []mailbox.Message)
	Kick()
}

// offer is the dispatcher's offer for the chats of us.
func (w *Worker) offer(us []mailbox.Update) mailbox.HandOff {
	chats := make([]int64, len(us))
	for i, u := range us {
		chats[i] = u.ChatID
	}
	return w.out.Offer(chats)
}

// queued tells the dispatcher what a commit queued: calls handed off to
// it, and whether others wait for a claim.
func (w *Worker) queued(offer mailbox.HandOff, q mailbox.Queued) {
	w.out.HandOff(offer, q.Leased)
	if q.Others {
		w.out.Kick()
	}
}

// claimBatch is how many ready updates, of different chats, a worker
// claims at once, or takes from those handed to it when the first is
// urgent; takeBatch how many it takes otherwise. It handles them in one
// transaction, which costs seven statements whatever its size: in the
// closed loop of make bench-load batches of 8 were always full, and 16
// took the commits per update from 0.33 to 0.27 and the CPU an update by
// about a tenth. In a burst of /sos, batches of 16 made the desk's first
// alert come after 1.2-1.6 s instead of 0.3-0.7 s (each commit later).
const (
	claimBatch = 8
	takeBatch  = 16
)

// processSome claims updates and handles those on their first attempt in
// one transaction, one commit for all. If one fails, each is handled again
// alone, as are updates tried before: no update's failure costs another
// an attempt, and a crash inside a batch costs each of its updates one,
// after which each is handled alone.
func (w *Worker) processSome(ctx context.Context) (bool, error) {
	us, err := w.next(ctx)
	if err != nil {
		w.log.Error("claim updates", "err", err)
		return false, err
	}
	first := slices.DeleteFunc(slices.Clone(us), func(u mailbox.Update) bool { return u.Attempts > 1 })
	if len(first) > 1 {
		offer := w.offer(first)
		if q, err := w.inbox.ProcessAll(ctx, first, w.now(), offer, w.handle); err == nil {
			w.metrics.UpdatesProcessed.Add(float64(len(first)))
			w.queued(offer, q)
			us = slices.DeleteFunc(us, func(u mailbox.Update) bool { return u.Attempts <= 1 })
		}
	}
	for _, u := range us {
		err = cmp.Or(w.processOne(ctx, u), err)
	}
	if w.handed.done(first) || w.handed.done(us) {
		w.again = true // a later update of one of their chats waits in the inbox
	}
	return len(us) > 0 || len(first) > 0, err
}

// next returns the updates to process next: those handed over claimed
// first (they were stored before any update left in the inbox), then the
// inbox's when there is a reason to look there: updates the receiver left
// there, a later update of a chat just processed, another replica's, the
// last look found some; and at least every idle period (retries that have
// come due). An urgent update left in the inbox (the queue was full when
// it came) goes before the queue: the inbox is claimed most urgent first.
func (w *Worker) next(ctx context.Context) ([]mailbox.Update, error) {
	due := time.Since(w.polled) >= w.idle || w.handed.urgentLeft()
	if !due {
		if us := w.handed.take(takeBatch); len(us) > 0 {
			return us, nil
		}
	}
	look := w.handed == nil || due || w.again || w.handed.inInbox.Swap(0) > 0 || w.handed.poll.Swap(false)
	if !look {
		return nil, nil
	}
	w.polled = time.Now()
	us, err := w.inbox.ClaimUpdates(ctx, w.now(), w.lease, claimBatch)
	w.again = len(us) > 0
	if err != nil || len(us) > 0 {
		return us, err
	}
	return w.handed.take(takeBatch), nil
}

// handle runs the handler for one update inside its transaction. A bug in
// one update must not take the bot down for everyone: it becomes a failed
// update, retried and then set aside.
func (w *Worker) handle(ctx context.Context, tx mailbox.Tx, u mailbox.Update) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	return w.h.Handle(ctx, tx, u)
}

func (w *Worker) processOne(ctx context.Context, u mailbox.Update) error {
	if u.Attempts > w.maxAttempts {
		// Every attempt allowed was made and none finished: the process
		// died inside the handler (or lost its claim) each time.
		cause := errors.New("no attempt finished (the process stopped while handling it)")
		if u.LastError != "" {
			cause = fmt.Errorf("%s; last error: %s", cause, u.LastError)
		}
		return w.setAside(ctx, u, cause)
	}
	offer := w.offer([]mailbox.Update{u})
	q, err := w.inbox.Process(ctx, u, w.now(), offer, w.handle)
	if err == nil {
		w.metrics.UpdatesProcessed.Inc()
		w.queued(offer, q)
		return nil
	}
	return w.failed(ctx, u, err)
}

// failed records a failed attempt: handed back uncounted when the database
// was unavailable, retried with backoff, or set aside after maxAttempts.
func (w *Worker) failed(ctx context.Context, u mailbox.Update, cause error) error {
	log := w.log.With("update_id", u.UpdateID, "chat_id", u.ChatID, "attempt", u.Attempts)
	switch {
	case errors.Is(cause, mailbox.ErrLeaseLost):
		// Another worker took it, or it was handed back behind an
		// earlier update of its chat: a worker that processes one of
		// the chat's looks in the inbox after it.
		log.Warn("update claim lost or handed back", "err", cause)
		w.handed.left([]int64{u.ChatID}, u.Priority == mailbox.PriorityUrgent)
		return nil
	case flows.ErrorCode(cause) == flows.EUnavailable:
		w.metrics.UpdatesFailed.WithLabelValues("unavailable").Inc()
		log.Warn("database unavailable; update stays pending, attempt not counted", "err", cause)
		w.release(ctx, u, log)
		return cause
	}
	if u.Attempts < w.maxAttempts {
		w.metrics.UpdatesFailed.WithLabelValues("retry").Inc()
		log.Error("process update; will retry", "err", cause)
		if err := w.inbox.RetryUpdate(ctx, u, w.now().Add(backoff(u.Attempts)), cause); err != nil {
			log.Error("record update retry", "err", err)
		}
		return nil
	}
	return w.setAside(ctx, u, cause)
}

// release hands the attempt back, trying until the database answers or
// the claim's lease runs out (after which the attempt stays counted, as
// for a crash).
func (w *Worker) release(ctx context.Context, u mailbox.Update, log *slog.Logger) {
	deadline := time.Now().Add(w.lease)
	for {
		err := w.inbox.ReleaseUpdate(ctx, u)
		if err == nil {
			return
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			log.Error("hand back update attempt", "err", err)
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// setAside gives up on an update: the person gets a localised apology and
// the payload is kept in the inbox for the desk.
func (w *Worker) setAside(ctx context.Context, u mailbox.Update, cause error) error {
	log := w.log.With("update_id", u.UpdateID, "chat_id", u.ChatID, "attempts", u.Attempts)
	w.metrics.UpdatesFailed.WithLabelValues("set_aside").Inc()
	log.Error("update set aside after its attempts", "err", cause)
	err := w.inbox.SetAside(ctx, u, w.now(), cause, func(ctx context.Context, tx mailbox.Tx) error {
		return w.h.Abandoned(ctx, tx, u, cause)
	})
	if err != nil {
		log.Error("set aside update", "err", err)
		return err
	}
	w.out.Kick()
	return nil
}
