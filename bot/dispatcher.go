package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/koreandesk/hotline/bot/sending"
	"github.com/koreandesk/hotline/mailbox"
)

// Dispatcher sends the outbox. It keeps up to Batch chats in flight: it
// leases the head call of each chat that has one ready, most urgent first,
// with the calls that follow it in its chat, and sends each chat's calls in
// order, chats concurrently, under a pace that keeps Telegram's limits
// (bot/sending); a chat waiting out a 429 or a retry holds up only itself. As
// soon as a chat is done, more are claimed. Results are written in groups
// (bot/sending).
//
// Several dispatchers (replicas, or a rolling deploy) may share one
// outbox. A claim writes a lease token; the dispatcher keeps the leases of
// the calls in hand alive while they wait for the pace and while they are
// sent (bot/sending), and a send that would outlast its lease extends it
// first, so no call can still be in flight when another dispatcher may
// take it; and every result is written only by the lease's holder, so a
// stale dispatcher never marks a delivered call for retry.
type Dispatcher struct {
	outbox  mailbox.Outbox
	sender  Sender
	log     *slog.Logger
	now     Clock
	metrics *Metrics
	pace    *sending.Pacer
	kick    chan struct{}
	results *sending.Recorder
	leases  *sending.Leases
	// lastRound is when a round last finished (unix nanoseconds), for
	// readiness.
	lastRound atomic.Int64
	// chats are the chats being sent to, each with its calls in hand;
	// runners their senders, inflight how many; running is set while
	// Run runs (runMu orders it with starting a runner); backlog when
	// the last claim found as many chats as it asked for (more may
	// wait); queued counts the Kicks (commits that queued calls to
	// claim); freed tells Run a chat's run ended.
	chats            *sending.Chats
	runners          sync.WaitGroup
	runMu            sync.RWMutex
	runCtx           context.Context
	running, backlog atomic.Bool
	inflight, queued atomic.Int64
	freed            chan struct{}
	// Batch is how many chats are served at once; Follow how many more
	// calls of a chat go with its first in one claim; Lease is how long a
	// claimed call is reserved; SendTimeout bounds one Bot API call and
	// must be shorter than Lease; Idle is how often an idle dispatcher
	// looks for calls whose retry time has come.
	Batch       int
	Follow      int
	Lease       time.Duration
	SendTimeout time.Duration
	Idle        time.Duration
	// Giving up: a call is given up when it is older than MaxAge, or
	// after MaxAmbiguous attempts that Telegram may have applied (a
	// timeout, a 5xx), each of which may have delivered a copy.
	MaxAge       time.Duration
	MaxAmbiguous int
	// UrgentRetry caps the wait before an urgent call is tried again
	// (a 429's retry_after is still honoured).
	UrgentRetry time.Duration
	// GaveUp, when set, is told about each call given up, after the
	// fact is recorded.
	GaveUp func(ctx context.Context, c mailbox.Message, cause error)
}

// NewDispatcher returns a dispatcher sending at most perSecond calls a
// second (Telegram allows about 30).
func NewDispatcher(outbox mailbox.Outbox, sender Sender, perSecond int, m *Metrics, log *slog.Logger, now Clock) *Dispatcher {
	d := &Dispatcher{
		outbox: outbox, sender: sender, log: log.With("component", "dispatcher"), now: now, metrics: m,
		pace: sending.NewPacer(perSecond, 0, 1),
		kick: make(chan struct{}, 1), freed: make(chan struct{}, 1), chats: sending.NewChats(),
		Batch: 50, Follow: 4, Lease: 30 * time.Second, SendTimeout: 15 * time.Second, Idle: 250 * time.Millisecond,
		MaxAge: 24 * time.Hour, MaxAmbiguous: 3, UrgentRetry: 5 * time.Second,
	}
	d.results = sending.NewRecorder(outbox, now)
	d.leases = sending.NewLeases(outbox, now, d.log)
	d.lastRound.Store(time.Now().UnixNano())
	return d
}

// PaceChats sends at most burst messages at once into one chat, then one
// every every (0: no per-chat pace).
func (d *Dispatcher) PaceChats(every time.Duration, burst int) {
	d.pace.PaceChats(every, burst)
}

// Kick wakes the dispatcher after a transaction queued calls.
func (d *Dispatcher) Kick() {
	d.queued.Add(1)
	d.wake()
}

