package postgres

import (
	"context"
	"fmt"
	"time"
)

// takeThrottle records an alert for key unless one was recorded less than
// $3 seconds before $2; it changes a row only when the alert may go.
const takeThrottle = `
INSERT INTO alert_throttle (key, sent_at) VALUES ($1, $2)
ON CONFLICT (key) DO UPDATE SET sent_at = EXCLUDED.sent_at
WHERE alert_throttle.sent_at <= $2 - make_interval(secs => $3)`

// Throttle reports whether an alert for key may go now, at most one every
// every, and records it when it may.
func (x *tx) Throttle(ctx context.Context, key string, now time.Time, every time.Duration) (bool, error) {
	res, err := x.t.ExecContext(ctx, takeThrottle, key, now, every.Seconds())
	if err != nil {
		return false, mapError(fmt.Errorf("throttle %s: %w", key, err))
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
