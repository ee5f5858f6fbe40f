package jobcheck

import (
	"cmp"
	"slices"
	"strings"

	"github.com/koreandesk/hotline/jobcheck/internal/aho"
	"github.com/koreandesk/hotline/jobcheck/internal/cut"
	"github.com/koreandesk/hotline/jobcheck/internal/span"
)

// hit is one slot of one pattern filled at view bytes [start, end).
type hit struct {
	pat        int32
	slot       int16
	start, end int32
}

// match is one pattern found, as a range of the original text.
type match struct {
	rule       int32
	weight     int32
	weak       bool  // the phrase has an alone weight ...
	alone      int32 // ... this one, used when no other indicator is found
	start, end int
	inner      int // where the first part ends; a negation after it, inside the phrase,
	// cancels it too ("we never keep your passport", "ក្រុមហ៊ុនមិនរក្សាទុក...") ...
	own [maxOwn][2]int // ... unless it is one of the phrase's own words: the later parts'
	// spans ("Korea + without waiting"), zero when unused
}

// maxOwn is how many later parts of a phrase a match remembers; maxSlots is how many parts a
// phrase may have (compile checks it).
const (
	maxOwn   = 4
	maxSlots = 8
)

// matchAll runs every pattern of the ruleset over t.
// The matches are kept in t's scratch buffers: they are valid until t.release.
func (c *Checker) matchAll(t *text) []match {
	ms := &t.buf.m
	out := ms.out[:0]
	for v := viewKind(0); v < numViews; v++ {
		vw := t.viewOf(v)
		out = c.matchView(t, vw, &c.matchers[v], out)
	}
	ms.out = out
	return out
}

// matchScratch holds matchView's buffers between checks (in the text's scratch), so that a
// check neither allocates nor grows them anew.
type matchScratch struct {
	occ           []aho.Occurrence
	hits, grouped []hit
	sorted        []hit // sortHits' copy
	reached       []int16
	count         []int32
	nums          [][2]int32
	out           []match
}