// wake makes Run claim.
func (d *Dispatcher) wake() {
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

// Offer is what this dispatcher offers to take from an update's
// transaction in chats (see mailbox.HandOff): nothing when it is not
// running, or is busy (calls left waiting in the outbox at its last
// claim, or its pace holding calls back), so that the outbox's priorities
// decide what goes first.
func (d *Dispatcher) Offer(chats []int64) mailbox.HandOff {
	if !d.running.Load() || d.backlog.Load() || d.pace.Busy() {
		return mailbox.HandOff{}
	}
	return mailbox.HandOff{Lease: d.Lease, Held: d.chats.Held(chats)}
}

// HandOff takes calls an update's transaction queued already leased to
// this dispatcher under offer, in order, and sends them after the calls it
// holds for their chats; those it may not send (see sending.Chats) or
// takes after Run ended are handed back.
func (d *Dispatcher) HandOff(offer mailbox.HandOff, calls []mailbox.Message) {
	for _, g := range groupByChat(calls) {
		var after int64
		for _, h := range offer.Held {
			if h.ChatID == g[0].ChatID {
				after = max(after, h.ID)
			}
		}
		d.runMu.RLock()
		ok := d.running.Load()
		start := false
		if ok {
			d.leases.Add(g, d.Lease)
			start, ok = d.chats.HandOff(g, after)
		}
		if start {
			d.startRun(d.runCtx, g[0].ChatID)
		}
		d.runMu.RUnlock()
		if !ok {
			d.release(g)
		}
	}
}

// groupByChat groups calls by chat, each chat's in their order, the chats
// in the order of their first call.
func groupByChat(calls []mailbox.Message) [][]mailbox.Message {
	var groups [][]mailbox.Message
	at := map[int64]int{}
	for _, c := range calls {
		i, ok := at[c.ChatID]
		if !ok {
			i = len(groups)
			at[c.ChatID] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], c)
	}
	return groups
}

// startClaimed sends claimed groups, each in its chat's run.
func (d *Dispatcher) startClaimed(ctx context.Context, groups [][]mailbox.Message) {
	for _, g := range groups {
		d.leases.Add(g, d.Lease)
		if d.chats.Start(g) {
			d.startRun(ctx, g[0].ChatID)
		}
	}
}

// startRun sends a chat's run. When it ends, Run claims if calls queued
// meanwhile may have waited for this chat, or for room.
func (d *Dispatcher) startRun(ctx context.Context, chat int64) {
	d.inflight.Add(1)
	queued := d.queued.Load()
	d.runners.Go(func() {
		defer func() {
			d.inflight.Add(-1)
			if d.queued.Load() != queued || d.backlog.Load() {
				d.wake()
			}
			select {
			case d.freed <- struct{}{}:
			default:
			}
		}()
		d.runChat(ctx, chat)
	})
}

// LastRound is when the dispatcher last finished a round (even an empty
// one).
func (d *Dispatcher) LastRound() time.Time { return time.Unix(0, d.lastRound.Load()) }

// Run sends until ctx is done. It keeps up to Batch chats in flight: as
// soon as a chat's messages are done it claims more, so no send waits for
// the slowest of a batch. It claims when kicked (a commit queued calls to
// claim), when a chat ends while calls may be left in the outbox, and at
// least every Idle; calls handed off start at once.
func (d *Dispatcher) Run(ctx context.Context) {
	// The leases are kept until every send has ended (defers run last
	// first), so calls still being sent at shutdown keep theirs.
	defer d.keepLeases(ctx)()
	d.runMu.Lock()
	d.runCtx = ctx
	d.running.Store(true)
	d.runMu.Unlock()
	defer func() {
		d.runMu.Lock()
		d.running.Store(false)
		d.runMu.Unlock()
		d.runners.Wait()
	}()
	claim, lastClaim := true, time.Time{}
	for ctx.Err() == nil {
		if free := d.Batch - int(d.inflight.Load()); free > 0 && (claim || time.Since(lastClaim) >= d.Idle) {
			claim, lastClaim = false, time.Now()
			groups, err := d.claim(ctx, free)
			if err != nil && ctx.Err() == nil {
				d.log.Error("claim outbox", "err", err)
			}
			d.backlog.Store(err == nil && len(groups) >= free)
			d.startClaimed(ctx, groups)
			if d.backlog.Load() {
				claim = true // more when there is room
				continue
			}
		}
		select {
		case <-ctx.Done():
		case <-d.kick:
			claim = true
		case <-d.freed:
		case <-time.After(d.Idle):
		}
	}
}

