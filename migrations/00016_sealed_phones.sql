-- +goose Up

-- A family inquiry's callback phone is sealed in case_phones, with its
-- keyed hash, and the answers keep only a masked form: matching by phone
-- compares the hashes, no longer the digits of the answers.
DROP INDEX cases_match_phone;
ALTER TABLE cases DROP COLUMN match_phone;

-- +goose Down
ALTER TABLE cases ADD COLUMN match_phone text GENERATED ALWAYS AS (
    nullif(regexp_replace(coalesce(answers ->> 'callback_phone', ''), '[^0-9]+', '', 'g'), '')
) STORED;
CREATE INDEX cases_match_phone ON cases (match_phone) WHERE match_phone IS NOT NULL;
