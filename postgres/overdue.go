package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/koreandesk/hotline/mailbox"
)

// overdueAcks marks, once, the acknowledgements still pending that were
// queued before $1 (by outbox_pending_acks).
const overdueAcks = `
UPDATE outbox SET overdue_alerted_at = $2
WHERE id IN (
    SELECT id FROM outbox
    WHERE status = 'pending' AND kind = 'ack' AND overdue_alerted_at IS NULL AND created_at < $1
    ORDER BY created_at
    LIMIT 100
    FOR UPDATE SKIP LOCKED)
RETURNING chat_id, COALESCE(case_id, 0) AS case_id, created_at, attempts, COALESCE(last_error, '') AS last_error`

// OverdueAcks implements mailbox.Tx.
func (x *tx) OverdueAcks(ctx context.Context, before, now time.Time) ([]mailbox.OverdueAck, error) {
	var out []mailbox.OverdueAck
	if err := x.t.SelectContext(ctx, &out, overdueAcks, before, now); err != nil {
		return nil, mapError(fmt.Errorf("overdue acknowledgements: %w", err))
	}
	return out, nil
}
