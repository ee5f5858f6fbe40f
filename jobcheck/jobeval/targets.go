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
