-- +goose Up

-- One row per Telegram chat: the conversation it is in and its language.
CREATE TABLE chats (
    chat_id            bigint      PRIMARY KEY,
    user_id            bigint      NOT NULL DEFAULT 0,
    language           text        CHECK (language IN ('ko', 'km', 'en')),
    telegram_language  text        NOT NULL DEFAULT '',
    flow               text        NOT NULL DEFAULT '',
    state              text        NOT NULL DEFAULT '',
    answers            jsonb       NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- Every update received from Telegram, stored before Telegram is told we
-- have it (the next getUpdates offset, or the webhook's 200). update_id is
-- unique so a redelivered update is ignored; processed rows are pruned after
-- a retention window, which also keeps a random update_id after a quiet week
-- from colliding with an old one.
CREATE TABLE inbox (
    seq           bigserial   PRIMARY KEY,
    update_id     bigint      NOT NULL UNIQUE,
    chat_id       bigint      NOT NULL,
    priority      smallint    NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 3),
    payload       jsonb       NOT NULL,
    received_at   timestamptz NOT NULL,
    processed_at  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    retry_at      timestamptz,
    last_error    text
);
CREATE INDEX inbox_pending ON inbox (chat_id, seq) WHERE processed_at IS NULL;
CREATE INDEX inbox_processed ON inbox (processed_at) WHERE processed_at IS NOT NULL;

-- Messages the bot will send, written in the same transaction as the state
-- change that caused them and sent by the dispatcher after commit.
CREATE TABLE outbox (
    id               bigserial   PRIMARY KEY,
    chat_id          bigint      NOT NULL,
    priority         smallint    NOT NULL DEFAULT 2 CHECK (priority BETWEEN 0 AND 3),
    method           text        NOT NULL,
    payload          jsonb       NOT NULL,
    status           text        NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    not_before       timestamptz NOT NULL,
    leased_until     timestamptz,
    last_error       text,
    sent_message_id  bigint,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz
);
CREATE INDEX outbox_pending ON outbox (chat_id, id) WHERE status = 'pending';
CREATE INDEX outbox_ready ON outbox (priority, id) WHERE status = 'pending';

-- +goose Down
DROP TABLE outbox;
DROP TABLE inbox;
DROP TABLE chats;
