// Package aho is an Aho-Corasick Automaton over bytes: one pass over a text finds every
// occurrence of every literal, whatever their number.
package aho

// Automaton is an Aho-Corasick Automaton over bytes: one pass over a view finds every
// occurrence of every literal of the ruleset, whatever their number.
type Automaton struct {
	root  [256]int32 // transitions of the root, dense
	edges [][]edge   // transitions of the other states, sparse
	fail  []int32
	out   [][]int32 // literal ids ending in this state, including those of its fail chain
	lens  []int32   // byte length of each literal
	dense []int32   // index into tables for states with many edges (UTF-8 lead bytes), or -1
	table [][256]int32
}

type edge struct {
	b    byte
	next int32
}

// Occurrence is literal Lit found at bytes [Start, End).
type Occurrence struct {
	Lit        int32
	Start, End int32
}

// New builds the automaton of lits; a literal's id is its index in lits.
func New(lits []string) *Automaton {
	a := &Automaton{edges: [][]edge{nil}, fail: []int32{0}, out: [][]int32{nil}}
	for i := range a.root {
		a.root[i] = -1
	}
	for id, lit := range lits {
		a.lens = append(a.lens, int32(len(lit)))
		st := int32(0)
		for i := 0; i < len(lit); i++ {
			next := a.next(st, lit[i])
			if next < 0 {
				next = int32(len(a.edges))
				a.edges, a.fail, a.out = append(a.edges, nil), append(a.fail, 0), append(a.out, nil)
				if st == 0 {
					a.root[lit[i]] = next
				} else {
					a.edges[st] = append(a.edges[st], edge{lit[i], next})
				}
			}
			st = next
		}
		a.out[st] = append(a.out[st], int32(id))
	}
	a.link()
	a.densify()
	return a
}

// densify gives the states with many edges a full table: Hangul and Khmer literals share a
// few lead bytes, after which up to 64 continuation bytes branch.
func (a *Automaton) densify() {
	a.dense = make([]int32, len(a.edges))
	for st, es := range a.edges {
		a.dense[st] = -1
		if len(es) < 8 {
			continue
		}
		var t [256]int32
		for i := range t {
			t[i] = -1
		}
		for _, e := range es {
			t[e.b] = e.next
		}
		a.dense[st] = int32(len(a.table))
		a.table = append(a.table, t)
	}
}

// next follows the goto function only (no failure links); -1 when there is no edge.
func (a *Automaton) next(st int32, b byte) int32 {
	if st == 0 {
		return a.root[b]
	}
	if a.dense != nil && a.dense[st] >= 0 {
		return a.table[a.dense[st]][b]
	}
	for _, e := range a.edges[st] {
		if e.b == b {
			return e.next
		}
	}
	return -1
}

// link computes failure links breadth-first and merges outputs along them.
func (a *Automaton) link() {
	var queue []int32
	for b := range a.root {
		if s := a.root[b]; s > 0 {
			a.fail[s] = 0
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		for _, e := range a.edges[st] {
			f := a.fail[st]
			for f != 0 && a.next(f, e.b) < 0 {
				f = a.fail[f]
			}
			if n := a.next(f, e.b); n >= 0 && n != e.next {
				a.fail[e.next] = n
			}
			a.out[e.next] = append(a.out[e.next], a.out[a.fail[e.next]]...)
			queue = append(queue, e.next)
		}
	}
}

// Find appends every occurrence of every literal in s to occ.
func (a *Automaton) Find(s string, occ []Occurrence) []Occurrence {
	st := int32(0)
	for i := 0; i < len(s); i++ {
		b := s[i]
		for {
			if n := a.next(st, b); n >= 0 {
				st = n
				break
			}
			if st == 0 {
				break
			}
			st = a.fail[st]
		}
		for _, id := range a.out[st] {
			end := int32(i + 1)
			occ = append(occ, Occurrence{id, end - a.lens[id], end})
		}
	}
	return occ
}
