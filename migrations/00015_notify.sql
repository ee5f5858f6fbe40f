-- +goose Up

-- Every commit that stores updates or queues messages wakes the other
-- replicas (issue 16): a statement trigger notifies a channel, which
-- postgres.Listen hears. PostgreSQL folds the identical notifications of
-- one transaction into one, delivered at commit.
-- +goose StatementBegin
CREATE FUNCTION notify_work() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER inbox_notify AFTER INSERT ON inbox
    FOR EACH STATEMENT EXECUTE FUNCTION notify_work('hotline_inbox');
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION notify_work('hotline_outbox');

-- +goose Down
DROP TRIGGER outbox_notify ON outbox;
DROP TRIGGER inbox_notify ON inbox;
DROP FUNCTION notify_work();
