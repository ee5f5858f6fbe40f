-- +goose Up

-- Issue 18: referrals of cases to partners, with the reporter's consent.

-- A referral's request, answer and summary go on the case's timeline.
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
    CHECK (kind IN ('created', 'message_in', 'reply_out', 'note', 'status', 'priority', 'assignment',
                    'location', 'attachment', 'block', 'erased', 'hold', 'forget', 'quiet',
                    'checkin', 'indicator', 'referral'));

-- An officer's request to hand a case to a partner (a key of
-- PARTNERS_FILE) and the reporter's answer. No personal data: the summary
-- is made when the reporter consents and is never stored.
CREATE TABLE referrals (
    id            bigserial   PRIMARY KEY,
    case_id       bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    partner       text        NOT NULL CHECK (partner ~ '^[a-z][a-z0-9_-]{1,31}$'),
    requested_by  bigint      NOT NULL,
    requested_at  timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'consented', 'refused')),
    answered_at   timestamptz,
    CONSTRAINT referrals_answered CHECK ((status = 'pending') = (answered_at IS NULL))
);
CREATE INDEX referrals_case ON referrals (case_id);

-- +goose Down
DROP TABLE referrals;
DELETE FROM case_events WHERE kind = 'referral';
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
    CHECK (kind IN ('created', 'message_in', 'reply_out', 'note', 'status', 'priority', 'assignment',
                    'location', 'attachment', 'block', 'erased', 'hold', 'forget', 'quiet',
                    'checkin', 'indicator'));
