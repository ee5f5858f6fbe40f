package postgres_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// A worker that dies inside the handler has used its attempt: the claim
// counted it in a transaction of its own.
func TestClaimCountsTheAttemptBeforeTheHandler(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	mustSave(t, s, 60, 1, mailbox.PriorityNormal)
	for want := 1; want <= 3; want++ {
		// Each loop is a process that claims the update and is killed.
		u, ok, err := s.ClaimUpdate(ctx, t0.Add(time.Duration(want)*time.Hour), time.Minute)
		if err != nil || !ok {
			t.Fatalf("claim %d: %v, %v", want, ok, err)
		}
		if u.Attempts != want {
			t.Errorf("claim %d: attempts = %d", want, u.Attempts)
		}
		// While it is leased nobody else takes it.
		if _, ok, _ := s.ClaimUpdate(ctx, t0.Add(time.Duration(want)*time.Hour), time.Minute); ok {
			t.Errorf("claim %d: the leased update was handed out twice", want)
		}
	}
}

// An attempt that failed because the database went away is handed back
// uncounted, once, however often the release is repeated.
func TestReleaseUpdateDoesNotCount(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	mustSave(t, s, 61, 1, mailbox.PriorityNormal)
	u, _, err := s.ClaimUpdate(ctx, t0, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := s.ReleaseUpdate(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	again, ok, err := s.ClaimUpdate(ctx, t0, time.Hour)
	if err != nil || !ok || again.Attempts != 1 {
		t.Errorf("claim after release = %+v, %v, %v; want the update at attempt 1", again, ok, err)
	}
	// The first claim's token is stale: it can neither process nor retry.
	_, err = s.Process(ctx, u, t0, mailbox.HandOff{}, func(context.Context, mailbox.Tx, mailbox.Update) error { return nil })
	if !errors.Is(err, mailbox.ErrLeaseLost) {
		t.Errorf("Process with a stale claim = %v, want lease lost", err)
	}
}

// A batch in which one claim went stale (its lease ran out and another
// claim took the update) is not processed at all: the handler does not
// run, no update is marked processed, and each is then processed alone.
func TestProcessAllWithALostClaimKeepsNothing(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	_, claimed, err := s.SaveUpdates(ctx, []mailbox.Update{
		{UpdateID: 71, ChatID: 1, Priority: mailbox.PriorityNormal, Payload: []byte(`{}`)},
		{UpdateID: 72, ChatID: 2, Priority: mailbox.PriorityNormal, Payload: []byte(`{}`)},
	}, t0, 8, time.Minute)
	if err != nil || len(claimed) != 2 {
		t.Fatalf("SaveUpdates claimed %d, %v; want 2", len(claimed), err)
	}
	// Update 72's lease runs out and another worker claims it.
	again, err := s.ClaimUpdates(ctx, t0.Add(2*time.Minute), time.Minute, 8)
	if err != nil || len(again) != 2 {
		t.Fatalf("claim after the leases ran out: %d, %v; want both", len(again), err)
	}
	var ran []int64
	fn := func(_ context.Context, _ mailbox.Tx, u mailbox.Update) error {
		ran = append(ran, u.UpdateID)
		return nil
	}
	stale := []mailbox.Update{again[0], claimed[1]}
	if _, err := s.ProcessAll(ctx, stale, t0, mailbox.HandOff{}, fn); !errors.Is(err, mailbox.ErrLeaseLost) {
		t.Fatalf("ProcessAll with a stale claim = %v, want lease lost", err)
	}
	if len(ran) != 0 {
		t.Fatalf("the handler ran for %v", ran)
	}
	for _, u := range again {
		if _, err := s.Process(ctx, u, t0, mailbox.HandOff{}, fn); err != nil {
			t.Fatalf("process update %d with the current claim: %v", u.UpdateID, err)
		}
	}
	if !slices.Equal(ran, []int64{71, 72}) {
		t.Fatalf("processed %v, want updates 71 and 72 once each", ran)
	}
}

// PostgreSQL's jsonb refuses a NUL character: the update is refused as
// invalid, then kept raw, set aside, and not in anyone's way.
func TestQuarantineKeepsWhatJSONBRefuses(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	raw := []byte(`{"update_id":70,"message":{"text":"help\u0000me"}}`)
	u := mailbox.Update{UpdateID: 70, ChatID: 9, Payload: raw}
	_, err := s.SaveUpdate(ctx, u, t0)
	if flows.ErrorCode(err) != flows.EInvalid {
		t.Fatalf("SaveUpdate with NUL = %v, want invalid", err)
	}
	ok, err := s.Quarantine(ctx, u, raw, err.Error(), t0)
	if err != nil || !ok {
		t.Fatalf("Quarantine = %v, %v", ok, err)
	}
	var got struct {
		Raw    []byte `db:"raw"`
		Reason string `db:"quarantine_reason"`
	}
	if err := db.Get(&got, `SELECT raw, quarantine_reason FROM inbox WHERE update_id = 70 AND set_aside_at IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	if string(got.Raw) != string(raw) || !strings.Contains(got.Reason, "invalid") && got.Reason == "" {
		t.Errorf("quarantined row = %q, %q", got.Raw, got.Reason)
	}
	mustSave(t, s, 71, 9, mailbox.PriorityNormal)
	if id := next(t, s); id != 71 {
		t.Errorf("next = %d, want 71: the quarantined update holds nothing up", id)
	}
	b, err := s.Backlog(ctx, t0)
	if err != nil || b.SetAside != 1 {
		t.Errorf("backlog = %+v, %v; want one set aside", b, err)
	}
}

// A dispatcher whose lease ran out cannot write a result over the new
// holder's; a delivered call is never put back for retry; every attempt's
// error is kept.
func TestOutboxResultsAreFencedByTheLease(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	enqueue(t, s, mailbox.Message{ChatID: 1, Method: "sendMessage", Payload: []byte(`{}`)})
	stale, err := s.Claim(ctx, t0, 1, 0, time.Second)
	if err != nil || len(stale) != 1 {
		t.Fatal(stale, err)
	}
	if err := s.Retry(ctx, stale[0], t0, errors.New("timeout 1"), true); err != nil {
		t.Fatal(err)
	}
	stale, _ = s.Claim(ctx, t0, 1, 0, time.Second)
	current, err := s.Claim(ctx, t0.Add(2*time.Second), 1, 0, time.Minute) // the lease ran out
	if err != nil || len(current) != 1 {
		t.Fatal(current, err)
	}
	if lost, err := s.Extend(ctx, stale, t0.Add(2*time.Second), time.Minute); err != nil || len(lost) != 1 {
		t.Errorf("stale Extend = %v, %v; want its call lost", lost, err)
	}
	if lost, err := s.Extend(ctx, current, t0.Add(2*time.Second), time.Second); err != nil || len(lost) != 0 {
		t.Errorf("Extend by the holder = %v, %v; want it held", lost, err)
	}
	var until time.Time
	if err := db.Get(&until, `SELECT leased_until FROM outbox WHERE id = $1`, current[0].ID); err != nil ||
		!until.Equal(t0.Add(2*time.Second).Add(time.Minute)) {
		t.Errorf("leased_until = %v, %v; want the longer lease kept (%v)", until, err, t0.Add(2*time.Second+time.Minute))
	}
	if err := s.Sent(ctx, current[0], 5, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.Retry(ctx, stale[0], t0, errors.New("timeout 2"), true); !errors.Is(err, mailbox.ErrLeaseLost) {
		t.Errorf("stale Retry after delivery = %v, want lease lost", err)
	}
	if err := s.Fail(ctx, current[0], errors.New("late"), t0); !errors.Is(err, mailbox.ErrLeaseLost) {
		t.Errorf("Fail after delivery = %v, want lease lost (nothing to fail)", err)
	}
	var row struct {
		Status    string         `db:"status"`
		Errors    pq.StringArray `db:"errors"`
		Ambiguous int            `db:"ambiguous"`
	}
	if err := db.Get(&row, `SELECT status, errors, ambiguous FROM outbox`); err != nil {
		t.Fatal(err)
	}
	if row.Status != "sent" || len(row.Errors) != 1 || !strings.Contains(row.Errors[0], "timeout 1") || row.Ambiguous != 1 {
		t.Errorf("row = %+v, want sent with the one error of attempt 1", row)
	}
}

// A group that became a supergroup: the pending calls move, and calls
// queued later for the old id go to the new one.
func TestMigrateMovesTheChat(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	const oldID, newID = -100, -1001000000100
	msg := mailbox.Message{ChatID: oldID, Method: "sendMessage", Payload: []byte(`{}`)}
	enqueue(t, s, msg, msg)
	got, err := s.Claim(ctx, t0, 10, 0, time.Minute)
	if err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
	if err := s.Migrate(ctx, got[0], newID, t0); err != nil {
		t.Fatal(err)
	}
	enqueue(t, s, msg)
	var chats []int64
	if err := db.Select(&chats, `SELECT chat_id FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{newID, newID, newID}, chats); diff != "" {
		t.Errorf("outbox chats (-want +got):\n%s", diff)
	}
	again, err := s.Claim(ctx, t0, 10, 0, time.Minute)
	if err != nil || len(again) != 1 || again[0].ID != got[0].ID {
		t.Errorf("claim after migration = %v, %v; want the same call again at once", again, err)
	}
}

// Every connection of the pool carries the timeouts.
func TestOpenSetsTimeouts(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.URL(t), 3)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for name, want := range map[string]string{"statement_timeout": "30s", "lock_timeout": "10s",
		"idle_in_transaction_session_timeout": "1min"} {
		var got string
		if err := db.Get(&got, "SHOW "+name); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	if got := db.Stats().MaxOpenConnections; got != 3 {
		t.Errorf("pool size = %d, want 3", got)
	}
}
