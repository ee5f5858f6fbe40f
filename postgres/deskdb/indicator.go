package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

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
func (d *Store) IndicatorMarks(ctx context.Context, caseID int64) ([]desk.IndicatorMark, error) {
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
func (d *Store) MarkIndicator(ctx context.Context, caseID int64, m desk.IndicatorMark) error {
	_, err := d.q.ExecContext(ctx, upsertIndicator, caseID, string(m.Indicator), m.Present, m.Note, m.Source, m.By, m.At)
	if err != nil {
		return mapError(fmt.Errorf("mark indicator %s of case #%d: %w", m.Indicator, caseID, err))
	}
	return nil
}

const selectIndicatorsOfPeriod = `
SELECT i.case_id, i.indicator, i.present, i.note, i.source, i.set_by, i.set_at
FROM case_indicators i JOIN cases c ON c.id = i.case_id
WHERE c.created_at >= $1 AND c.created_at < $2`

// IndicatorsCreated returns the marks of the cases created in [from, to),
// by case id (for the export).
func (d *Store) IndicatorsCreated(ctx context.Context, from, to time.Time) (map[int64][]desk.IndicatorMark, error) {
	var rows []struct {
		CaseID int64 `db:"case_id"`
		indicatorRow
	}
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectIndicatorsOfPeriod, from, to); err != nil {
		return nil, mapError(fmt.Errorf("indicators of cases created %s to %s: %w", from, to, err))
	}
	out := map[int64][]desk.IndicatorMark{}
	for _, r := range rows {
		out[r.CaseID] = append(out[r.CaseID], desk.IndicatorMark{Indicator: desk.Indicator(r.Indicator), Present: r.Present,
			Note: r.Note, Source: r.Source, By: r.SetBy, At: r.SetAt.UTC()})
	}
	return out, nil
}
