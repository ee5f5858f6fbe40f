package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// BenchmarkUpdate measures the database side of one update: storing it in
// the inbox, then the transaction that loads the session, runs the step,
// saves the session and queues the replies. Telegram is not involved.
func BenchmarkUpdate(b *testing.B) {
	store := postgres.New(pgtest.New(b))
	cat, err := locales.Load(testLogger())
	if err != nil {
		b.Fatal(err)
	}
	render := bot.NewRenderer(cat)
	h := bot.NewHandler(app.New(flows.NewEngine(nil), render, testLogger(), time.Now), render, testLogger(), time.Now)
	m := bot.NewMetrics(prometheus.NewRegistry())
	recv := bot.NewReceiver(store, m, testLogger(), time.Now, func() {})
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		chat := int64(1000 + i%500)
		raw := fmt.Sprintf(`{"update_id": %d, "message": {"message_id": %d, "date": 1800000000,
			"chat": {"id": %d, "type": "private"}, "from": {"id": %d, "is_bot": false, "first_name": "B", "language_code": "ko"},
			"text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}`, i+1, i+1, chat, chat)
		if _, err := recv.Store(ctx, []json.RawMessage{json.RawMessage(raw)}); err != nil {
			b.Fatal(err)
		}
		found, err := store.ProcessNext(ctx, time.Now(), h.Handle)
		if err != nil || !found {
			b.Fatalf("ProcessNext = %v, %v", found, err)
		}
	}
}
