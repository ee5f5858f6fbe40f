-- +goose Up

-- Issue 18: reply templates, safety check-ins and trafficking indicators.

-- Check-ins and indicators go on the case's timeline.
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
    CHECK (kind IN ('created', 'message_in', 'reply_out', 'note', 'status', 'priority', 'assignment',
                    'location', 'attachment', 'block', 'erased', 'hold', 'forget', 'quiet',
                    'checkin', 'indicator'));

-- Reply templates supervisors added, edited or removed (/templates). The
-- default library is in the catalogues; a row with the key of a default
-- template replaces it, a removed row takes it out. A template that is in
-- the library has a text in every language.
CREATE TABLE reply_templates (
    key         text        PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
    text_ko     text        NOT NULL DEFAULT '',
    text_km     text        NOT NULL DEFAULT '',
    text_en     text        NOT NULL DEFAULT '',
    removed     boolean     NOT NULL DEFAULT false,
    updated_by  bigint      NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT reply_templates_complete
        CHECK (removed OR (btrim(text_ko) <> '' AND btrim(text_km) <> '' AND btrim(text_en) <> ''))
);

-- Safety check-ins (/checkin): one per case at most.
CREATE TABLE checkins (
    case_id        bigint      PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    every_seconds  integer     NOT NULL CHECK (every_seconds BETWEEN 900 AND 604800),
    grace_seconds  integer     NOT NULL CHECK (grace_seconds > 0),
    next_at        timestamptz NOT NULL,
    prompted_at    timestamptz,          -- the prompt still unanswered
    escalated_at   timestamptz,          -- that prompt was escalated
    started_by     bigint      NOT NULL,
    started_at     timestamptz NOT NULL,
    CONSTRAINT checkins_escalated_prompt CHECK (escalated_at IS NULL OR prompted_at IS NOT NULL)
);
CREATE INDEX checkins_next_at ON checkins (next_at);

-- The ILO indicators of forced labour recorded on a case (/indicators).
-- Staff only; a cleared indicator keeps its row (present false) so a
-- pre-filled one an officer cleared stays cleared.
CREATE TABLE case_indicators (
    case_id    bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    indicator  text        NOT NULL CHECK (indicator IN ('vulnerability', 'deception', 'movement', 'isolation',
                               'violence', 'threats', 'documents', 'wages', 'debt', 'conditions', 'overtime')),
    present    boolean     NOT NULL,
    note       text        NOT NULL DEFAULT '',
    source     text        NOT NULL CHECK (source IN ('staff', 'reporter')),
    set_by     bigint      NOT NULL DEFAULT 0,
    set_at     timestamptz NOT NULL,
    PRIMARY KEY (case_id, indicator)
);

-- +goose Down
DROP TABLE case_indicators;
DROP TABLE checkins;
DROP TABLE reply_templates;
DELETE FROM case_events WHERE kind IN ('checkin', 'indicator');
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
    CHECK (kind IN ('created', 'message_in', 'reply_out', 'note', 'status', 'priority', 'assignment',
                    'location', 'attachment', 'block', 'erased', 'hold', 'forget', 'quiet'));
