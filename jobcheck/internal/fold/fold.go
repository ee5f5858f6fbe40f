// Package fold holds the rune foldings behind the checker's normalised views: what NFKC leaves
// alone (zero-width characters, native digits, dashes, quotes), case, and which runes are word
// runes, and the spellings of one word that Khmer and Latin fold to one form in a view. Views
// builds the checker's views (with offsets back to the original) from these; Lower, Cased and
// Words return the same views of a short string without offsets.
package fold

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFKCRune appends to buf the NFKC form of the first rune of s, one rune at a time so that
// every output byte maps to exactly one input rune; compositions across runes are not needed
// for matching. Runes without a compatibility decomposition (Hangul, Khmer, ASCII) pass through.
func NFKCRune(s string, buf []byte) []byte {
	r, w := utf8.DecodeRuneInString(s)
	if r < 0x80 || Caseless(r) || norm.NFKC.PropertiesString(s[:w]).Decomposition() == nil {
		return append(buf, s[:w]...)
	}
	return norm.NFKC.AppendString(buf, s[:w])
}

// Map folds what NFKC leaves alone; -1 drops the rune.
func Map(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF, r == 0x00AD, r == 0x180E:
		return -1 // zero-width; Khmer uses U+200B between words, harmless to drop for matching
	case r >= 0x17E0 && r <= 0x17E9: // Khmer digits
		return '0' + r - 0x17E0
	case r >= 0x0E50 && r <= 0x0E59: // Thai digits
		return '0' + r - 0x0E50
	case r >= 0x0ED0 && r <= 0x0ED9: // Lao digits
		return '0' + r - 0x0ED0
	case r >= 0x1040 && r <= 0x1049: // Myanmar digits
		return '0' + r - 0x1040
	case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xFE58, r == 0xFE63:
		return '-'
	case r == 0x301C, r == 0x223C:
		return '~'
	case r == 0x2018, r == 0x2019, r == 0x201B:
		return '\''
	case r == 0x201C, r == 0x201D:
		return '"'
	case r == 0x318D, r == 0x119E, r == 0x11A1, r == 0x2027, r == 0x30FB, r == 0x2022:
		return 0xB7 // Hangul araea and bullets used as a middle dot
	}
	return r
}

// ToLower lower-cases r; Hangul and the Southeast Asian scripts pass through untouched.
func ToLower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if Caseless(r) {
		return r
	}
	return unicode.ToLower(r)
}

// Caseless reports whether r is a Hangul syllable or a Thai, Lao, Myanmar or Khmer letter,
// mark or sign: no case and no compatibility decomposition, the bulk of our texts.
func Caseless(r rune) bool {
	return 0xAC00 <= r && r <= 0xD7A3 || 0x0E00 <= r && r <= 0x0EFF && r != 0x0E33 && r != 0x0EB3 &&
		r != 0x0EDC && r != 0x0EDD || 0x1000 <= r && r <= 0x109F || 0x1780 <= r && r <= 0x17FF
}

