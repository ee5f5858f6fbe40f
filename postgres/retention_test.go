package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestRetentionErasesClosedCases: a case closed longer ago than the
// retention period loses its personal fields, sealed numbers and the text
// of its timeline, with a timeline entry and an audit entry; a held case,
// a recently closed one and an open one keep theirs.
func TestRetentionErasesClosedCases(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s, d := postgres.New(db), postgres.NewDesk(db)
	pgtest.AddStaff(t, d, boss, desk.RoleSupervisor, "Boss")
	key := newSealer(t, newKey(t))
	lat, lon := 10.6, 103.5
	mk := func(chat int64, close bool) *desk.Case {
		t.Helper()
		c := pgtest.OpenCase(t, d, pgtest.Reporter(chat, "location_text", "Golden Fortune compound, Bavet", "passport_number", "M*****678"), t0)
		pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventMessageIn, Text: "they took my passport", At: t0}))
		pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventLocation, Lat: &lat, Lon: &lon, At: t0}))
		if err := d.MoveLocation(ctx, c.ID, desk.Location{Lat: lat, Lon: lon, At: t0}); err != nil {
			t.Fatal(err)
		}
		if err := d.SetPassport(ctx, c.ID, pgtest.Must[[]byte](t)(key.Seal("M12345678")), key.Hash("M12345678"), t0); err != nil {
			t.Fatal(err)
		}
		if err := d.SetPhone(ctx, c.ID, "callback_phone", pgtest.Must[[]byte](t)(key.SealAs(desk.KindPhone, "01098765432")), key.HashAs(desk.KindPhone, "01098765432"), t0); err != nil {
			t.Fatal(err)
		}
		if close {
			pgtest.Must[*desk.Case](t)(d.Close(ctx, c.Ref, desk.StatusResolved, "met at the embassy", boss, t0))
		}
		return c
	}
	old, held, open := mk(1, true), mk(2, true), mk(3, false)
	if err := d.SetRetentionHold(ctx, held.ID, true, boss, t0); err != nil {
		t.Fatal(err)
	}
	recent := mk(4, false)
	pgtest.Must[*desk.Case](t)(d.Close(ctx, recent.Ref, desk.StatusClosed, "", boss, t0.Add(300*24*time.Hour)))

	r := postgres.Retention{Cases: 365 * 24 * time.Hour, Inbox: 14 * 24 * time.Hour}
	got, err := s.Retain(ctx, t0.Add(366*24*time.Hour), r)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cases != 1 {
		t.Errorf("erased %d cases, want 1", got.Cases)
	}
	if again, err := s.Retain(ctx, t0.Add(367*24*time.Hour), r); err != nil || again.Cases != 0 {
		t.Errorf("second pass erased %d, %v", again.Cases, err)
	}

	e := pgtest.Must[*desk.Case](t)(d.CaseByID(ctx, old.ID))
	if len(e.Answers) != 0 || e.ReporterName != "" || e.ReporterChatID != 0 || e.LastLocation != nil || e.Resolution != "" {
		t.Errorf("erased case keeps %+v", e)
	}
	if e.Status != desk.StatusResolved || e.Type != desk.TypeDistress || e.Priority != desk.PriorityUrgent {
		t.Errorf("erased case lost its statistics: %+v", e)
	}
	if _, err := d.Passport(ctx, old.ID); flows.ErrorCode(err) != flows.ENotFound {
		t.Errorf("erased case's passport: %v, want not_found", err)
	}
	if p := pgtest.Must[map[string][]byte](t)(d.Phones(ctx, old.ID)); len(p) != 0 {
		t.Errorf("erased case keeps phones %v", p)
	}
	var kinds []string
	for _, ev := range pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, old.ID, 50)) {
		kinds = append(kinds, string(ev.Kind))
		if ev.Text != "" || ev.Lat != nil || ev.FileID != "" {
			t.Errorf("erased timeline keeps %+v", ev)
		}
	}
	if !strings.Contains(strings.Join(kinds, " "), "erased") {
		t.Errorf("timeline %v has no erased entry", kinds)
	}
	var audited bool
	for _, a := range pgtest.Must[[]desk.AuditEntry](t)(d.AuditLog(ctx, 100)) {
		if a.Action == desk.ActionCaseErase && a.CaseID != nil && *a.CaseID == old.ID {
			audited = true
		}
	}
	if !audited {
		t.Error("the erasure is not audited")
	}
	for _, c := range []*desk.Case{held, open, recent} {
		k := pgtest.Must[*desk.Case](t)(d.CaseByID(ctx, c.ID))
		if k.Answers["location_text"] == "" || k.ReporterName == "" {
			t.Errorf("case %s (held, open or recent) was erased", c.Ref)
		}
		if _, err := d.Passport(ctx, c.ID); err != nil {
			t.Errorf("case %s lost its passport: %v", c.Ref, err)
		}
	}
	// Lifting the hold lets the next pass erase it.
	if err := d.SetRetentionHold(ctx, held.ID, false, boss, t0.Add(400*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Retain(ctx, t0.Add(400*24*time.Hour), r); err != nil || got.Cases != 1 {
		t.Errorf("after the hold was lifted: erased %d, %v", got.Cases, err)
	}
	if err := d.SetRetentionHold(ctx, held.ID, true, boss, t0); flows.ErrorCode(err) != flows.ENotFound {
		t.Errorf("hold on an erased case: %v, want not_found", err)
	}
}

// TestRetentionScrubsSetAsideUpdates: an update abandoned after its retries
// keeps its content for the operators for the inbox period, then only its
// ids and error.
func TestRetentionScrubsSetAsideUpdates(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	u := mailbox.Update{UpdateID: 9, ChatID: 5, Payload: []byte(`{"message":{"text":"my passport M12345678"}}`)}
	if _, err := s.SaveUpdate(ctx, u, t0); err != nil {
		t.Fatal(err)
	}
	u, _, err := s.ClaimUpdate(ctx, t0, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAside(ctx, u, t0, errors.New("boom"), func(context.Context, mailbox.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	payload := func() string {
		var p string
		if err := db.Get(&p, `SELECT payload::text FROM inbox WHERE update_id = 9`); err != nil {
			t.Fatal(err)
		}
		return p
	}
	r := postgres.Retention{Inbox: 14 * 24 * time.Hour}
	if _, err := s.Retain(ctx, t0.Add(13*24*time.Hour), r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(payload(), "M12345678") {
		t.Error("the set-aside update lost its content before the period ended")
	}
	if got, err := s.Retain(ctx, t0.Add(15*24*time.Hour), r); err != nil || got.Inbox != 1 {
		t.Errorf("Retain = %+v, %v", got, err)
	}
	if p := payload(); p != "{}" {
		t.Errorf("set-aside update after the period holds %s", p)
	}
}

// TestOutboxKeepsNoContent: a call sent or given up keeps its method, chat
// and message ids, never its text.
func TestOutboxKeepsNoContent(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	err := s.Do(ctx, func(ctx context.Context, tx mailbox.Tx) error {
		return tx.Enqueue(ctx, t0,
			mailbox.Message{ChatID: 7, Method: "sendMessage", Payload: []byte(`{"chat_id":7,"text":"passport M12345678"}`)},
			mailbox.Message{ChatID: 8, Method: "editMessageText", Payload: []byte(`{"chat_id":8,"message_id":3,"text":"M12345678"}`)})
	})
	if err != nil {
		t.Fatal(err)
	}
	calls := pgtest.Must[[]mailbox.Message](t)(s.Claim(ctx, t0, 10, 0, time.Minute))
	if len(calls) != 2 {
		t.Fatalf("claimed %d calls", len(calls))
	}
	if err := s.Sent(ctx, calls[0], 55, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.Fail(ctx, calls[1], errors.New("Bad Request: chat not found"), t0); err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Method  string `db:"method"`
		Payload string `db:"payload"`
	}
	if err := db.Select(&rows, `SELECT method, payload::text AS payload FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	want := []string{`sendMessage {"chat_id": 7}`, `editMessageText {"chat_id": 8, "message_id": 3}`}
	for i, r := range rows {
		if got := r.Method + " " + r.Payload; got != want[i] {
			t.Errorf("row %d = %s, want %s", i, got, want[i])
		}
	}
}
