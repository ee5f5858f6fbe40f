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

// wrote records a message in chat at, from the reporter or the bot.
func wrote(t *testing.T, db *sqlx.DB, chat, message int64, fromBot bool, at time.Time) {
	t.Helper()
	db.MustExec(`INSERT INTO chat_messages (chat_id, message_id, from_bot, at) VALUES ($1, $2, $3, $4)`,
		chat, message, fromBot, at)
}

// TestCheckInsDueSeeWhoWrote: the escalator and /case see that a reporter
// wrote since the prompt went out (anything they sent is in
// chat_messages), and only then: the bot's own messages, a message from
// before the prompt and another chat's message are not an answer.
func TestCheckInsDueSeeWhoWrote(t *testing.T) {
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	ctx := context.Background()
	mine := overdueCheckIn(t, d, 3001)
	silent := overdueCheckIn(t, d, 3002)
	wrote(t, db, 3001, 10, false, t0.Add(-time.Minute)) // before the prompt
	wrote(t, db, 3001, 11, false, t0.Add(10*time.Minute))
	wrote(t, db, 3001, 12, false, t0.Add(20*time.Minute))
	wrote(t, db, 3002, 10, true, t0.Add(5*time.Minute))   // the bot's prompt itself
	wrote(t, db, 3002, 11, false, t0.Add(-2*time.Minute)) // before the prompt
	wrote(t, db, 3009, 11, false, t0.Add(5*time.Minute))  // someone else

	due, err := d.CheckInsDue(ctx, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]*time.Time{}
	for i := range due {
		got[due[i].CaseID] = due[i].WroteAt
	}
	if w, ok := got[mine.ID]; !ok || w == nil || !w.Equal(t0.Add(20*time.Minute)) || !due[0].Unanswered() {
		t.Errorf("the reporter who wrote: %v (present %v), want their last message at %v", w, ok, t0.Add(20*time.Minute))
	}
	if w, ok := got[silent.ID]; !ok || w != nil {
		t.Errorf("the silent reporter: wrote %v (present %v), want nil", w, ok)
	}
	for c, want := range map[int64]bool{mine.ID: true, silent.ID: false} {
		ci := pgtest.Must[*desk.CheckIn](t)(d.CheckInOf(ctx, c))
		if ci.AnsweredByWriting() != want {
			t.Errorf("case #%d: CheckInOf answered by writing = %v, want %v", c, !want, want)
		}
	}
}

// TestAnswerAndEscalatorDoNotRace: an escalator's pass and a
// tapped answer on the same check-in, in either order, never both act
// on the prompt: the escalator skips a check-in being answered, and an
// answer during an escalation waits for it, then clears the prompt and
// returns it as the escalator left it (so that those it told hear of the
// answer).
func TestAnswerAndEscalatorDoNotRace(t *testing.T) {
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	ctx := context.Background()
	c := overdueCheckIn(t, d, 3003)
	late := t0.Add(time.Hour)

	t.Run("answer first", func(t *testing.T) {
		tx1, reporter := begin(t, db)
		if got, err := reporter.AnswerCheckIn(ctx, c.ID); err != nil || got.PromptedAt == nil || !got.PromptedAt.Equal(t0) || got.EscalatedAt != nil {
			t.Fatalf("answered %v, %v; want the t0 prompt, not escalated", got, err)
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
		done := make(chan *desk.CheckIn, 1)
		tx1, reporter := begin(t, db)
		go func() {
			got, err := reporter.AnswerCheckIn(ctx, c.ID)
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
		if got := <-done; got == nil || got.EscalatedAt == nil || !got.EscalatedAt.Equal(late) {
			t.Errorf("after the escalation the answer gave %+v, want the prompt it answered, escalated", got)
		}
		if err := tx1.Commit(); err != nil {
			t.Fatal(err)
		}
		if ci := pgtest.Must[*desk.CheckIn](t)(d.CheckInOf(ctx, c.ID)); ci.Unanswered() {
			t.Errorf("the check-in still waits for an answer: %+v", ci)
		}
	})
}

// TestCheckInsDueUsesIndexes: the escalator reads a reporter's messages by
// chat_messages' key, never by reading every chat's messages.
func TestCheckInsDueUsesIndexes(t *testing.T) {
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	pgtest.AddStaff(t, d, agentB, desk.RoleAgent, "Agent B")
	db.MustExec(seedCases, 20000, t0, agentA)
	db.MustExec(`INSERT INTO checkins (case_id, every_seconds, grace_seconds, next_at, prompted_at, started_by, started_at)
		SELECT id, 3600, 900, $1, $1, $2, $1 FROM cases WHERE status <> 'closed' AND id % 50 = 0`, t0, agentA)
	db.MustExec(`INSERT INTO chat_messages (chat_id, message_id, from_bot, at)
		SELECT reporter_chat_id, g, g % 2 = 0, $1 FROM cases, generate_series(1, 10) g`, t0)
	db.MustExec(`ANALYZE`)
	var lines []string
	if err := db.Select(&lines, "EXPLAIN "+deskdb.CheckInsDueSQL, t0.Add(time.Hour), desk.MaxEscalations); err != nil {
		t.Fatal(err)
	}
	plan := strings.Join(lines, "\n")
	if !strings.Contains(plan, "chat_messages_pkey") || strings.Contains(plan, "Seq Scan on chat_messages") {
		t.Errorf("the escalator does not read the reporter's messages by chat_messages' key:\n%s", plan)
	}
}