// Kept reports whether r survives in the words and compact views: letters, marks (Khmer
// vowel signs and the coeng are marks), digits, and the money and percent signs.
func Kept(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '$' || r == '%' ||
			'A' <= r && r <= 'Z'
	}
	switch {
	case 0xAC00 <= r && r <= 0xD7A3, 0x1780 <= r && r <= 0x17D3: // Hangul; Khmer letters and marks
		return true
	case r == '₩', r == '៛', r == '฿', r == '€', r == '£', r == '¥':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// each calls f with every folded rune of s (NFKC, then Map; dropped runes left out).
func each(s string, f func(r rune)) {
	var one [utf8.UTFMax * 4]byte
	for i := 0; i < len(s); {
		seg := NFKCRune(s[i:], one[:0])
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		for len(seg) > 0 {
			r, w := utf8.DecodeRune(seg)
			seg = seg[w:]
			if r = Map(r); r >= 0 {
				f(r)
			}
		}
	}
}

// Cased returns s folded, case kept (the checker's cased view).
func Cased(s string) string {
	b := make([]byte, 0, len(s))
	each(s, func(r rune) { b = utf8.AppendRune(b, r) })
	return string(b)
}

// Lower returns s folded and lower-cased (the checker's lower view).
func Lower(s string) string {
	b := make([]byte, 0, len(s))
	each(s, func(r rune) { b = utf8.AppendRune(b, ToLower(r)) })
	return string(b)
}

// Words returns Lower(s) with every run of other runes than Kept ones folded to one space;
// no leading space (the checker's words view).
func Words(s string) string {
	b := make([]byte, 0, len(s))
	each(s, func(r rune) {
		lr := ToLower(r)
		switch {
		case Kept(lr):
			b = utf8.AppendRune(b, lr)
		case len(b) > 0 && b[len(b)-1] != ' ':
			b = append(b, ' ')
		}
	})
	return string(b)
}

// Khmer code points that Khmer rewrites.
const (
	khA     = 0x17A2 // អ, which with the vowel sign ោ is the informal spelling of ឱ/ឲ
	khDa    = 0x178A // ដ, which after a coeng is read as subscript ត
	khTa    = 0x178F // ត
	khYo    = 0x1799 // យ
	khRo    = 0x179A // រ
	khOo    = 0x17B1 // ឱ
	khOy    = 0x17B2 // ឲ
	khAa    = 0x17B6 // ា
	khU     = 0x17BB // ុ
	khOe    = 0x17C4 // ោ
	khNikah = 0x17C6 // ំ
	khCoeng = 0x17D2 // ្
	khFirst = 0x1780
	khLast  = 0x17FF
	khRune3 = 3    // every Khmer code point is three bytes in UTF-8 ...
	khLead  = 0xE1 // ... starting 0xE1 0x9E or 0xE1 0x9F
)

// firstKhmerFold returns the byte offset of the first rune that Khmer may rewrite (ឱ, អ
// before ោ, ឲ, a coeng before ដ or រ, a nikahit before ុ or ា), or -1: a plain scan of the
// UTF-8 bytes, so that a text with none is left untouched.
func firstKhmerFold(b []byte) int {
	for i := 0; i+2 < len(b); i++ {
		if b[i] != khLead {
			continue
		}
		r := 0x1000 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		var next rune = -1
		if i+5 < len(b) && b[i+3] == khLead {
			next = 0x1000 | rune(b[i+4]&0x3F)<<6 | rune(b[i+5]&0x3F)
		}
		switch {
		case r == khOo, r == khOy,
			r == khA && next == khOe,
			r == khCoeng && (next == khDa || next == khRo),
			r == khNikah && (next == khU || next == khAa):
			return i
		}
	}
	return -1
}

// Khmer rewrites, in place, in a view b whose byte k came from the original segment seg[k],
// the spellings of one Khmer word that look the same on screen or that people type
// interchangeably (issue 15: every rule catches each spelling at once):
// subscript ដ as subscript ត (ម្ដាយ = ម្តាយ, ផ្ដល់ = ផ្តល់); ឱ, អោ and the coeng of ឲ្យ as one
// ឲ (ឲ្យ = ឱ្យ = អោយ); the nikahit typed before ុ or ា (កំុ = កុំ); the coeng ro typed before
// another subscript (ស្រ្តី = ស្ត្រី). Phrases are normalised through the same function, so they
// fold the same way. It only drops or reorders runes, so b shrinks or keeps its length, and
// every byte keeps the segment of the original rune it came from (in ascending order, so an
// evidence span never ends early).
func Khmer(b []byte, seg []int32) ([]byte, []int32) {
	first := firstKhmerFold(b)
	if first < 0 {
		return b, seg // the common case: nothing to rewrite, no copy
	}
	at := func(i int) rune { // the Khmer rune at byte i, or -1
		if i+khRune3 > len(b) {
			return -1
		}
		r, w := utf8.DecodeRune(b[i:])
		if w != khRune3 || r < khFirst || r > khLast {
			return -1
		}
		return r
	}
	w := first // the bytes before the first rewrite stay where they are
	last := rune(-1)
	put := func(r rune, s int32) {
		utf8.EncodeRune(b[w:], r)
		seg[w], seg[w+1], seg[w+2] = s, s, s
		w += khRune3
		last = r
	}
	for i := first; i < len(b); {
		r := at(i)
		if r < 0 {
			_, n := utf8.DecodeRune(b[i:])
			copy(b[w:], b[i:i+n])
			copy(seg[w:], seg[i:i+n])
			w, i, last = w+n, i+n, -1
			continue
		}
		s0 := seg[i]
		next := at(i + khRune3)
		switch {
		case r == khA && next == khOe:
			put(khOy, s0) // អោ (two runes) becomes ឲ (one)
			i += 2 * khRune3
		case r == khOo:
			put(khOy, s0)
			i += khRune3
		case r == khCoeng && next == khYo && last == khOy:
			i += khRune3 // ឲ្យ: the coeng is dropped, យ follows
		case r == khCoeng && next == khRo && at(i+2*khRune3) == khCoeng && at(i+3*khRune3) >= 0:
			sub := at(i + 3*khRune3)
			if sub == khDa {
				sub = khTa
			}
			s1, s2, s3 := seg[i+khRune3], seg[i+2*khRune3], seg[i+3*khRune3]
			put(khCoeng, s0)
			put(sub, s1)
			put(khCoeng, s2)
			put(khRo, s3)
			i += 4 * khRune3
		case r == khCoeng && next == khDa:
			s1 := seg[i+khRune3]
			put(khCoeng, s0)
			put(khTa, s1)
			i += 2 * khRune3
		case r == khNikah && (next == khU || next == khAa):
			s1 := seg[i+khRune3]
			put(next, s0)
			put(khNikah, s1)
			i += 2 * khRune3
		default:
			put(r, s0)
			i += khRune3
		}
	}
	return b[:w], seg[:w]
}

// Latin undoes, in place, two ways of writing a Latin word past a filter (issue 15): a digit
// or "$" standing for a letter inside a word (passp0rt, c4sino, ca$h: 0 o, 3 e, 4 a, 5 s, 7 t,
// $ s, only between two letters, so amounts, "e9" and "b2b" stay), and a word spelled out in
// single letters (t e l e g r a m, p.a.s.s.p.o.r.t, at least six in a row, so "i m a u s"
// from "I'm a U.S." stays). Like Khmer it only rewrites or drops bytes.
func Latin(b []byte, seg []int32) ([]byte, []int32) {
	lower := func(i int) bool { return i >= 0 && i < len(b) && 'a' <= b[i] && b[i] <= 'z' }
	for i := 1; i+1 < len(b); i++ {
		if !lower(i-1) || !lower(i+1) {
			continue
		}
		switch b[i] {
		case '0':
			b[i] = 'o'
		case '3':
			b[i] = 'e'
		case '4':
			b[i] = 'a'
		case '5', '$':
			b[i] = 's'
		case '7':
			b[i] = 't'
		}
	}
	// single reports whether b[i] is a one-letter Latin word.
	alnum := func(i int) bool { return i >= 0 && i < len(b) && asciiAlnum(b[i]) }
	single := func(i int) bool { return lower(i) && !alnum(i-1) && !alnum(i+1) }
	first := -1 // the first run of six single letters; none: nothing to join, no copy
	for i := 0; i < len(b) && first < 0; i++ {
		n := 0
		for single(i+2*n) && (n == 0 || b[i+2*n-1] == ' ') {
			n++
		}
		if n >= 6 {
			first = i
		}
	}
	if first < 0 {
		return b, seg
	}
	w := first
	for i := first; i < len(b); {
		if single(i) {
			n := 1 // letters in the run: i, i+2, i+4 ... separated by one space
			for single(i+2*n) && b[i+2*n-1] == ' ' {
				n++
			}
			if n >= 6 {
				for k := 0; k < n; k++ {
					b[w], seg[w] = b[i+2*k], seg[i+2*k]
					w++
				}
				i += 2*n - 1
				continue
			}
		}
		b[w], seg[w] = b[i], seg[i]
		w++
		i++
	}
	return b[:w], seg[:w]
}

// asciiAlnum reports whether b is an ASCII letter or digit.
func asciiAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || 'A' <= b && b <= 'Z'
}
