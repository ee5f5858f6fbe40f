package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// A chat's consecutive calls of one priority are claimed together, in
// order, and many results are recorded at once, each fenced by its lease.
func TestClaimFollowersAndRecordMany(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	msg := func(chat int64, p mailbox.Priority) mailbox.Message {
		return mailbox.Message{ChatID: chat, Priority: p, Method: "sendMessage", Payload: []byte(`{"text":"x"}`)}
	}
	// Chat 1: three high, then a low one (not claimed with them); chat 2: one urgent.
	enqueue(t, s, msg(1, mailbox.PriorityHigh), msg(1, mailbox.PriorityHigh), msg(1, mailbox.PriorityHigh),
		msg(1, mailbox.PriorityLow), msg(2, mailbox.PriorityUrgent))
	got, err := s.Claim(ctx, t0, 10, 4, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{5, 1, 2, 3}, ids(got)); diff != "" {
		t.Errorf("claim (-want +got):\n%s", diff)
	}
	byID := map[int64]mailbox.Message{}
	for _, c := range got {
		byID[c.ID] = c
	}
	stale := byID[5]
	stale.Token++ // someone else's lease
	errs, err := s.Record(ctx, []mailbox.Result{
		{Message: byID[1], Outcome: mailbox.OutcomeSent, MessageID: 11},
		{Message: byID[2], Outcome: mailbox.OutcomeRetry, At: t0.Add(time.Second), Cause: errors.New("timeout")},
		{Message: byID[3], Outcome: mailbox.OutcomeRelease},
		{Message: stale, Outcome: mailbox.OutcomeFail, Cause: errors.New("blocked")},
	}, t0)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{false, false, false, true} {
		if lost := errors.Is(errs[i], mailbox.ErrLeaseLost); lost != want {
			t.Errorf("result %d: err %v, want lease lost %v", i, errs[i], want)
		}
	}
	var rows []struct {
		ID       int64  `db:"id"`
		Status   string `db:"status"`
		Attempts int    `db:"attempts"`
		Errors   int    `db:"errors"`
		Leased   bool   `db:"leased"`
	}
	if err := db.Select(&rows, `SELECT id, status, attempts, cardinality(errors) AS errors, leased_until IS NOT NULL AS leased
		FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	want := []string{"1 sent 1 0 false", "2 pending 1 1 false", "3 pending 0 0 false", "4 pending 0 0 false", "5 pending 1 0 true"}
	var have []string
	for _, r := range rows {
		have = append(have, fmtRow(r.ID, r.Status, r.Attempts, r.Errors, r.Leased))
	}
	if diff := cmp.Diff(want, have); diff != "" {
		t.Errorf("outbox after Record (-want +got):\n%s", diff)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM chat_messages WHERE chat_id = 1 AND message_id = 11 AND from_bot`); err != nil || n != 1 {
		t.Errorf("chat_messages of the sent call = %d, %v; want 1", n, err)
	}
}

func fmtRow(id int64, status string, attempts, errs int, leased bool) string {
	return fmt.Sprintf("%d %s %d %d %v", id, status, attempts, errs, leased)
}

// Two dispatchers claiming at once never both lease a call. A claim whose
// statement saw a chat's later calls free, while another claim that
// leased them had not committed yet, must not take them over once that
// one commits (it did: the followers were chosen from the statement's
// snapshot and updated by id, so the same alerts went out twice). It
// takes its head alone, and the chat's calls leased meanwhile stay with
// the other claim.
func TestAClaimDoesNotTakeOverCallsAnotherClaimLeased(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	msg := mailbox.Message{ChatID: 1, Priority: mailbox.PriorityUrgent, Method: "sendMessage", Payload: []byte(`{"text":"x"}`)}
	enqueue(t, s, msg, msg, msg) // ids 1, 2, 3
	// Another dispatcher's claim leases 2 and 3 (as one that saw them
	// before 1 was committed does) and has not committed yet.
	other, err := db.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	if _, err := other.Exec(`UPDATE outbox SET leased_until = $1, lease_token = 1000 + id, attempts = attempts + 1
		WHERE id IN (2, 3)`, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	type claimed struct {
		calls []mailbox.Message
		err   error
	}
	done := make(chan claimed, 1)
	go func() {
		calls, err := s.Claim(ctx, t0, 10, 4, time.Minute)
		done <- claimed{calls, err}
	}()
	// The claim waits for the other's locks on 2 and 3 (or took its
	// snapshot before them); either way the other commits now.
	waitForLockWait(t, db)
	if err := other.Commit(); err != nil {
		t.Fatal(err)
	}
	got := <-done
	if got.err != nil {
		t.Fatal(got.err)
	}
	if diff := cmp.Diff([]int64{1}, ids(got.calls)); diff != "" {
		t.Errorf("claim (-want +got):\n%s", diff)
	}
	var tokens []int64
	if err := db.Select(&tokens, `SELECT lease_token FROM outbox WHERE id IN (2, 3) ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{1002, 1003}, tokens); diff != "" {
		t.Errorf("leases of 2 and 3 (-want +got):\n%s", diff)
	}
}

// waitForLockWait returns once a backend waits for a row lock.
func waitForLockWait(t *testing.T, db interface {
	Get(dest any, query string, args ...any) error
}) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var n int
		if err := db.Get(&n, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
	}
	t.Fatal("no claim waited for the other claim's locks")
}
