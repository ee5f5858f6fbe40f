package jobcheck

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/jobcheck/entity"
)

// Answer keys under which a case keeps a check's outcome.
const (
	AnswerRiskLevel = "risk_level"
	AnswerRiskScore = "risk_score"
	AnswerRedFlags  = "red_flags"
	AnswerRuleset   = "ruleset"
)

// Answers are what a case keeps of a check: the level, the score, the ids
// of the red flags and the ruleset version, so a later ruleset never
// changes what a person was told.
func (r Result) Answers() map[string]string {
	ids := make([]string, 0, len(r.Flags))
	for _, f := range r.Flags {
		ids = append(ids, f.ID)
	}
	return map[string]string{AnswerRiskLevel: string(r.Level), AnswerRiskScore: strconv.Itoa(r.Score),
		AnswerRedFlags: strings.Join(ids, ", "), AnswerRuleset: r.RulesetVersion}
}

// All lists the entities kind by kind: phones, handles, domains,
// companies, wallets, accounts, e-mail addresses.
func (e Entities) All() []entity.Found {
	var out []entity.Found
	add := func(k entity.Kind, vs []string) {
		for _, v := range vs {
			out = append(out, entity.Found{Kind: k, Value: v})
		}
	}
	add(entity.KindPhone, e.Phones)
	add(entity.KindHandle, e.Handles)
	add(entity.KindDomain, e.Domains)
	add(entity.KindCompany, e.Companies)
	add(entity.KindCrypto, e.Crypto)
	add(entity.KindAccount, e.Accounts)
	add(entity.KindEmail, e.Emails)
	return out
}

// ParseLevel reads a level a person typed ("High", " low").
func ParseLevel(s string) (Level, bool) {
	l := Level(strings.ToLower(strings.TrimSpace(s)))
	return l, l == LevelHigh || l == LevelMedium || l == LevelLow
}
