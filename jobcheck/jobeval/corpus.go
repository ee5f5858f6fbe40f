// Package jobeval measures the job-offer checker on the labelled corpus in
// jobcheck/testdata/corpus: high-risk recall, low-risk ads rated high and exact level, per
// split, language and kind, with a confusion table. The command jobcheck/cmd/eval prints it
// (make jobcheck-eval); the package's tests hold the targets of issues 5 and 15.
package jobeval

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/koreandesk/hotline/jobcheck"
)

// Tuning is the split the rules were written on.
const Tuning = "tuning"

// Spent lists the held-out splits that have been looked at and learnt from: issue 5's, and
// issue 15's holdout-15a to -15i (15f became the development set of the concept rules; 15g,
// 15h and 15i were each scored blind once, then learnt from). Every other split of the corpus
// is blind: written before the rules it measures, never tuned on, only its aggregate figures
// shown unless a caller asks for its ads. A new split (holdout-15o) is therefore blind as soon
// as its files are added; once it has been learnt from, add it here (testdata/corpus/README.md).
var Spent = []string{"holdout", "holdout-15a", "holdout-15b", "holdout-15c", "holdout-15d", "holdout-15e", "holdout-15f", "holdout-15g", "holdout-15h", "holdout-15i", "holdout-15j", "holdout-15k", "holdout-15l", "holdout-15m", "holdout-15n", "holdout-15o", "holdout-15p", "holdout-15q", "holdout-15r", "holdout-15s", "holdout-15t", "holdout-15u", "holdout-15v", "holdout-15w", "holdout-15x", "holdout-15y", "holdout-15z", "holdout-15za", "holdout-15zb", "holdout-15zc", "holdout-15zd", "holdout-15ze"}

// IsBlind reports whether split is a blind held-out split: neither Tuning nor Spent.
func IsBlind(split string) bool { return split != Tuning && !slices.Contains(Spent, split) }

// BlindSplits returns the blind splits of outs, in name order.
func BlindSplits(outs []Outcome) []string {
	var out []string
	for _, s := range Splits(outs) {
		if IsBlind(s) {
			out = append(out, s)
		}
	}
	return out
}

// The kinds of message an ad is (issue 15).
const (
	KindFriend = "friend" // a chat message from someone the reader knows
	KindLetter = "letter" // a formal offer letter
	KindBroker = "broker" // a paid route to work abroad, or an official one
	KindPost   = "post"   // a job post, a channel message or a notice
)

// Kinds lists the kinds in report order.
var Kinds = []string{KindFriend, KindLetter, KindBroker, KindPost}

// Langs lists the languages in report order; an ad's language is the prefix of its id.
var Langs = []string{"ko", "km", "en"}

// Ad is one labelled ad: the level a careful reader gives it under INDICATORS.md §2.7 and
// the flags and signals that reader marks in it.
type Ad struct {
	ID      string
	Kind    string
	Level   jobcheck.Level
	Note    string
	Flags   []string
	Signals []string
	Text    string

	Split string `toml:"-"`
	Lang  string `toml:"-"`
}

type file struct {
	Split string
	Ad    []Ad
}

// Open loads the checker and the corpus of dir, without the blind splits when withoutBlind
// (a tool that tunes or trains on the corpus must neither read nor report them).
func Open(dir string, withoutBlind bool) (*jobcheck.Checker, []Ad, error) {
	c, err := jobcheck.Load()
	if err != nil {
		return nil, nil, err
	}
	ads, err := Load(dir)
	if err != nil {
		return nil, nil, err
	}
	if withoutBlind {
		ads = slices.DeleteFunc(ads, func(ad Ad) bool { return IsBlind(ad.Split) })
	}
	return c, ads, nil
}

// Load reads every *.toml file of dir. Ids are unique; the kind defaults to post; the
// language is the id's prefix (ko-, km-, en-).
func Load(dir string) ([]Ad, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load corpus: no *.toml in %s", dir)
	}
	sort.Strings(names)
	var ads []Ad
	seen := map[string]bool{}
	for _, name := range names {
		var f file
		md, err := toml.DecodeFile(name, &f)
		if err != nil {
			return nil, fmt.Errorf("load corpus %s: %w", name, err)
		}
		if un := md.Undecoded(); len(un) > 0 {
			return nil, fmt.Errorf("load corpus %s: unknown keys %v", name, un)
		}
		for _, ad := range f.Ad {
			if err := check(ad, seen); err != nil {
				return nil, fmt.Errorf("load corpus %s: %w", name, err)
			}
			seen[ad.ID] = true
			ad.Split, ad.Lang = f.Split, strings.SplitN(ad.ID, "-", 2)[0]
			if ad.Kind == "" {
				ad.Kind = KindPost
			}
			ads = append(ads, ad)
		}
	}
	return ads, nil
}

func check(ad Ad, seen map[string]bool) error {
	switch {
	case seen[ad.ID]:
		return fmt.Errorf("duplicate ad id %s", ad.ID)
	case ad.Level != jobcheck.LevelHigh && ad.Level != jobcheck.LevelMedium && ad.Level != jobcheck.LevelLow:
		return fmt.Errorf("ad %s: level %q", ad.ID, ad.Level)
	case ad.Kind != "" && !contains(Kinds, ad.Kind):
		return fmt.Errorf("ad %s: kind %q", ad.ID, ad.Kind)
	case !contains(Langs, strings.SplitN(ad.ID, "-", 2)[0]):
		return fmt.Errorf("ad %s: the id does not start with a language (ko-, km-, en-)", ad.ID)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
