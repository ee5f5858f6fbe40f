package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
)

// Callback numbers that releases before the sealing kept in the case's
// answers in the clear (E.164), a batch at a time.
const (
	selectClearPhones = `
SELECT id, answers ->> 'callback_phone' AS phone FROM cases
WHERE answers ->> 'callback_phone' ~ '^\+[0-9]{6,15}$'
ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`
	sealClearPhone = `
WITH p AS (
    INSERT INTO case_phones (case_id, field, sealed, hash, updated_at) VALUES ($1, 'callback_phone', $2, $3, $5)
    ON CONFLICT (case_id, field) DO UPDATE SET sealed = excluded.sealed, hash = excluded.hash, updated_at = excluded.updated_at
)
UPDATE cases SET answers = answers || jsonb_build_object('callback_phone', $4::text) WHERE id = $1`
)

// SealClearPhones seals the callback numbers that earlier releases kept in
// the clear in the case's answers, with their keyed hashes, and leaves
// the masked form in the answers, as a family inquiry does now. The bot
// runs it at start; it returns how many it sealed.
func (s *Store) SealClearPhones(ctx context.Context, sealer *desk.Sealer, now time.Time) (int, error) {
	total := 0
	for {
		n := 0
		err := s.inTx(ctx, func(tx *sqlx.Tx) error {
			var rows []struct {
				ID    int64  `db:"id"`
				Phone string `db:"phone"`
			}
			if err := tx.SelectContext(ctx, &rows, selectClearPhones, 200); err != nil {
				return mapError(fmt.Errorf("clear callback numbers: %w", err))
			}
			for _, r := range rows {
				sealed, err := sealer.SealAs(desk.KindPhone, r.Phone)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, sealClearPhone, r.ID, sealed, sealer.HashAs(desk.KindPhone, r.Phone),
					desk.MaskPhone(r.Phone), now); err != nil {
					return mapError(fmt.Errorf("seal callback number of case #%d: %w", r.ID, err))
				}
			}
			n = len(rows)
			return nil
		})
		if err != nil || n == 0 {
			return total, err
		}
		total += n
	}
}
