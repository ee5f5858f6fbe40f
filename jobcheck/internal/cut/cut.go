// Package cut tells where a text's clauses and sentences end: the checker's cues do not reach
// across them.
package cut

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// At reports whether the rune r that starts at byte i of s (case kept) ends a sentence or a
// clause (a sentence end is a clause end too).
func At(s string, i int, r rune) (sentence, clause bool) {
	switch r {
	case '\n':
		sentence = !wrapped(s, i)
	case '!', '?', '។', '៕':
		sentence = true
	case '.':
		sentence = (i+1 >= len(s) || !isASCIIAlnum(s[i+1])) && !abbreviated(s[:i])
	case ',', ';', ':', '/', '|', '៖', '(', ')':
		clause = true
	case ' ':
		clause = isKhmerAt(s, i-1, true) && isKhmerAt(s, i+1, false)
	case '•', '●', '▪', '▶', '★', '☆', '◆', '■', '※':
		clause = true
	default:
		// An emoji between the items of a post ("✅ no English needed ✅ send your passport")
		// ends a clause: a negation in one item does not reach the next (tune18).
		clause = r >= 0x2600 && r <= 0x27BF || r >= 0x1F000 && r <= 0x1FAFF
	}
	return sentence, sentence || clause
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

// Crosses reports whether a cut lies in [from, to); cuts are sorted.
func Crosses(cuts []int, from, to int) bool {
	i := sort.SearchInts(cuts, from)
	return i < len(cuts) && cuts[i] < to
}

func isLetter(b byte) bool     { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
func isASCIIAlnum(b byte) bool { return '0' <= b && b <= '9' || isLetter(b) }
