package jobcheck

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// text holds the views of one input on which rules and extractors run. Every view keeps, for
// each of its bytes, the index of the normalisation segment of the original it came from, so a
// match in any view maps back to the exact words of the original (see span).
type text struct {
	orig string
	segs []int32 // segs[k] is the original byte offset of rune k; the last entry is len(orig)

	cased   view // NFKC, no zero-width characters, ASCII digits; case kept
	lower   view // cased, lower-cased
	words   view // lower, every run of spaces and punctuation folded to one space
	compact view // lower without spaces and punctuation, except one space between Latin words

	bnds *bounds  // clause and sentence ends, computed on first use
	buf  *scratch // the buffers behind the seg slices, back to the pool on release
}

// view is one normalised form of the text.
type view struct {
	s   string
	seg []int32 // seg[i]: the original rune (index into segs) view byte i came from
}

// span returns the original byte range [start, end) of view bytes [vs, ve).
func (t *text) span(v *view, vs, ve int) (int, int) {
	if ve <= vs {
		p := int(t.segs[v.seg[vs]])
		return p, p
	}
	return int(t.segs[v.seg[vs]]), int(t.segs[v.seg[ve-1]+1])
}

// newText normalises s: Unicode NFKC (full-width forms to ASCII), zero-width characters
// removed, Khmer, Thai, Lao and Myanmar digits to ASCII, dashes and quotes unified, then
// lower-cased, and the words and compact views derived.
func newText(s string) *text {
	t := &text{orig: s, buf: scratchPool.Get().(*scratch)}
	b := t.buf
	cased, lower, words, compact := b.bytes[0][:0], b.bytes[1][:0], b.bytes[2][:0], b.bytes[3][:0]
	t.segs = b.ints[4][:0]
	cs, ls, ws, ks := b.ints[0][:0], b.ints[1][:0], b.ints[2][:0], b.ints[3][:0]

	gapSeg := int32(-1) // segment of the first separator since the last kept rune
	var one [utf8.UTFMax * 4]byte
	for i := 0; i < len(s); {
		k := int32(len(t.segs))
		t.segs = append(t.segs, int32(i))
		seg := nfkcRune(s[i:], one[:0])
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		for len(seg) > 0 {
			r, w := utf8.DecodeRune(seg)
			seg = seg[w:]
			r = mapRune(r)
			if r < 0 {
				continue
			}
			cased = utf8.AppendRune(cased, r)
			cs = grow(cs, k, len(cased))
			lr := toLower(r)
			lower = utf8.AppendRune(lower, lr)
			ls = grow(ls, k, len(lower))
			if isKept(lr) {
				words = utf8.AppendRune(words, lr)
				ws = grow(ws, k, len(words))
				// Latin words stay apart in the compact view, so "telegram @id" keeps a boundary.
				if gapSeg >= 0 && lr < 0x80 && len(compact) > 0 && isASCIIAlnum(compact[len(compact)-1]) {
					compact = append(compact, ' ')
					ks = append(ks, gapSeg)
				}
				gapSeg = -1
				compact = utf8.AppendRune(compact, lr)
				ks = grow(ks, k, len(compact))
			} else {
				if gapSeg < 0 {
					gapSeg = k
				}
				if len(words) > 0 && words[len(words)-1] != ' ' {
					words = append(words, ' ')
					ws = append(ws, k)
				}
			}
		}
	}
	t.segs = append(t.segs, int32(len(s)))
	b.bytes = [4][]byte{cased, lower, words, compact}
	b.ints = [5][]int32{cs, ls, ws, ks, t.segs}
	t.cased = view{string(cased), cs}
	t.lower = view{string(lower), ls}
	t.words = view{string(words), ws}
	t.compact = view{string(compact), ks}
	return t
}

// nfkcRune returns the NFKC form of the first rune of s, one rune at a time so that every
// output byte maps to exactly one input rune; compositions across runes are not needed for
// matching. Runes without a compatibility decomposition (Hangul, Khmer, ASCII) pass through.
func nfkcRune(s string, buf []byte) []byte {
	r, w := utf8.DecodeRuneInString(s)
	if r < 0x80 || caseless(r) || norm.NFKC.PropertiesString(s[:w]).Decomposition() == nil {
		return append(buf, s[:w]...)
	}
	return norm.NFKC.AppendString(buf, s[:w])
}

// scratch holds the byte and index buffers of a text between checks: a 2,000-character text
// needs some 150 KB of them, and allocating them anew each time costs more than the check.
type scratch struct {
	bytes [4][]byte
	ints  [5][]int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release returns the buffers of t to the pool; t must not be used afterwards. The view
// strings are copies and stay valid.
func (t *text) release() {
	if t.buf != nil {
		scratchPool.Put(t.buf)
		t.buf = nil
	}
}

// grow appends segment k until seg covers n bytes.
func grow(seg []int32, k int32, n int) []int32 {
	for len(seg) < n {
		seg = append(seg, k)
	}
	return seg
}

// mapRune folds what NFKC leaves alone; -1 drops the rune.
func mapRune(r rune) rune {
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

func toLower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if caseless(r) {
		return r
	}
	return unicode.ToLower(r)
}

// caseless reports whether r is a Hangul syllable or a Thai, Lao, Myanmar or Khmer letter,
// mark or sign: no case and no compatibility decomposition, the bulk of our texts.
func caseless(r rune) bool {
	return 0xAC00 <= r && r <= 0xD7A3 || 0x0E00 <= r && r <= 0x0EFF && r != 0x0E33 && r != 0x0EB3 &&
		r != 0x0EDC && r != 0x0EDD || 0x1000 <= r && r <= 0x109F || 0x1780 <= r && r <= 0x17FF
}

// isKept reports whether r survives in the words and compact views: letters, marks (Khmer
// vowel signs and the coeng are marks), digits, and the money and percent signs.
func isKept(r rune) bool {
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

// normalizeWords normalises a phrase the way the words view is built.
func normalizeWords(s string) string { return trimSpace(wordsOf(s)) }

// normalizeCompact normalises a phrase the way the compact view is built.
func normalizeCompact(s string) string {
	t := newText(s)
	defer t.release()
	return t.compact.s
}

// lowerOf, casedOf and wordsOf return one view of s.
func lowerOf(s string) string {
	t := newText(s)
	defer t.release()
	return t.lower.s
}

func casedOf(s string) string {
	t := newText(s)
	defer t.release()
	return t.cased.s
}

func wordsOf(s string) string {
	t := newText(s)
	defer t.release()
	return t.words.s
}

func trimSpace(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

// isASCIIAlnum reports whether b is an ASCII letter or digit (word boundaries for Latin words).
func isASCIIAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || 'A' <= b && b <= 'Z'
}
