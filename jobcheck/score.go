package jobcheck

import (
	"fmt"
	"slices"

	"github.com/koreandesk/hotline/jobcheck/internal/combo"
)

// score applies INDICATORS.md §2.7: the sum of the weights; a critical flag, or every flag of
// a critical combination, forces high; then high on enough high flags and score, or on a high
// score alone; medium on a moderate score or any high flag; low otherwise. Legitimacy signals
// lower the score but never cancel a critical flag; a [[scoring.combo]] may name signals
// (unless) with which it does not hold at all. Flags of a critical combination are marked
// Critical in place. In a text that warns in its own words (Checker.warns) no combination
// forces high (rules 2026.12.04-116): an awareness post names the lures it warns of. A
// medium combination (medium_combos) is at least medium whatever the signals (-141).
func (c *Checker) score(flags, signals []Flag, warns bool) (int, Level) {
	sc := &c.scoring
	score, highs, critical := 0, 0, false
	for _, f := range flags {
		score += f.Weight
		if f.Weight >= sc.HighWeight {
			highs++
		}
		critical = critical || f.Critical
	}
	for _, s := range signals {
		score += s.Weight
	}
	found := ids(flags)
	for _, cb := range sc.CriticalCombos {
		if warns {
			break
		}
		if idx := combo.Indexes(found, cb); idx != nil {
			critical = true
			for _, i := range idx {
				flags[i].Critical = true
			}
		}
	}
	for _, cd := range sc.Combo {
		if idx := combo.Def(found, cd.All, cd.Any, cd.Except); idx != nil && !combo.Any(ids(signals), cd.Unless) && !warns {
			critical = true
			for _, i := range idx {
				flags[i].Critical = true
			}
		}
	}
	switch {
	case critical, highs >= sc.HighPairCount && score >= sc.HighPairScore, score >= sc.HighScore:
		return score, LevelHigh
	case score >= sc.MediumScore, highs > 0, slices.ContainsFunc(sc.MediumCombos, func(m []string) bool { return combo.Indexes(found, m) != nil }):
		return score, LevelMedium
	}
	return score, LevelLow
}

// LevelOf scores the flags and signals with these ids at their rules' weights, as Check would
// if it found exactly them: for checking the labels of a corpus against the scoring.
func (c *Checker) LevelOf(flagIDs, signalIDs []string) (Level, error) {
	var flags, signals []Flag
	for _, id := range flagIDs {
		ri, ok := c.ruleIndex[id]
		if !ok || c.rules[ri].kind != kindFlag {
			return "", fmt.Errorf("unknown flag %q", id)
		}
		r := &c.rules[ri]
		flags = append(flags, Flag{ID: id, Weight: r.weight, Critical: r.critical})
	}
	for _, id := range signalIDs {
		ri, ok := c.ruleIndex[id]
		if !ok || c.rules[ri].kind != kindSignal {
			return "", fmt.Errorf("unknown signal %q", id)
		}
		signals = append(signals, Flag{ID: id, Weight: c.rules[ri].weight})
	}
	_, lvl := c.score(flags, signals, false)
	return lvl, nil
}

// ids returns the ids of fs, in order.
func ids(fs []Flag) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.ID
	}
	return out
}
