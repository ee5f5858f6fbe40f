package jobcheck

import (
	"slices"
	"sort"
	"sync"

	"github.com/koreandesk/hotline/jobcheck/internal/cut"
	"github.com/koreandesk/hotline/jobcheck/internal/quote"
	"github.com/koreandesk/hotline/jobcheck/internal/span"
)

// Checker checks texts against one compiled ruleset. It is immutable and safe for concurrent
// use; build it once with Load or LoadFS.
type Checker struct {
	version   string
	scoring   scoring
	pay       payConf
	rules     []rule
	ruleIndex map[string]int
	classes   map[string]map[string][]string // word classes per language, while compiling
	patterns  []pattern
	matchers  [numViews]matcher
	// unlessOrder: the rules with an unless list, each after the rules it names.
	unlessOrder []int
}

// Version is the ruleset version stored on every Result.
func (c *Checker) Version() string { return c.version }

// Rule is the public description of one flag or signal of the ruleset.
type Rule struct {
	ID       string
	Message  string
	Weight   int
	Critical bool
	Signal   bool // a legitimacy signal (negative weight)
}

// Rules lists the flags and signals of the ruleset, for documentation and locale tests.
func (c *Checker) Rules() []Rule {
	var out []Rule
	for _, r := range c.rules {
		if r.kind == kindFlag || r.kind == kindSignal {
			out = append(out, Rule{r.id, r.message, r.weight, r.critical, r.kind == kindSignal})
		}
	}
	return out
}

var defaultChecker = sync.OnceValues(Load)

// Check checks s with the embedded ruleset. It panics if the embedded rules do not load, which
// the package's tests rule out.
func Check(s string) Result {
	c, err := defaultChecker()
	if err != nil {
		panic(err)
	}
	return c.Check(s)
}

// found is what one check found, per rule.
type found struct {
	best []match // best[rule]: the evidence kept for the rule; end == 0 when not found
	all  []match
}

func (f *found) has(r int) bool { return r >= 0 && f.best[r].end > 0 }

// Check checks one text. It is pure and deterministic.
func (c *Checker) Check(s string) Result { return c.check(s, nil) }

// check is Check; inspect, when not nil, sees the level the score gave before the told-only
// step and every match found (valid only during the call).
func (c *Checker) check(s string, inspect func(scored Level, all []match)) Result {
	t := newText(s)
	defer t.release()
	f := &found{best: make([]match, len(c.rules)), all: c.matchAll(t)}
	cues, asked := c.keep(t, f)
	ents, spans := extractEntities(t)
	warns := c.warns(t, f.all, cues, asked, spans)
	pays := c.parsePay(t)
	c.codeRules(t, f, pays, spans)
	c.applyUnless(f)
	c.applyAlone(f)
	res := Result{Entities: ents, Pay: pays, RulesetVersion: c.version}
	for ri, m := range f.best {
		r := &c.rules[ri]
		if m.end == 0 || r.kind != kindFlag && r.kind != kindSignal {
			continue
		}
		fl := Flag{ID: r.id, Message: r.message, Weight: int(m.weight), Critical: r.critical && !warns,
			Evidence: s[m.start:m.end], Start: m.start, End: m.end}
		if r.kind == kindFlag {
			res.Flags = append(res.Flags, fl)
		} else {
			res.Signals = append(res.Signals, fl)
		}
	}
	byStart := func(fs []Flag) func(i, j int) bool {
		return func(i, j int) bool {
			if fs[i].Start != fs[j].Start {
				return fs[i].Start < fs[j].Start
			}
			return fs[i].ID < fs[j].ID
		}
	}
	sort.Slice(res.Flags, byStart(res.Flags))
	sort.Slice(res.Signals, byStart(res.Signals))
	res.Score, res.Level = c.score(res.Flags, res.Signals, warns)
	if inspect != nil {
		inspect(res.Level, f.all)
	}
	// Lures told to warn, nothing to apply to: medium (-137), low with advice (-139) or a purpose to warn (-141);
	// a medium text that is told-only with advice is low too (-150: a notice telling of cases, 영사콜센터).
	if res.Level != LevelLow {
		if lv := c.toldOnly(t, f.all, spans, warns, asked); lv == LevelLow || res.Level == LevelHigh || c.purposed(f.all) {
			if res.Level = lv; lv != LevelHigh {
				for i := range res.Flags {
					res.Flags[i].Critical = false
				}
			}
		}
	}
	return res
}

