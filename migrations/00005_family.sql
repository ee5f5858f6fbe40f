-- +goose Up

-- Family inquiries. A relative's passport number is never kept in the
-- answers: the bot seals it (AES-256-GCM, with the DATA_KEY) and keeps a
-- keyed hash (HMAC-SHA256) to match and find it; the answers hold only a
-- masked form (M*****678).
CREATE TABLE case_passports (
    case_id     bigint      PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    sealed      bytea       NOT NULL CHECK (octet_length(sealed) > 12),
    hash        bytea       NOT NULL CHECK (octet_length(hash) = 32),
    updated_at  timestamptz NOT NULL
);
CREATE INDEX case_passports_hash ON case_passports (hash);

-- match_name normalises a name for matching: lower case, without spaces
-- and punctuation ("KIM Min-su" and "kim minsu" are one name); NULL when
-- fewer than two characters are left.
CREATE FUNCTION match_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    RETURN (SELECT CASE WHEN char_length(n) >= 2 THEN n END
            FROM (SELECT regexp_replace(lower(name), '[[:space:][:punct:]·]+', '', 'g') AS n) AS s);

-- What possible matches are looked up by, kept up to date by PostgreSQL:
-- the names a case gives (a family inquiry's relative in Hangul and as in
-- the passport; any other case's reporter, who may be that relative), the
-- date of birth and the callback phone's digits.
ALTER TABLE cases
    ADD COLUMN match_names text[] NOT NULL GENERATED ALWAYS AS (
        array_remove(ARRAY[
            match_name(answers ->> 'relative_name'),
            match_name(answers ->> 'relative_name_latin'),
            CASE WHEN type <> 'family' THEN match_name(reporter_name) END
        ], NULL)
    ) STORED,
    ADD COLUMN match_birth text GENERATED ALWAYS AS (nullif(answers ->> 'birth_date', '')) STORED,
    ADD COLUMN match_phone text GENERATED ALWAYS AS (
        nullif(regexp_replace(coalesce(answers ->> 'callback_phone', ''), '[^0-9]+', '', 'g'), '')
    ) STORED;
CREATE INDEX cases_match_names ON cases USING gin (match_names);
CREATE INDEX cases_match_birth ON cases (match_birth) WHERE match_birth IS NOT NULL;
CREATE INDEX cases_match_phone ON cases (match_phone) WHERE match_phone IS NOT NULL;

-- +goose Down
DROP INDEX cases_match_phone;
DROP INDEX cases_match_birth;
DROP INDEX cases_match_names;
ALTER TABLE cases DROP COLUMN match_phone, DROP COLUMN match_birth, DROP COLUMN match_names;
DROP FUNCTION match_name(text);
DROP TABLE case_passports;
