package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Every change to a case is one statement in three parts: lock the case
// (old), change it when the change's conditions hold (c), and record an
// event for each field that changed (ev). It returns the changed row, or,
// with changed = false, the locked one, which tells why nothing changed.
// Parameters: $1 the reference, $2 the acting staff member, $3 the time,
// then the change's own.
//
// The lock makes concurrent changes queue up: the second one waits, then
// sees (in old and in c's conditions) the row as the first one left it,
// so of two claims exactly one wins.
const lockCase = `
WITH old AS (SELECT * FROM cases WHERE ref = $1 FOR UPDATE)`

const recordChanges = `, ev AS (
    INSERT INTO case_events (case_id, kind, actor_id, text, at, data)
    SELECT c.id, e.kind, $2, e.text, $3, e.data
    FROM c JOIN old ON old.id = c.id
    CROSS JOIN LATERAL (VALUES
        (1, 'assignment', '', jsonb_build_object('from', coalesce(old.assignee_id::text, ''),
            'to', coalesce(c.assignee_id::text, '')), old.assignee_id IS DISTINCT FROM c.assignee_id),
        (2, 'status', c.resolution, jsonb_build_object('from', old.status, 'to', c.status),
            old.status <> c.status OR old.resolution <> c.resolution),
        (3, 'priority', '', jsonb_build_object('from', old.priority, 'to', c.priority),
            old.priority <> c.priority),
        (4, 'block', '', jsonb_build_object('blocked', c.blocked::text), old.blocked <> c.blocked)
    ) AS e (n, kind, text, data, changed)
    WHERE e.changed
    ORDER BY e.n
)
SELECT true AS changed, ` + caseColumns + ` FROM c
UNION ALL
SELECT false, ` + caseColumns + ` FROM old WHERE NOT EXISTS (SELECT 1 FROM c)`

type changedRow struct {
	Changed bool `db:"changed"`
	caseRow
}

// change runs a change statement; what names it in errors.
func (d *Store) change(ctx context.Context, what string, query string, args ...any) (*desk.Case, bool, error) {
	var r changedRow
	if err := sqlx.GetContext(ctx, d.q, &r, query, args...); err != nil {
		err = mapError(err)
		if flows.ErrorCode(err) == flows.ENotFound {
			return nil, false, notFound("%s: no such case", what)
		}
		return nil, false, fmt.Errorf("%s: %w", what, err)
	}
	c, err := r.toCase()
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", what, err)
	}
	return &c, r.Changed, nil
}

func closedError(what string) error {
	return &flows.Error{Code: flows.EConflict, Message: what, Err: desk.ErrClosed}
}

const claimCase = lockCase + `, c AS (
    UPDATE cases c SET assignee_id = $2, updated_at = $3,
        status = CASE WHEN c.status = 'new' THEN 'claimed' ELSE c.status END
    FROM old
    WHERE c.id = old.id AND c.assignee_id IS NULL AND c.status IN ` + openStatuses + `
    RETURNING c.*
)` + recordChanges

// Claim gives an unassigned open case to staffID.
func (d *Store) Claim(ctx context.Context, ref desk.Ref, staffID int64, now time.Time) (*desk.Case, error) {
	what := "claim case " + ref.String()
	c, changed, err := d.change(ctx, what, claimCase, ref, staffID, now)
	switch {
	case err != nil:
		return nil, err
	case changed || (c.AssignedTo(staffID) && c.Open()):
		return c, nil
	case !c.Open():
		return nil, closedError(what)
	case c.AssigneeID == nil: // cannot happen: the update applies to such a case
		return nil, flows.Errorf(flows.EInternal, "%s: unassigned open case not claimed", what)
	}
	return nil, &flows.Error{Code: flows.EConflict, Message: what,
		Err: &desk.ClaimedError{Ref: c.Ref, By: *c.AssigneeID}}
}

const assignCase = lockCase + `, c AS (
    UPDATE cases c SET assignee_id = $4, updated_at = $3,
        status = CASE WHEN c.status = 'new' THEN 'claimed' ELSE c.status END
    FROM old
    WHERE c.id = old.id AND c.status IN ` + openStatuses + `
      AND EXISTS (SELECT 1 FROM staff s WHERE s.user_id = $4 AND s.active)
    RETURNING c.*
)` + recordChanges

