package jobeval

import (
	"fmt"
	"strings"

	"github.com/koreandesk/hotline/jobcheck"
)

// Outcome is one ad and what the checker made of it.
type Outcome struct {
	Ad     Ad
	Result jobcheck.Result
}

// Run checks every ad.
func Run(c *jobcheck.Checker, ads []Ad) []Outcome {
	out := make([]Outcome, len(ads))
	for i, ad := range ads {
		out[i] = Outcome{ad, c.Check(ad.Text)}
	}
	return out
}

// levels in table order.
var levels = []jobcheck.Level{jobcheck.LevelHigh, jobcheck.LevelMedium, jobcheck.LevelLow}

func levelIndex(l jobcheck.Level) int {
	for i, x := range levels {
		if x == l {
			return i
		}
	}
	return len(levels) - 1
}

// Tally holds the figures of a group of outcomes.
type Tally struct {
	Ads, High, HighHit, Low, LowHigh, LevelOK int
	Confusion                                 [3][3]int // [labelled][checker]: high, medium, low

	FlagCases, FlagCasesOK, Flags, FlagsFound, Signals, SignalsFound int
	PerFlag                                                          map[string][2]int // id -> found, expected
}

// Add counts one outcome.
func (t *Tally) Add(o Outcome) {
	want, got := o.Ad.Level, o.Result.Level
	t.Ads++
	t.Confusion[levelIndex(want)][levelIndex(got)]++
	if want == got {
		t.LevelOK++
	}
	switch want {
	case jobcheck.LevelHigh:
		t.High++
		if got == jobcheck.LevelHigh {
			t.HighHit++
		}
	case jobcheck.LevelLow:
		t.Low++
		if got == jobcheck.LevelHigh {
			t.LowHigh++
		}
	}
	missed := Missed(o)
	if t.PerFlag == nil {
		t.PerFlag = map[string][2]int{}
	}
	for _, id := range o.Ad.Flags {
		pf := t.PerFlag[id]
		pf[1]++
		if !contains(missed, id) {
			pf[0]++
			t.FlagsFound++
		}
		t.PerFlag[id] = pf
		t.Flags++
	}
	t.Signals += len(o.Ad.Signals)
	for _, id := range o.Ad.Signals {
		if !contains(missed, "signal:"+id) {
			t.SignalsFound++
		}
	}
	if len(o.Ad.Flags) > 0 {
		t.FlagCases++
		if !missesAFlag(missed) {
			t.FlagCasesOK++
		}
	}
}

// Missed lists the labelled flags the checker did not find, and the signals as "signal:id".
func Missed(o Outcome) []string {
	got := map[string]bool{}
	for _, f := range o.Result.Flags {
		got[f.ID] = true
	}
	for _, s := range o.Result.Signals {
		got["signal:"+s.ID] = true
	}
	var out []string
	for _, id := range o.Ad.Flags {
		if !got[id] {
			out = append(out, id)
		}
	}
	for _, id := range o.Ad.Signals {
		if !got["signal:"+id] {
			out = append(out, "signal:"+id)
		}
	}
	return out
}

func missesAFlag(missed []string) bool {
	for _, id := range missed {
		if !strings.HasPrefix(id, "signal:") {
			return true
		}
	}
	return false
}

// Recall is the share of high-risk ads rated high (1 when there are none).
func (t *Tally) Recall() float64 { return ratio(t.HighHit, t.High) }

// Exact is the share of ads rated at their labelled level.
func (t *Tally) Exact() float64 { return ratio(t.LevelOK, t.Ads) }

// FlagCaseRate is the share of ads with flags in which every labelled flag was found.
func (t *Tally) FlagCaseRate() float64 { return ratio(t.FlagCasesOK, t.FlagCases) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Group tallies the outcomes by key, in the order of first appearance of the keys.
func Group(outs []Outcome, key func(Outcome) string) ([]string, map[string]*Tally) {
	var keys []string
	m := map[string]*Tally{}
	for _, o := range outs {
		k := key(o)
		if m[k] == nil {
			m[k] = &Tally{}
			keys = append(keys, k)
		}
		m[k].Add(o)
	}
	return keys, m
}

// Filter keeps the outcomes for which keep is true.
func Filter(outs []Outcome, keep func(Outcome) bool) []Outcome {
	var out []Outcome
	for _, o := range outs {
		if keep(o) {
			out = append(out, o)
		}
	}
	return out
}

// Describe is one line about an outcome for a reader tuning the rules: the labelled and the
// checker's level, the missed flags, and the flags found with their evidence.
func Describe(o Outcome) string {
	var found []string
	for _, f := range o.Result.Flags {
		found = append(found, fmt.Sprintf("%s(%q)", f.ID, f.Evidence))
	}
	return fmt.Sprintf("%s [%s]: want %s got %s (score %d); missed %v; found %s", o.Ad.ID, o.Ad.Kind,
		o.Ad.Level, o.Result.Level, o.Result.Score, Missed(o), strings.Join(found, " "))
}
