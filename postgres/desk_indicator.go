package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/desk"
)

const selectIndicators = `
SELECT indicator, present, note, source, set_by, set_at
FROM case_indicators WHERE case_id = $1`

type indicatorRow struct {
	Indicator string    `db:"indicator"`
	Present   bool      `db:"present"`
	Note      string    `db:"note"`
	Source    string    `db:"source"`
	SetBy     int64     `db:"set_by"`
	SetAt     time.Time `db:"set_at"`
}

// IndicatorMarks returns the indicators recorded on a case, in
// desk.Indicators order.
func (d *DeskStore) IndicatorMarks(ctx context.Context, caseID int64) ([]desk.IndicatorMark, error) {
	var rows []indicatorRow
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectIndicators, caseID); err != nil {
		return nil, mapError(fmt.Errorf("indicators of case #%d: %w", caseID, err))
	}
	byInd := make(map[desk.Indicator]desk.IndicatorMark, len(rows))
	for _, r := range rows {
		byInd[desk.Indicator(r.Indicator)] = desk.IndicatorMark{Indicator: desk.Indicator(r.Indicator), Present: r.Present,
			Note: r.Note, Source: r.Source, By: r.SetBy, At: r.SetAt.UTC()}
	}
	out := make([]desk.IndicatorMark, 0, len(rows))
	for _, ind := range desk.Indicators {
		if m, ok := byInd[ind]; ok {
			out = append(out, m)
		}
	}
	return out, nil
}

const upsertIndicator = `
INSERT INTO case_indicators (case_id, indicator, present, note, source, set_by, set_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (case_id, indicator) DO UPDATE SET present = EXCLUDED.present, note = EXCLUDED.note,
    source = EXCLUDED.source, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`

// MarkIndicator records one indicator on a case.
func (d *DeskStore) MarkIndicator(ctx context.Context, caseID int64, m desk.IndicatorMark) error {
	_, err := d.q.ExecContext(ctx, upsertIndicator, caseID, string(m.Indicator), m.Present, m.Note, m.Source, m.By, m.At)
	if err != nil {
		return mapError(fmt.Errorf("mark indicator %s of case #%d: %w", m.Indicator, caseID, err))
	}
	return nil
}

const prefillIndicators = `
INSERT INTO case_indicators (case_id, indicator, present, note, source, set_by, set_at)
SELECT $1, ind, true, note, 'reporter', 0, $4
FROM unnest($2::text[], $3::text[]) AS p(ind, note)
ON CONFLICT (case_id, indicator) DO NOTHING`

// PrefillIndicators records the marks whose indicator the case has none for.
func (d *DeskStore) PrefillIndicators(ctx context.Context, caseID int64, ms []desk.IndicatorMark) (int, error) {
	if len(ms) == 0 {
		return 0, nil
	}
	inds, notes := make(pq.StringArray, 0, len(ms)), make(pq.StringArray, 0, len(ms))
	for _, m := range ms {
		inds, notes = append(inds, string(m.Indicator)), append(notes, m.Note)
	}
	res, err := d.q.ExecContext(ctx, prefillIndicators, caseID, inds, notes, ms[0].At)
	if err != nil {
		return 0, mapError(fmt.Errorf("pre-fill indicators of case #%d: %w", caseID, err))
	}
	n, err := res.RowsAffected()
	return int(n), mapError(err)
}
