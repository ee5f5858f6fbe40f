-- +goose Up
-- The Bot API pace shared by the replicas (issue 16): Telegram's limit of
-- about 30 messages a second is the bot's, not each replica's. One row:
-- the current second and the sends taken from it, and the pace the
-- replicas adapted to (NULL: the configured one), lowered by a third on a
-- 429 that no chat's own pace explains and raised by one a second after
-- each 10 s without. Each replica reserves a few sends at a time.
CREATE TABLE send_budget (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    second    timestamptz NOT NULL DEFAULT 'epoch',
    used      integer NOT NULL DEFAULT 0 CHECK (used >= 0),
    rate      real CHECK (rate >= 1),
    raised_at timestamptz NOT NULL DEFAULT 'epoch'
);
INSERT INTO send_budget DEFAULT VALUES;

-- +goose Down
DROP TABLE send_budget;
