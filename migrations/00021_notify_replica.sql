-- +goose Up
-- A commit's notification names the replica that made it (issue 16): each
-- replica's connections set hotline.replica (postgres.WithReplica), so a
-- replica's listener ignores its own commits, which wake its workers and
-- dispatcher in memory (or hand them the work itself), and hears only the
-- other replicas'. A connection without it notifies with an empty payload,
-- which wakes every replica, as before.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION notify_work() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], COALESCE(current_setting('hotline.replica', true), ''));
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION notify_work() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
