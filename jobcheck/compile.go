package jobcheck

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/jobcheck/internal/aho"
	"github.com/koreandesk/hotline/jobcheck/internal/span"
)

type viewKind uint8

const (
	viewCompact viewKind = iota // ko, km, th phrases
	viewWords                   // en phrases
	numViews
)

type ruleKind uint8

const (
	kindFlag ruleKind = iota
	kindSignal
	kindTerm
	kindCue
)

// rule is one compiled flag, signal, term or cue.
type rule struct {
	id, message string
	kind        ruleKind
	weight      int
	critical    bool
	negatable   bool
	context     bool
	unlessIDs   []string
	unless      []int // rule indexes: the flag is dropped when one of them is found
	cue         cueDef
	cueUnless   []int // rule indexes: a whole-text cue cancels nothing when one of them is found
}

// pattern is one phrase of a rule: slots that must follow each other, each slot a set of
// alternative literals (or a number), with at most gaps[i] characters between slot i and i+1;
// or a regular expression on the view.
type pattern struct {
	rule   int32
	weight int32
	alone  int32 // the weight when no other indicator is found; -1: the same
	slots  int
	gaps   []int32
	re     *regexp.Regexp
	need   string // a literal every match of re contains (span.Needed): without it, no match
}

type slotRef struct {
	pat  int32
	slot int16
}

// litMeta says which edges of a literal must sit on a Latin word boundary.
// litMeta: the Latin word boundaries a literal asks for; stem marks a Latin stem ("exam*")
// whose hit runs on to the end of its word, so that "exam* ++ no" finds "exams no".
type litMeta struct{ left, right, stem bool }

// matcher finds the patterns of one view.
type matcher struct {
	ac      *aho.Automaton
	meta    []litMeta
	refs    [][]slotRef // literal id -> the slots it fills
	numRefs []slotRef   // slots filled by any number
	regexes []int32     // patterns that are regular expressions
}

type matcherBuilder struct {
	lits    []string
	ids     map[string]int32
	meta    []litMeta
	refs    [][]slotRef
	numRefs []slotRef
	regexes []int32
}

func compile(f *ruleFile) (*Checker, error) {
	c := &Checker{version: f.Version, scoring: *f.Scoring, pay: *f.Pay, ruleIndex: map[string]int{}}
	var b [numViews]matcherBuilder
	for v := range b {
		b[v].ids = map[string]int32{}
	}
	c.classes = classTable(f.Class)
	var errs []error
	add := func(kind ruleKind, d ruleDef) {
		r := rule{id: d.ID, kind: kind, weight: d.Weight, critical: d.Critical, negatable: d.Negatable,
			context: d.Context, unlessIDs: d.Unless}
		switch kind {
		case kindFlag:
			r.message = messageID("flag", d.ID, d.Message)
		case kindSignal:
			r.message = messageID("signal", d.ID, d.Message)
		}
		ri := int32(len(c.rules))
		c.rules = append(c.rules, r)
		c.ruleIndex[d.ID] = int(ri)
		groups := append([]groupDef{{Weight: d.Weight, phrases: d.phrases}}, d.Group...)
		for _, g := range groups {
			if g.Weight == 0 {
				g.Weight = d.Weight
			}
			alone := int32(-1)
			if g.Alone != nil {
				alone = int32(*g.Alone)
			}
			for _, l := range g.byLang(f.Gaps) {
				gap := l.gap
				if d.Gap > 0 {
					gap = d.Gap
				}
				for _, p := range l.list {
					if err := c.addPattern(&b[l.view], l, ri, int32(g.Weight), alone, gap, p); err != nil {
						errs = append(errs, fmt.Errorf("%s: %w", d.ID, err))
					}
				}
			}
		}
	}
	for _, d := range f.Flag {
		add(kindFlag, d)
	}
	for _, d := range f.Signal {
		add(kindSignal, d)
	}
	for _, d := range f.Term {
		add(kindTerm, d)
	}
	for _, cd := range f.Cue {
		add(kindCue, ruleDef{ID: cd.ID, phrases: cd.phrases})
		c.rules[len(c.rules)-1].cue = cd
	}
	c.classes = nil
	if len(errs) > 0 {
		return nil, fmt.Errorf("load rules: %w", errors.Join(errs...))
	}
	for i := range c.rules {
		for _, id := range c.rules[i].unlessIDs {
			c.rules[i].unless = append(c.rules[i].unless, c.ruleIndex[id])
		}
		for _, id := range c.rules[i].cue.Unless {
			c.rules[i].cueUnless = append(c.rules[i].cueUnless, c.ruleIndex[id])
		}
	}
	c.unlessOrder = unlessOrder(c.rules)
	for v := range b {
		c.matchers[v] = matcher{
			ac: aho.New(b[v].lits), meta: b[v].meta, refs: b[v].refs,
			numRefs: b[v].numRefs, regexes: b[v].regexes,
		}
	}
	return c, nil
}

