package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// A first answer to a /sos that cannot be delivered within a minute alerts
// the supervisors, once, while the bot keeps trying it within seconds;
// every attempt's error is kept.
func TestOverdueFirstAnswerAlertsTheDesk(t *testing.T) {
	t.Parallel()
	h := withDesk(t, func(h *harness) { h.opts.ackEvery = 50 * time.Millisecond })
	u := bottest.User{ID: 9631, FirstName: "Dara", LanguageCode: "km"}
	h.api.FailChat(u.ID, "sendMessage", 1000, tgapi.TooManyRequests(1))
	h.api.SendText(u, "/sos")
	tried := func(n int) func() bool {
		return func() bool {
			return h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1 AND kind = 'ack' AND status = 'pending'
				AND cardinality(errors) >= $2`, u.ID, n) == 1
		}
	}
	if err := h.eventually(tried(2), wait); err != nil {
		t.Fatal("the first answer was not tried again within seconds")
	}
	c := h.caseOf(u.ID)
	h.advance(2 * time.Minute)
	alert := h.until(supervisor.ID, 0, "first answer to case "+string(c.Ref))
	if !strings.Contains(alert.Text, "Too Many Requests") {
		t.Errorf("the alert does not say why: %q", alert.Text)
	}
	if err := h.eventually(tried(3), wait); err != nil {
		t.Fatal("the bot stopped trying")
	}
	var errs pq.StringArray
	if err := h.db.Get(&errs, `SELECT errors FROM outbox WHERE chat_id = $1 AND kind = 'ack'`, u.ID); err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		if !strings.Contains(e, "attempt ") || !strings.Contains(e, "Too Many Requests") {
			t.Errorf("error %d kept as %q", i, e)
		}
	}
	if n := h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1 AND kind = 'ack' AND overdue_alerted_at IS NOT NULL`, u.ID); n != 1 {
		t.Errorf("acknowledgements marked alerted = %d, want 1", n)
	}
	// Once: the supervisor has one such alert.
	n := 0
	for _, m := range h.api.BotMessages(supervisor.ID) {
		if strings.Contains(m.Text, "first answer to case") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("overdue alerts to the supervisor = %d, want 1", n)
	}
}
