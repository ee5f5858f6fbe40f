-- +goose Up

-- What this database is, written at the first start: 'live' by `hotline
-- run`, 'demo' by the simulator. run refuses a demo database and the demo
-- refuses a live one (or any database holding staff or cases it did not
-- create). key_canary is a known value sealed under the DATA_KEY the
-- database was first used with (or rekeyed to), so a start with another
-- key is refused instead of failing quietly.
CREATE TABLE deployment (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    kind        text        NOT NULL CHECK (kind IN ('live', 'demo')),
    key_canary  bytea,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Phone numbers of a case (a family inquiry's callback number), sealed like
-- passport numbers: AES-256-GCM under the DATA_KEY, with a keyed hash (a
-- blind index) to match and find them; the answers hold a masked form.
CREATE TABLE case_phones (
    case_id     bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    field       text        NOT NULL CHECK (field ~ '^[a-z_]+$'),
    sealed      bytea       NOT NULL CHECK (octet_length(sealed) > 12),
    hash        bytea       NOT NULL CHECK (octet_length(hash) = 32),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (case_id, field)
);
CREATE INDEX case_phones_hash ON case_phones (hash);

-- Retention: a closed case's personal fields are erased after the
-- retention period unless a supervisor holds it; erased_at says when.
ALTER TABLE cases
    ADD COLUMN retention_hold boolean NOT NULL DEFAULT false,
    ADD COLUMN erased_at timestamptz;
CREATE INDEX cases_erasable ON cases (closed_at)
    WHERE closed_at IS NOT NULL AND erased_at IS NULL AND NOT retention_hold;

-- Timeline entries for erasure, holds, /forget and quiet mode.
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
    CHECK (kind IN ('created', 'message_in', 'reply_out', 'note', 'status', 'priority', 'assignment',
                    'location', 'attachment', 'block', 'erased', 'hold', 'forget', 'quiet'));

-- +goose Down
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
    CHECK (kind IN ('created', 'message_in', 'reply_out', 'note', 'status', 'priority', 'assignment',
                    'location', 'attachment', 'block'));
DROP INDEX cases_erasable;
ALTER TABLE cases DROP COLUMN erased_at, DROP COLUMN retention_hold;
DROP TABLE case_phones;
DROP TABLE deployment;