type langList struct {
	lang string
	view viewKind
	gap  int
	list []string
}

// byLang lists the phrases per language with the view they are matched on and their gap.
func (p phrases) byLang(g *gapConf) []langList {
	return []langList{
		{"ko", viewCompact, g.Ko, p.Ko}, {"km", viewCompact, g.Km, p.Km}, {"th", viewCompact, g.Th, p.Th},
		{"en", viewWords, g.En, p.En},
	}
}

// classTable maps language and class id to the class's words in that language.
func classTable(defs []classDef) map[string]map[string][]string {
	t := map[string]map[string][]string{}
	for _, d := range defs {
		for _, l := range d.byLang(&gapConf{}) {
			if t[l.lang] == nil {
				t[l.lang] = map[string][]string{}
			}
			t[l.lang][d.ID] = append(t[l.lang][d.ID], l.list...)
		}
	}
	return t
}

// expand returns the alternatives of one slot with every {class} replaced by the class's
// words in lang (classes may name classes); {num} stays.
func (c *Checker) expand(lang, slot string, depth int) ([]string, error) {
	var out []string
	for _, alt := range strings.Split(slot, "|") {
		alt = strings.TrimSpace(alt)
		name, isClass := strings.CutPrefix(alt, "{")
		name, closed := strings.CutSuffix(name, "}")
		if !isClass || !closed || name == "num" {
			out = append(out, alt)
			continue
		}
		words, ok := c.classes[lang][name]
		if !ok || len(words) == 0 || depth > 3 {
			return nil, fmt.Errorf("class {%s} has no %s words (or nests too deep)", name, lang)
		}
		for _, w := range words {
			more, err := c.expand(lang, w, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, more...)
		}
	}
	return out, nil
}

func (c *Checker) addPattern(b *matcherBuilder, l langList, ri, weight, alone int32, gap int, src string) error {
	v := l.view
	pi := int32(len(c.patterns))
	if re, ok := strings.CutPrefix(src, "re:"); ok {
		x, err := regexp.Compile(re)
		if err != nil {
			return fmt.Errorf("pattern %q: %w", src, err)
		}
		c.patterns = append(c.patterns, pattern{rule: ri, weight: weight, alone: alone, slots: 1, re: x,
			need: span.Needed(x)})
		b.regexes = append(b.regexes, pi)
		return nil
	}
	slots, joins := splitSlots(src)
	if len(slots) > maxSlots {
		return fmt.Errorf("pattern %q: more than %d parts", src, maxSlots)
	}
	p := pattern{rule: ri, weight: weight, alone: alone, slots: len(slots)}
	for _, j := range joins {
		g := int32(gap)
		switch {
		case j == "++":
			g = 0
			if v == viewWords {
				g = 1 // the next word: one space between
			}
		case len(j) > 1: // "+8": at most 8 characters between
			n, err := strconv.Atoi(j[1:])
			if err != nil || n < 0 {
				return fmt.Errorf("pattern %q: join %q", src, j)
			}
			g = int32(n)
		}
		p.gaps = append(p.gaps, g)
	}
	for si, slot := range slots {
		ref := slotRef{pi, int16(si)}
		alts, err := c.expand(l.lang, slot, 0)
		if err != nil {
			return fmt.Errorf("pattern %q: %w", src, err)
		}
		for _, alt := range alts {
			if err := b.addLiteral(v, alt, ref); err != nil {
				return fmt.Errorf("pattern %q: %w", src, err)
			}
		}
	}
	c.patterns = append(c.patterns, p)
	return nil
}

