package jobcheck

import (
	"fmt"
	"slices"
)

// score applies INDICATORS.md §2.7: the sum of the weights; a critical flag, or every flag of
// a critical combination, forces high; then high on enough high flags and score, or on a high
// score alone; medium on a moderate score or any high flag; low otherwise. Legitimacy signals
// lower the score but never cancel a critical flag; a [[scoring.combo]] may name signals
// (unless) with which it does not hold at all. Flags of a critical combination are marked
// Critical in place. In a text that warns in its own words (Checker.warns) no combination
// forces high (rules 2026.12.04-116): an awareness post names the lures it warns of.
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
	for _, combo := range sc.CriticalCombos {
		if warns {
			break
		}
		if idx := comboIndexes(flags, combo); idx != nil {
			critical = true
			for _, i := range idx {
				flags[i].Critical = true
			}
		}
	}
	for _, cd := range sc.Combo {
		if idx := comboDefIndexes(flags, cd); idx != nil && !anyID(signals, cd.Unless) && !warns {
			critical = true
			for _, i := range idx {
				flags[i].Critical = true
			}
		}
	}
	switch {
	case critical, highs >= sc.HighPairCount && score >= sc.HighPairScore, score >= sc.HighScore:
		return score, LevelHigh
	case score >= sc.MediumScore, highs > 0:
		return score, LevelMedium
	}
	return score, LevelLow
}

// comboIndexes returns the indexes of the flags of combo, or nil when one is missing.
func comboIndexes(flags []Flag, combo []string) []int {
	var idx []int
	for _, id := range combo {
		found := false
		for i, f := range flags {
			if f.ID == id {
				idx, found = append(idx, i), true
				break
			}
		}
		if !found {
			return nil
		}
	}
	return idx
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

// comboDefIndexes returns the indexes of every flag of cd.All and of the first flag that
// satisfies cd.Any, or nil when the combination is not complete.
func comboDefIndexes(flags []Flag, cd comboDef) []int {
	idx := comboIndexes(flags, cd.All)
	if idx == nil || len(cd.Any) == 0 {
		return idx
	}
	for i, f := range flags {
		if slices.Contains(cd.All, f.ID) || slices.Contains(cd.Except, f.ID) {
			continue
		}
		if slices.Contains(cd.Any, "*") || slices.Contains(cd.Any, f.ID) {
			return append(idx, i)
		}
	}
	return nil
}

// anyID reports whether one of fs has one of ids.
func anyID(fs []Flag, ids []string) bool {
	return slices.ContainsFunc(fs, func(f Flag) bool { return slices.Contains(ids, f.ID) })
}
