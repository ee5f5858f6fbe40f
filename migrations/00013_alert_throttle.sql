-- +goose Up

-- When the supervisors were last alerted about a recurring failure (the
-- desk group refusing the bot's messages), by key: one alert in a while,
-- not one per refused message, across restarts and replicas.
CREATE TABLE alert_throttle (
    key     text        PRIMARY KEY,
    sent_at timestamptz NOT NULL
);

-- +goose Down
DROP TABLE alert_throttle;
