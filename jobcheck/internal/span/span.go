// Package span finds the byte windows of a text in which the checker's extractors run their
// regular expressions, the runs of digits that fill a rule's number slot, and whether two
// parts of a phrase lie close enough (GapWithin).
package span

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Regular expressions are slow on a whole 2,000-character text; the extractors run them only
// on windows around the literal each match must contain ("@", "t.me/", "(주)", ...).

// Window is a byte range [0] to [1] of a text.
type Window [2]int

// Around returns the windows of s around every occurrence of the anchors, widened by before
// and after bytes and then to whole words, merged where they overlap.
func Around(s string, anchors []string, before, after int) []Window {
	var ws []Window
	for _, a := range anchors {
		for off := 0; ; {
			i := strings.Index(s[off:], a)
			if i < 0 {
				break
			}
			i += off
			off = i + len(a)
			if isLetter(a[0]) && i > 0 && isLetter(s[i-1]) {
				continue // "acc" in "accommodation" is no anchor
			}
			ws = append(ws, widen(s, i-before, i+len(a)+after))
		}
	}
	return Merge(ws)
}

// widen clamps [from, to) to s, then moves both ends out to a space or a line end (at most 64
// bytes) on rune boundaries, so no word is cut.
func widen(s string, from, to int) Window {
	from, to = max(from, 0), min(to, len(s))
	for n := 0; from > 0 && n < 64 && s[from-1] != ' ' && s[from-1] != '\n'; n++ {
		from--
	}
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	for n := 0; to < len(s) && n < 64 && s[to] != ' ' && s[to] != '\n'; n++ {
		to++
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	return Window{from, to}
}

// Merge sorts ws and merges the windows that overlap.
func Merge(ws []Window) []Window {
	if len(ws) < 2 {
		return ws
	}
	for i := 1; i < len(ws); i++ { // insertion sort: few windows
		for j := i; j > 0 && ws[j][0] < ws[j-1][0]; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
	out := ws[:1]
	for _, w := range ws[1:] {
		if last := &out[len(out)-1]; w[0] <= last[1] {
			last[1] = max(last[1], w[1])
		} else {
			out = append(out, w)
		}
	}
	return out
}

// FindIn runs re on every window and returns its submatch indexes as offsets into s.
func FindIn(re *regexp.Regexp, s string, ws []Window) [][]int {
	var out [][]int
	for _, w := range ws {
		for _, m := range re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// DigitRuns returns the runs of digits and phone punctuation that hold at least 8 digits.
func DigitRuns(s string) []Window {
	var ws []Window
	for i := 0; i < len(s); {
		if !isPhoneByte(s[i]) {
			i++
			continue
		}
		j, digits := i, 0
		for j < len(s) && isPhoneByte(s[j]) {
			if isDigit(s[j]) {
				digits++
			}
			j++
		}
		if digits >= 8 {
			ws = append(ws, Window{i, j})
		}
		i = j
	}
	return ws
}

func isPhoneByte(b byte) bool {
	return isDigit(b) || b == '+' || b == '(' || b == ')' || b == ' ' || b == '.' || b == '-'
}

// DotWindows returns the words around each dot that sits between two letters or digits, the
// only dots a domain name has.
func DotWindows(s string) []Window {
	var ws []Window
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && isASCIIAlnum(s[i-1]) && isASCIIAlnum(s[i+1]) {
			ws = append(ws, widen(s, i, i+1))
		}
	}
	return Merge(ws)
}

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
func isASCIIAlnum(b byte) bool {
	return isDigit(b) || isLetter(b)
}

// Reach returns the text between a frame [fs, fe) and a window q (a quotation), and whether
// they are apart (a frame inside the quotation frames nothing).
func Reach(fs, fe int, q Window) (from, to int, ok bool) {
	switch {
	case fe <= q[0]:
		return fe, q[0], true
	case q[1] <= fs:
		return q[1], fs, true
	}
	return 0, 0, false
}

func gapRunes(s string, from, to int32) int {
	if to-from <= 0 {
		return 0
	}
	return utf8.RuneCountInString(s[from:to])
}

// GapWithin reports whether at most max runes lie between byte offsets from and to, counting
// them only when the byte distance alone cannot tell (a rune is 1 to 4 bytes).
func GapWithin(s string, from, to int32, max int) bool {
	d := int(to - from)
	switch {
	case d <= max:
		return true
	case d > utf8.UTFMax*max:
		return false
	}
	return gapRunes(s, from, to) <= max
}

// NumberRuns appends to out the [start, end) of every run of ASCII digits, with inner , or .
// groups.
func NumberRuns(s string, out [][2]int32) [][2]int32 {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && isDigit(s[j+1])) {
			j++
		}
		out = append(out, [2]int32{int32(i), int32(j)})
		i = j
	}
	return out
}

// Needed returns the longest literal that every match of re contains, or "" when it cannot
// tell: a text without it holds no match, so the expression need not run over it.
func Needed(re *regexp.Regexp) string {
	x, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return ""
	}
	return needed(x.Simplify())
}

func needed(x *syntax.Regexp) string {
	switch x.Op {
	case syntax.OpLiteral:
		if x.Flags&syntax.FoldCase == 0 {
			return string(x.Rune)
		}
	case syntax.OpCapture, syntax.OpPlus:
		return needed(x.Sub[0])
	case syntax.OpConcat:
		best := ""
		for _, sub := range x.Sub {
			if n := needed(sub); len(n) > len(best) {
				best = n
			}
		}
		return best
	}
	return ""
}
