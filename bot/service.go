package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/koreandesk/hotline/bot/sending"
	"github.com/koreandesk/hotline/mailbox"
)

// Options configure a Service.
type Options struct {
	APIURL string // Bot API server, e.g. https://api.telegram.org
	Token  string
	// Workers is how many updates are processed at once (of different
	// chats); SendRate is the global Bot API calls per second, where the
	// adaptive pace starts and which it never exceeds.
	Workers  int
	SendRate int
	// ChatPace paces the messages into one chat ahead of Telegram's limit:
	// ChatBurst at once, then one every ChatPace (0: no per-chat pace).
	ChatPace  time.Duration
	ChatBurst int
	// ShutdownTimeout bounds shutdown (25 s): updates in progress finish
	// and ones already received are answered for a quarter of it, sends
	// in flight finish (SendTimeout at most), and the outbox is flushed
	// with sends that end before it runs out.
	ShutdownTimeout time.Duration
	// MaxUpdateAttempts is how often an update is tried before it is set
	// aside (5); UpdateLease how long a claimed update is reserved for
	// its worker (1 min): a process killed while handling it delays its
	// chat that long.
	MaxUpdateAttempts int
	UpdateLease       time.Duration
	// SendLease is how long a dispatcher holds a call (30 s), SendTimeout
	// how long one Bot API call may take (15 s, less than SendLease).
	SendLease   time.Duration
	SendTimeout time.Duration
	// ReceiveStale is how long without a successful getUpdates makes the
	// bot unready (90 s); DispatchStale the same for the dispatcher (2 min).
	ReceiveStale  time.Duration
	DispatchStale time.Duration
	// EscalateAfter is how long an urgent case may stay unclaimed before
	// the supervisors are alerted; EscalateEvery how often that is checked
	// (negative: never, for tests that must not race the loop).
	EscalateAfter time.Duration
	EscalateEvery time.Duration
	// CheckInEvery is how often safety check-ins are looked at (negative:
	// never, for tests that must not race the loop).
	CheckInEvery time.Duration
	// AckOverdue is how long the first answer to a /sos may stay
	// undelivered before the supervisors are alerted (1 min), checked every
	// AckCheckEvery (0: never, the default for tests).
	AckOverdue    time.Duration
	AckCheckEvery time.Duration
	Metrics       *Metrics
	Log           *slog.Logger
	Now           Clock
}

// Service runs the whole pipeline: poller → inbox → workers → outbox →
// dispatcher, plus the janitor that prunes old rows.
type Service struct {
	store    Store
	pruner   Pruner
	handler  *Handler
	opts     Options
	wake     chan struct{}
	recv     *Receiver
	dispatch *Dispatcher
	handed   *handed
	polling  atomic.Bool
}

// Store is everything the service needs from the database.
type Store interface {
	mailbox.Inbox
	mailbox.Outbox
	BacklogSource
	sending.Budget
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
}

// Pruner deletes rows kept only for deduplication and /forget, and runs
// transactions that belong to no update.
type Pruner interface {
	Prune(ctx context.Context, inboxBefore, outboxBefore time.Time) (int64, error)
	Do(ctx context.Context, fn func(context.Context, mailbox.Tx) error) error
}

// NewService wires the pipeline.
func NewService(store Store, pruner Pruner, h *Handler, sender Sender, o Options) *Service {
	o.Workers = max(o.Workers, 1)
	o.SendRate = max(o.SendRate, 1)
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.ShutdownTimeout, 25*time.Second)
	def(&o.UpdateLease, time.Minute)
	def(&o.SendLease, 30*time.Second)
	def(&o.SendTimeout, min(15*time.Second, o.SendLease*2/3))
	def(&o.ReceiveStale, 90*time.Second)
	def(&o.DispatchStale, 2*time.Minute)
	o.MaxUpdateAttempts = cmp.Or(max(o.MaxUpdateAttempts, 0), 5)
	o.EscalateAfter = cmp.Or(o.EscalateAfter, 5*time.Minute)
	o.EscalateEvery = cmp.Or(o.EscalateEvery, 15*time.Second)
	o.CheckInEvery = cmp.Or(o.CheckInEvery, 30*time.Second)
	s := &Service{store: store, pruner: pruner, handler: h, opts: o, wake: make(chan struct{}, o.Workers)}
	s.recv = NewReceiver(store, o.Metrics, o.Log, o.Now, s.wakeWorkers)
	s.recv.urgent = h.app.Urgent
	s.handed = newHanded(handedRoom * o.Workers)
	s.recv.handed, s.recv.lease, s.recv.release = s.handed, o.UpdateLease, s.releaseUpdate
	s.dispatch = NewDispatcher(store, documents{Sender: sender, h: h, db: pruner}, o.SendRate, o.Metrics, o.Log, o.Now)
	s.dispatch.Lease, s.dispatch.SendTimeout = o.SendLease, o.SendTimeout
	s.dispatch.PaceChats(o.ChatPace, o.ChatBurst)
	s.dispatch.pace.Share(store)
	s.dispatch.GaveUp = s.undelivered
	s.recv.quarantined = s.quarantined
	o.Metrics.watchBacklog(store, o.Now)
	return s
}