// keep drops the matches that a negation or warning cue cancels and keeps, per rule, the
// heaviest match, earliest first.
func (c *Checker) keep(t *text, f *found) ([]match, bool) {
	cues, asked := c.liveCues(t, f.all)
	for _, m := range f.all {
		r := &c.rules[m.rule]
		if r.kind == kindCue {
			continue
		}
		if (r.kind == kindFlag || r.kind == kindTerm) && len(cues) > 0 {
			if c.cancelled(t, t.bounds(), r, m, cues, asked) {
				continue
			}
		}
		cur := f.best[m.rule]
		if cur.end == 0 || m.weight > cur.weight || m.weight == cur.weight && (cur.weak && !m.weak ||
			cur.weak == m.weak && m.start < cur.start) {
			f.best[m.rule] = m
		}
	}
	return cues, asked
}

// liveCues returns the cues of all that may cancel something, and whether the text asks
// whether an offer is a scam (a reader's question, or a cue a question mark follows).
func (c *Checker) liveCues(t *text, all []match) (cues []match, asked bool) {
	for _, m := range all {
		if c.advice(all, m) {
			continue // 'please check it with your embassy first' advises the reader; it asks nothing (-140)
		}
		if c.live(t, all, m) {
			cues = append(cues, m)
		} else if c.rules[m.rule].kind == kindCue && c.question(t, all, m) {
			asked = true
		}
	}
	return cues, asked && !quote.Answered(t.orig) // a question its writer answers is rhetorical (-112)
}

// lure reports whether cue cm is a negation word of a red flag's own phrase ("no visa
// needed", "មិនបាច់ធ្វើប៉ាសព័រ", "no TOPIK"): there it is the lure, not a negation, and it
// cancels nothing else ("... no visa needed, fee 3,000 baht"). A negation inside a phrase,
// after its first part and not one of its own words ("we never keep your passport"), stays a
// cue.
func (c *Checker) lure(all []match, cm match) bool {
	if c.rules[cm.rule].cue.Applies != "negatable" {
		return false
	}
	for i := range all {
		m := &all[i]
		if c.rules[m.rule].kind != kindFlag || cm.start < m.start || cm.end > m.end {
			continue
		}
		if m.inner > 0 && cm.start >= m.inner && !m.ownWord(cm.start, cm.end) {
			continue
		}
		return true
	}
	return false
}

// live reports whether m is a cue that may cancel something: not a flag's own word, not
// silenced by its unless list, not a reader's question nor asked in one.
func (c *Checker) live(t *text, all []match, m match) bool {
	return c.rules[m.rule].kind == kindCue && !c.lure(all, m) && !c.silenced(t, all, m) && !c.question(t, all, m)
}

// question reports whether cue cm is a reader's question, or asked in one: "is this a
// scam?", "이거 사기인가요", "តើនេះជាការបោកប្រាស់ទេ" (a "mute" cue found over it), or a cue
// a question mark follows ("사기예요?"). A person who asks whether an offer is a scam has not
// called it one: a question cancels no flag (rules 2026.12.04-97).
func (c *Checker) question(t *text, all []match, cm match) bool {
	if c.rules[cm.rule].cue.Applies == "mute" {
		return true // a question itself cancels nothing
	}
	if quote.Asked(t.orig, cm.end) {
		return true
	}
	for _, m := range all {
		if c.rules[m.rule].kind == kindCue && c.rules[m.rule].cue.Applies == "mute" && m.start < cm.end && cm.start < m.end &&
			!c.advice(all, m) {
			return true
		}
	}
	return false
}

