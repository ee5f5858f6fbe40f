package desk

import (
	"context"
	"time"
)

// MatchReason says what two cases have in common.
type MatchReason string

// Match reasons. Names are compared in Hangul and romanised, ignoring
// spacing, punctuation and case; a distress or other reporter's Telegram
// name counts as their name.
const (
	MatchName      MatchReason = "name"
	MatchBirthDate MatchReason = "birth_date"
	MatchPhone     MatchReason = "phone"
	MatchPassport  MatchReason = "passport"
)

// Match is another case that may concern the same person as a family
// inquiry: shown to staff in /case and the alerts, never to reporters.
type Match struct {
	CaseID  int64
	Ref     Ref
	Type    Type
	Status  Status
	Reasons []MatchReason
}

// MaxMatches caps Matches.
const MaxMatches = 10

// Matcher finds possible matches between family inquiries and other
// cases, both ways: a family case's matches are any cases; any other
// case's matches are family cases. A same date of birth alone is not a
// match (too many people share one); it is listed as a reason beside
// the name, phone or passport.
type Matcher interface {
	// Matches returns up to MaxMatches cases matching the case, most
	// reasons first, then newest. Errors: none expected.
	Matches(ctx context.Context, caseID int64) ([]Match, error)
}

// FamilyStore keeps what a family inquiry adds to a case: the sealed
// passport number, the consent and the matches.
type FamilyStore interface {
	Matcher
	// SetPassport stores a case's sealed passport number and its keyed
	// hash, replacing any earlier one. Errors: not_found.
	SetPassport(ctx context.Context, caseID int64, sealed, hash []byte, now time.Time) error
	// Passport returns the case's sealed passport number.
	// Errors: not_found when it has none.
	Passport(ctx context.Context, caseID int64) ([]byte, error)
	// SetConsent records whether the inquirer agreed to share the case
	// with the authorities. Errors: not_found.
	SetConsent(ctx context.Context, caseID int64, share bool, now time.Time) error
	// PassportCases returns the cases whose sealed passport number has
	// this keyed hash (Sealer.Hash), newest first, at most 20.
	PassportCases(ctx context.Context, hash []byte) ([]int64, error)
	// SetPhone stores a case's sealed phone number (field names it, e.g.
	// callback_phone) and its keyed hash, replacing any earlier one.
	// Errors: not_found, invalid.
	SetPhone(ctx context.Context, caseID int64, field string, sealed, hash []byte, now time.Time) error
	// Phones returns a case's sealed phone numbers by field.
	Phones(ctx context.Context, caseID int64) (map[string][]byte, error)
	// PhoneCases returns the cases with a sealed phone number whose keyed
	// hash is one of hashes (Sealer.Hashes), newest first, at most 20.
	PhoneCases(ctx context.Context, hashes [][]byte) ([]int64, error)
}
