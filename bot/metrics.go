package bot

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Metrics are the bot's Prometheus counters.
type Metrics struct {
	UpdatesReceived  prometheus.Counter
	UpdatesDuplicate prometheus.Counter
	UpdatesProcessed prometheus.Counter
	UpdatesFailed    *prometheus.CounterVec // result: retry, abandoned
	OutboxSent       *prometheus.CounterVec // method
	OutboxFailed     *prometheus.CounterVec // result: retry, given_up
}

// NewMetrics registers the counters with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	f := promauto.With(reg)
	return &Metrics{
		UpdatesReceived:  f.NewCounter(prometheus.CounterOpts{Name: "hotline_updates_received_total", Help: "Telegram updates stored in the inbox."}),
		UpdatesDuplicate: f.NewCounter(prometheus.CounterOpts{Name: "hotline_updates_duplicate_total", Help: "Telegram updates received again and ignored."}),
		UpdatesProcessed: f.NewCounter(prometheus.CounterOpts{Name: "hotline_updates_processed_total", Help: "Updates whose transaction committed."}),
		UpdatesFailed:    f.NewCounterVec(prometheus.CounterOpts{Name: "hotline_updates_failed_total", Help: "Update transactions that failed."}, []string{"result"}),
		OutboxSent:       f.NewCounterVec(prometheus.CounterOpts{Name: "hotline_outbox_sent_total", Help: "Bot API calls made from the outbox."}, []string{"method"}),
		OutboxFailed:     f.NewCounterVec(prometheus.CounterOpts{Name: "hotline_outbox_failed_total", Help: "Bot API calls that failed."}, []string{"result"}),
	}
}
