-- +goose Up

-- Messages in chats with the bot, both ways: the bot's (recorded when the
-- outbox sends them) and the users' (recorded when their update is
-- processed). /forget deletes them from the chat; a staff member's
-- Telegram reply to a case alert or a forwarded message finds its case
-- here. Rows without a case are pruned after a few days.
CREATE TABLE chat_messages (
    chat_id     bigint      NOT NULL,
    message_id  bigint      NOT NULL,
    from_bot    boolean     NOT NULL,
    case_id     bigint      REFERENCES cases (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX chat_messages_at ON chat_messages (at);

-- The case an outgoing message is about, copied to chat_messages once sent.
ALTER TABLE outbox ADD COLUMN case_id bigint;

-- +goose Down
ALTER TABLE outbox DROP COLUMN case_id;
DROP TABLE chat_messages;
