package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

const selectFailed = `
SELECT update_id, chat_id, set_aside_at, attempts, COALESCE(last_error, '') AS reason, quarantine_reason IS NOT NULL AS quarantined
FROM inbox WHERE set_aside_at IS NOT NULL
ORDER BY set_aside_at DESC, seq DESC
LIMIT $1`

// FailedUpdates returns the updates set aside, newest first.
func (x *tx) FailedUpdates(ctx context.Context, limit int) ([]mailbox.FailedUpdate, error) {
	var rows []struct {
		UpdateID    int64     `db:"update_id"`
		ChatID      int64     `db:"chat_id"`
		At          time.Time `db:"set_aside_at"`
		Attempts    int       `db:"attempts"`
		Reason      string    `db:"reason"`
		Quarantined bool      `db:"quarantined"`
	}
	if err := x.t.SelectContext(ctx, &rows, selectFailed, limit); err != nil {
		return nil, mapError(fmt.Errorf("failed updates: %w", err))
	}
	out := make([]mailbox.FailedUpdate, 0, len(rows))
	for _, r := range rows {
		out = append(out, mailbox.FailedUpdate(r))
	}
	return out, nil
}

// requeueUpdate makes a set-aside update pending again. A quarantined
// one gets its raw bytes back as its payload, without the \u0000 escapes
// that jsonb refused.
const requeueUpdate = `
UPDATE inbox SET processed_at = NULL, set_aside_at = NULL, attempts = 0, retry_at = NULL, claim_token = NULL,
    payload = CASE WHEN raw IS NULL THEN payload
                   ELSE replace(convert_from(raw, 'UTF8'), '\u0000', '')::jsonb END,
    raw = NULL, last_error = 'requeued after: ' || COALESCE(last_error, '')
WHERE update_id = $1 AND set_aside_at IS NOT NULL`

// RequeueUpdate puts a set-aside update back in the inbox.
func (x *tx) RequeueUpdate(ctx context.Context, updateID int64) error {
	res, err := x.t.ExecContext(ctx, requeueUpdate, updateID)
	if err != nil {
		return mapError(fmt.Errorf("requeue update %d: %w", updateID, err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &flows.Error{Code: flows.ENotFound, Err: fmt.Errorf("requeue update %d: not set aside", updateID)}
	}
	return nil
}
