package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
)

const countPendingAlerts = `
SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'pending' AND kind = 'alert'`

// lockPendingBundle finds the chat's bundle that has not gone out yet; one
// being sent (leased) is left alone and a new bundle starts.
const lockPendingBundle = `
SELECT id, bundle_refs FROM outbox
WHERE chat_id = $1 AND status = 'pending' AND kind = 'alert_bundle'
  AND (leased_until IS NULL OR leased_until <= $2)
ORDER BY id DESC LIMIT 1
FOR UPDATE SKIP LOCKED`

// PendingAlerts counts the alerts waiting to be sent to a chat and returns
// its bundle still open for more cases (id 0 when there is none).
func (x *tx) PendingAlerts(ctx context.Context, chatID int64, now time.Time) (int, int64, []string, error) {
	var n int
	if err := x.t.GetContext(ctx, &n, countPendingAlerts, chatID); err != nil {
		return 0, 0, nil, mapError(fmt.Errorf("count alerts of %d: %w", chatID, err))
	}
	var row struct {
		ID   int64          `db:"id"`
		Refs pq.StringArray `db:"bundle_refs"`
	}
	err := x.t.GetContext(ctx, &row, lockPendingBundle, chatID, now)
	if err != nil && mapErrorCode(err) != "not_found" {
		return 0, 0, nil, mapError(fmt.Errorf("bundle of %d: %w", chatID, err))
	}
	return n, row.ID, row.Refs, nil
}

const updateBundle = `UPDATE outbox SET payload = $2, bundle_refs = $3 WHERE id = $1`

// UpdateBundle rewrites a pending bundle with more cases.
func (x *tx) UpdateBundle(ctx context.Context, id int64, refs []string, payload []byte) error {
	if _, err := x.t.ExecContext(ctx, updateBundle, id, payload, pq.Array(refs)); err != nil {
		return mapError(fmt.Errorf("update bundle %d: %w", id, err))
	}
	return nil
}

// lockPendingAlbum finds the call gathering an album that has not gone
// out yet; one being sent (leased) is left alone and the album's later
// items start a call of their own.
const lockPendingAlbum = `
SELECT id, payload FROM outbox
WHERE chat_id = COALESCE((SELECT new_chat_id FROM chat_migrations WHERE old_chat_id = $1), $1)
  AND status = 'pending' AND kind = 'album' AND bundle_refs = ARRAY[$2]::text[]
  AND (leased_until IS NULL OR leased_until <= $3)
ORDER BY id DESC LIMIT 1
FOR UPDATE SKIP LOCKED`

// PendingAlbum returns a chat's call gathering album that has not gone
// out yet, or id 0.
func (x *tx) PendingAlbum(ctx context.Context, chatID int64, album string, now time.Time) (int64, []byte, error) {
	var row struct {
		ID      int64  `db:"id"`
		Payload []byte `db:"payload"`
	}
	err := x.t.GetContext(ctx, &row, lockPendingAlbum, chatID, album, now)
	if err != nil && mapErrorCode(err) != "not_found" {
		return 0, nil, mapError(fmt.Errorf("album of %d: %w", chatID, err))
	}
	return row.ID, row.Payload, nil
}
