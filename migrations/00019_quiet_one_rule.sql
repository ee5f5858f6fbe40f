-- +goose Up

-- One rule decides whether a message to a reporter makes a sound: the
-- chat's quiet flag (00010). A reporter whose case says "not safe to talk",
-- or who has safety check-ins running, gets the flag now: nothing reads
-- the case's answer for it any more, and check-in prompts follow the flag
-- like every message. A reporter who turned quiet mode off themselves
-- (/quiet off) keeps their choice.
WITH quiet_chats AS (
    SELECT reporter_chat_id AS chat_id FROM cases WHERE answers ->> 'safe_to_talk' = 'no'
    UNION
    SELECT c.reporter_chat_id FROM checkins k JOIN cases c ON c.id = k.case_id
)
INSERT INTO chats (chat_id, quiet, created_at, updated_at)
SELECT q.chat_id, true, now(), now() FROM quiet_chats q
WHERE NOT EXISTS (
    SELECT 1 FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE c.reporter_chat_id = q.chat_id AND e.kind = 'quiet' AND e.data ->> 'asked' = 'off')
ON CONFLICT (chat_id) DO UPDATE SET quiet = true;

-- +goose Down
SELECT 1;
