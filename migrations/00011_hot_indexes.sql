-- +goose Up

-- Indexes that match the hot queries (issue 16); postgres/explain_test.go
-- checks that each is used.

-- The inbox pick (claimUpdate) walks pending updates in (priority, seq)
-- order and stops at the first ready one that heads its chat; without it
-- every pending row was sorted for each pick.
CREATE INDEX inbox_ready ON inbox (priority, seq) WHERE processed_at IS NULL;

-- The pruning of finished outbox rows by age (pruneOutbox).
CREATE INDEX outbox_done ON outbox (created_at) WHERE status <> 'pending';

-- +goose Down
DROP INDEX outbox_done;
DROP INDEX inbox_ready;
