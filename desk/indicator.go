package desk

import (
	"slices"
	"strings"
	"time"
)

// Indicator is one of the ILO's eleven indicators of forced labour. The
// desk records them case by case, for staff only: that record is what
// later shows a person was trafficked and coerced.
type Indicator string

// The ILO indicators of forced labour, in the ILO's order. They match the
// case_indicators.indicator CHECK constraint.
const (
	IndicatorVulnerability Indicator = "vulnerability" // abuse of vulnerability
	IndicatorDeception     Indicator = "deception"     // deception (about the job)
	IndicatorMovement      Indicator = "movement"      // restriction of movement
	IndicatorIsolation     Indicator = "isolation"
	IndicatorViolence      Indicator = "violence"  // physical and sexual violence
	IndicatorThreats       Indicator = "threats"   // intimidation and threats
	IndicatorDocuments     Indicator = "documents" // retention of identity documents
	IndicatorWages         Indicator = "wages"     // withholding of wages
	IndicatorDebt          Indicator = "debt"      // debt bondage
	IndicatorConditions    Indicator = "conditions"
	IndicatorOvertime      Indicator = "overtime" // excessive overtime
)

// Indicators lists the eleven indicators in the ILO's order.
var Indicators = []Indicator{IndicatorVulnerability, IndicatorDeception, IndicatorMovement, IndicatorIsolation,
	IndicatorViolence, IndicatorThreats, IndicatorDocuments, IndicatorWages, IndicatorDebt, IndicatorConditions,
	IndicatorOvertime}

// Valid reports whether i is one of the eleven.
func (i Indicator) Valid() bool { return slices.Contains(Indicators, i) }

// ParseIndicator reads an indicator name, ignoring case and surrounding space.
func ParseIndicator(s string) (Indicator, error) { return parseEnum(s, "indicator", Indicators) }

// Where an indicator mark came from.
const (
	SourceStaff    = "staff"    // an officer ticked or cleared it
	SourceReporter = "reporter" // the reporter's own answers pre-filled it
)

// IndicatorMark is what the desk recorded about one indicator on a case.
// A cleared mark (Present false) is kept, so that a pre-filled indicator
// an officer cleared stays cleared.
type IndicatorMark struct {
	Indicator Indicator
	Present   bool
	Note      string
	Source    string // SourceStaff or SourceReporter
	By        int64  // the staff member, 0 for the reporter's answers
	At        time.Time
}

// MaxIndicatorNote caps an indicator's note.
const MaxIndicatorNote = 500

// Recorded counts the indicators marked present.
func Recorded(marks []IndicatorMark) int {
	n := 0
	for _, m := range marks {
		if m.Present {
			n++
		}
	}
	return n
}

// prefills map a reporter's answer to the indicator it shows: the
// distress flow's "passport taken" and "anyone hurt", and a family
// inquiry's "held in a compound" (cannot leave).
var prefills = []struct {
	key, value string
	ind        Indicator
}{
	{"passport_taken", "yes", IndicatorDocuments},
	{"injured", "yes", IndicatorViolence},
	{"situation", "compound", IndicatorMovement},
}

// Prefill returns the indicators a case's answers show, each with a note
// saying which answer it came from ("passport=yes"), for the desk to
// confirm or clear.
func Prefill(answers map[string]string, now time.Time) []IndicatorMark {
	var out []IndicatorMark
	for _, p := range prefills {
		if strings.EqualFold(strings.TrimSpace(answers[p.key]), p.value) {
			note := p.key + "=" + p.value
			if p.ind == IndicatorViolence && answers["injured_details"] != "" {
				note += ": " + answers["injured_details"]
			}
			out = append(out, IndicatorMark{Indicator: p.ind, Present: true, Note: note, Source: SourceReporter, At: now})
		}
	}
	return out
}

// Effective returns a case's marks with the indicators its answers show
// (Prefill) that nobody has marked, in Indicators order: what the desk
// counts as recorded. A pre-filled indicator an officer cleared stays
// cleared, since its mark is kept.
func Effective(marks []IndicatorMark, answers map[string]string, at time.Time) []IndicatorMark {
	byInd := make(map[Indicator]IndicatorMark, len(marks))
	for _, m := range marks {
		byInd[m.Indicator] = m
	}
	for _, p := range Prefill(answers, at) {
		if _, ok := byInd[p.Indicator]; !ok {
			byInd[p.Indicator] = p
		}
	}
	out := make([]IndicatorMark, 0, len(byInd))
	for _, ind := range Indicators {
		if m, ok := byInd[ind]; ok {
			out = append(out, m)
		}
	}
	return out
}
