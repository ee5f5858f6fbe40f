package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Kinds of database (the deployment table).
const (
	DeploymentLive = "live"
	DeploymentDemo = "demo"
)

// The deployment is read before any migration: its table may not exist
// yet, and staff or cases may.
const (
	selectTablesExist = `
SELECT to_regclass('deployment') IS NOT NULL AS deployment,
       to_regclass('staff') IS NOT NULL AND to_regclass('cases') IS NOT NULL AS desk`
	selectDeploymentKind = `SELECT kind FROM deployment`
	selectPopulated      = `SELECT EXISTS (SELECT 1 FROM staff) OR EXISTS (SELECT 1 FROM cases)`
)

// Deployment says what the database is: "live", "demo" or "" (not yet
// used), and whether it holds any staff or case. It works on a database
// that has never been migrated.
func Deployment(ctx context.Context, db *sql.DB) (kind string, populated bool, err error) {
	var hasDeployment, hasDesk bool
	if err := db.QueryRowContext(ctx, selectTablesExist).Scan(&hasDeployment, &hasDesk); err != nil {
		return "", false, mapError(fmt.Errorf("read deployment: %w", err))
	}
	if hasDeployment {
		err := db.QueryRowContext(ctx, selectDeploymentKind).Scan(&kind)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", false, mapError(fmt.Errorf("read deployment: %w", err))
		}
	}
	if hasDesk {
		if err := db.QueryRowContext(ctx, selectPopulated).Scan(&populated); err != nil {
			return "", false, mapError(fmt.Errorf("read deployment: %w", err))
		}
	}
	return kind, populated, nil
}

const insertDeployment = `
INSERT INTO deployment (kind, created_at, updated_at) VALUES ($1, $2, $2)
ON CONFLICT (singleton) DO NOTHING`

// MarkDeployment records what a database is, the first time. It is a
// no-op when the database is already marked (Deployment tells which).
func (s *Store) MarkDeployment(ctx context.Context, kind string, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, insertDeployment, kind, now); err != nil {
		return mapError(fmt.Errorf("mark deployment %s: %w", kind, err))
	}
	return nil
}

const selectKeyCanary = `SELECT key_canary FROM deployment WHERE key_canary IS NOT NULL`

// KeyCanary returns the sealed canary. Errors: not_found (none yet).
func (s *Store) KeyCanary(ctx context.Context) ([]byte, error) {
	var b []byte
	if err := s.db.GetContext(ctx, &b, selectKeyCanary); err != nil {
		return nil, mapError(fmt.Errorf("key canary: %w", err))
	}
	return b, nil
}

const updateKeyCanary = `UPDATE deployment SET key_canary = $1, updated_at = $2`

// SetKeyCanary stores the sealed canary. Errors: not_found (the database
// is not marked).
func (s *Store) SetKeyCanary(ctx context.Context, sealed []byte, now time.Time) error {
	res, err := s.db.ExecContext(ctx, updateKeyCanary, sealed, now)
	if err != nil {
		return mapError(fmt.Errorf("set key canary: %w", err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &flows.Error{Code: flows.ENotFound, Err: fmt.Errorf("set key canary: database not marked")}
	}
	return nil
}

// SealedSample is one stored sealed value, to check that a key opens it.
type SealedSample struct {
	Kind   desk.Kind `db:"kind"`
	Sealed []byte    `db:"sealed"`
}

// selectSealedSamples returns one sealed value per key id (the first nine
// bytes: version and id) and kind: enough to prove that the configured
// keys open everything stored.
const selectSealedSamples = `
SELECT DISTINCT ON (kind, substring(sealed FROM 1 FOR 9)) kind, sealed
FROM (SELECT 'passport' AS kind, sealed FROM case_passports
      UNION ALL SELECT 'phone', sealed FROM case_phones) s
ORDER BY kind, substring(sealed FROM 1 FOR 9)`

// SealedSamples returns one stored sealed value per kind and key.
func (s *Store) SealedSamples(ctx context.Context) ([]SealedSample, error) {
	var out []SealedSample
	if err := s.db.SelectContext(ctx, &out, selectSealedSamples); err != nil {
		return nil, mapError(fmt.Errorf("sealed samples: %w", err))
	}
	return out, nil
}

// Rows sealed under another key than the current one, a batch at a time.
const (
	selectStalePassports = `
SELECT case_id, '' AS field, sealed FROM case_passports
WHERE substring(sealed FROM 1 FOR 9) <> $1 ORDER BY case_id LIMIT $2 FOR UPDATE`
	selectStalePhones = `
SELECT case_id, field, sealed FROM case_phones
WHERE substring(sealed FROM 1 FOR 9) <> $1 ORDER BY case_id, field LIMIT $2 FOR UPDATE`
	resealPassport = `UPDATE case_passports SET sealed = $2, hash = $3 WHERE case_id = $1`
	resealPhone    = `UPDATE case_phones SET sealed = $3, hash = $4 WHERE case_id = $1 AND field = $2`
)

// Rekey re-seals every stored passport and phone number under the
// sealer's current key, with its hash under that key, a batch per
// transaction, and seals the canary under it. The old key must still be
// configured in the sealer. It returns how many values it re-sealed.
func (s *Store) Rekey(ctx context.Context, sealer *desk.Sealer, now time.Time) (int, error) {
	prefix, err := sealer.Canary() // any value sealed now starts with the current prefix
	if err != nil {
		return 0, err
	}
	prefix = prefix[:1+desk.KeyIDSize]
	total := 0
	for _, t := range []struct {
		kind           desk.Kind
		select_, apply string
	}{
		{desk.KindPassport, selectStalePassports, resealPassport},
		{desk.KindPhone, selectStalePhones, resealPhone},
	} {
		for {
			n := 0
			err := s.inTx(ctx, func(tx *sqlx.Tx) error {
				var rows []struct {
					CaseID int64  `db:"case_id"`
					Field  string `db:"field"`
					Sealed []byte `db:"sealed"`
				}
				if err := tx.SelectContext(ctx, &rows, t.select_, prefix, 200); err != nil {
					return mapError(fmt.Errorf("rekey %s: %w", t.kind, err))
				}
				for _, r := range rows {
					v, err := sealer.OpenAs(t.kind, r.Sealed)
					if err != nil {
						return fmt.Errorf("rekey %s of case #%d: %w", t.kind, r.CaseID, err)
					}
					sealed, err := sealer.SealAs(t.kind, v)
					if err != nil {
						return err
					}
					args := []any{r.CaseID, sealed, sealer.HashAs(t.kind, v)}
					if t.kind == desk.KindPhone {
						args = []any{r.CaseID, r.Field, sealed, sealer.HashAs(t.kind, v)}
					}
					if _, err := tx.ExecContext(ctx, t.apply, args...); err != nil {
						return mapError(fmt.Errorf("rekey %s of case #%d: %w", t.kind, r.CaseID, err))
					}
				}
				n = len(rows)
				return nil
			})
			if err != nil {
				return total, err
			}
			total += n
			if n == 0 {
				break
			}
		}
	}
	canary, err := sealer.Canary()
	if err != nil {
		return total, err
	}
	return total, s.SetKeyCanary(ctx, canary, now)
}
