package desk

import (
	"fmt"
	"regexp"
	"slices"
	"time"
)

// PartnerKind says what kind of organisation a partner is. It decides
// what a referral summary may carry: only the police get the full
// passport number.
type PartnerKind string

// Partner kinds.
const (
	PartnerPolice  PartnerKind = "police"  // a police unit (Cambodian, Korean)
	PartnerEmbassy PartnerKind = "embassy" // an embassy or consulate
	PartnerIOM     PartnerKind = "iom"     // the International Organization for Migration
	PartnerNGO     PartnerKind = "ngo"     // a non-governmental organisation
	PartnerShelter PartnerKind = "shelter" // a shelter, usually run by an NGO
	PartnerOther   PartnerKind = "other"
)

// PartnerKinds lists every partner kind.
var PartnerKinds = []PartnerKind{PartnerPolice, PartnerEmbassy, PartnerIOM, PartnerNGO, PartnerShelter, PartnerOther}

// Partner is an organisation the desk may refer a case to, with the
// reporter's consent. Partners are configuration, not data: the operator
// lists them (PARTNERS_FILE).
type Partner struct {
	// Key names the partner in /refer: lowercase letters, digits, - and _.
	Key  string
	Name string
	Kind PartnerKind
	// Lang is the language of the referral summary: ko, km or en.
	Lang string
	// Staff and Roles say who may refer to the partner: these staff
	// members (Telegram user ids) and every staff member of these roles.
	Staff []int64
	Roles []Role
}

var partnerKey = regexp.MustCompile(`^[a-z][a-z0-9_-]{1,31}$`)

// Validate checks a partner's configuration; the error names the field.
func (p *Partner) Validate() error {
	switch {
	case !partnerKey.MatchString(p.Key):
		return fmt.Errorf("partner %q: key: 2 to 32 lowercase letters, digits, - or _, starting with a letter: %w", p.Key, ErrInvalid)
	case p.Name == "":
		return fmt.Errorf("partner %s: name is empty: %w", p.Key, ErrInvalid)
	case !slices.Contains(PartnerKinds, p.Kind):
		return fmt.Errorf("partner %s: kind %q is not one of %v: %w", p.Key, p.Kind, PartnerKinds, ErrInvalid)
	case p.Lang != "ko" && p.Lang != "km" && p.Lang != "en":
		return fmt.Errorf("partner %s: language %q is not ko, km or en: %w", p.Key, p.Lang, ErrInvalid)
	case len(p.Staff) == 0 && len(p.Roles) == 0:
		return fmt.Errorf("partner %s: no staff or roles may refer to it: %w", p.Key, ErrInvalid)
	}
	for _, r := range p.Roles {
		if !r.Valid() {
			return fmt.Errorf("partner %s: role %q is not one of %v: %w", p.Key, r, Roles, ErrInvalid)
		}
	}
	return nil
}

// MayRefer reports whether a staff member may refer cases to the partner.
func (p *Partner) MayRefer(st *Staff) bool {
	return slices.Contains(p.Staff, st.UserID) || slices.Contains(p.Roles, st.Role)
}

// SeesPassport reports whether the partner's summary carries the full
// passport number: only the police's does; everyone else gets it masked.
func (p *Partner) SeesPassport() bool { return p.Kind == PartnerPolice }

// Partners is the configured list of partners.
type Partners []Partner

// Validate checks every partner and that no key is used twice.
func (ps Partners) Validate() error {
	seen := map[string]bool{}
	for i := range ps {
		if err := ps[i].Validate(); err != nil {
			return err
		}
		if seen[ps[i].Key] {
			return fmt.Errorf("partner %s: listed twice: %w", ps[i].Key, ErrInvalid)
		}
		seen[ps[i].Key] = true
	}
	return nil
}

// Find returns the partner with a key.
func (ps Partners) Find(key string) (*Partner, bool) {
	for i := range ps {
		if ps[i].Key == key {
			return &ps[i], true
		}
	}
	return nil, false
}

// ReferralStatus is where a referral stands. It matches the
// referrals.status CHECK constraint.
type ReferralStatus string

// Referral statuses.
const (
	ReferralPending   ReferralStatus = "pending"   // the reporter has been asked
	ReferralConsented ReferralStatus = "consented" // the reporter said yes; the summary went to the officer
	ReferralRefused   ReferralStatus = "refused"   // the reporter said no; nothing was shared
)

// ReferralTTL is how long a reporter's answer to a referral question
// counts: a later tap is a stale button, and the officer asks again.
const ReferralTTL = 7 * 24 * time.Hour

// Referral is an officer's request to hand a case to a partner, and the
// reporter's answer.
type Referral struct {
	ID          int64
	CaseID      int64
	Partner     string // the partner's key
	RequestedBy int64  // the officer who asked
	RequestedAt time.Time
	Status      ReferralStatus
	AnsweredAt  *time.Time
}

// Answerable reports whether the reporter's answer still counts at now.
func (r *Referral) Answerable(now time.Time) bool {
	return r.Status == ReferralPending && now.Sub(r.RequestedAt) < ReferralTTL
}

// What a referral event records (its Data["referral"]).
const (
	ReferralAsked   = "asked"
	ReferralYes     = "consented"
	ReferralNo      = "refused"
	ReferralSummary = "summary"
)
