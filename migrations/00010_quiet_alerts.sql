-- +goose Up

-- Quiet mode: after "not safe to talk" or /forget, every message the bot
-- sends to the chat goes out with disable_notification (the outbox marks
-- it when it is queued).
ALTER TABLE chats ADD COLUMN quiet boolean NOT NULL DEFAULT false;

-- When the desk was last alerted about a case again (a repeated /sos):
-- at most one such alert per case in a while.
ALTER TABLE cases ADD COLUMN alerted_at timestamptz;

-- +goose Down
ALTER TABLE cases DROP COLUMN alerted_at;
ALTER TABLE chats DROP COLUMN quiet;
