package jobeval

import (
	"bytes"
	"slices"
	"testing"

	"github.com/koreandesk/hotline/jobcheck"
)

func mustOutcomes(t *testing.T) (*jobcheck.Checker, []Outcome) {
	t.Helper()
	c, err := jobcheck.Load()
	if err != nil {
		t.Fatal(err)
	}
	ads, err := Load("../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	return c, Run(c, ads)
}

// TestCorpus prints the evaluation (go test -v) and fails when a blind split misses the
// issue-15 targets, or, for one with a recorded floor (BlindFloor), falls below it or rates a
// low-risk ad high; or when the tuned splits miss the targets of issue 5 (targets.go). Only the
// other splits' ads are listed; targets a floored blind split misses are logged.
func TestCorpus(t *testing.T) {
	c, outs := mustOutcomes(t)
	var b bytes.Buffer
	Write(&b, c.Version(), outs, Options{Misses: true, PerFlag: true})
	t.Log("\n" + b.String())
	for _, f := range BlindFailures(outs) {
		t.Log("issue-15 target not met:", f)
	}
	for _, f := range append(BlindGate(outs), TunedFailures(outs)...) {
		t.Error(f)
	}
}

// TestCorpusSize: issue 15 asks for at least 200 ads across the three languages and the
// kinds, and a held-out part in every language and kind.
func TestCorpusSize(t *testing.T) {
	_, outs := mustOutcomes(t)
	if len(outs) < 200 {
		t.Errorf("%d ads, want at least 200", len(outs))
	}
	blind := Filter(outs, func(o Outcome) bool { return IsBlind(o.Ad.Split) })
	if len(blind) == 0 {
		t.Log("no blind split in the corpus: every held-out split has been learnt from (jobeval.Spent); the next one is being written")
		return
	}
	for _, l := range Langs {
		for _, k := range []string{KindFriend, KindLetter, KindBroker} {
			n := len(Filter(blind, func(o Outcome) bool { return o.Ad.Lang == l && o.Ad.Kind == k }))
			if n < 3 {
				t.Errorf("held-out %s %s: %d ads, want at least 3", l, k, n)
			}
		}
	}
}

// TestCorpusLabels checks the labels against §2.7: the labelled flags and signals, weighted
// by the ruleset, give the labelled level. A label that fails this is a labelling mistake.
func TestCorpusLabels(t *testing.T) {
	c, outs := mustOutcomes(t)
	for _, o := range outs {
		ad := o.Ad
		lvl, err := c.LevelOf(ad.Flags, ad.Signals)
		if err != nil {
			t.Errorf("%s: %v", ad.ID, err)
			continue
		}
		// hotspot_location weighs 3 in MOFA level 3-4 areas, which the rule weight does not say.
		if lvl != ad.Level && !(ad.Level == jobcheck.LevelHigh && slices.Contains(ad.Flags, "hotspot_location")) {
			t.Errorf("%s: labels score %s, labelled %s", ad.ID, lvl, ad.Level)
		}
	}
}
