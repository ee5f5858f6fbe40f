package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/desk"
)

// selectMatches finds the cases that share a name, phone or passport with
// case $1, each from its own index (phone and passport numbers by their
// keyed hashes: they are sealed), and then counts the reasons. Family
// inquiries match any case; other cases match family inquiries only. A
// same date of birth is a reason only beside another one.
const selectMatches = `
WITH me AS (
    SELECT c.id, c.type, c.match_names, c.match_birth, p.hash
    FROM cases c LEFT JOIN case_passports p ON p.case_id = c.id WHERE c.id = $1
), hits AS (
    SELECT o.id, 'name' AS reason FROM me, cases o WHERE o.match_names && me.match_names
    UNION ALL
    SELECT o.case_id, 'phone' FROM case_phones m JOIN case_phones o ON o.hash = m.hash WHERE m.case_id = $1
    UNION ALL
    SELECT p.case_id, 'passport' FROM me, case_passports p WHERE p.hash = me.hash
    UNION ALL
    SELECT o.id, 'birth_date' FROM me, cases o WHERE o.match_birth = me.match_birth
)
SELECT o.id, o.ref, o.type, o.status, array_agg(DISTINCT h.reason ORDER BY h.reason) AS reasons
FROM me, hits h JOIN cases o ON o.id = h.id
WHERE o.id <> me.id AND (me.type = 'family' OR o.type = 'family')
GROUP BY o.id, o.ref, o.type, o.status, o.created_at
HAVING bool_or(h.reason <> 'birth_date')
ORDER BY count(DISTINCT h.reason) DESC, o.created_at DESC, o.id DESC
LIMIT $2`

type matchRow struct {
	ID      int64          `db:"id"`
	Ref     string         `db:"ref"`
	Type    string         `db:"type"`
	Status  string         `db:"status"`
	Reasons pq.StringArray `db:"reasons"`
}

// Matches returns the cases that may concern the same person.
func (d *Store) Matches(ctx context.Context, caseID int64) ([]desk.Match, error) {
	var rows []matchRow
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectMatches, caseID, desk.MaxMatches); err != nil {
		return nil, mapError(fmt.Errorf("matches of case #%d: %w", caseID, err))
	}
	out := make([]desk.Match, 0, len(rows))
	for _, r := range rows {
		m := desk.Match{CaseID: r.ID, Ref: desk.Ref(r.Ref), Type: desk.Type(r.Type), Status: desk.Status(r.Status)}
		for _, reason := range orderReasons(r.Reasons) {
			m.Reasons = append(m.Reasons, desk.MatchReason(reason))
		}
		out = append(out, m)
	}
	return out, nil
}

// orderReasons puts the strongest reasons first.
func orderReasons(rs []string) []string {
	var out []string
	for _, want := range []desk.MatchReason{desk.MatchPassport, desk.MatchName, desk.MatchBirthDate, desk.MatchPhone} {
		for _, r := range rs {
			if r == string(want) {
				out = append(out, r)
			}
		}
	}
	return out
}

const upsertPassport = `
INSERT INTO case_passports (case_id, sealed, hash, updated_at)
SELECT id, $2, $3, $4 FROM cases WHERE id = $1
ON CONFLICT (case_id) DO UPDATE SET sealed = excluded.sealed, hash = excluded.hash, updated_at = excluded.updated_at`

// SetPassport stores a case's sealed passport number and its hash.
func (d *Store) SetPassport(ctx context.Context, caseID int64, sealed, hash []byte, now time.Time) error {
	return d.execOne(ctx, fmt.Sprintf("set passport of case #%d", caseID), upsertPassport, caseID, sealed, hash, now)
}

const selectPassport = `SELECT sealed FROM case_passports WHERE case_id = $1`

// Passport returns the case's sealed passport number.
func (d *Store) Passport(ctx context.Context, caseID int64) ([]byte, error) {
	var sealed []byte
	if err := sqlx.GetContext(ctx, d.q, &sealed, selectPassport, caseID); err != nil {
		return nil, mapError(fmt.Errorf("passport of case #%d: %w", caseID, err))
	}
	return sealed, nil
}

const updateConsent = `
UPDATE cases SET consent_share = $2, updated_at = greatest(updated_at, $3) WHERE id = $1`

// SetConsent records the inquirer's consent to share the case.
func (d *Store) SetConsent(ctx context.Context, caseID int64, share bool, now time.Time) error {
	return d.execOne(ctx, fmt.Sprintf("set consent of case #%d", caseID), updateConsent, caseID, share, now)
}

const selectPassportCases = `SELECT case_id FROM case_passports WHERE hash = $1 ORDER BY case_id DESC LIMIT 20`

// PassportCases returns the cases whose sealed passport number has this
// keyed hash, newest first: /find by passport number.
func (d *Store) PassportCases(ctx context.Context, hash []byte) ([]int64, error) {
	var ids []int64
	if err := sqlx.SelectContext(ctx, d.q, &ids, selectPassportCases, hash); err != nil {
		return nil, mapError(fmt.Errorf("cases by passport: %w", err))
	}
	return ids, nil
}
