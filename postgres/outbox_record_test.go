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