// advice reports whether cm is a reader's-question cue ('please check it', 확인해 주세요) inside
// advice to the reader (awareness_advice: 'please check it with your embassy first'): the text
// tells the reader to ask a desk, it asks nothing itself (rules 2026.12.04-140, en-15x-29).
func (c *Checker) advice(all []match, cm match) bool {
	return c.rules[cm.rule].kind == kindCue && c.rules[cm.rule].cue.Applies == "mute" &&
		slices.ContainsFunc(all, func(m match) bool {
			return c.rules[m.rule].id == termAdvice && m.start < cm.end && cm.start < m.end
		})
}

// silenced reports whether whole-text cue cm is kept from cancelling anything by the words of
// a rule of its unless list, found anywhere in the text (before any cue: "other ads are
// scams, ours is different" is said by the recruiter, not quoted), unless someone else's.
func (c *Checker) silenced(t *text, all []match, cm match) bool {
	u := c.rules[cm.rule].cueUnless
	return len(u) > 0 && slices.ContainsFunc(all, func(m match) bool {
		return slices.Contains(u, int(m.rule)) && !c.reported(t, all, m)
	})
}

// reported reports whether m's words are someone else's (rules 2026.12.04-116): in a
// quotation that a frame reports ('"보안상 가장 안전한 나라" 같은 문구', 'ads saying "100% safe"'),
// or what was done to victims (an overlap cue over them: "not free to leave"). Such words keep
// no cue from cancelling: a news report that quotes a recruiter's denial still reports it.
func (c *Checker) reported(t *text, all []match, m match) bool {
	return slices.ContainsFunc(all, func(fm match) bool {
		cd := &c.rules[fm.rule].cue
		return c.rules[fm.rule].kind == kindCue && (cd.Position == "overlap" && fm.start < m.end && m.start < fm.end ||
			cd.Scope == "quote" && c.quotedLure(t, t.bounds(), cd, fm, m))
	})
}

// warns reports whether the text warns in its own words (rules 2026.12.04-116): a live cue
// that cancels the flags after it in its sentence (beware, 주의하세요, ប្រយ័ត្ន; a recruiter's
// own offer silences those; not "report to our office"), no reader's question, and no recruiter's contrast or denial of its
// own ("beware of fake agents, we are real"); a word in a handle or a link (@fake_agent) is
// no warning. There a critical flag no longer forces high on its own: an awareness post names
// 보이스피싱 as what victims were forced into.
func (c *Checker) warns(t *text, all, cues []match, asked bool, spans []entitySpan) bool {
	w := slices.ContainsFunc(cues, func(cm match) bool {
		cd := &c.rules[cm.rule].cue
		return cd.Applies == "flags" && (cd.Scope == "sentence" || cd.Scope == "clause") && cd.Position == "before" &&
			!slices.ContainsFunc(spans, func(sp entitySpan) bool { return sp.start < cm.end && cm.start < sp.end })
	})
	return w && !asked && !c.claims(t, all, false)
}

// claims reports whether the text sets a recruiter apart from scams or denies being one, in
// its own words ("we are real", "not a scam"; not reported, nor in quotation marks when told).
func (c *Checker) claims(t *text, all []match, told bool) bool {
	return slices.ContainsFunc(all, func(m match) bool {
		id := c.rules[m.rule].id
		return (id == idContrast || id == idDenial) && !c.reported(t, all, m) && !(told && quote.Within(t.orig, m.start, m.end))
	})
}

// withFound reports whether a cue that cd needs with it (cd.With) is among cues.
func (c *Checker) withFound(cd *cueDef, cues []match) bool {
	if len(cd.With) == 0 {
		return true
	}
	for _, cm := range cues {
		if slices.Contains(cd.With, c.rules[cm.rule].id) {
			return true
		}
	}
	return false
}

