-- +goose Up

-- A reporter's live location reaches each officer who hears the case as
-- one pin that moves: the pin (a sendLocation with a live period) and the
-- latest move queued for it (editMessageLiveLocation), per staff chat, so
-- that a restart or another replica goes on moving the same pin. No
-- coordinates are kept here: they are on the case's timeline.
CREATE TABLE live_pins (
    reporter_chat_id    bigint      NOT NULL,
    reporter_message_id bigint      NOT NULL,
    staff_chat_id       bigint      NOT NULL,
    case_id             bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    pin_outbox_id       bigint      NOT NULL,
    pin_message_id      bigint,      -- the pin in the staff chat, once sent
    move_outbox_id      bigint,      -- the latest move queued
    moved_at            timestamptz, -- when that move may go
    live_until          timestamptz NOT NULL,
    PRIMARY KEY (reporter_chat_id, reporter_message_id, staff_chat_id)
);
CREATE INDEX live_pins_case ON live_pins (case_id);

-- +goose Down
DROP TABLE live_pins;
