-- +goose Up

-- An update that cannot be stored as it came (PostgreSQL's jsonb refuses a
-- NUL character, for one) is kept quarantined: its raw bytes in raw, an
-- empty payload, and the reason. It is set aside at once so the poller's
-- offset moves on and no other chat waits for it.
ALTER TABLE inbox ADD COLUMN raw bytea;
ALTER TABLE inbox ADD COLUMN quarantine_reason text;
-- claim_token fences one worker's attempt: the attempt is counted (and the
-- row leased through retry_at) in a transaction of its own before the
-- handler runs, so a process killed inside the handler still counts it.
ALTER TABLE inbox ADD COLUMN claim_token bigint;
-- set_aside_at marks an update given up after its attempts, or
-- quarantined; its payload is kept for the desk and it is never pruned.
ALTER TABLE inbox ADD COLUMN set_aside_at timestamptz;
UPDATE inbox SET set_aside_at = processed_at WHERE last_error LIKE 'abandoned: %';
CREATE INDEX inbox_set_aside ON inbox (set_aside_at) WHERE set_aside_at IS NOT NULL;

-- The outbox: lease_token fences a dispatcher's claim (every result is
-- written only by the current holder); errors keeps every attempt's error;
-- ambiguous counts attempts that Telegram may have applied (a timeout, a
-- 5xx), which have a budget of their own.
ALTER TABLE outbox ADD COLUMN lease_token bigint;
ALTER TABLE outbox ADD COLUMN errors text[] NOT NULL DEFAULT '{}';
ALTER TABLE outbox ADD COLUMN ambiguous integer NOT NULL DEFAULT 0;

-- A group that became a supergroup: Telegram answers 400 with
-- migrate_to_chat_id. Messages to the old id are sent to the new one from
-- then on.
CREATE TABLE chat_migrations (
    old_chat_id  bigint      PRIMARY KEY,
    new_chat_id  bigint      NOT NULL CHECK (new_chat_id <> old_chat_id),
    migrated_at  timestamptz NOT NULL
);

-- +goose Down
DROP TABLE chat_migrations;
ALTER TABLE outbox DROP COLUMN ambiguous;
ALTER TABLE outbox DROP COLUMN errors;
ALTER TABLE outbox DROP COLUMN lease_token;
DROP INDEX inbox_set_aside;
ALTER TABLE inbox DROP COLUMN set_aside_at;
ALTER TABLE inbox DROP COLUMN claim_token;
ALTER TABLE inbox DROP COLUMN quarantine_reason;
ALTER TABLE inbox DROP COLUMN raw;
