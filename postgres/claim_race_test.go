package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// A claim's followers are chosen from its snapshot, so another claim may
// lease one of them meanwhile: a call queued with a lower id that
// committed later makes the chat's later call the head of a claim whose
// snapshot missed the earlier one. The claim that then waits for that row
// must not take it too (two dispatchers would send it: a desk alert
// bundle announced twice, TestTwoReplicas), nor any call after it in its
// chat; it takes its head alone.
func TestAClaimDoesNotTakeAFollowerAnotherClaimLeased(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	enqueue(t, s, mustCall(t, 7, "earlier"), mustCall(t, 7, "bundle"), mustCall(t, 7, "after"))
	var queued []int64
	if err := db.Select(&queued, `SELECT id FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}

	// The other dispatcher's claim, not yet committed, holds the later
	// calls (its snapshot missed the earlier one).
	other, err := db.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	other.MustExec(`UPDATE outbox SET leased_until = $1, lease_token = 99 + id, attempts = 1 WHERE id = ANY ($2)`,
		t0.Add(time.Minute), pq.Array(queued[1:]))

	type result struct {
		got []mailbox.Message
		err error
	}
	done := make(chan result, 1)
	go func() {
		got, err := s.Claim(ctx, t0, 10, 4, time.Minute)
		done <- result{got, err}
	}()
	// Once this claim waits for the rows the other holds, the other commits.
	for {
		var waiting bool
		if err := db.Get(&waiting, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%WITH heads AS%')`); err != nil {
			t.Fatal(err)
		}
		if waiting {
			break
		}
		select {
		case r := <-done:
			t.Fatalf("the claim did not wait for the rows the other claim holds: got %v, %v", r.got, r.err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	if err := other.Commit(); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if len(r.got) != 1 || r.got[0].ID != queued[0] {
		t.Errorf("claimed %v, want the earlier call %d alone", ids(r.got), queued[0])
	}
	var tokens []int64
	if err := db.Select(&tokens, `SELECT lease_token FROM outbox WHERE id = ANY ($1) ORDER BY id`, pq.Array(queued[1:])); err != nil {
		t.Fatal(err)
	}
	if len(tokens) != 2 || tokens[0] != 99+queued[1] || tokens[1] != 99+queued[2] {
		t.Errorf("lease tokens of the other's calls = %v, want theirs", tokens)
	}
}
