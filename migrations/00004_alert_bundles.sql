-- +goose Up

-- Alerts to one staff chat are bundled in a burst: past a few pending
-- alerts, new cases go into one pending "N new urgent cases" message that
-- is rewritten until it is sent, instead of hundreds of queued alerts.
ALTER TABLE outbox ADD COLUMN kind text NOT NULL DEFAULT ''
    CHECK (kind IN ('', 'alert', 'alert_bundle'));
ALTER TABLE outbox ADD COLUMN bundle_refs text[];
CREATE INDEX outbox_pending_alerts ON outbox (chat_id, kind) WHERE status = 'pending' AND kind <> '';

-- +goose Down
DROP INDEX outbox_pending_alerts;
ALTER TABLE outbox DROP COLUMN bundle_refs;
ALTER TABLE outbox DROP COLUMN kind;
