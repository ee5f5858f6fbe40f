package jobeval

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/jobcheck"
)

// outcomes makes, for each language, hits of high-risk ads rated high out of 20, and 10
// low-risk ads rated low, all in split.
func outcomes(split string, hits int) []Outcome {
	var outs []Outcome
	for _, l := range Langs {
		for i := 0; i < 20; i++ {
			got := jobcheck.LevelMedium
			if i < hits {
				got = jobcheck.LevelHigh
			}
			outs = append(outs, Outcome{Ad{ID: l + "-x", Split: split, Lang: l, Level: jobcheck.LevelHigh}, jobcheck.Result{Level: got}})
		}
		for i := 0; i < 10; i++ {
			outs = append(outs, Outcome{Ad{ID: l + "-y", Split: split, Lang: l, Level: jobcheck.LevelLow}, jobcheck.Result{Level: jobcheck.LevelLow}})
		}
	}
	return outs
}

// TestBlindGate: a split that is neither Tuning nor Spent is blind and held to the issue-15
// targets; one that misses them passes only with a recorded floor, and fails below it.
func TestBlindGate(t *testing.T) {
	if IsBlind(Tuning) || IsBlind("holdout-15f") || !IsBlind("holdout-99z") {
		t.Fatal("IsBlind: tuning and the spent splits are not blind, a new split is")
	}
	if fails := BlindGate(outcomes("holdout-99z", 19)); len(fails) != 0 {
		t.Errorf("a blind split on target fails: %v", fails)
	}
	if fails := BlindGate(outcomes("holdout-99z", 12)); len(fails) != 6 || !strings.Contains(fails[0], "high recall 12/20") {
		t.Errorf("a blind split below target without a floor: %v, want recall and exact level failures in each language", fails)
	}
	BlindFloor["holdout-99z"] = map[string]Floor{"ko": {12, 22}, "km": {12, 22}, "en": {12, 22}}
	defer delete(BlindFloor, "holdout-99z")
	if fails := BlindGate(outcomes("holdout-99z", 12)); len(fails) != 0 {
		t.Errorf("a blind split at its floor fails: %v", fails)
	}
	if fails := BlindGate(outcomes("holdout-99z", 11)); len(fails) != 3 {
		t.Errorf("a blind split below its floor: %v, want three failures", fails)
	}
	if fails := BlindGate(outcomes("holdout-15f", 0)); len(fails) != 0 {
		t.Errorf("a spent split is gated as blind: %v", fails)
	}
}