// handedRoom is how many updates stored claimed may wait for the workers
// in memory, for each worker. Once a batch finds the queue full, the rest
// is left in the inbox, and every batch after it too until a worker has
// claimed there (see handed.free): each such update then costs a claim,
// which reads the pending rows the queue holds (80–130 buffer hits an
// update in the closed loop of make bench-load). With 16 updates a worker
// (the room had been 2 batches each), 8 % to a third of the closed loop's
// updates went that way; with this room, a getUpdates batch of 100 finds
// room while the workers hold the last ones, and queued updates are still
// processed in well under a second, far within their lease.
const handedRoom = 128

func (s *Service) wakeWorkers() {
	for range s.opts.Workers {
		select {
		case s.wake <- struct{}{}:
		default:
			return
		}
	}
}

// WakeWorkers tells the workers that updates may be waiting (another
// replica stored them).
func (s *Service) WakeWorkers() {
	s.handed.poll.Store(true)
	s.wakeWorkers()
}

// WakeDispatcher tells the dispatcher that messages may be waiting
// (another replica queued them).
func (s *Service) WakeDispatcher() { s.dispatch.Kick() }

// Receive stores one update delivered by a webhook. The caller answers
// Telegram only after it returns nil, so the update is durable first.
func (s *Service) Receive(ctx context.Context, raw json.RawMessage) error {
	_, err := s.recv.Store(ctx, []json.RawMessage{raw})
	return err
}

// Run processes updates until ctx is done, polling Telegram when poll is
// true (a webhook calls Receive instead). Shutdown stops taking updates,
// lets every worker finish the update in hand, then flushes the outbox.
func (s *Service) Run(ctx context.Context, poll bool) {
	log := s.opts.Log.With("component", "service")
	s.polling.Store(poll)
	db := context.WithoutCancel(ctx) // lets in-flight transactions finish
	stop := make(chan struct{})
	var workers, others sync.WaitGroup
	for range s.opts.Workers {
		w := &Worker{inbox: s.store, h: s.handler, log: s.opts.Log.With("component", "worker"), now: s.opts.Now,
			metrics: s.opts.Metrics, wake: s.wake, out: s.dispatch, handed: s.handed, idle: 500 * time.Millisecond,
			lease: s.opts.UpdateLease, maxAttempts: s.opts.MaxUpdateAttempts}
		workers.Go(func() { w.Run(db, stop, s.opts.ShutdownTimeout/4) })
	}
	sendCtx, stopSending := context.WithCancel(db)
	others.Go(func() { s.dispatch.Run(sendCtx) })
	others.Go(func() { s.janitor(ctx) })
	others.Go(func() { s.escalator(ctx) })
	others.Go(func() { s.checkIns(ctx) })
	others.Go(func() { s.overdueAcks(ctx) })
	if poll {
		p := NewPoller(s.opts.APIURL, s.opts.Token, s.recv, s.opts.Log)
		others.Go(func() { p.Run(ctx) })
	}
	<-ctx.Done()
	log.Info("shutting down: finishing updates in progress", "within", s.opts.ShutdownTimeout)
	flush, cancel := context.WithTimeout(db, s.opts.ShutdownTimeout)
	defer cancel()
	close(stop)
	workers.Wait()
	stopSending()
	others.Wait()
	for _, u := range s.handed.close() {
		s.releaseUpdate(flush, u)
	}
	if err := s.dispatch.Flush(flush); err != nil {
		log.Warn("outbox not fully flushed; the rest is sent after restart", "err", err)
	}
	log.Info("stopped")
}