// Flush sends every call that is ready now, until none is left or ctx is
// done. Shutdown uses it so replies of finished updates leave before exit;
// calls waiting for a retry stay in the outbox for the next start. A send
// is started only while ctx leaves it SendTimeout to finish, so Flush
// returns by ctx's deadline.
func (d *Dispatcher) Flush(ctx context.Context) error {
	defer d.keepLeases(ctx)()
	for {
		n, err := d.round(ctx)
		if err != nil || n == 0 {
			return err
		}
	}
}

// keepLeases keeps the leases of the calls in hand alive until the
// returned function is called (it returns once they are no longer kept).
func (d *Dispatcher) keepLeases(ctx context.Context) (stop func()) {
	keep, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		d.leases.Keep(keep, d.Lease)
	}()
	return func() { cancel(); <-done }
}

// claim leases the calls of up to limit chats, grouped by chat in the
// order they are to go.
func (d *Dispatcher) claim(ctx context.Context, limit int) ([][]mailbox.Message, error) {
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	// Not cancellable: a claim cancelled mid-query may still commit its
	// leases, hiding those calls from the shutdown flush for a lease.
	calls, err := d.outbox.Claim(context.WithoutCancel(ctx), d.now(), limit, d.Follow, d.Lease)
	d.lastRound.Store(time.Now().UnixNano())
	if err != nil {
		return nil, err
	}
	var groups [][]mailbox.Message
	for i, c := range calls {
		if i == 0 || calls[i-1].ChatID != c.ChatID {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], c)
	}
	return groups, nil
}

// round claims one batch and sends it, returning how many were claimed.
// A call in flight is never cut off by shutdown (that could deliver it
// while recording it as failed, and send it twice); calls not yet started
// when ctx ends are released for the next start.
func (d *Dispatcher) round(ctx context.Context) (int, error) {
	groups, err := d.claim(ctx, d.Batch)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	d.startClaimed(ctx, groups)
	d.runners.Wait()
	return n, nil
}

// runChat sends a chat's calls in order (sending.Chats), each after the
// pace allows it. When one is not delivered, the rest are handed back, so
// none overtakes it.
func (d *Dispatcher) runChat(ctx context.Context, chat int64) {
	for {
		c, ok := d.chats.Next(chat)
		if !ok {
			return
		}
		if err := d.pace.Wait(ctx, c.ChatID, c.Method); err != nil || !d.timeLeft(ctx) {
			d.release(append([]mailbox.Message{c}, d.chats.Stop(chat)...))
			return
		}
		if _, held := d.leases.Expires(c); !held {
			// Another dispatcher took it (this one was too slow to keep
			// its lease): it sends the chat's calls from here, in order.
			d.log.Warn("call not sent: lease lost before sending", "outbox_id", c.ID, "chat_id", c.ChatID)
			d.leases.Drop(c)
			d.release(d.chats.Stop(chat))
			return
		}
		ok = d.send(context.WithoutCancel(ctx), c)
		d.leases.Drop(c)
		if !ok {
			d.release(d.chats.Stop(chat))
			return
		}
	}
}

// timeLeft reports whether a send started now ends before ctx's deadline.
func (d *Dispatcher) timeLeft(ctx context.Context) bool {
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) >= d.SendTimeout
}

// release hands leased calls back, not tried, for the next round or start.
func (d *Dispatcher) release(calls []mailbox.Message) {
	if len(calls) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, c := range calls {
		d.record(callLog{d.log, c}, d.results.Add(ctx, mailbox.Result{Message: c, Outcome: mailbox.OutcomeRelease}))
	}
	d.leases.Drop(calls...)
}

// send makes one call and records the result; it reports whether the
// chat's next call may follow now. Recording uses a context that outlives
// shutdown's cancel so a delivered message is not resent.
func (d *Dispatcher) send(ctx context.Context, c mailbox.Message) bool {
	log := callLog{d.log, c}
	rec, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	// The lease must outlast the send and its recording: one that ends
	// sooner is extended first (to more than Lease when Lease is shorter
	// than a send may take).
	if until, _ := d.leases.Expires(c); d.now().Add(d.SendTimeout + leaseMargin).After(until) {
		now, lease := d.now(), max(d.Lease, d.SendTimeout+leaseMargin)
		lost, err := d.outbox.Extend(rec, []mailbox.Message{c}, now, lease)
		if err != nil || len(lost) > 0 {
			log.Warn("call not sent: lease not extended before sending", "err", err, "lost", len(lost) > 0)
			return false
		}
		d.leases.Extended(c, now.Add(lease))
	}
	call, err := c.Call()
	var msgID int64
	if err != nil {
		err = permanent(fmt.Errorf("decode %s payload: %w", c.Method, err))
	} else {
		sendCtx, cancelSend := context.WithTimeout(ctx, d.SendTimeout)
		msgID, err = d.sender.Send(sendCtx, c.ChatID, c.Method, call)
		cancelSend()
	}
	if err == nil {
		d.metrics.OutboxSent.WithLabelValues(c.Method).Inc()
		d.record(log, d.results.Add(rec, mailbox.Result{Message: c, Outcome: mailbox.OutcomeSent, MessageID: msgID}))
		return true
	}
	o := classify(err)
	switch o.verdict {
	case treatAsSent:
		d.record(log, d.results.Add(rec, mailbox.Result{Message: c, Outcome: mailbox.OutcomeSent}))
		return true
	case migrate:
		d.metrics.ChatsMigrated.Inc()
		log.Warn("group became a supergroup; its messages go to the new chat from now on", "new_chat_id", o.chatID)
		d.record(log, d.outbox.Migrate(rec, c, o.chatID, d.now()))
		d.Kick()
	case giveUp:
		d.giveUp(rec, log, c, err, "rejected")
	default:
		d.retry(rec, log, c, err, o)
	}
	return false
}

