package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// holdCase places or lifts a retention hold, with a timeline entry (data
// hold: on or off, text like every event's data) and an audit entry
// naming the supervisor.
const holdCase = `
WITH c AS (
    UPDATE cases SET retention_hold = $2, updated_at = greatest(updated_at, $4)
    WHERE id = $1 AND erased_at IS NULL
    RETURNING id
), t AS (
    INSERT INTO case_events (case_id, kind, actor_id, data, at)
    SELECT id, 'hold', $3, jsonb_build_object('hold', CASE WHEN $2 THEN 'on' ELSE 'off' END), $4 FROM c
), a AS (
    INSERT INTO audit_log (actor_id, action, case_id, detail, at)
    SELECT $3, 'case.hold', id, CASE WHEN $2 THEN 'on' ELSE 'off' END, $4 FROM c
)
SELECT count(*) FROM c`

// SetRetentionHold places (on) or lifts a supervisor's hold on a case, which
// keeps its personal fields past the retention period. Errors: not_found
// (no such case, or already erased).
func (d *Store) SetRetentionHold(ctx context.Context, caseID int64, on bool, by int64, now time.Time) error {
	var n int
	if err := sqlx.GetContext(ctx, d.q, &n, holdCase, caseID, on, by, now); err != nil {
		return mapError(fmt.Errorf("hold case #%d: %w", caseID, err))
	}
	if n == 0 {
		return notFound("hold case #%d: no such case, or erased", caseID)
	}
	return nil
}