// releaseUpdate hands back an update stored claimed that no worker took.
func (s *Service) releaseUpdate(ctx context.Context, u mailbox.Update) {
	if err := s.store.ReleaseUpdate(ctx, u); err != nil {
		s.opts.Log.Warn("hand back update; it is processed when its claim runs out", "component", "service",
			"update_id", u.UpdateID, "err", err)
	}
}

// quarantined tells the supervisors about a quarantined update.
func (s *Service) quarantined(ctx context.Context, u mailbox.Update, reason string) {
	s.background(ctx, "tell the desk about a quarantined update", func(ctx context.Context, tx mailbox.Tx) error {
		return s.handler.Quarantined(ctx, tx, u, reason)
	})
}

// undelivered tells the desk about a message given up.
func (s *Service) undelivered(ctx context.Context, m mailbox.Message, cause error) {
	s.background(ctx, "tell the desk about a message given up", func(ctx context.Context, tx mailbox.Tx) error {
		return s.handler.Undelivered(ctx, tx, m, cause)
	})
}

// background runs fn in a transaction of its own and wakes the
// dispatcher for what it queued; a failure is logged.
func (s *Service) background(ctx context.Context, what string, fn func(context.Context, mailbox.Tx) error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := s.pruner.Do(ctx, fn); err != nil {
		s.opts.Log.Error(what, "component", "service", "err", err)
		return
	}
	s.dispatch.Kick()
}

// Retention of rows that exist only for deduplication and /forget.
const (
	inboxRetention  = 72 * time.Hour     // Telegram redelivers for 24 h
	outboxRetention = 7 * 24 * time.Hour // message ids for /forget (48 h)
)

func (s *Service) janitor(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		now := s.opts.Now()
		if n, err := s.pruner.Prune(ctx, now.Add(-inboxRetention), now.Add(-outboxRetention)); err != nil && ctx.Err() == nil {
			s.opts.Log.Error("prune", "component", "janitor", "err", err)
		} else if n > 0 {
			s.opts.Log.Info("pruned old rows", "component", "janitor", "rows", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// escalator alerts supervisors about urgent cases left unclaimed.
func (s *Service) escalator(ctx context.Context) {
	s.every(ctx, s.opts.EscalateEvery, "escalator", "escalate unclaimed urgent cases",
		func(ctx context.Context, tx mailbox.Tx) (int, error) {
			return s.handler.Escalate(ctx, tx, s.opts.EscalateAfter)
		})
}

// checkIns sends the safety check-ins that are due and escalates the
// unanswered ones.
func (s *Service) checkIns(ctx context.Context) {
	s.every(ctx, s.opts.CheckInEvery, "checkins", "run check-ins", s.handler.CheckIns)
}

// overdueAcks alerts the desk about first answers to a /sos not delivered
// in time.
func (s *Service) overdueAcks(ctx context.Context) {
	if s.opts.AckCheckEvery <= 0 {
		return
	}
	overdue := cmp.Or(s.opts.AckOverdue, time.Minute)
	s.every(ctx, s.opts.AckCheckEvery, "acks", "alert about overdue first answers",
		func(ctx context.Context, tx mailbox.Tx) (int, error) { return s.handler.OverdueAcks(ctx, tx, overdue) })
}

// every runs job in its own transaction each period (negative: never, for
// tests that must not race a background loop) until ctx is done, and
// wakes the dispatcher when the job queued something.
func (s *Service) every(ctx context.Context, period time.Duration, component, what string,
	job func(context.Context, mailbox.Tx) (int, error)) {
	if period < 0 {
		return
	}
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		var n int
		err := s.pruner.Do(ctx, func(ctx context.Context, tx mailbox.Tx) error {
			var err error
			n, err = job(ctx, tx)
			return err
		})
		switch {
		case err != nil && ctx.Err() == nil:
			s.opts.Log.Error(what, "component", component, "err", err)
		case n > 0:
			s.opts.Log.Info(what, "component", component, "items", n)
			s.dispatch.Kick()
		}
	}
}
