-- +goose Up

-- Trigram indexes make /find's substring search fast on names, phone
-- numbers and passports in any script. pg_trgm ships with PostgreSQL
-- (contrib) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Desk staff. Removed staff are deactivated, never deleted, so timelines
-- and the audit log keep their names.
CREATE TABLE staff (
    user_id     bigint      PRIMARY KEY,
    chat_id     bigint      NOT NULL,
    name        text        NOT NULL DEFAULT '',
    username    text        NOT NULL DEFAULT '',
    role        text        NOT NULL CHECK (role IN ('agent', 'supervisor')),
    on_duty     boolean     NOT NULL DEFAULT false,
    language    text        NOT NULL DEFAULT '' CHECK (language IN ('', 'ko', 'km', 'en')),
    added_by    bigint      NOT NULL DEFAULT 0,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- The case queue. id is internal; people name a case by its ref.
CREATE TABLE cases (
    id                bigserial   PRIMARY KEY,
    ref               text        NOT NULL UNIQUE
                                  CHECK (ref ~ '^KD-[3479ACDEFGHJKMNPQRTUVWXY]{4,5}$'),
    type              text        NOT NULL
                                  CHECK (type IN ('distress', 'job_check', 'job_report', 'family')),
    priority          text        NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
    -- The queue sorts by this rank, urgent (0) first, from an index.
    priority_rank     smallint    NOT NULL GENERATED ALWAYS AS (
                          CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END
                      ) STORED,
    status            text        NOT NULL DEFAULT 'new'
                                  CHECK (status IN ('new', 'claimed', 'waiting_reporter', 'resolved', 'closed')),
    reporter_user_id  bigint      NOT NULL,
    reporter_chat_id  bigint      NOT NULL,
    reporter_lang     text        NOT NULL DEFAULT '' CHECK (reporter_lang IN ('', 'ko', 'km', 'en')),
    reporter_name     text        NOT NULL DEFAULT '',
    assignee_id       bigint      REFERENCES staff (user_id),
    answers           jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
    last_lat          double precision CHECK (last_lat BETWEEN -90 AND 90),
    last_lon          double precision CHECK (last_lon BETWEEN -180 AND 180),
    last_location_at  timestamptz,
    blocked           boolean     NOT NULL DEFAULT false,
    consent_share     boolean,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    first_reply_at    timestamptz,
    closed_at         timestamptz,
    escalated_at      timestamptz,
    resolution        text        NOT NULL DEFAULT '',
    -- What /find searches: the reference, the reporter's name and every
    -- answer value, lowercased; and the digits of the answers (phone
    -- numbers however they were written), values kept apart by quotes.
    search            text        NOT NULL GENERATED ALWAYS AS (
                          lower(ref || ' ' || reporter_name || ' ' || jsonb_path_query_array(answers, '$.*')::text)
                      ) STORED,
    search_digits     text        NOT NULL GENERATED ALWAYS AS (
                          regexp_replace(jsonb_path_query_array(answers, '$.*')::text, '[^0-9"]+', '', 'g')
                      ) STORED,
    CONSTRAINT cases_location_complete
        CHECK ((last_lat IS NULL) = (last_lon IS NULL) AND (last_lat IS NULL) = (last_location_at IS NULL)),
    CONSTRAINT cases_new_unassigned CHECK (status <> 'new' OR assignee_id IS NULL),
    CONSTRAINT cases_claimed_assigned
        CHECK (status NOT IN ('claimed', 'waiting_reporter') OR assignee_id IS NOT NULL),
    CONSTRAINT cases_closed_at CHECK ((closed_at IS NOT NULL) = (status IN ('resolved', 'closed')))
);
-- The queue (all, urgent) and the unclaimed queue (new, escalation), in
-- queue order; open cases only, so they stay small however many cases
-- are closed.
CREATE INDEX cases_queue ON cases (priority_rank, created_at, id)
    WHERE status IN ('new', 'claimed', 'waiting_reporter');
CREATE INDEX cases_unclaimed ON cases (priority_rank, created_at, id) WHERE status = 'new';
CREATE INDEX cases_mine ON cases (assignee_id, priority_rank, created_at, id)
    WHERE status IN ('new', 'claimed', 'waiting_reporter');
CREATE INDEX cases_reporter ON cases (reporter_chat_id, created_at DESC);
CREATE INDEX cases_created ON cases (created_at);
-- /find: trigram indexes for rare text; for common text (a compound's
-- name), walking cases in find order (open first, newest first) until
-- enough match is faster, and the planner picks between the two.
CREATE INDEX cases_search ON cases USING gin (search gin_trgm_ops);
CREATE INDEX cases_search_digits ON cases USING gin (search_digits gin_trgm_ops);
CREATE INDEX cases_find_order ON cases ((status IN ('new', 'claimed', 'waiting_reporter')), created_at, id);

-- Everything that happened to a case: its timeline.
CREATE TABLE case_events (
    id         bigserial   PRIMARY KEY,
    case_id    bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('created', 'message_in', 'reply_out', 'note', 'status',
                               'priority', 'assignment', 'location', 'attachment', 'block')),
    actor_id   bigint      NOT NULL DEFAULT 0, -- staff user id; 0 for the reporter or the system
    text       text        NOT NULL DEFAULT '',
    file_id    text        NOT NULL DEFAULT '',
    file_kind  text        NOT NULL DEFAULT '' CHECK (file_kind IN ('', 'photo', 'voice', 'document')),
    lat        double precision CHECK (lat BETWEEN -90 AND 90),
    lon        double precision CHECK (lon BETWEEN -180 AND 180),
    at         timestamptz NOT NULL,
    data       jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    CONSTRAINT case_events_location_complete CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX case_events_case ON case_events (case_id, at, id);

-- Who did or saw what. Append-only: the triggers below refuse to change or
-- delete entries. case_id has no foreign key, so the log outlives cases
-- that retention deletes.
CREATE TABLE audit_log (
    id         bigserial   PRIMARY KEY,
    actor_id   bigint      NOT NULL,
    action     text        NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)*$'),
    case_id    bigint,
    detail     text        NOT NULL DEFAULT '',
    at         timestamptz NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_case ON audit_log (case_id, at) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);

-- +goose StatementBegin
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- +goose Down
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE case_events;
DROP TABLE cases;
DROP TABLE staff;
