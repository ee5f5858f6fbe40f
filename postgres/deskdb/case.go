package deskdb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// insertCase opens a case and records its created event in one statement.
// A reference already taken inserts nothing (no error, which would abort
// the caller's transaction), and OpenCase tries another.
const insertCase = `
WITH c AS (
    INSERT INTO cases (ref, type, priority, status, reporter_user_id, reporter_chat_id,
        reporter_lang, reporter_name, answers, consent_share, created_at, updated_at)
    VALUES ($1, $2, $3, 'new', $4, $5, $6, $7, $8, $9, $10, $10)
    ON CONFLICT (ref) DO NOTHING
    RETURNING *
), ev AS (
    INSERT INTO case_events (case_id, kind, at, data)
    SELECT id, 'created', created_at, jsonb_build_object('type', type, 'priority', priority) FROM c
)
SELECT ` + caseColumns + ` FROM c`

// OpenCase opens a case with a fresh reference.
func (d *Store) OpenCase(ctx context.Context, nc desk.NewCase, now time.Time) (*desk.Case, error) {
	if !nc.Type.Valid() || !nc.Priority.Valid() || !validLanguage(nc.ReporterLang) {
		return nil, invalid("open case: type %q, priority %q, language %q", nc.Type, nc.Priority, nc.ReporterLang)
	}
	answers, err := jsonMap(nc.Answers)
	if err != nil {
		return nil, err
	}
	consent := sql.NullBool{}
	if nc.ConsentShare != nil {
		consent = sql.NullBool{Bool: *nc.ConsentShare, Valid: true}
	}
	for attempt := range desk.RefAttempts {
		ref := d.newRef(desk.RefLenFor(attempt))
		c, err := d.getCase(ctx, insertCase, ref, nc.Type, nc.Priority, nc.ReporterUserID, nc.ReporterChatID,
			nc.ReporterLang, nc.ReporterName, answers, consent, now)
		if flows.ErrorCode(err) == flows.ENotFound {
			continue // the reference is taken
		}
		if err != nil {
			return nil, fmt.Errorf("open case: %w", err)
		}
		return c, nil
	}
	return nil, flows.Errorf(flows.EInternal, "open case: no free reference after %d tries", desk.RefAttempts)
}

// getCase runs a query returning one case row.
func (d *Store) getCase(ctx context.Context, query string, args ...any) (*desk.Case, error) {
	var r caseRow
	if err := sqlx.GetContext(ctx, d.q, &r, query, args...); err != nil {
		return nil, mapError(err)
	}
	c, err := r.toCase()
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// selectCases runs a query returning case rows.
func (d *Store) selectCases(ctx context.Context, query string, args ...any) ([]desk.Case, error) {
	var rows []caseRow
	if err := sqlx.SelectContext(ctx, d.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	return toCases(rows)
}

const selectCaseByRef = `SELECT ` + caseColumns + ` FROM cases WHERE ref = $1`

// Case returns the case with a reference.
func (d *Store) Case(ctx context.Context, ref desk.Ref) (*desk.Case, error) {
	c, err := d.getCase(ctx, selectCaseByRef, ref)
	if err != nil {
		return nil, fmt.Errorf("case %s: %w", ref, err)
	}
	return c, nil
}

const selectCaseByID = `SELECT ` + caseColumns + ` FROM cases WHERE id = $1`

// CaseByID returns the case with a database id.
func (d *Store) CaseByID(ctx context.Context, id int64) (*desk.Case, error) {
	c, err := d.getCase(ctx, selectCaseByID, id)
	if err != nil {
		return nil, fmt.Errorf("case #%d: %w", id, err)
	}
	return c, nil
}

const selectOpenCaseOf = `
SELECT ` + caseColumns + ` FROM cases
WHERE reporter_chat_id = $1 AND status IN ` + openStatuses + `
ORDER BY created_at DESC, id DESC LIMIT 1`

// OpenCaseOf returns the reporter's most recent open case.
func (d *Store) OpenCaseOf(ctx context.Context, reporterChatID int64) (*desk.Case, error) {
	c, err := d.getCase(ctx, selectOpenCaseOf, reporterChatID)
	if err != nil {
		return nil, fmt.Errorf("open case of chat %d: %w", reporterChatID, err)
	}
	return c, nil
}

const selectCasesOf = `
SELECT ` + caseColumns + ` FROM cases WHERE reporter_chat_id = $1
ORDER BY created_at DESC, id DESC LIMIT $2`

// CasesOf returns the reporter's latest cases.
func (d *Store) CasesOf(ctx context.Context, reporterChatID int64) ([]desk.Case, error) {
	cases, err := d.selectCases(ctx, selectCasesOf, reporterChatID, desk.MaxCasesOf)
	if err != nil {
		return nil, fmt.Errorf("cases of chat %d: %w", reporterChatID, err)
	}
	return cases, nil
}

const selectReporterBlocked = `
SELECT EXISTS (SELECT 1 FROM cases WHERE reporter_chat_id = $1 AND blocked)`

// ReporterBlocked reports whether any case of the chat is blocked.
func (d *Store) ReporterBlocked(ctx context.Context, reporterChatID int64) (bool, error) {
	var blocked bool
	if err := sqlx.GetContext(ctx, d.q, &blocked, selectReporterBlocked, reporterChatID); err != nil {
		return false, mapError(fmt.Errorf("blocked chat %d: %w", reporterChatID, err))
	}
	return blocked, nil
}

const updateAnswers = `
UPDATE cases SET answers = answers || $2, updated_at = greatest(updated_at, $3) WHERE id = $1`

// UpdateAnswers merges answers into the case's answers.
func (d *Store) UpdateAnswers(ctx context.Context, caseID int64, answers map[string]string, now time.Time) error {
	b, err := jsonMap(answers)
	if err != nil {
		return err
	}
	return d.execOne(ctx, fmt.Sprintf("update answers of case #%d", caseID), updateAnswers, caseID, b, now)
}

// execOne runs a statement that must change one row: none is not found.
func (d *Store) execOne(ctx context.Context, what, query string, args ...any) error {
	res, err := d.q.ExecContext(ctx, query, args...)
	if err != nil {
		return mapError(fmt.Errorf("%s: %w", what, err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return mapError(fmt.Errorf("%s: %w", what, err))
	}
	if n == 0 {
		return notFound("%s: not found", what)
	}
	return nil
}
