package jobeval

import "fmt"

// Targets of issue 15 on a blind split, each per language.
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

// How the blind split is gated. A blind split (IsBlind: neither Tuning nor Spent) is a
// held-out split the rules were never tuned on; the test suite holds it to the issue-15
// targets above, per language (BlindFailures). When a newly added blind split misses them,
// record what it scored on its first run in BlindFloor under its name: the suite then holds
// that floor instead (BlindRegressions) and logs the targets it misses, and make jobcheck-eval
// still exits 1 on them. A blind split that misses the targets and has no floor fails the
// suite, so a new split is never silently below target. Once a split has been learnt from,
// move it to Spent and delete its floor.

// Floor is what one language of a blind split scored on its first run.
type Floor struct{ HighHit, LevelOK int }

// BlindFloor holds, per blind split and language, the figures it scored blind on its first
// run, for a split that misses the issue-15 targets.
var BlindFloor = map[string]map[string]Floor{
	// holdout-15g's first run (rules 2026.12.04-19: high recall ko 15/20, km 14/20, en 12/20;
	// exact level 25/30, 24/30, 21/30) was its floor until it was learnt from and moved to
	// Spent; its figures stay in testdata/corpus/README.md.
}

// BlindFailures lists the targets of issue 15 that the blind splits miss, per language:
// recall below TargetRecall, any low-risk ad rated high, exact level below TargetExact.
func BlindFailures(outs []Outcome) []string {
	var fails []string
	for _, split := range BlindSplits(outs) {
		_, byLang := Group(Filter(outs, func(o Outcome) bool { return o.Ad.Split == split }),
			func(o Outcome) string { return o.Ad.Lang })
		for _, l := range Langs {
			t := byLang[l]
			if t == nil {
				fails = append(fails, fmt.Sprintf("%s %s: no ads", split, l))
				continue
			}
			if t.Recall() < TargetRecall {
				fails = append(fails, fmt.Sprintf("%s %s: high recall %d/%d = %.3f, want >= %.2f", split, l, t.HighHit, t.High, t.Recall(), TargetRecall))
			}
			if t.LowHigh > 0 {
				fails = append(fails, fmt.Sprintf("%s %s: %d low-risk ads rated high, want 0", split, l, t.LowHigh))
			}
			if t.Exact() < TargetExact {
				fails = append(fails, fmt.Sprintf("%s %s: exact level %d/%d = %.3f, want >= %.2f", split, l, t.LevelOK, t.Ads, t.Exact(), TargetExact))
			}
		}
	}
	return fails
}

// BlindGate lists what fails the test suite on the blind splits: for a split with a floor in
// BlindFloor, where it falls below the floor or rates a low-risk ad high; for any other blind
// split, every issue-15 target it misses (BlindFailures).
func BlindGate(outs []Outcome) []string {
	var fails []string
	for _, split := range BlindSplits(outs) {
		part := Filter(outs, func(o Outcome) bool { return o.Ad.Split == split })
		floors, ok := BlindFloor[split]
		if !ok {
			for _, f := range BlindFailures(part) {
				fails = append(fails, f+" (no floor recorded in jobeval.BlindFloor)")
			}
			continue
		}
		fails = append(fails, blindRegressions(split, part, floors)...)
	}
	return fails
}

// blindRegressions lists, per language, where a blind split falls below its floor or rates a
// low-risk ad high.
func blindRegressions(split string, part []Outcome, floors map[string]Floor) []string {
	_, byLang := Group(part, func(o Outcome) string { return o.Ad.Lang })
	var fails []string
	for _, l := range Langs {
		t, floor := byLang[l], floors[l]
		switch {
		case t == nil:
			fails = append(fails, fmt.Sprintf("%s %s: no ads", split, l))
		case t.LowHigh > 0:
			fails = append(fails, fmt.Sprintf("%s %s: %d low-risk ads rated high, want 0", split, l, t.LowHigh))
		case t.HighHit < floor.HighHit:
			fails = append(fails, fmt.Sprintf("%s %s: high recall %d/%d, below the recorded %d", split, l, t.HighHit, t.High, floor.HighHit))
		case t.LevelOK < floor.LevelOK:
			fails = append(fails, fmt.Sprintf("%s %s: exact level %d/%d, below the recorded %d", split, l, t.LevelOK, t.Ads, floor.LevelOK))
		}
	}
	return fails
}

// TunedFailures lists the targets of issue 5 that the other splits together miss.
func TunedFailures(outs []Outcome) []string {
	tuned := Filter(outs, func(o Outcome) bool { return !IsBlind(o.Ad.Split) })
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
	// The flag targets are issue 5's, for the splits it wrote; the spent issue-15 held-out
	// splits count for levels only.
	own := Filter(tuned, func(o Outcome) bool { return o.Ad.Split == Tuning || o.Ad.Split == "holdout" })
	_, ownT := Group(own, func(Outcome) string { return "own" })
	if f := ownT["own"]; f != nil && f.FlagCaseRate() < TargetTunedFlagCase {
		fails = append(fails, fmt.Sprintf("tuning and holdout splits: ads with every labelled flag %.3f, want >= %.2f", f.FlagCaseRate(), TargetTunedFlagCase))
	}
	if f := ownT["own"]; f != nil && ratio(f.FlagsFound, f.Flags) < TargetTunedFlags {
		fails = append(fails, fmt.Sprintf("tuning and holdout splits: labelled flags found %.3f, want >= %.2f", ratio(f.FlagsFound, f.Flags), TargetTunedFlags))
	}
	return fails
}