// Assign gives an open case to an active staff member.
func (d *Store) Assign(ctx context.Context, ref desk.Ref, assigneeID, by int64, now time.Time) (*desk.Case, error) {
	what := fmt.Sprintf("assign case %s to %d", ref, assigneeID)
	c, changed, err := d.change(ctx, what, assignCase, ref, by, now, assigneeID)
	switch {
	case err != nil:
		return nil, err
	case changed:
		return c, nil
	case !c.Open():
		return nil, closedError(what)
	}
	return nil, notFound("%s: no such staff member", what)
}

const setCasePriority = lockCase + `, c AS (
    UPDATE cases c SET priority = $4, updated_at = $3 FROM old WHERE c.id = old.id RETURNING c.*
)` + recordChanges

// SetPriority changes a case's priority.
func (d *Store) SetPriority(ctx context.Context, ref desk.Ref, p desk.Priority, by int64, now time.Time) (*desk.Case, error) {
	if !p.Valid() {
		return nil, invalid("set priority of case %s: priority %q", ref, p)
	}
	c, _, err := d.change(ctx, "set priority of case "+ref.String(), setCasePriority, ref, by, now, p)
	return c, err
}

// setCaseStatus keeps the assignee rules: new has none, claimed and
// waiting_reporter have one. $5 is the resolution, used when $6.
const setCaseStatus = lockCase + `, c AS (
    UPDATE cases c SET status = $4::text,
        assignee_id = CASE WHEN $4 = 'new' THEN NULL
                           WHEN $4 IN ('claimed', 'waiting_reporter') THEN coalesce(c.assignee_id, $2)
                           ELSE c.assignee_id END,
        closed_at = CASE WHEN $4 IN ('resolved', 'closed') THEN coalesce(c.closed_at, $3) END,
        resolution = CASE WHEN $4 NOT IN ('resolved', 'closed') THEN ''
                          WHEN $6 THEN $5::text ELSE c.resolution END,
        updated_at = $3
    FROM old WHERE c.id = old.id
    RETURNING c.*
)` + recordChanges

// SetStatus moves a case to a status.
func (d *Store) SetStatus(ctx context.Context, ref desk.Ref, s desk.Status, by int64, now time.Time) (*desk.Case, error) {
	if !s.Valid() {
		return nil, invalid("set status of case %s: status %q", ref, s)
	}
	c, _, err := d.change(ctx, "set status of case "+ref.String(), setCaseStatus, ref, by, now, s, "", false)
	return c, err
}

// Close resolves or closes a case with a resolution.
func (d *Store) Close(ctx context.Context, ref desk.Ref, s desk.Status, resolution string, by int64, now time.Time) (*desk.Case, error) {
	if s != desk.StatusResolved && s != desk.StatusClosed {
		return nil, invalid("close case %s: status %q", ref, s)
	}
	c, _, err := d.change(ctx, "close case "+ref.String(), setCaseStatus, ref, by, now, s, resolution, true)
	return c, err
}

// reopenCase gives the case back to its assignee while they are still
// active staff, or to the queue.
const reopenCase = lockCase + `, c AS (
    UPDATE cases c SET
        status = CASE WHEN s.active THEN 'claimed' ELSE 'new' END,
        assignee_id = CASE WHEN s.active THEN c.assignee_id END,
        closed_at = NULL, resolution = '', updated_at = $3
    FROM old LEFT JOIN staff s ON s.user_id = old.assignee_id
    WHERE c.id = old.id AND c.status NOT IN ` + openStatuses + `
    RETURNING c.*
)` + recordChanges

// Reopen moves a resolved or closed case back into the queue.
func (d *Store) Reopen(ctx context.Context, ref desk.Ref, by int64, now time.Time) (*desk.Case, error) {
	c, _, err := d.change(ctx, "reopen case "+ref.String(), reopenCase, ref, by, now)
	return c, err
}

const blockCase = lockCase + `, c AS (
    UPDATE cases c SET blocked = $4, updated_at = $3 FROM old WHERE c.id = old.id RETURNING c.*
)` + recordChanges

// Block marks or unmarks the case's reporter as abusive.
func (d *Store) Block(ctx context.Context, ref desk.Ref, blocked bool, by int64, now time.Time) (*desk.Case, error) {
	c, _, err := d.change(ctx, "block case "+ref.String(), blockCase, ref, by, now, blocked)
	return c, err
}
