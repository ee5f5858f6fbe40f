package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestDeskInUpdateTransaction uses the desk the way the bot does: inside
// an update's transaction, through mailbox.Tx.
func TestDeskInUpdateTransaction(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "A")
	pgtest.AddStaff(t, d, agentB, desk.RoleAgent, "B")
	taken := pgtest.OpenCase(t, d, pgtest.Reporter(1), t0)
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, taken.Ref, agentB, t0))
	deskOf := func(tx mailbox.Tx) desk.Store { return tx.Desk() }

	// A failing update leaves no case behind.
	mustSave(t, s, 1, 7, mailbox.PriorityUrgent)
	boom := errors.New("boom")
	var ref desk.Ref
	_, err := s.ProcessNext(ctx, t0, func(ctx context.Context, tx mailbox.Tx, _ mailbox.Update) error {
		c, err := deskOf(tx).OpenCase(ctx, pgtest.Reporter(7), t0)
		if err != nil {
			return err
		}
		ref = c.Ref
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("ProcessNext = %v, want boom", err)
	}
	_, err = d.Case(ctx, ref)
	pgtest.WantCode(t, err, flows.ENotFound)

	// Expected errors leave the transaction usable: the update commits.
	_, err = s.ProcessNext(ctx, t0, func(ctx context.Context, tx mailbox.Tx, _ mailbox.Update) error {
		dk := deskOf(tx)
		if _, err := dk.Claim(ctx, taken.Ref, agentA, t0); flows.ErrorCode(err) != flows.EConflict {
			t.Errorf("claim a taken case: %v, want conflict", err)
		}
		if _, err := dk.Case(ctx, "KD-XXXX"); flows.ErrorCode(err) != flows.ENotFound {
			t.Errorf("missing case: %v, want not found", err)
		}
		if _, err := dk.AddEvent(ctx, taken.ID, desk.Event{Kind: "bogus", At: t0}); flows.ErrorCode(err) != flows.EInvalid {
			t.Errorf("bogus event: %v, want invalid", err)
		}
		c, err := dk.OpenCase(ctx, pgtest.Reporter(7), t0)
		if err != nil {
			return err
		}
		ref = c.Ref
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := pgtest.Must[*desk.Case](t)(d.OpenCaseOf(ctx, 7)); c.Ref != ref {
		t.Errorf("open case of chat 7 = %s, want %s", c.Ref, ref)
	}
}
