package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/desk"
)

// lookupEntities answers for each (kind, value) given whether it is on
// the desk's list and how many people named it before in a job check or a
// recruiter report: distinct reporters, the asker ($3) aside, so that one
// person checking or reporting again and again counts once, and never
// for themselves. Erased cases (reporter 0) count for nobody.
const lookupEntities = `
SELECT e.kind, e.value, f.id IS NOT NULL AS listed, coalesce(f.note, '') AS note,
    count(DISTINCT nullif(c.reporter_chat_id, 0)) AS people
FROM unnest($1::text[], $2::text[]) AS e(kind, value)
LEFT JOIN flagged_entities f ON f.kind = e.kind AND f.value = e.value
LEFT JOIN case_entities ce ON ce.kind = e.kind AND ce.value = e.value
LEFT JOIN cases c ON c.id = ce.case_id AND c.reporter_chat_id <> $3 AND c.type IN ('job_check', 'job_report')
GROUP BY e.kind, e.value, f.id, f.note
HAVING f.id IS NOT NULL OR count(DISTINCT nullif(c.reporter_chat_id, 0)) > 0`

// entityHitRow is one row of lookupEntities.
type entityHitRow struct {
	Kind   string `db:"kind"`
	Value  string `db:"value"`
	Listed bool   `db:"listed"`
	Note   string `db:"note"`
	People int    `db:"people"`
}

// entityArrays splits entities into the parallel arrays unnest takes.
func entityArrays(es []desk.Entity) (kinds, values pq.StringArray) {
	kinds, values = make(pq.StringArray, 0, len(es)), make(pq.StringArray, 0, len(es))
	for _, e := range es {
		kinds, values = append(kinds, e.Kind), append(values, e.Value)
	}
	return kinds, values
}

// LookupEntities returns the given entities the desk knows.
func (d *Store) LookupEntities(ctx context.Context, es []desk.Entity, exceptReporter int64) ([]desk.EntityHit, error) {
	var rows []entityHitRow
	kinds, values := entityArrays(es)
	if err := sqlx.SelectContext(ctx, d.q, &rows, lookupEntities, kinds, values, exceptReporter); err != nil {
		return nil, mapError(fmt.Errorf("look up entities: %w", err))
	}
	hits := make([]desk.EntityHit, 0, len(rows))
	for _, r := range rows {
		hits = append(hits, desk.EntityHit{Entity: desk.Entity{Kind: r.Kind, Value: r.Value}, Listed: r.Listed,
			Note: r.Note, People: r.People})
	}
	return hits, nil
}

const insertCaseEntities = `
INSERT INTO case_entities (case_id, kind, value)
SELECT $1, kind, value FROM unnest($2::text[], $3::text[]) AS e(kind, value)
ON CONFLICT DO NOTHING`

// SaveEntities records the entities a case named.
func (d *Store) SaveEntities(ctx context.Context, caseID int64, es []desk.Entity) error {
	kinds, values := entityArrays(es)
	if _, err := d.q.ExecContext(ctx, insertCaseEntities, caseID, kinds, values); err != nil {
		return mapError(fmt.Errorf("save entities of case %d: %w", caseID, err))
	}
	return nil
}

const upsertFlag = `
INSERT INTO flagged_entities (kind, value, note, added_by, added_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (kind, value) DO UPDATE SET note = EXCLUDED.note, added_by = EXCLUDED.added_by, added_at = EXCLUDED.added_at`

// FlagEntity puts an entity on the desk's list (again, with a new note).
func (d *Store) FlagEntity(ctx context.Context, e desk.Entity, note string, by int64, now time.Time) error {
	if _, err := d.q.ExecContext(ctx, upsertFlag, e.Kind, e.Value, note, by, now); err != nil {
		return mapError(fmt.Errorf("flag %s: %w", e.Kind, err))
	}
	return nil
}
