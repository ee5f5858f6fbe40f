-- +goose Up

-- The first answer to a /sos (outbox kind 'ack') that is still not
-- delivered a minute after it was queued alerts the supervisors, once
-- (issue 16): overdue_alerted_at says it was done.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('', 'alert', 'alert_bundle', 'album', 'ack'));
ALTER TABLE outbox ADD COLUMN overdue_alerted_at timestamptz;
CREATE INDEX outbox_pending_acks ON outbox (created_at)
    WHERE status = 'pending' AND kind = 'ack' AND overdue_alerted_at IS NULL;

-- +goose Down
DROP INDEX outbox_pending_acks;
ALTER TABLE outbox DROP COLUMN overdue_alerted_at;
UPDATE outbox SET kind = '' WHERE kind = 'ack';
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('', 'alert', 'alert_bundle', 'album'));
