package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

const insertUpdate = `
INSERT INTO inbox (update_id, chat_id, priority, payload, received_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (update_id) DO NOTHING`

// SaveUpdate stores a received update; a redelivered update_id is ignored.
func (s *Store) SaveUpdate(ctx context.Context, u mailbox.Update, now time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, insertUpdate, u.UpdateID, u.ChatID, u.Priority, u.Payload, now)
	if err != nil {
		return false, mapError(fmt.Errorf("save update %d: %w", u.UpdateID, err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, mapError(err)
	}
	return n == 1, nil
}

// selectNextUpdate picks the most urgent ready update that is the oldest
// pending one of its chat. SKIP LOCKED lets several workers (and replicas)
// take different chats; the NOT EXISTS keeps one chat's updates in order,
// since a later update is invisible while an earlier one is pending.
const selectNextUpdate = `
SELECT seq, update_id, chat_id, priority, payload, attempts
FROM inbox i
WHERE processed_at IS NULL
  AND (retry_at IS NULL OR retry_at <= $1)
  AND NOT EXISTS (
      SELECT 1 FROM inbox e
      WHERE e.chat_id = i.chat_id AND e.processed_at IS NULL AND e.seq < i.seq)
ORDER BY priority, seq
LIMIT 1
FOR UPDATE SKIP LOCKED`

// markProcessed also drops the update's content: what a person in danger
// wrote lives on in their case, not in a log of raw updates; the row stays
// only so a redelivered update_id is recognised.
const markProcessed = `UPDATE inbox SET processed_at = $2, payload = '{}' WHERE seq = $1`

type updateRow struct {
	Seq      int64  `db:"seq"`
	UpdateID int64  `db:"update_id"`
	ChatID   int64  `db:"chat_id"`
	Priority int    `db:"priority"`
	Payload  []byte `db:"payload"`
	Attempts int    `db:"attempts"`
}

// ProcessNext runs fn for the next ready update in one transaction.
func (s *Store) ProcessNext(ctx context.Context, now time.Time, fn func(context.Context, mailbox.Tx, mailbox.Update) error) (bool, error) {
	found := false
	err := s.inTx(ctx, func(t *sqlx.Tx) error {
		var r updateRow
		if err := t.GetContext(ctx, &r, selectNextUpdate, now); err != nil {
			if flows.ErrorCode(mapError(err)) == flows.ENotFound {
				return nil
			}
			return mapError(fmt.Errorf("next update: %w", err))
		}
		found = true
		u := mailbox.Update{Seq: r.Seq, UpdateID: r.UpdateID, ChatID: r.ChatID,
			Priority: mailbox.Priority(r.Priority), Payload: r.Payload, Attempts: r.Attempts}
		if err := fn(ctx, &tx{t: t}, u); err != nil {
			return fmt.Errorf("update %d: %w", u.UpdateID, err)
		}
		if _, err := t.ExecContext(ctx, markProcessed, r.Seq, now); err != nil {
			return mapError(fmt.Errorf("mark update %d processed: %w", u.UpdateID, err))
		}
		return nil
	})
	return found, err
}

const retryUpdate = `
UPDATE inbox SET attempts = attempts + 1, retry_at = $2, last_error = $3 WHERE seq = $1`

// RetryUpdate records a failed attempt.
func (s *Store) RetryUpdate(ctx context.Context, seq int64, at time.Time, cause error) error {
	if _, err := s.db.ExecContext(ctx, retryUpdate, seq, at, cause.Error()); err != nil {
		return mapError(fmt.Errorf("retry update %d: %w", seq, err))
	}
	return nil
}

const abandonUpdate = `
UPDATE inbox SET attempts = attempts + 1, processed_at = $2, last_error = $3 WHERE seq = $1`

// AbandonUpdate marks an update processed without its effect. The row and
// its error stay in the inbox (abandoned rows are not pruned) so the
// update can be inspected and replayed.
func (s *Store) AbandonUpdate(ctx context.Context, u mailbox.Update, now time.Time, cause error, fn func(context.Context, mailbox.Tx) error) error {
	return s.inTx(ctx, func(t *sqlx.Tx) error {
		if _, err := t.ExecContext(ctx, abandonUpdate, u.Seq, now, "abandoned: "+cause.Error()); err != nil {
			return mapError(fmt.Errorf("abandon update %d: %w", u.UpdateID, err))
		}
		return fn(ctx, &tx{t: t})
	})
}

const pruneInbox = `
DELETE FROM inbox WHERE processed_at < $1 AND (last_error IS NULL OR last_error NOT LIKE 'abandoned: %')`

const pruneOutbox = `DELETE FROM outbox WHERE status <> 'pending' AND created_at < $1`

// Chat messages without a case are needed only by /forget (48 hours);
// those of a case let staff reply to an alert for as long as the case is.
const pruneMessages = `DELETE FROM chat_messages WHERE case_id IS NULL AND at < $1`

// Prune deletes processed updates received before inboxBefore and
// finished outbox rows created before outboxBefore. Both hold message
// text, so they are kept no longer than deduplication and /forget need.
func (s *Store) Prune(ctx context.Context, inboxBefore, outboxBefore time.Time) (int64, error) {
	var total int64
	for _, q := range []struct {
		sql    string
		before time.Time
	}{{pruneInbox, inboxBefore}, {pruneOutbox, outboxBefore}, {pruneMessages, inboxBefore}} {
		res, err := s.db.ExecContext(ctx, q.sql, q.before)
		if err != nil {
			return total, mapError(fmt.Errorf("prune: %w", err))
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
}