// splitSlots splits "a|b + c ++ d +8 e" into slots and the joins between them.
func splitSlots(src string) (slots, joins []string) {
	var cur []string
	for _, tok := range strings.Fields(src) {
		if tok == "+" || tok == "++" || len(tok) > 1 && tok[0] == '+' && isDigit(tok[1]) {
			slots, joins, cur = append(slots, strings.Join(cur, " ")), append(joins, tok), nil
			continue
		}
		cur = append(cur, tok)
	}
	return append(slots, strings.Join(cur, " ")), joins
}

func (b *matcherBuilder) addLiteral(v viewKind, alt string, ref slotRef) error {
	if err := b.addOneLiteral(v, alt, ref); err != nil {
		return err
	}
	if v == viewWords {
		if chat, ok := chatSpelling(alt); ok {
			return b.addOneLiteral(v, chat, ref)
		}
	}
	return nil
}

// chatSpelling returns an English alternative as chat writes it, "you" as "u" and "your" as
// "ur" ("keep ur passport", "they pay u"), so that no phrase needs both (issue 15: friends'
// messages); ok is false when the alternative has neither word.
func chatSpelling(alt string) (string, bool) {
	words := strings.Fields(alt)
	changed := false
	for i, w := range words {
		switch strings.ToLower(w) {
		case "you":
			words[i], changed = "u", true
		case "your":
			words[i], changed = "ur", true
		}
	}
	return strings.Join(words, " "), changed
}

func (b *matcherBuilder) addOneLiteral(v viewKind, alt string, ref slotRef) error {
	if alt == "{num}" {
		b.numRefs = append(b.numRefs, ref)
		return nil
	}
	stemL, stemR := strings.HasPrefix(alt, "*"), strings.HasSuffix(alt, "*")
	alt = strings.Trim(alt, "*")
	if strings.Contains(alt, "*") {
		return fmt.Errorf("alternative %q: a stem '*' stands only at its start or end", alt)
	}
	lit := normalizeCompact(alt)
	if v == viewWords {
		lit = normalizeWords(alt)
	}
	if lit == "" {
		return fmt.Errorf("alternative %q is empty once normalised", alt)
	}
	m := litMeta{left: !stemL && isASCIIAlnum(lit[0]), right: !stemR && isASCIIAlnum(lit[len(lit)-1]),
		stem: stemR && isASCIIAlnum(lit[len(lit)-1])}
	key := fmt.Sprintf("%s\x00%v%v", lit, m.left, m.right)
	id, ok := b.ids[key]
	if !ok {
		id = int32(len(b.lits))
		b.ids[key] = id
		b.lits, b.meta, b.refs = append(b.lits, lit), append(b.meta, m), append(b.refs, nil)
	}
	if rs := b.refs[id]; len(rs) == 0 || rs[len(rs)-1] != ref { // a class may repeat a word
		b.refs[id] = append(rs, ref)
	}
	return nil
}

// unlessOrder lists the rules that have an unless list, each after the rules it names (a
// depth-first order; a cycle is broken at the rule met first), so that a finding that is
// itself explained away no longer explains others away: a "signed contract" given only on
// arrival (contract_before_departure dropped by no_contract_or_foreign_contract) does not
// excuse an early passport copy.
func unlessOrder(rules []rule) []int {
	state := make([]uint8, len(rules)) // 0 new, 1 in progress, 2 done
	var order []int
	var visit func(i int)
	visit = func(i int) {
		if state[i] != 0 {
			return
		}
		state[i] = 1
		for _, u := range rules[i].unless {
			visit(u)
		}
		state[i] = 2
		if len(rules[i].unless) > 0 {
			order = append(order, i)
		}
	}
	for i := range rules {
		visit(i)
	}
	return order
}
