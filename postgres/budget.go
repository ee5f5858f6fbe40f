package postgres

import (
	"context"
	"fmt"
	"time"
)

// The send budget the replicas share (migration 00020): a replica takes a
// few sends at a time from the current second's, one statement for
// several messages.

// reserveSends takes up to $2 sends from the second of $1 at the shared
// pace (at most $3 a second), raising the pace first when it was lowered
// and has been quiet for 10 s. The row is locked by the first step, so
// replicas reserving at once take turns and see each other's sends.
const reserveSends = `
WITH cur AS (
    SELECT CASE WHEN second = date_trunc('second', $1::timestamptz) THEN used ELSE 0 END AS used,
        rate IS NOT NULL AND $1 - raised_at >= interval '10 seconds' AS raise, rate
    FROM send_budget WHERE id FOR UPDATE),
next AS (
    SELECT used, raise, CASE WHEN raise THEN NULLIF(LEAST(rate + 1, $3::real), $3::real) ELSE rate END AS rate FROM cur),
taken AS (
    SELECT used, raise, rate, LEAST($2, GREATEST(floor(LEAST(COALESCE(rate, $3::real), $3::real))::int - used, 0)) AS n FROM next)
UPDATE send_budget SET second = date_trunc('second', $1::timestamptz), used = t.used + t.n, rate = t.rate,
    raised_at = CASE WHEN t.raise THEN $1 ELSE raised_at END
FROM taken t WHERE id
RETURNING t.n`

// ReserveSends takes up to n sends from the current second's budget,
// shared by every replica, at the pace they adapted to (at most perSecond)
// and returns how many it got: 0 when the second's are all taken.
func (s *Store) ReserveSends(ctx context.Context, now time.Time, n int, perSecond float64) (int, error) {
	var got int
	if err := s.db.GetContext(ctx, &got, reserveSends, now, n, perSecond); err != nil {
		return 0, mapError(fmt.Errorf("reserve %d sends: %w", n, err))
	}
	return got, nil
}

const slowSends = `
UPDATE send_budget SET rate = GREATEST(LEAST(COALESCE(rate, $2::real), $2::real) * 2 / 3, 1), raised_at = $1 WHERE id`

// SlowSends lowers the shared pace by a third (to one a second at least)
// after a 429 that no chat's own pace explains.
func (s *Store) SlowSends(ctx context.Context, now time.Time, perSecond float64) error {
	if _, err := s.db.ExecContext(ctx, slowSends, now, perSecond); err != nil {
		return mapError(fmt.Errorf("slow sends: %w", err))
	}
	return nil
}
