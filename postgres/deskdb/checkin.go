package deskdb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
)

const checkInColumns = `k.case_id, k.every_seconds, k.grace_seconds, k.next_at, k.prompted_at, k.escalated_at,
    k.started_by, k.started_at`

type checkInRow struct {
	CaseID      int64        `db:"case_id"`
	Every       int64        `db:"every_seconds"`
	Grace       int64        `db:"grace_seconds"`
	NextAt      time.Time    `db:"next_at"`
	PromptedAt  sql.NullTime `db:"prompted_at"`
	EscalatedAt sql.NullTime `db:"escalated_at"`
	StartedBy   int64        `db:"started_by"`
	StartedAt   time.Time    `db:"started_at"`
	WroteAt     sql.NullTime `db:"wrote_at"`
}

// wroteAt is when the reporter of case c last wrote since check-in k's
// prompt went out (NULL when they did not, or no prompt waits): their
// messages are in chat_messages, found by its key (chat_id, message_id)
// and kept for days, longer than any grace time. Every message, photo or
// document a reporter sends is recorded there in the transaction that
// processes it, so answering by writing costs the reporter's update
// nothing: the escalator and /case read it when they need it.
const wroteAt = `(SELECT max(m.at) FROM chat_messages m
    WHERE m.chat_id = c.reporter_chat_id AND NOT m.from_bot AND m.at >= k.prompted_at) AS wrote_at`

func (r *checkInRow) toCheckIn() desk.CheckIn {
	return desk.CheckIn{CaseID: r.CaseID, Every: time.Duration(r.Every) * time.Second,
		Grace: time.Duration(r.Grace) * time.Second, NextAt: r.NextAt.UTC(), PromptedAt: timePtr(r.PromptedAt),
		EscalatedAt: timePtr(r.EscalatedAt), StartedBy: r.StartedBy, StartedAt: r.StartedAt.UTC(),
		WroteAt: timePtr(r.WroteAt)}
}

func toCheckIns(rows []checkInRow) []desk.CheckIn {
	out := make([]desk.CheckIn, 0, len(rows))
	for i := range rows {
		out = append(out, rows[i].toCheckIn())
	}
	return out
}

const upsertCheckIn = `
INSERT INTO checkins (case_id, every_seconds, grace_seconds, next_at, prompted_at, escalated_at, started_by, started_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (case_id) DO UPDATE SET every_seconds = EXCLUDED.every_seconds,
    grace_seconds = EXCLUDED.grace_seconds, next_at = EXCLUDED.next_at, prompted_at = EXCLUDED.prompted_at,
    escalated_at = EXCLUDED.escalated_at, started_by = EXCLUDED.started_by, started_at = EXCLUDED.started_at`

// SaveCheckIn starts or updates a case's check-in.
func (d *Store) SaveCheckIn(ctx context.Context, c desk.CheckIn) error {
	_, err := d.q.ExecContext(ctx, upsertCheckIn, c.CaseID, int64(c.Every/time.Second), int64(c.Grace/time.Second),
		c.NextAt, nullTime(c.PromptedAt), nullTime(c.EscalatedAt), c.StartedBy, c.StartedAt)
	if err != nil {
		return mapError(fmt.Errorf("save check-in of case #%d: %w", c.CaseID, err))
	}
	return nil
}

const selectCheckIn = `SELECT ` + checkInColumns + `, ` + wroteAt + `
FROM checkins k JOIN cases c ON c.id = k.case_id WHERE k.case_id = $1`

// CheckInOf returns a case's check-in.
func (d *Store) CheckInOf(ctx context.Context, caseID int64) (*desk.CheckIn, error) {
	var r checkInRow
	if err := sqlx.GetContext(ctx, d.q, &r, selectCheckIn, caseID); err != nil {
		return nil, mapError(fmt.Errorf("check-in of case #%d: %w", caseID, err))
	}
	c := r.toCheckIn()
	return &c, nil
}

const deleteCheckIn = `DELETE FROM checkins WHERE case_id = $1`

// StopCheckIn ends a case's check-in.
func (d *Store) StopCheckIn(ctx context.Context, caseID int64) (bool, error) {
	res, err := d.q.ExecContext(ctx, deleteCheckIn, caseID)
	if err != nil {
		return false, mapError(fmt.Errorf("stop check-in of case #%d: %w", caseID, err))
	}
	n, err := res.RowsAffected()
	return n > 0, mapError(err)
}

// selectCheckInsDue takes, besides the prompts due and those past their
// grace time, an escalated prompt the reporter wrote after all, so that
// those who were told they missed it hear that they did not.
const selectCheckInsDue = `
SELECT ` + checkInColumns + `, ` + wroteAt + `
FROM checkins k JOIN cases c ON c.id = k.case_id
WHERE c.status IN ` + openStatuses + `
  AND (k.next_at <= $1
       OR (k.prompted_at IS NOT NULL AND k.escalated_at IS NULL
           AND k.prompted_at + make_interval(secs => k.grace_seconds) <= $1)
       OR (k.escalated_at IS NOT NULL AND EXISTS (SELECT 1 FROM chat_messages m
           WHERE m.chat_id = c.reporter_chat_id AND NOT m.from_bot AND m.at >= k.prompted_at)))
ORDER BY k.next_at, k.case_id
LIMIT $2
FOR UPDATE OF k SKIP LOCKED`

// CheckInsDue returns the check-ins that need the desk at now.
func (d *Store) CheckInsDue(ctx context.Context, now time.Time) ([]desk.CheckIn, error) {
	var rows []checkInRow
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectCheckInsDue, now, desk.MaxEscalations); err != nil {
		return nil, mapError(fmt.Errorf("check-ins due: %w", err))
	}
	return toCheckIns(rows), nil
}

// answerCheckIn returns the prompt it answers (prompted_at,
// escalated_at as they were): old locks the row first, so it reads it as
// an escalator working on it left it.
const answerCheckIn = `
WITH old AS (SELECT * FROM checkins WHERE case_id = $1 FOR UPDATE)
UPDATE checkins k SET prompted_at = NULL, escalated_at = NULL
FROM old WHERE k.case_id = old.case_id
RETURNING k.case_id, k.every_seconds, k.grace_seconds, k.next_at, old.prompted_at, old.escalated_at,
    k.started_by, k.started_at`

// AnswerCheckIn clears the waiting prompt of a case's check-in and
// returns the check-in with the prompt it answered. A single statement:
// the escalator (CheckInsDue) holds the row while it works on it, so the
// answer waits for it rather than being overwritten.
func (d *Store) AnswerCheckIn(ctx context.Context, caseID int64) (*desk.CheckIn, error) {
	var r checkInRow
	if err := sqlx.GetContext(ctx, d.q, &r, answerCheckIn, caseID); err != nil {
		return nil, mapError(fmt.Errorf("answer check-in of case #%d: %w", caseID, err))
	}
	c := r.toCheckIn()
	return &c, nil
}
