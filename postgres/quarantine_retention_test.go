package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestRetentionScrubsQuarantinedBytes: an update that could not be stored
// as it came keeps its raw bytes for the operators for the inbox period,
// then only its ids and the reason.
func TestRetentionScrubsQuarantinedBytes(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	raw := []byte(`{"update_id":80,"message":{"text":"passport M12345678\u0000"}}`)
	if ok, err := s.Quarantine(ctx, mailbox.Update{UpdateID: 80, ChatID: 9, Payload: raw}, raw, "invalid: NUL", t0); err != nil || !ok {
		t.Fatalf("Quarantine = %v, %v", ok, err)
	}
	row := func() (raw []byte, reason string) {
		var got struct {
			Raw    []byte `db:"raw"`
			Reason string `db:"quarantine_reason"`
		}
		if err := db.Get(&got, `SELECT raw, quarantine_reason FROM inbox WHERE update_id = 80`); err != nil {
			t.Fatal(err)
		}
		return got.Raw, got.Reason
	}
	r := postgres.Retention{Inbox: 14 * 24 * time.Hour}
	if _, err := s.Retain(ctx, t0.Add(13*24*time.Hour), r); err != nil {
		t.Fatal(err)
	}
	if got, _ := row(); string(got) != string(raw) {
		t.Errorf("the quarantined bytes were scrubbed before the period ended: %q", got)
	}
	if got, err := s.Retain(ctx, t0.Add(15*24*time.Hour), r); err != nil || got.Inbox != 1 {
		t.Errorf("Retain = %+v, %v; want one inbox row scrubbed", got, err)
	}
	if got, reason := row(); got != nil || reason == "" {
		t.Errorf("after the period: raw %q, reason %q; want no bytes and the reason kept", got, reason)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM inbox WHERE update_id = 80 AND payload::text LIKE '%M12345678%'`); err != nil || n != 0 {
		t.Errorf("the payload still holds the message (%d, %v)", n, err)
	}
}
