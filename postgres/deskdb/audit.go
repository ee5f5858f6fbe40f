package deskdb

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// actionPattern matches the audit_log.action CHECK constraint.
var actionPattern = regexp.MustCompile(`^[a-z_]+(\.[a-z_]+)*$`)

const insertAudit = `
INSERT INTO audit_log (actor_id, action, case_id, detail, at) VALUES ($1, $2, $3, $4, $5)`

// Audit appends an entry to the audit log.
func (d *Store) Audit(ctx context.Context, e desk.AuditEntry) error {
	if !actionPattern.MatchString(e.Action) || e.At.IsZero() {
		return invalid("audit %q: bad action or no time", e.Action)
	}
	caseID := sql.NullInt64{}
	if e.CaseID != nil {
		caseID = sql.NullInt64{Int64: *e.CaseID, Valid: true}
	}
	if _, err := d.q.ExecContext(ctx, insertAudit, e.ActorID, e.Action, caseID, e.Detail, e.At); err != nil {
		return mapError(fmt.Errorf("audit %s: %w", e.Action, err))
	}
	return nil
}

const selectAuditLog = `
SELECT a.id, a.actor_id, a.action, a.case_id, coalesce(c.ref, '') AS ref, a.detail, a.at
FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id
ORDER BY a.at DESC, a.id DESC
LIMIT $1`

// AuditLog returns the latest entries, newest first.
func (d *Store) AuditLog(ctx context.Context, limit int) ([]desk.AuditEntry, error) {
	if err := validPage("audit log", limit, 0); err != nil {
		return nil, err
	}
	var rows []struct {
		ID      int64         `db:"id"`
		ActorID int64         `db:"actor_id"`
		Action  string        `db:"action"`
		CaseID  sql.NullInt64 `db:"case_id"`
		Ref     string        `db:"ref"`
		Detail  string        `db:"detail"`
		At      time.Time     `db:"at"`
	}
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectAuditLog, limit); err != nil {
		return nil, mapError(fmt.Errorf("audit log: %w", err))
	}
	entries := make([]desk.AuditEntry, 0, len(rows))
	for _, r := range rows {
		e := desk.AuditEntry{ID: r.ID, ActorID: r.ActorID, Action: r.Action, Ref: desk.Ref(r.Ref),
			Detail: r.Detail, At: r.At.UTC()}
		if r.CaseID.Valid {
			e.CaseID = &r.CaseID.Int64
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// selectUnclaimedUrgent walks cases_unclaimed in order. SKIP LOCKED lets
// replicas escalating at the same time split the cases instead of
// alerting twice (inside their transactions).
const selectUnclaimedUrgent = `
SELECT ` + caseColumns + ` FROM cases
WHERE priority_rank = 0 AND status = 'new' AND escalated_at IS NULL AND created_at <= $1
ORDER BY priority_rank, created_at, id
LIMIT $2
FOR UPDATE SKIP LOCKED`

// UnclaimedUrgent returns urgent cases nobody claimed since olderThan.
func (d *Store) UnclaimedUrgent(ctx context.Context, olderThan time.Time) ([]desk.Case, error) {
	cases, err := d.selectCases(ctx, selectUnclaimedUrgent, olderThan, desk.MaxEscalations)
	if err != nil {
		return nil, fmt.Errorf("unclaimed urgent cases: %w", err)
	}
	return cases, nil
}

const markEscalated = `
WITH old AS (SELECT id, escalated_at FROM cases WHERE id = $1 FOR UPDATE),
c AS (
    UPDATE cases c SET escalated_at = $2 FROM old
    WHERE c.id = old.id AND old.escalated_at IS NULL
    RETURNING c.id
)
SELECT EXISTS (SELECT 1 FROM c) FROM old`

// MarkEscalated records that supervisors were alerted about a case.
func (d *Store) MarkEscalated(ctx context.Context, caseID int64, now time.Time) error {
	what := fmt.Sprintf("mark case #%d escalated", caseID)
	var marked bool
	if err := sqlx.GetContext(ctx, d.q, &marked, markEscalated, caseID, now); err != nil {
		if err = mapError(err); flows.ErrorCode(err) == flows.ENotFound {
			return notFound("%s: no such case", what)
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	if !marked {
		return &flows.Error{Code: flows.EConflict, Message: what, Err: desk.ErrEscalated}
	}
	return nil
}

// markRealerted lets one repeated alert per case through per quiet period.
const markRealerted = `
UPDATE cases SET alerted_at = $2
WHERE id = $1 AND coalesce(alerted_at, created_at) <= $3
RETURNING id`

// MarkRealerted records a repeated alert about a case, unless one was
// sent (or the case opened) less than quiet ago.
func (d *Store) MarkRealerted(ctx context.Context, caseID int64, now time.Time, quiet time.Duration) (bool, error) {
	var id int64
	err := sqlx.GetContext(ctx, d.q, &id, markRealerted, caseID, now, now.Add(-quiet))
	switch err = mapError(err); {
	case err == nil:
		return true, nil
	case flows.ErrorCode(err) == flows.ENotFound:
		return false, nil
	}
	return false, fmt.Errorf("mark case #%d alerted: %w", caseID, err)
}