// resized returns b with length n, all zero, reusing its array when large enough.
func resized[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func (t *text) viewOf(v viewKind) *view {
	if v == viewWords {
		return &t.words
	}
	return &t.compact
}

func (c *Checker) matchView(t *text, vw *view, m *matcher, out []match) []match {
	ms := &t.buf.m
	occ := m.ac.Find(vw.s, ms.occ[:0])
	ms.occ = occ
	var nums [][2]int32
	if len(m.numRefs) > 0 {
		nums = span.NumberRuns(vw.s, ms.nums[:0])
		ms.nums = nums
	}
	// A part of a phrase counts only once the part before it has been seen: AC reports
	// occurrences by their end, so this keeps the hits few without losing a match.
	reached := resized(ms.reached, len(c.patterns))
	ms.reached = reached
	hits := ms.hits[:0]
	add := func(r slotRef, start, end int32) {
		if r.slot > reached[r.pat] {
			return
		}
		hits = append(hits, hit{r.pat, r.slot, start, end})
		if r.slot+1 > reached[r.pat] {
			reached[r.pat] = r.slot + 1
		}
	}
	for _, o := range occ {
		for len(nums) > 0 && nums[0][1] <= o.End {
			for _, r := range m.numRefs {
				add(r, nums[0][0], nums[0][1])
			}
			nums = nums[1:]
		}
		meta := m.meta[o.Lit]
		if !bounded(vw.s, o, meta) {
			continue
		}
		end := o.End
		if meta.stem && vw == &t.words { // "permit*" ends where "permits" ends
			for int(end) < len(vw.s) && isASCIIAlnum(vw.s[end]) {
				end++
			}
		}
		for _, r := range m.refs[o.Lit] {
			add(r, o.Start, end)
		}
	}
	for _, n := range nums {
		for _, r := range m.numRefs {
			add(r, n[0], n[1])
		}
	}
	ms.hits = hits
	// Group the hits by pattern (counting sort), each group by slot then start.
	count := resized(ms.count, len(c.patterns)+1)
	ms.count = count
	for _, h := range hits {
		count[h.pat+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	grouped := resized(ms.grouped, len(hits))
	ms.grouped = grouped
	for _, h := range hits {
		grouped[count[h.pat]] = h
		count[h.pat]++
	}
	for i := 0; i < len(grouped); {
		j := i
		for j < len(grouped) && grouped[j].pat == grouped[i].pat {
			j++
		}
		g := grouped[i:j]
		ms.sorted = sortHits(g, ms.sorted)
		out = c.chain(t, vw, g, out)
		i = j
	}
	for _, pi := range m.regexes {
		p := &c.patterns[pi]
		if !strings.Contains(vw.s, p.need) {
			continue // the expression cannot match: skip its slow scan of the whole view
		}
		for _, loc := range p.re.FindAllStringIndex(vw.s, -1) {
			if loc[1] > loc[0] {
				s, e := t.span(vw, loc[0], loc[1])
				out = append(out, match{rule: p.rule, weight: p.weight, weak: p.alone >= 0, alone: p.alone, start: s, end: e})
			}
		}
	}
	return out
}

// bounded checks the Latin word boundaries a literal asks for.
func bounded(s string, o aho.Occurrence, m litMeta) bool {
	if m.left && o.Start > 0 && isASCIIAlnum(s[o.Start-1]) {
		return false
	}
	if m.right && int(o.End) < len(s) && isASCIIAlnum(s[o.End]) {
		return false
	}
	return true
}

// chain finds, for the hits of one pattern sorted by slot then start, every way to fill the
// slots in order with the allowed gaps, keeping the earliest completion per first-slot hit.
func (c *Checker) chain(t *text, vw *view, hs []hit, out []match) []match {
	p := &c.patterns[hs[0].pat]
	// hs is sorted by slot: each slot's hits are a run of it.
	var runs [maxSlots][]hit
	bySlot := runs[:p.slots]
	for i := 0; i < len(hs); {
		j := i
		for j < len(hs) && hs[j].slot == hs[i].slot {
			j++
		}
		bySlot[hs[i].slot] = hs[i:j]
		i = j
	}
	for _, s := range bySlot {
		if len(s) == 0 {
			return out
		}
	}
	var last hit // the match so far: start of the first part, end of the last, end of the first
	last.end = -1
	var path, lastPath [maxOwn + 1]hit // the parts chosen
	for _, first := range bySlot[0] {
		end, ok := extend(vw.s, p, bySlot, 1, first.end, path[:])
		if !ok {
			continue
		}
		// Of several starts reaching the same end, keep the closest: "a a b" matches "a b".
		if end != last.end {
			out = c.emit(t, vw, p, last, &lastPath, out)
		}
		last, lastPath = hit{slot: int16(first.end - first.start), start: first.start, end: end}, path
	}
	return c.emit(t, vw, p, last, &lastPath, out)
}

// emit adds the match m (view bytes [m.start, m.end), the first part m.slot bytes long), unless
// the parts of a phrase lie in different sentences.
func (c *Checker) emit(t *text, vw *view, p *pattern, m hit, path *[maxOwn + 1]hit, out []match) []match {
	if m.end < 0 {
		return out
	}
	s, e := t.span(vw, int(m.start), int(m.end))
	if p.slots > 1 && cut.Crosses(t.bounds().sentence, s, e) {
		return out
	}
	nm := match{rule: p.rule, weight: p.weight, weak: p.alone >= 0, alone: p.alone, start: s, end: e}
	if p.slots > 1 {
		_, nm.inner = t.span(vw, int(m.start), int(m.start)+int(m.slot))
		for si := 1; si < p.slots && si <= maxOwn; si++ {
			if h := path[si]; h.end > h.start {
				nm.own[si-1][0], nm.own[si-1][1] = t.span(vw, int(h.start), int(h.end))
			}
		}
	}
	return append(out, nm)
}

// ownWord reports whether [start, end) lies inside one of m's later parts.
func (m *match) ownWord(start, end int) bool {
	for _, sp := range m.own {
		if sp[1] > sp[0] && start >= sp[0] && end <= sp[1] {
			return true
		}
	}
	return false
}

// extend fills slot si onwards after view byte end, trying every candidate (depth first), and
// records the parts chosen in path (as far as it reaches).
func extend(s string, p *pattern, bySlot [][]hit, si int, end int32, path []hit) (int32, bool) {
	if si == p.slots {
		return end, true
	}
	for _, h := range bySlot[si] {
		if h.start < end {
			continue
		}
		if !span.GapWithin(s, end, h.start, int(p.gaps[si-1])) {
			break
		}
		if e, ok := extend(s, p, bySlot, si+1, h.end, path); ok {
			if si < len(path) {
				path[si] = h
			}
			return e, true
		}
	}
	return 0, false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// sortHits sorts hs by slot, then start, exactly as slices.SortFunc did, without its calls:
// up to 12 hits it sorts by insertion as SortFunc does; more are sorted stably by slot
// (counting) and start (insertion: they come nearly in order), which is the one order when no
// two hits share slot and start with different ends, and otherwise SortFunc's order is taken.
func sortHits(hs, tmp []hit) []hit {
	if len(hs) <= 12 {
		insertHits(hs)
		return tmp
	}
	tmp = append(tmp[:0], hs...)
	var at [maxSlots + 1]int
	for _, h := range tmp {
		at[h.slot+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	for _, h := range tmp {
		hs[at[h.slot]] = h
		at[h.slot]++
	}
	insertHits(hs)
	for i := 1; i < len(hs); i++ {
		if a, b := hs[i-1], hs[i]; a.slot == b.slot && a.start == b.start && a.end != b.end {
			copy(hs, tmp)
			slices.SortFunc(hs, func(a, b hit) int {
				if a.slot != b.slot {
					return cmp.Compare(a.slot, b.slot)
				}
				return cmp.Compare(a.start, b.start)
			})
			break
		}
	}
	return tmp
}

// insertHits sorts hs by slot, then start, by insertion (stable).
func insertHits(hs []hit) {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && (hs[j].slot < hs[j-1].slot || hs[j].slot == hs[j-1].slot && hs[j].start < hs[j-1].start); j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}