// leaseMargin is how much of a lease is left unused at the end of a send,
// for clocks and the recording of its result.
const leaseMargin = 5 * time.Second

// retry schedules another attempt, or gives up by the rule: older than
// MaxAge, or MaxAmbiguous attempts Telegram may have applied.
func (d *Dispatcher) retry(ctx context.Context, log callLog, c mailbox.Message, err error, o outcome) {
	ambiguous := o.verdict == retryAmbiguous
	switch {
	case ambiguous && c.Ambiguous+1 >= d.MaxAmbiguous:
		d.giveUp(ctx, log, c, fmt.Errorf("%w (Telegram may have delivered it: %d such attempts)", err, c.Ambiguous+1), "ambiguous")
		return
	case !c.CreatedAt.IsZero() && d.now().Sub(c.CreatedAt) > d.MaxAge:
		d.giveUp(ctx, log, c, fmt.Errorf("%w (queued %s ago)", err, d.now().Sub(c.CreatedAt).Round(time.Minute)), "too_old")
		return
	}
	wait := backoff(c.Attempts)
	if c.Priority == mailbox.PriorityUrgent {
		wait = min(wait, d.UrgentRetry)
	}
	result := "retry"
	if ambiguous {
		result = "ambiguous"
	}
	if o.retryAfter > 0 {
		d.metrics.TooManyRequests.Inc()
		wait, result = time.Duration(o.retryAfter)*time.Second, "too_many_requests"
		d.pace.TooMany(c.ChatID, wait)
	}
	d.metrics.OutboxFailed.WithLabelValues(result).Inc()
	log.Info("call will be retried", "err", err, "retry_in", wait)
	d.record(log, d.results.Add(ctx, mailbox.Result{Message: c, Outcome: mailbox.OutcomeRetry, At: d.now().Add(wait),
		Cause: err, Ambiguous: ambiguous}))
}

func (d *Dispatcher) giveUp(ctx context.Context, log callLog, c mailbox.Message, err error, reason string) {
	d.metrics.OutboxFailed.WithLabelValues("given_up").Inc()
	d.metrics.OutboxGivenUp.WithLabelValues(reason).Inc()
	log.Warn("gave up on call", "err", err, "reason", reason)
	if ferr := d.results.Add(ctx, mailbox.Result{Message: c, Outcome: mailbox.OutcomeFail, Cause: err}); ferr != nil {
		d.record(log, ferr)
		return
	}
	if d.GaveUp != nil {
		d.GaveUp(ctx, c, err)
	}
}

func (d *Dispatcher) record(log callLog, err error) {
	switch {
	case errors.Is(err, mailbox.ErrLeaseLost):
		// Another dispatcher holds the call now; its result stands.
		log.Warn("call result not recorded: lease lost", "err", err)
	case err != nil:
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

// callLog logs about one call, with its id, chat, method and attempt, added
// only when a line is written (slog.With for every send cost 2 % of the CPU).
type callLog struct {
	log *slog.Logger
	c   mailbox.Message
}

func (l callLog) attrs(args []any) []any {
	return append([]any{"outbox_id", l.c.ID, "chat_id", l.c.ChatID, "method", l.c.Method, "attempt", l.c.Attempts}, args...)
}

func (l callLog) Info(msg string, args ...any)  { l.log.Info(msg, l.attrs(args)...) }
func (l callLog) Warn(msg string, args ...any)  { l.log.Warn(msg, l.attrs(args)...) }
func (l callLog) Error(msg string, args ...any) { l.log.Error(msg, l.attrs(args)...) }
