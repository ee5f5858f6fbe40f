package deskdb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// overdueCheckIn opens a case for chat with a check-in whose prompt went
// out at t0 and is past its grace time from t0+30m.
func overdueCheckIn(t *testing.T, d *deskdb.Store, chat int64) *desk.Case {
	t.Helper()
	c := pgtest.OpenCase(t, d, pgtest.Reporter(chat), t0)
	prompted := t0
	ci := desk.CheckIn{CaseID: c.ID, Every: 6 * time.Hour, Grace: 30 * time.Minute, NextAt: t0.Add(6 * time.Hour),
		PromptedAt: &prompted, StartedBy: agentA, StartedAt: t0}
	if err := d.SaveCheckIn(context.Background(), ci); err != nil {
		t.Fatal(err)
	}
	return c
}

func begin(t *testing.T, db *sqlx.DB) (*sqlx.Tx, *deskdb.Store) {
	t.Helper()
	tx, err := db.Beginx()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tx.Rollback() })
	return tx, deskdb.New(tx)
}

// TestSignOfLifeAnswersOnlyTheChatsWaitingPrompts: a message answers
// the prompts that wait in its chat, nobody else's, and only once.
func TestSignOfLifeAnswersOnlyTheChatsWaitingPrompts(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	mine := overdueCheckIn(t, d, 3001)
	other := overdueCheckIn(t, d, 3002)
	got, err := d.SignOfLife(ctx, 3001)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].CaseID != mine.ID || got[0].PromptedAt != nil || got[0].Every != 6*time.Hour {
		t.Errorf("answered %+v, want case #%d's check-in, no longer waiting", got, mine.ID)
	}
	if got, err := d.SignOfLife(ctx, 3001); err != nil || len(got) != 0 {
		t.Errorf("a second message answered %v, %v; want nothing", got, err)
	}
	due, err := d.CheckInsDue(ctx, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].CaseID != other.ID {
		t.Errorf("due after the message: %+v, want only the other chat's", due)
	}
}

// TestSignOfLifeAndEscalatorDoNotRace: an escalator's pass and a
// message's answer on the same check-in, in either order, never both act
// on the prompt: the escalator skips a check-in being answered, and an
// answer during an escalation waits for it and then clears the prompt.
func TestSignOfLifeAndEscalatorDoNotRace(t *testing.T) {
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	ctx := context.Background()
	c := overdueCheckIn(t, d, 3003)
	late := t0.Add(time.Hour)

	t.Run("answer first", func(t *testing.T) {
		tx1, reporter := begin(t, db)
		if got, err := reporter.SignOfLife(ctx, 3003); err != nil || len(got) != 1 {
			t.Fatalf("answered %v, %v", got, err)
		}
		tx2, escalator := begin(t, db)
		if due, err := escalator.CheckInsDue(ctx, late); err != nil || len(due) != 0 {
			t.Errorf("the escalator took %v, %v while the answer was being written", due, err)
		}
		_ = tx2.Rollback()
		if err := tx1.Commit(); err != nil {
			t.Fatal(err)
		}
		if due, err := d.CheckInsDue(ctx, late); err != nil || len(due) != 0 {
			t.Errorf("due after the answer: %v, %v; want none", due, err)
		}
	})

	t.Run("escalation first", func(t *testing.T) {
		prompted := t0
		ci := pgtest.Must[*desk.CheckIn](t)(d.CheckInOf(ctx, c.ID))
		ci.PromptedAt = &prompted
		if err := d.SaveCheckIn(ctx, *ci); err != nil {
			t.Fatal(err)
		}
		tx2, escalator := begin(t, db)
		due, err := escalator.CheckInsDue(ctx, late)
		if err != nil || len(due) != 1 {
			t.Fatalf("the escalator took %v, %v", due, err)
		}
		done := make(chan []desk.CheckIn, 1)
		tx1, reporter := begin(t, db)
		go func() {
			got, err := reporter.SignOfLife(ctx, 3003)
			if err != nil {
				t.Error(err)
			}
			done <- got
		}()
		select {
		case got := <-done:
			t.Fatalf("the answer went through (%v) while the escalator held the check-in", got)
		case <-time.After(300 * time.Millisecond):
		}
		escalated := late
		due[0].EscalatedAt = &escalated
		if err := escalator.SaveCheckIn(ctx, due[0]); err != nil {
			t.Fatal(err)
		}
		if err := tx2.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := <-done; len(got) != 1 || got[0].PromptedAt != nil || got[0].EscalatedAt != nil {
			t.Errorf("after the escalation the answer gave %+v, want the prompt cleared", got)
		}
		if err := tx1.Commit(); err != nil {
			t.Fatal(err)
		}
		if ci := pgtest.Must[*desk.CheckIn](t)(d.CheckInOf(ctx, c.ID)); ci.Unanswered() {
			t.Errorf("the check-in still waits for an answer: %+v", ci)
		}
	})
}

// TestSignOfLifeUsesIndexes: the statement every reporter's message runs
// finds the chat's cases by their index, never by reading all cases.
func TestSignOfLifeUsesIndexes(t *testing.T) {
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	pgtest.AddStaff(t, d, agentB, desk.RoleAgent, "Agent B")
	db.MustExec(seedCases, 20000, t0, agentA)
	db.MustExec(`INSERT INTO checkins (case_id, every_seconds, grace_seconds, next_at, prompted_at, started_by, started_at)
		SELECT id, 3600, 900, $1, $1, $2, $1 FROM cases WHERE status <> 'closed'`, t0, agentA)
	db.MustExec(`ANALYZE`)
	var lines []string
	if err := db.Select(&lines, "EXPLAIN "+deskdb.SignOfLifeSQL, 5000077); err != nil {
		t.Fatal(err)
	}
	plan := strings.Join(lines, "\n")
	if !strings.Contains(plan, "cases_reporter") || strings.Contains(plan, "Seq Scan") {
		t.Errorf("the sign of life does not go by cases_reporter and the check-ins' key:\n%s", plan)
	}
}
