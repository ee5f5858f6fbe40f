package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// maxUpdateAttempts is how often a failing update is retried before the
// user is told and the update is set aside for the operators.
const maxUpdateAttempts = 5

// Worker processes stored updates, one transaction each. Several workers
// (and replicas) run side by side: the inbox hands each chat's updates out
// one at a time and in order.
type Worker struct {
	inbox   mailbox.Inbox
	h       *Handler
	log     *slog.Logger
	now     Clock
	metrics *Metrics
	wake    <-chan struct{}
	sent    func() // wakes the dispatcher after a commit
	idle    time.Duration
}

// Run processes updates until stop is closed. It then finishes what was
// already received, for at most drain, so a reply to an update that
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
		found, err := w.processOne(ctx)
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
		if found, err := w.processOne(ctx); !found || err != nil {
			return
		}
	}
}

func (w *Worker) processOne(ctx context.Context) (bool, error) {
	var current mailbox.Update
	found, err := w.inbox.ProcessNext(ctx, w.now(), func(ctx context.Context, tx mailbox.Tx, u mailbox.Update) (err error) {
		current = u
		// A bug in one update must not take the bot down for everyone:
		// it becomes a failed update, retried and then set aside.
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
			}
		}()
		return w.h.Handle(ctx, tx, u)
	})
	switch {
	case err == nil && found:
		w.metrics.UpdatesProcessed.Inc()
		w.sent()
		return true, nil
	case err == nil:
		return false, nil
	case current.Seq == 0:
		// The database failed before an update was picked.
		w.log.Error("pick update", "err", err)
		return false, err
	}
	w.failed(ctx, current, err)
	return true, err
}

// failed records a failed update: retried with backoff, and after
// maxUpdateAttempts set aside with a localised apology to the user, so one
// poisoned update never blocks its chat for good.
func (w *Worker) failed(ctx context.Context, u mailbox.Update, cause error) {
	log := w.log.With("update_id", u.UpdateID, "chat_id", u.ChatID, "attempt", u.Attempts+1)
	if flows.ErrorCode(cause) == flows.EUnavailable {
		log.Warn("database unavailable; update stays pending", "err", cause)
		return
	}
	if u.Attempts+1 < maxUpdateAttempts {
		w.metrics.UpdatesFailed.WithLabelValues("retry").Inc()
		log.Error("process update; will retry", "err", cause)
		if err := w.inbox.RetryUpdate(ctx, u.Seq, w.now().Add(backoff(u.Attempts+1)), cause); err != nil {
			log.Error("record update retry", "err", err)
		}
		return
	}
	w.metrics.UpdatesFailed.WithLabelValues("abandoned").Inc()
	log.Error("process update; abandoned", "err", cause)
	err := w.inbox.AbandonUpdate(ctx, u, w.now(), cause, func(ctx context.Context, tx mailbox.Tx) error {
		return w.h.Abandoned(ctx, tx, u)
	})
	if err != nil {
		log.Error("abandon update", "err", err)
		return
	}
	w.sent()
}
