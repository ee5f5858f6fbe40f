package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
)

const insertChatMessage = `
INSERT INTO chat_messages (chat_id, message_id, from_bot, case_id, at)
VALUES ($1, $2, false, NULLIF($3, 0), $4)
ON CONFLICT (chat_id, message_id) DO UPDATE SET case_id = COALESCE(EXCLUDED.case_id, chat_messages.case_id)`

// RecordMessage remembers a user's message in a chat, and the case it
// went to (0 for none), for /forget and for replies.
func (x *tx) RecordMessage(ctx context.Context, chatID, messageID, caseID int64, at time.Time) error {
	if x.t.kept != nil {
		x.t.kept.recordMessage(chatID, messageID, caseID, at)
		return nil
	}
	if _, err := x.t.ExecContext(ctx, insertChatMessage, chatID, messageID, caseID, at); err != nil {
		return mapError(fmt.Errorf("record message %d in %d: %w", messageID, chatID, err))
	}
	return nil
}

const selectMessageCase = `SELECT case_id FROM chat_messages WHERE chat_id = $1 AND message_id = $2 AND case_id IS NOT NULL`

// MessageCase returns the case a message in a chat belongs to.
// Errors: not_found.
func (x *tx) MessageCase(ctx context.Context, chatID, messageID int64) (int64, error) {
	var id int64
	if err := x.t.GetContext(ctx, &id, selectMessageCase, chatID, messageID); err != nil {
		return 0, mapError(fmt.Errorf("case of message %d in %d: %w", messageID, chatID, err))
	}
	return id, nil
}

const selectChatMessages = `
SELECT message_id FROM chat_messages WHERE chat_id = $1 AND at >= $2 ORDER BY message_id`

// ChatMessages returns the ids of the messages in a chat since a time.
func (x *tx) ChatMessages(ctx context.Context, chatID int64, since time.Time) ([]int64, error) {
	var ids []int64
	if err := x.t.SelectContext(ctx, &ids, selectChatMessages, chatID, since); err != nil {
		return nil, mapError(fmt.Errorf("messages of %d: %w", chatID, err))
	}
	return ids, nil
}

const deleteChatMessages = `DELETE FROM chat_messages WHERE chat_id = $1 AND message_id = ANY($2) AND case_id IS NULL`

// ForgetMessages drops deleted messages from the log; those linked to a
// case stay, as the desk keeps the case.
func (x *tx) ForgetMessages(ctx context.Context, chatID int64, ids []int64) error {
	if _, err := x.t.ExecContext(ctx, deleteChatMessages, chatID, pq.Array(ids)); err != nil {
		return mapError(fmt.Errorf("forget messages of %d: %w", chatID, err))
	}
	return nil
}
