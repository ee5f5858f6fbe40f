// Package fold holds the rune foldings behind the checker's normalised views: what NFKC leaves
// alone (zero-width characters, native digits, dashes, quotes), case, and which runes are word
// runes. The checker builds its views (with offsets back to the original) from these; Lower,
// Cased and Words return the same views of a short string without offsets.
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
