package bot

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/koreandesk/hotline/mailbox"
)

// Dispatcher sends the outbox. Each round it leases the head call of every
// chat that has one ready, most urgent first, and sends them concurrently
// under a global rate limit; a chat waiting out a 429 or a retry holds up
// only itself.
type Dispatcher struct {
	outbox  mailbox.Outbox
	sender  Sender
	log     *slog.Logger
	now     Clock
	metrics *Metrics
	limiter *rate.Limiter
	kick    chan struct{}
	// Batch is how many chats one round serves; Lease is how long a
	// claimed call is reserved for this dispatcher; Idle is how often an
	// idle dispatcher looks for calls whose retry time has come.
	Batch int
	Lease time.Duration
	Idle  time.Duration
}

// NewDispatcher returns a dispatcher sending at most perSecond calls a
// second (Telegram allows about 30).
func NewDispatcher(outbox mailbox.Outbox, sender Sender, perSecond int, m *Metrics, log *slog.Logger, now Clock) *Dispatcher {
	return &Dispatcher{
		outbox: outbox, sender: sender, log: log.With("component", "dispatcher"), now: now, metrics: m,
		limiter: rate.NewLimiter(rate.Limit(perSecond), perSecond),
		kick:    make(chan struct{}, 1),
		Batch:   50, Lease: 30 * time.Second, Idle: 250 * time.Millisecond,
	}
}

// sendTimeout bounds one Bot API call.
const sendTimeout = 30 * time.Second

// Kick wakes the dispatcher after a transaction queued calls.
func (d *Dispatcher) Kick() {
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// Run sends until ctx is done.
func (d *Dispatcher) Run(ctx context.Context) {
	for ctx.Err() == nil {
		n, err := d.round(ctx)
		if err != nil && ctx.Err() == nil {
			d.log.Error("claim outbox", "err", err)
		}
		if n > 0 && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
		case <-d.kick:
		case <-time.After(d.Idle):
		}
	}
}

// Flush sends every call that is ready now, until none is left or ctx is
// done. Shutdown uses it so replies of finished updates leave before exit;
// calls waiting for a retry stay in the outbox for the next start.
func (d *Dispatcher) Flush(ctx context.Context) error {
	for {
		n, err := d.round(ctx)
		if err != nil || n == 0 {
			return err
		}
	}
}

// round claims one batch and sends it, returning how many were claimed.
// A call in flight is never cut off by shutdown (that could deliver it
// while recording it as failed, and send it twice); calls not yet started
// when ctx ends are released for the next start.
func (d *Dispatcher) round(ctx context.Context) (int, error) {
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	// Not cancellable: a claim cancelled mid-query may still commit its
	// leases, hiding those calls from the shutdown flush for a lease.
	calls, err := d.outbox.Claim(context.WithoutCancel(ctx), d.now(), d.Batch, d.Lease)
	if err != nil || len(calls) == 0 {
		return 0, err
	}
	var wg sync.WaitGroup
	for i, c := range calls {
		if err := d.limiter.Wait(ctx); err != nil {
			d.release(calls[i:])
			break
		}
		wg.Go(func() { d.send(context.WithoutCancel(ctx), c) })
	}
	wg.Wait()
	return len(calls), nil
}

// release hands leased calls back without counting an attempt's failure.
func (d *Dispatcher) release(calls []mailbox.Message) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, c := range calls {
		d.record(d.log.With("outbox_id", c.ID), d.outbox.Retry(ctx, c.ID, d.now(), errShutdown))
	}
}

var errShutdown = errors.New("not sent before shutdown")

// send makes one call and records the result. Recording uses a context
// that outlives shutdown's cancel so a delivered message is not resent.
func (d *Dispatcher) send(ctx context.Context, c mailbox.Message) {
	log := d.log.With("outbox_id", c.ID, "chat_id", c.ChatID, "method", c.Method, "attempt", c.Attempts)
	sendCtx, cancelSend := context.WithTimeout(ctx, sendTimeout)
	msgID, err := d.sender.Send(sendCtx, c.ChatID, c.Method, c.Payload)
	cancelSend()
	rec, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err == nil {
		d.metrics.OutboxSent.WithLabelValues(c.Method).Inc()
		d.record(log, d.outbox.Sent(rec, c.ID, msgID, d.now()))
		return
	}
	switch v, retryAfter := classify(err); v {
	case treatAsSent:
		d.record(log, d.outbox.Sent(rec, c.ID, 0, d.now()))
	case giveUp:
		d.metrics.OutboxFailed.WithLabelValues("given_up").Inc()
		log.Warn("gave up on call", "err", err)
		d.record(log, d.outbox.Fail(rec, c.ID, err, d.now()))
	default:
		d.metrics.OutboxFailed.WithLabelValues("retry").Inc()
		wait := backoff(c.Attempts)
		if retryAfter > 0 {
			wait = time.Duration(retryAfter) * time.Second
		}
		log.Info("call will be retried", "err", err, "retry_in", wait)
		d.record(log, d.outbox.Retry(rec, c.ID, d.now().Add(wait), err))
	}
}

func (d *Dispatcher) record(log *slog.Logger, err error) {
	if err != nil {
		// The lease runs out and the call is retried: at worst a
		// message is sent twice, never lost.
		log.Error("record call result", "err", err)
	}
}

// backoff is the wait before attempt n+1 of a transient failure: 1 s
// doubling to 5 minutes, with jitter so a recovering API is not hit by
// every chat at once.
func backoff(attempts int) time.Duration {
	d := time.Second << min(max(attempts-1, 0), 9)
	d = min(d, 5*time.Minute)
	return d/2 + rand.N(d/2+1)
}
