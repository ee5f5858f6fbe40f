package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

const upsertPhone = `
INSERT INTO case_phones (case_id, field, sealed, hash, updated_at)
SELECT id, $2, $3, $4, $5 FROM cases WHERE id = $1
ON CONFLICT (case_id, field) DO UPDATE SET sealed = excluded.sealed, hash = excluded.hash, updated_at = excluded.updated_at`

// SetPhone stores a case's sealed phone number (field names it, e.g.
// callback_phone) and its keyed hash. Errors: not_found, invalid.
func (d *Store) SetPhone(ctx context.Context, caseID int64, field string, sealed, hash []byte, now time.Time) error {
	return d.execOne(ctx, fmt.Sprintf("set %s of case #%d", field, caseID), upsertPhone, caseID, field, sealed, hash, now)
}

const selectPhones = `SELECT field, sealed FROM case_phones WHERE case_id = $1 ORDER BY field`

// Phones returns a case's sealed phone numbers by field.
func (d *Store) Phones(ctx context.Context, caseID int64) (map[string][]byte, error) {
	var rows []struct {
		Field  string `db:"field"`
		Sealed []byte `db:"sealed"`
	}
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectPhones, caseID); err != nil {
		return nil, mapError(fmt.Errorf("phones of case #%d: %w", caseID, err))
	}
	out := make(map[string][]byte, len(rows))
	for _, r := range rows {
		out[r.Field] = r.Sealed
	}
	return out, nil
}

const selectPhoneCases = `
SELECT DISTINCT case_id FROM case_phones WHERE hash = ANY($1) ORDER BY case_id DESC LIMIT 20`

// PhoneCases returns the cases with a sealed phone number whose keyed hash
// is one of hashes (the hash under each configured key), newest first:
// /find by phone number and matching.
func (d *Store) PhoneCases(ctx context.Context, hashes [][]byte) ([]int64, error) {
	var ids []int64
	if err := sqlx.SelectContext(ctx, d.q, &ids, selectPhoneCases, pq.ByteaArray(hashes)); err != nil {
		return nil, mapError(fmt.Errorf("cases by phone: %w", err))
	}
	return ids, nil
}
