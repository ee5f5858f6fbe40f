package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestAlertsToOneChatAreBundledInABurst processes a burst of /sos while
// nothing is being sent, as when Telegram holds a staff chat back with
// 429s: the officer's chat gets three alerts and then one bundle naming
// the other cases, not one alert per case.
func TestAlertsToOneChatAreBundledInABurst(t *testing.T) {
	ctx := context.Background()
	store := postgres.New(pgtest.New(t))
	cat, err := locales.Load(testLogger())
	if err != nil {
		t.Fatal(err)
	}
	engine := flows.NewEngine(nil, panicButton{})
	engine.Route("sos", "panic")
	render := bot.NewRenderer(cat)
	h := bot.NewHandler(app.New(engine, render, testLogger(), time.Now), render, testLogger(), time.Now)
	recv := bot.NewReceiver(store, bot.NewMetrics(prometheus.NewRegistry()), testLogger(), time.Now, func() {})
	if _, err := store.Desk().AddStaff(ctx, desk.Staff{UserID: 501, ChatID: 501, Name: "Kim", Role: desk.RoleAgent,
		OnDuty: true, Language: "en"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	const burst = 12
	for i := range burst {
		chat := 7000 + i
		raw := fmt.Sprintf(`{"update_id": %d, "message": {"message_id": 1, "date": 1800000000,
			"chat": {"id": %d, "type": "private"}, "from": {"id": %d, "is_bot": false, "first_name": "R", "language_code": "ko"},
			"text": "/sos", "entities": [{"type": "bot_command", "offset": 0, "length": 4}]}}`, i+1, chat, chat)
		if _, err := recv.Store(ctx, []json.RawMessage{json.RawMessage(raw)}); err != nil {
			t.Fatal(err)
		}
		if found, err := store.ProcessNext(ctx, time.Now(), h.Handle); err != nil || !found {
			t.Fatalf("ProcessNext = %v, %v", found, err)
		}
	}
	var kinds []string
	if err := store.DB().Select(&kinds, `SELECT kind FROM outbox WHERE chat_id = 501 ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(kinds, " "), "alert alert alert alert_bundle"; got != want {
		t.Fatalf("officer's outbox = %q, want %q", got, want)
	}
	var refs pq.StringArray
	var payload []byte
	if err := store.DB().QueryRow(`SELECT bundle_refs, payload FROM outbox WHERE chat_id = 501 AND kind = 'alert_bundle'`).Scan(&refs, &payload); err != nil {
		t.Fatal(err)
	}
	if len(refs) != burst-3 {
		t.Errorf("bundle names %d cases, want %d", len(refs), burst-3)
	}
	if !strings.Contains(string(payload), fmt.Sprintf("More new cases: %d", burst-3)) || !strings.Contains(string(payload), refs[len(refs)-1]) {
		t.Errorf("bundle text = %s", payload)
	}
}
