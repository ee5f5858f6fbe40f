package bot

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/koreandesk/hotline/mailbox"
)

// Metrics are the bot's Prometheus counters and gauges.
type Metrics struct {
	UpdatesReceived    prometheus.Counter
	UpdatesDuplicate   prometheus.Counter
	UpdatesQuarantined prometheus.Counter
	UpdatesProcessed   prometheus.Counter
	UpdatesFailed      *prometheus.CounterVec // result: retry, unavailable, set_aside
	OutboxSent         *prometheus.CounterVec // method
	OutboxFailed       *prometheus.CounterVec // result: retry, ambiguous, given_up
	OutboxGivenUp      *prometheus.CounterVec // reason: rejected, ambiguous, too_old
	TooManyRequests    prometheus.Counter
	ChatsMigrated      prometheus.Counter
	// LastGetUpdates is the time of the last successful getUpdates.
	LastGetUpdates prometheus.Gauge
	reg            prometheus.Registerer
}

// NewMetrics registers the counters with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	f := promauto.With(reg)
	return &Metrics{
		reg:                reg,
		UpdatesReceived:    f.NewCounter(prometheus.CounterOpts{Name: "hotline_updates_received_total", Help: "Telegram updates stored in the inbox."}),
		UpdatesDuplicate:   f.NewCounter(prometheus.CounterOpts{Name: "hotline_updates_duplicate_total", Help: "Telegram updates received again and ignored."}),
		UpdatesQuarantined: f.NewCounter(prometheus.CounterOpts{Name: "hotline_updates_quarantined_total", Help: "Telegram updates that could not be stored as they came, kept raw and set aside."}),
		UpdatesProcessed:   f.NewCounter(prometheus.CounterOpts{Name: "hotline_updates_processed_total", Help: "Updates whose transaction committed."}),
		UpdatesFailed:      f.NewCounterVec(prometheus.CounterOpts{Name: "hotline_updates_failed_total", Help: "Update attempts that failed, by what followed."}, []string{"result"}),
		OutboxSent:         f.NewCounterVec(prometheus.CounterOpts{Name: "hotline_outbox_sent_total", Help: "Bot API calls made from the outbox."}, []string{"method"}),
		OutboxFailed:       f.NewCounterVec(prometheus.CounterOpts{Name: "hotline_outbox_failed_total", Help: "Bot API calls that failed, by what followed."}, []string{"result"}),
		OutboxGivenUp:      f.NewCounterVec(prometheus.CounterOpts{Name: "hotline_outbox_given_up_total", Help: "Outbox calls given up, by reason."}, []string{"reason"}),
		TooManyRequests:    f.NewCounter(prometheus.CounterOpts{Name: "hotline_telegram_too_many_requests_total", Help: "Bot API calls answered 429 Too Many Requests."}),
		ChatsMigrated:      f.NewCounter(prometheus.CounterOpts{Name: "hotline_chats_migrated_total", Help: "Groups followed to their new supergroup id (400 migrate_to_chat_id)."}),
		LastGetUpdates:     f.NewGauge(prometheus.GaugeOpts{Name: "hotline_getupdates_last_success_timestamp_seconds", Help: "Unix time of the last successful getUpdates."}),
	}
}

// BacklogSource counts what waits in the inbox and the outbox.
type BacklogSource interface {
	Backlog(ctx context.Context, now time.Time) (mailbox.Backlog, error)
}

// backlogCollector reads the backlog from the database at each scrape.
type backlogCollector struct {
	src                                                         BacklogSource
	now                                                         Clock
	inboxPending, inboxOldest, outboxPending, outboxOldest, set *prometheus.Desc
}

// watchBacklog registers the backlog gauges: hotline_inbox_pending,
// hotline_inbox_oldest_seconds, hotline_outbox_pending,
// hotline_outbox_oldest_seconds and hotline_updates_set_aside.
func (m *Metrics) watchBacklog(src BacklogSource, now Clock) {
	if m.reg == nil {
		return
	}
	d := func(name, help string) *prometheus.Desc { return prometheus.NewDesc(name, help, nil, nil) }
	_ = m.reg.Register(&backlogCollector{src: src, now: now,
		inboxPending:  d("hotline_inbox_pending", "Updates stored and not yet processed."),
		inboxOldest:   d("hotline_inbox_oldest_seconds", "Age of the oldest update not yet processed (0 when none)."),
		outboxPending: d("hotline_outbox_pending", "Bot API calls waiting in the outbox."),
		outboxOldest:  d("hotline_outbox_oldest_seconds", "Age of the oldest call waiting in the outbox (0 when none)."),
		set:           d("hotline_updates_set_aside", "Updates set aside (failed after their attempts, or quarantined), kept for the desk."),
	})
}

func (c *backlogCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.inboxPending, c.inboxOldest, c.outboxPending, c.outboxOldest, c.set} {
		ch <- d
	}
}

func (c *backlogCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	b, err := c.src.Backlog(ctx, c.now())
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.inboxPending, err)
		return
	}
	g := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	g(c.inboxPending, float64(b.InboxPending))
	g(c.inboxOldest, b.InboxOldest.Seconds())
	g(c.outboxPending, float64(b.OutboxPending))
	g(c.outboxOldest, b.OutboxOldest.Seconds())
	g(c.set, float64(b.SetAside))
}
