package jobcheck

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// bounds are the original offsets where clauses and sentences end; cues do not reach across.
type bounds struct {
	clause, sentence []int
}

// bounds returns the clause and sentence ends of t, computing them once.
func (t *text) bounds() *bounds {
	if t.bnds == nil {
		t.bnds = newBounds(t)
	}
	return t.bnds
}

func newBounds(t *text) *bounds {
	b := &bounds{}
	v := &t.cased // case kept: wrapped looks at it
	for i := 0; i < len(v.s); {
		r, w := utf8.DecodeRuneInString(v.s[i:])
		sentence, clause := false, false
		switch r {
		case '\n':
			sentence = !wrapped(v.s, i)
		case '!', '?', '។', '៕':
			sentence = true
		case '.':
			sentence = (i+1 >= len(v.s) || !isASCIIAlnum(v.s[i+1])) && !abbreviated(v.s[:i])
		case ',', ';', ':', '/', '|', '៖', '(', ')':
			clause = true
		case ' ':
			clause = isKhmerAt(v.s, i-1, true) && isKhmerAt(v.s, i+1, false)
		case '•', '●', '▪', '▶', '★', '☆', '◆', '■', '※':
			clause = true
		default:
			// An emoji between the items of a post ("✅ no English needed ✅ send your passport")
			// ends a clause: a negation in one item does not reach the next (tune18).
			clause = r >= 0x2600 && r <= 0x27BF || r >= 0x1F000 && r <= 0x1FAFF
		}
		if sentence || clause {
			p, _ := t.span(v, i, i+w)
			b.clause = append(b.clause, p)
			if sentence {
				b.sentence = append(b.sentence, p)
			}
		}
		i += w
	}
	return b
}

// wrapped reports whether the newline at i only wraps a sentence: a lower-case Latin letter or
// a comma before it and a lower-case Latin letter after it.
func wrapped(s string, i int) bool {
	j := i - 1
	for j >= 0 && (s[j] == ' ' || s[j] == '\r') {
		j--
	}
	k := i + 1
	for k < len(s) && s[k] == ' ' {
		k++
	}
	return j >= 0 && k < len(s) && ('a' <= s[j] && s[j] <= 'z' || s[j] == ',') && 'a' <= s[k] && s[k] <= 'z'
}

// abbreviated reports whether s ends in an abbreviation whose period ends no sentence
// ("approx. 8 hours", "incl. visa"; rules 2026.12.04-122).
func abbreviated(s string) bool {
	for _, a := range []string{"approx", "Approx", "incl", "Incl", "e.g", "i.e", "ca", "est"} {
		if strings.HasSuffix(s, a) && (len(s) == len(a) || !isLetter(s[len(s)-len(a)-1])) {
			return true
		}
	}
	return false
}

// isKhmerAt reports whether the rune ending at i (back) or starting at i is Khmer: a space
// between Khmer words separates phrases, the way a comma does.
func isKhmerAt(s string, i int, back bool) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	var r rune
	if back {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return r >= 0x1780 && r <= 0x17FF
}

// crosses reports whether a cut lies in [from, to).
func crosses(cuts []int, from, to int) bool {
	i := sort.SearchInts(cuts, from)
	return i < len(cuts) && cuts[i] < to
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }
