-- +goose Up

-- The desk's list of known recruiter contacts and identifiers, added by
-- staff with /flag. Values are normalised by the jobcheck package
-- (phones in E.164, handles with @, lower-case domains, ...).
CREATE TABLE flagged_entities (
    id        bigserial   PRIMARY KEY,
    kind      text        NOT NULL CHECK (kind IN ('phone', 'handle', 'domain', 'company', 'crypto', 'account', 'email')),
    value     text        NOT NULL CHECK (value <> ''),
    note      text        NOT NULL DEFAULT '',
    added_by  bigint      NOT NULL,
    added_at  timestamptz NOT NULL,
    UNIQUE (kind, value)
);

-- The entities found in each job check and recruiter report, so a later
-- check can say "reported N times before".
CREATE TABLE case_entities (
    case_id  bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind     text   NOT NULL CHECK (kind IN ('phone', 'handle', 'domain', 'company', 'crypto', 'account', 'email')),
    value    text   NOT NULL,
    PRIMARY KEY (case_id, kind, value)
);
CREATE INDEX case_entities_value ON case_entities (kind, value);

-- +goose Down
DROP TABLE case_entities;
DROP TABLE flagged_entities;
