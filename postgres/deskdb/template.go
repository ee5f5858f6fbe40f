package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

const selectTemplates = `
SELECT key, text_ko, text_km, text_en, removed, updated_by, updated_at
FROM reply_templates ORDER BY key`

type templateRow struct {
	Key       string    `db:"key"`
	TextKO    string    `db:"text_ko"`
	TextKM    string    `db:"text_km"`
	TextEN    string    `db:"text_en"`
	Removed   bool      `db:"removed"`
	UpdatedBy int64     `db:"updated_by"`
	UpdatedAt time.Time `db:"updated_at"`
}

// Templates returns every stored reply template, removed ones included.
func (d *Store) Templates(ctx context.Context) ([]desk.Template, error) {
	var rows []templateRow
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectTemplates); err != nil {
		return nil, mapError(fmt.Errorf("templates: %w", err))
	}
	out := make([]desk.Template, 0, len(rows))
	for _, r := range rows {
		out = append(out, desk.Template{Key: r.Key, Removed: r.Removed, UpdatedBy: r.UpdatedBy, UpdatedAt: r.UpdatedAt.UTC(),
			Text: map[string]string{"ko": r.TextKO, "km": r.TextKM, "en": r.TextEN}})
	}
	return out, nil
}

const upsertTemplate = `
INSERT INTO reply_templates (key, text_ko, text_km, text_en, removed, updated_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (key) DO UPDATE SET text_ko = EXCLUDED.text_ko, text_km = EXCLUDED.text_km,
    text_en = EXCLUDED.text_en, removed = EXCLUDED.removed, updated_by = EXCLUDED.updated_by,
    updated_at = EXCLUDED.updated_at`

// SaveTemplate adds, replaces or removes a reply template.
func (d *Store) SaveTemplate(ctx context.Context, t desk.Template) error {
	what := fmt.Sprintf("save template %s", t.Key)
	if !desk.ValidTemplateKey(t.Key) || !t.Removed && !t.Complete() {
		return &flows.Error{Code: flows.EInvalid, Message: what, Err: desk.ErrInvalid}
	}
	_, err := d.q.ExecContext(ctx, upsertTemplate, t.Key, t.Text["ko"], t.Text["km"], t.Text["en"], t.Removed,
		t.UpdatedBy, t.UpdatedAt)
	if err != nil {
		return mapError(fmt.Errorf("%s: %w", what, err))
	}
	return nil
}