// cancelled reports whether a cue in reach of m cancels it. In a text that asks whether
// an offer is a scam (asked), no whole-text cue cancels anything: the reader pasted an ad and
// asks about it, and a verdict elsewhere in the text ("my mom says these ads are scams") is
// someone's opinion of ads in general, not a report that quotes them (rules 2026.12.04-105).
func (c *Checker) cancelled(t *text, b *bounds, r *rule, m match, cues []match, asked bool) bool {
	for _, cm := range cues {
		cd := &c.rules[cm.rule].cue
		if cd.Applies == "none" || cd.Applies == "negatable" && !r.negatable {
			continue
		}
		if cd.Scope == "text" {
			if !asked && c.withFound(cd, cues) {
				return true // an awareness post's advice: every lure in it is quoted
			}
			continue
		}
		if cd.Scope == "quote" {
			if c.quotedLure(t, b, cd, cm, m) && c.withFound(cd, cues) {
				return true
			}
			continue
		}
		if cd.Position == "overlap" {
			if cm.start < m.end && m.start < cm.end {
				return true // what happened to victims, told in the passive
			}
			continue
		}
		if cd.Applies == "flags" && cd.Position == "before" && quote.Listed(t.orig, cm.end, m.start, m.end) {
			return true // a list of quoted lures under a warning heading: warning signs (-136)
		}
		cuts := b.clause
		if cd.Scope == "sentence" {
			cuts = b.sentence
		}
		var from, to int
		if cd.Position == "before" {
			from, to = cm.end, m.start
		} else {
			from, to = m.end, cm.start
		}
		if cd.Applies == "negatable" && cd.Position == "before" && m.inner > 0 &&
			cm.start >= m.inner && cm.end <= m.end && !m.ownWord(cm.start, cm.end) {
			return true // inside the phrase, after its first part, not one of its own words
		}
		if from > to || cm.start < m.end && cm.end > m.start {
			continue
		}
		if !cut.Crosses(cuts, from, to) && runeCount(t.orig[from:to]) <= cd.Window {
			return true
		}
	}
	return false
}

// quotedLure reports whether flag match m lies in a quotation that frame cm reports: the
// frame stands in the quotation's sentence, within the cue's window ('we keep seeing posts
// like "…"', '"…" 같은 글이 돌고 있습니다', 'ដូចជា "…"').
func (c *Checker) quotedLure(t *text, b *bounds, cd *cueDef, cm, m match) bool {
	for _, q := range t.quoteSpans() {
		if q[1] <= m.start || m.end <= q[0] {
			continue
		}
		from, to, ok := span.Reach(cm.start, cm.end, q)
		if ok && !cut.Crosses(b.sentence, from, to) && runeCount(t.orig[from:to]) <= cd.Window {
			return true
		}
	}
	return false
}

// applyUnless drops the flags that a rule found elsewhere in the text explains away: a
// passport copy asked for once the contract is signed is part of a visa application.
func (c *Checker) applyUnless(f *found) {
	for _, ri := range c.unlessOrder {
		if !f.has(ri) {
			continue
		}
		for _, u := range c.rules[ri].unless {
			if f.has(u) {
				f.best[ri] = match{}
				break
			}
		}
	}
}

// applyAlone gives the phrases that are common in ordinary posts (a Cambodian town in a Khmer
// ad, "inbox", room and board) their alone weight when no other indicator is found: a flag
// that is neither context nor found by such a phrase alone, and weighs at least 2 (tune18: a
// weight-1 hint such as "Chinese a plus" or "bring your laptop" is on ordinary posts too).
func (c *Checker) applyAlone(f *found) {
	for ri, m := range f.best {
		r := &c.rules[ri]
		if m.end > 0 && r.kind == kindFlag && !r.context && !m.weak && m.weight >= 2 {
			return
		}
	}
	for ri, m := range f.best {
		if m.end == 0 || !m.weak || c.rules[ri].kind != kindFlag {
			continue
		}
		if m.alone == 0 {
			f.best[ri] = match{}
		} else {
			f.best[ri].weight = m.alone
		}
	}
}
