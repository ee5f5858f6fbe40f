// Command learneval measures whether a learned layer over the rules generalises across
// corpus writers (make jobcheck-learn-eval). It trains logistic regressions over the
// normalised character 3- to 5-grams of the ads (the checker's words view, Khmer folds
// included) on every split but one and scores the held-out split with the rules alone and
// with the rules plus the model, once per split (leave one split out). Nothing here is
// used by the checker: it is the evidence for or against shipping a model
// (testdata/corpus/README.md, "A learned layer"). Blind splits are left out altogether.
//
// Two layers can be measured:
//
//   - flags (default): one detector per non-critical labelled flag; a detected flag the
//     rules did not find is added (only when the rules found a flag) and the level is
//     scored over rule flags ∪ model flags by the ruleset's own scoring, never lowered;
//
//   - -level: one detector of "labelled high"; it only raises an ad the rules rate
//     medium to high, so it can never turn a low rating into high by itself.
//
//     go run ./jobcheck/cmd/learneval [-level] [-t 0.8] [-epochs 30] [-v]
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"

	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/jobcheck/jobeval"
)

// critical flags force high alone: a model must not add them (false highs).
var critical = []string{"explicit_scam_work", "passport_or_phone_surrender", "bank_account_or_crypto_handover"}

const levelHigh = "(level high)"

func main() {
	dir := flag.String("corpus", "jobcheck/testdata/corpus", "folder of labelled ads (*.toml)")
	level := flag.Bool("level", false, "one detector of high-risk ads that raises medium to high, instead of per-flag detectors")
	thr := flag.Float64("t", 0.8, "probability threshold of a detection")
	epochs := flag.Int("epochs", 30, "training epochs")
	verbose := flag.Bool("v", false, "list every ad whose level the model changed")
	flag.Parse()
	if err := run(*dir, *level, *thr, *epochs, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "learneval:", err)
		os.Exit(1)
	}
}

type tally struct{ high, hit, low, lowHigh, ads, exact int }

func (t *tally) add(want, got jobcheck.Level) {
	t.ads++
	if want == got {
		t.exact++
	}
	switch want {
	case jobcheck.LevelHigh:
		t.high++
		if got == want {
			t.hit++
		}
	case jobcheck.LevelLow:
		t.low++
		if got == jobcheck.LevelHigh {
			t.lowHigh++
		}
	}
}

func (t tally) String() string {
	return fmt.Sprintf("recall %3d/%-3d low→high %d/%-3d exact %4d/%-4d", t.hit, t.high, t.lowHigh, t.low, t.exact, t.ads)
}

func run(dir string, level bool, thr float64, epochs int, verbose bool) error {
	// A blind split is neither trained on nor measured: either would spoil it.
	c, ads, err := jobeval.Open(dir, true)
	if err != nil {
		return err
	}
	targets := detectorTargets(ads, level)
	fmt.Printf("rules %s, %s, threshold %.2f, %d epochs, leave one split out\n", c.Version(), mode(level), thr, epochs)
	fmt.Printf("%-14s %-4s  %-44s | %s\n", "held out", "lang", "rules alone", "rules + model")
	var rest [2]tally
	for _, split := range jobeval.Splits(outcomes(ads)) {
		var train, test []jobeval.Ad
		for _, ad := range ads {
			if ad.Split == split {
				test = append(test, ad)
			} else {
				train = append(train, ad)
			}
		}
		m := Train(texts(train), labels(train, targets, level), epochs)
		per := map[string]*[2]tally{}
		for _, ad := range test {
			res := c.Check(ad.Text)
			got := combine(c, m, res, ad.Text, level, thr)
			if per[ad.Lang] == nil {
				per[ad.Lang] = &[2]tally{}
			}
			per[ad.Lang][0].add(ad.Level, res.Level)
			per[ad.Lang][1].add(ad.Level, got.level)
			if verbose && got.level != res.Level {
				fmt.Printf("    %s labelled %s: rules %s, with model %s %v\n", ad.ID, ad.Level, res.Level, got.level, got.added)
			}
		}
		for _, l := range jobeval.Langs {
			if t := per[l]; t != nil {
				fmt.Printf("%-14s %-4s  %s | %s\n", split, l, t[0], t[1])
				if split != "holdout-15i" {
					for i := range rest {
						rest[i] = sum(rest[i], t[i])
					}
				}
			}
		}
	}
	fmt.Printf("%-14s %-4s  %s | %s\n", "all but 15i", "all", rest[0], rest[1])
	return nil
}

func mode(level bool) string {
	if level {
		return "one high-risk detector (medium → high only)"
	}
	return "per-flag detectors (non-critical flags)"
}

func sum(a, b tally) tally {
	return tally{a.high + b.high, a.hit + b.hit, a.low + b.low, a.lowHigh + b.lowHigh, a.ads + b.ads, a.exact + b.exact}
}

func outcomes(ads []jobeval.Ad) []jobeval.Outcome {
	out := make([]jobeval.Outcome, len(ads))
	for i, ad := range ads {
		out[i].Ad = ad
	}
	return out
}

// detectorTargets lists what the detectors learn: the non-critical flags, or one target.
func detectorTargets(ads []jobeval.Ad, level bool) []string {
	if level {
		return []string{levelHigh}
	}
	seen := map[string]bool{}
	var out []string
	for _, ad := range ads {
		for _, f := range ad.Flags {
			if !seen[f] && !slices.Contains(critical, f) {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out
}

func texts(ads []jobeval.Ad) []string {
	out := make([]string, len(ads))
	for i, ad := range ads {
		out[i] = ad.Text
	}
	return out
}

func labels(ads []jobeval.Ad, targets []string, level bool) map[string][]bool {
	out := map[string][]bool{}
	for _, t := range targets {
		y := make([]bool, len(ads))
		for i, ad := range ads {
			if level {
				y[i] = ad.Level == jobcheck.LevelHigh
			} else {
				y[i] = slices.Contains(ad.Flags, t)
			}
		}
		out[t] = y
	}
	return out
}

type combined struct {
	level jobcheck.Level
	added []string
}

// combine adds the model's detections to the rules' result; the level is never lowered.
func combine(c *jobcheck.Checker, m *Model, res jobcheck.Result, text string, level bool, thr float64) combined {
	out := combined{level: res.Level}
	if level {
		if res.Level == jobcheck.LevelMedium && m.Prob(levelHigh, text) >= thr {
			out.level, out.added = jobcheck.LevelHigh, []string{levelHigh}
		}
		return out
	}
	if len(res.Flags) == 0 {
		return out
	}
	var ids, sig []string
	for _, f := range res.Flags {
		ids = append(ids, f.ID)
	}
	for _, s := range res.Signals {
		sig = append(sig, s.ID)
	}
	for _, t := range m.Targets() {
		if !slices.Contains(ids, t) && m.Prob(t, text) >= thr {
			out.added = append(out.added, t)
		}
	}
	if len(out.added) == 0 {
		return out
	}
	lvl, err := c.LevelOf(append(ids, out.added...), sig)
	if err != nil {
		panic(err) // a labelled flag the ruleset lacks: TestCorpusLabels rules it out
	}
	if rank(lvl) > rank(out.level) {
		out.level = lvl
	}
	return out
}

func rank(l jobcheck.Level) int {
	switch l {
	case jobcheck.LevelHigh:
		return 2
	case jobcheck.LevelMedium:
		return 1
	}
	return 0
}
