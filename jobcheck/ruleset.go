package jobcheck

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed rules/*.toml
var embedded embed.FS

// ruleFile is the shape of every file under rules/; rules/README.md documents it. Only
// ruleset.toml carries version, scoring and pay; the other files carry rules.
type ruleFile struct {
	Version string   `toml:"version"`
	Scoring *scoring `toml:"scoring"`
	Pay     *payConf `toml:"pay"`
	Gaps    *gapConf `toml:"gaps"`
	Flag    []ruleDef
	Signal  []ruleDef
	Term    []ruleDef
	Cue     []cueDef
	Class   []classDef
}

// classDef is a word class (issue 15): the surface forms of one concept per language
// ("passport": 여권, ប៉ាសព័រ, passport*, pp ...). A phrase names it as {id} in place of an
// alternative, so one rule covers every form and every new form is added once.
type classDef struct {
	ID   string `toml:"id"`
	Note string `toml:"note"`
	phrases
}

// phrases are the patterns of one rule, per language. ko, km and th are matched on the
// compact view (no spaces, no punctuation); en on the words view (single spaces, Latin words
// matched whole unless a '*' marks a stem).
type phrases struct {
	Ko []string `toml:"ko"`
	Km []string `toml:"km"`
	En []string `toml:"en"`
	Th []string `toml:"th"`
}

type ruleDef struct {
	ID        string   `toml:"id"`
	Weight    int      `toml:"weight"`
	Critical  bool     `toml:"critical"`
	Negatable bool     `toml:"negatable"`
	Context   bool     `toml:"context"` // not "another indicator" for the alone weights
	Unless    []string `toml:"unless"`  // dropped when one of these rules is found
	Message   string   `toml:"message"`
	Gap       int      `toml:"gap"`
	Note      string   `toml:"note"`
	phrases
	Group []groupDef `toml:"group"`
}

type groupDef struct {
	Weight int    `toml:"weight"`
	Alone  *int   `toml:"alone"` // the weight when no other indicator is found; 0 drops the flag
	Note   string `toml:"note"`
	phrases
}

type cueDef struct {
	ID string `toml:"id"`
	// Applies: "negatable" flags only, all "flags", "none": a whole-text cue that cancels
	// nothing itself and only stands in for another cue's With (a post's "ads like ..."), or
	// "mute": a whole-text cue that cancels no flag but silences every cue it overlaps (a
	// reader's "is this a scam?").
	Applies string `toml:"applies"`
	// Position: "before" or "after" the flag's words, or "overlap": the flag's own words
	// (what happened to victims, "ត្រូវគេដកហូតទូរស័ព្ទ", "with passports taken").
	Position string `toml:"position"`
	// Scope: "clause" (commas split), "sentence", the whole "text", or "quote": the cue is a
	// report frame ('posts like "..."', '"..." 같은 글') and cancels the flags inside a quotation
	// in its sentence, within Window characters of it.
	Scope  string `toml:"scope"`
	Window int    `toml:"window"` // at most this many characters away
	// With lists cues of which one must also be found in the text (a whole-text cue only):
	// advice alone ("contact the police") is a sentence a recruiter can add to any ad.
	With []string `toml:"with"`
	// Unless lists rules (flags or terms) whose words, found anywhere in the text, keep the
	// cue from cancelling anything: a recruiter's "ours is different" after the news of a raid
	// is an offer, not a report; a recruiter's own "Warning: our role pays ..." is an offer.
	Unless []string `toml:"unless"`
	Note   string   `toml:"note"`
	phrases
}

type scoring struct {
	HighWeight     int        `toml:"high_weight"`
	HighScore      int        `toml:"high_score"`
	HighPairScore  int        `toml:"high_pair_score"`
	HighPairCount  int        `toml:"high_pair_count"`
	MediumScore    int        `toml:"medium_score"`
	CriticalCombos [][]string `toml:"critical_combos"`
	MediumCombos   [][]string `toml:"medium_combos"` // at least medium together, whatever the signals (-141)
	Combo          []comboDef `toml:"combo"`
}

// comboDef is a combination of flags that is critical together: every flag of All and at
// least one of Any ("*": any other flag but those in Except), unless one of the legitimacy
// signals of Unless is found too (a contract signed before departure, a work visa).
type comboDef struct {
	ID     string   `toml:"id"`
	All    []string `toml:"all"`
	Any    []string `toml:"any"`
	Except []string `toml:"except"`
	Unless []string `toml:"unless"`
	Note   string   `toml:"note"`
}

type payConf struct {
	USDRate         map[string]float64 `toml:"usd_rate"`
	DaysPerMonth    float64            `toml:"days_per_month"`
	WeeksPerMonth   float64            `toml:"weeks_per_month"`
	HoursPerMonth   float64            `toml:"hours_per_month"`
	LowSkillMinUSD  float64            `toml:"low_skill_min_usd"`
	LowSkillMinKRW  float64            `toml:"low_skill_min_krw"`
	VagueRoleMinUSD float64            `toml:"vague_role_min_usd"`
	VagueRoleMinKRW float64            `toml:"vague_role_min_krw"`
	VeryHighMinUSD  float64            `toml:"very_high_min_usd"`
}

// gapConf is the default gap per language: a Khmer syllable takes two to four runes, a
// Korean one a single rune.
type gapConf struct {
	Ko int `toml:"ko"`
	Km int `toml:"km"`
	Th int `toml:"th"`
	En int `toml:"en"`
}

// Load builds the Checker from the rules embedded in the binary.
func Load() (*Checker, error) {
	sub, err := fs.Sub(embedded, "rules")
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return LoadFS(sub)
}

// LoadFS builds a Checker from every *.toml file at the top of fsys, for a desk that keeps its
// own copy of the rules (os.DirFS). Unknown keys, duplicate ids and bad patterns are errors.
func LoadFS(fsys fs.FS) (*Checker, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	sort.Strings(names)
	var all ruleFile
	for _, name := range names {
		var f ruleFile
		md, err := toml.DecodeFS(fsys, name, &f)
		if err != nil {
			return nil, fmt.Errorf("load rules %s: %w", name, err)
		}
		if un := md.Undecoded(); len(un) > 0 {
			return nil, fmt.Errorf("load rules %s: unknown keys %v", name, un)
		}
		if err := merge(&all, &f, path.Base(name)); err != nil {
			return nil, err
		}
	}
	if err := validate(&all); err != nil {
		return nil, fmt.Errorf("load rules: %w", err)
	}
	return compile(&all)
}

func merge(all, f *ruleFile, name string) error {
	if f.Version != "" || f.Scoring != nil || f.Pay != nil || f.Gaps != nil {
		if all.Version != "" {
			return fmt.Errorf("load rules %s: version, scoring, pay and gaps belong in one file", name)
		}
		all.Version, all.Scoring, all.Pay, all.Gaps = f.Version, f.Scoring, f.Pay, f.Gaps
	}
	all.Flag = append(all.Flag, f.Flag...)
	all.Signal = append(all.Signal, f.Signal...)
	all.Term = append(all.Term, f.Term...)
	all.Cue = append(all.Cue, f.Cue...)
	all.Class = append(all.Class, f.Class...)
	return nil
}

// codeIDs are the rules the numeric and entity rules in code refer to.
var codeIDs = []string{
	idHighPay, idMessenger, idVagueRole, idCryptoPay, idMarketRate, termLowSkill, termPayWords, termNotPay,
	idVerifiable, idContrast, idDenial, termApplyCall, termOwnOffer, termOfficial, termToldStory, idFriend,
	termRequirements, termToldWord, termPurpose,
}

func validate(f *ruleFile) error {
	var errs []error
	if f.Version == "" || f.Scoring == nil || f.Pay == nil || f.Gaps == nil {
		errs = append(errs, errors.New("version, [scoring], [pay] and [gaps] are required"))
	}
	seen := map[string]bool{}
	check := func(kind string, d ruleDef) {
		switch {
		case d.ID == "":
			errs = append(errs, fmt.Errorf("a %s has no id", kind))
		case seen[d.ID]:
			errs = append(errs, fmt.Errorf("%s %q is defined twice", kind, d.ID))
		case kind == "flag" && d.Weight <= 0, kind == "signal" && d.Weight >= 0:
			errs = append(errs, fmt.Errorf("%s %q: weight %d has the wrong sign", kind, d.ID, d.Weight))
		}
		seen[d.ID] = true
	}
	for _, d := range f.Flag {
		check("flag", d)
	}
	for _, d := range f.Signal {
		check("signal", d)
	}
	for _, d := range f.Term {
		check("term", d)
	}
	for _, c := range f.Cue {
		if !validCue(c) {
			errs = append(errs, fmt.Errorf("cue %q: applies, position, scope or window invalid", c.ID))
		}
		for _, w := range c.With {
			if !c.wide() || !slices.ContainsFunc(f.Cue, func(o cueDef) bool { return o.ID == w && o.ID != c.ID }) {
				errs = append(errs, fmt.Errorf("cue %q: with %q is not another cue, or the cue is not a whole-text one", c.ID, w))
			}
		}
	}
	classes := map[string]bool{"num": true}
	for _, c := range f.Class {
		if c.ID == "" || classes[c.ID] {
			errs = append(errs, fmt.Errorf("class %q has no id or is defined twice", c.ID))
		}
		classes[c.ID] = true
	}
	for _, id := range codeIDs {
		if !seen[id] {
			errs = append(errs, fmt.Errorf("rule %q, used by the code, is missing", id))
		}
	}
	if f.Scoring != nil {
		signals := map[string]bool{}
		for _, d := range f.Signal {
			signals[d.ID] = true
		}
		errs = append(errs, validateCombos(f.Scoring, seen, signals)...)
	}
	for _, d := range f.Flag {
		for _, id := range d.Unless {
			if !seen[id] {
				errs = append(errs, fmt.Errorf("flag %q: unless names unknown rule %q", d.ID, id))
			}
		}
	}
	for _, cd := range f.Cue {
		for _, id := range cd.Unless {
			if !seen[id] {
				errs = append(errs, fmt.Errorf("cue %q: unless names unknown rule %q", cd.ID, id))
			}
		}
	}
	return errors.Join(errs...)
}

// whole reports whether the cue stands anywhere in the text.
func (c cueDef) whole() bool { return c.Scope == "text" && c.Position == "" && c.Window == 0 }

// wide reports whether the cue reads the whole text (a whole-text cue, or a quote's frame,
// which needs a warning elsewhere in it): only these take With and Unless.
func (c cueDef) wide() bool { return c.whole() || c.Scope == "quote" }

// validCue reports whether a cue's applies, position, scope and window fit together.
func validCue(c cueDef) bool {
	switch {
	case c.whole():
		return c.Applies == "negatable" || c.Applies == "flags" || c.Applies == "none" || c.Applies == "mute"
	case c.Scope == "quote":
		return c.Applies == "flags" && c.Position == "" && c.Window > 0
	case c.Applies != "negatable" && c.Applies != "flags", c.Scope != "clause" && c.Scope != "sentence":
		return false
	case c.Position == "overlap":
		return c.Window == 0
	}
	return (c.Position == "before" || c.Position == "after") && c.Window > 0
}

// messageID is the message id of a rule's one-line reason, unless the file names another.
func messageID(kind, id, explicit string) string {
	if explicit != "" {
		return explicit
	}
	return "jobcheck." + kind + "_" + strings.ReplaceAll(id, "-", "_")
}

func validateCombos(sc *scoring, seen, signals map[string]bool) []error {
	var errs []error
	for _, combo := range slices.Concat(sc.CriticalCombos, sc.MediumCombos) {
		for _, id := range combo {
			if !seen[id] {
				errs = append(errs, fmt.Errorf("critical combo names unknown flag %q", id))
			}
		}
	}
	for _, cd := range sc.Combo {
		if len(cd.All) == 0 {
			errs = append(errs, fmt.Errorf("combo %q: all is empty", cd.ID))
		}
		for _, list := range [][]string{cd.All, cd.Any, cd.Except} {
			for _, id := range list {
				if id != "*" && !seen[id] {
					errs = append(errs, fmt.Errorf("combo %q names unknown flag %q", cd.ID, id))
				}
			}
		}
		for _, id := range cd.Unless {
			if !signals[id] {
				errs = append(errs, fmt.Errorf("combo %q: unless names %q, not a signal", cd.ID, id))
			}
		}
	}
	return errs
}
