package postgres

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/koreandesk/hotline/mailbox"
)

// claimOutgoing leases the head call of each chat that is ready, most
// urgent first. A chat whose head is leased or waiting (429 retry_after)
// sends nothing else meanwhile, which keeps its messages in order, while
// other chats go on.
const claimOutgoing = `
UPDATE outbox SET leased_until = $2, attempts = attempts + 1
WHERE id IN (
    SELECT o.id FROM outbox o
    WHERE o.status = 'pending' AND o.not_before <= $1
      AND (o.leased_until IS NULL OR o.leased_until <= $1)
      AND NOT EXISTS (
          SELECT 1 FROM outbox p
          WHERE p.chat_id = o.chat_id AND p.status = 'pending' AND p.id < o.id)
    ORDER BY o.priority, o.id
    LIMIT $3
    FOR UPDATE SKIP LOCKED)
RETURNING id, chat_id, priority, method, payload, attempts`

type outgoingRow struct {
	ID       int64  `db:"id"`
	ChatID   int64  `db:"chat_id"`
	Priority int    `db:"priority"`
	Method   string `db:"method"`
	Payload  []byte `db:"payload"`
	Attempts int    `db:"attempts"`
}

// Claim leases up to limit ready calls.
func (s *Store) Claim(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]mailbox.Message, error) {
	var rows []outgoingRow
	if err := s.db.SelectContext(ctx, &rows, claimOutgoing, now, now.Add(lease), limit); err != nil {
		return nil, mapError(fmt.Errorf("claim outbox: %w", err))
	}
	out := make([]mailbox.Message, 0, len(rows))
	for _, r := range rows {
		out = append(out, mailbox.Message{ID: r.ID, ChatID: r.ChatID, Priority: mailbox.Priority(r.Priority),
			Method: r.Method, Payload: r.Payload, Attempts: r.Attempts})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Priority != out[j].Priority {
			return out[i].Priority < out[j].Priority
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// scrubPayload is what a finished call keeps of its parameters: the chat
// and message ids, never the text, buttons or document it carried.
const scrubPayload = `jsonb_strip_nulls(jsonb_build_object(
        'chat_id', payload -> 'chat_id', 'message_id', payload -> 'message_id'))`

// markSent also records the bot's message in chat_messages, with its case,
// and drops the call's content: a message's text (a decrypted passport
// number in /case, a reply to a person in danger) is not kept at rest.
const markSent = `
WITH sent AS (
    UPDATE outbox SET status = 'sent', sent_at = $3, sent_message_id = NULLIF($2, 0),
        leased_until = NULL, last_error = NULL, payload = ` + scrubPayload + `
    WHERE id = $1
    RETURNING chat_id, sent_message_id, case_id)
INSERT INTO chat_messages (chat_id, message_id, from_bot, case_id, at)
SELECT chat_id, sent_message_id, true, case_id, $3 FROM sent WHERE sent_message_id IS NOT NULL
ON CONFLICT (chat_id, message_id) DO UPDATE SET case_id = COALESCE(EXCLUDED.case_id, chat_messages.case_id)`

// Sent marks a call delivered.
func (s *Store) Sent(ctx context.Context, id int64, messageID int64, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, markSent, id, messageID, now); err != nil {
		return mapError(fmt.Errorf("mark outgoing %d sent: %w", id, err))
	}
	return nil
}

const retryOutgoing = `
UPDATE outbox SET not_before = $2, leased_until = NULL, last_error = $3 WHERE id = $1`

// Retry releases a call to be tried again at.
func (s *Store) Retry(ctx context.Context, id int64, at time.Time, cause error) error {
	if _, err := s.db.ExecContext(ctx, retryOutgoing, id, at, cause.Error()); err != nil {
		return mapError(fmt.Errorf("retry outgoing %d: %w", id, err))
	}
	return nil
}

// failOutgoing gives up on a call and drops its content, as markSent does.
const failOutgoing = `
UPDATE outbox SET status = 'failed', leased_until = NULL, last_error = $2, sent_at = $3,
    payload = ` + scrubPayload + ` WHERE id = $1`

// Fail gives up on a call for good.
func (s *Store) Fail(ctx context.Context, id int64, cause error, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, failOutgoing, id, cause.Error(), now); err != nil {
		return mapError(fmt.Errorf("fail outgoing %d: %w", id, err))
	}
	return nil
}
