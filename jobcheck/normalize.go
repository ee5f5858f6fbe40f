package jobcheck

import (
	"sync"
	"unicode/utf8"

	"github.com/koreandesk/hotline/jobcheck/internal/fold"
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
		seg := fold.NFKCRune(s[i:], one[:0])
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		for len(seg) > 0 {
			r, w := utf8.DecodeRune(seg)
			seg = seg[w:]
			r = fold.Map(r)
			if r < 0 {
				continue
			}
			cased = utf8.AppendRune(cased, r)
			cs = grow(cs, k, len(cased))
			lr := fold.ToLower(r)
			lower = utf8.AppendRune(lower, lr)
			ls = grow(ls, k, len(lower))
			if fold.Kept(lr) {
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
	compact, ks = foldKhmer(compact, ks)
	words, ws = foldLatin(words, ws)
	compact, ks = foldLatin(compact, ks)
	b.bytes = [4][]byte{cased, lower, words, compact}
	b.ints = [5][]int32{cs, ls, ws, ks, t.segs}
	t.cased = view{string(cased), cs}
	t.lower = view{string(lower), ls}
	t.words = view{string(words), ws}
	t.compact = view{string(compact), ks}
	return t
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

// normalizeWords normalises a phrase the way the words view is built.
func normalizeWords(s string) string { return trimSpace(fold.Words(s)) }

// normalizeCompact normalises a phrase the way the compact view is built.
func normalizeCompact(s string) string {
	t := newText(s)
	defer t.release()
	return t.compact.s
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

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// digitsIn counts the ASCII digits of s.
func digitsIn(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// Khmer code points that foldKhmer rewrites.
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

// foldKhmer rewrites, in place, the spellings of one Khmer word that look the same on screen
// or that people type interchangeably (issue 15: every rule catches each spelling at once):
// subscript ដ as subscript ត (ម្ដាយ = ម្តាយ, ផ្ដល់ = ផ្តល់); ឱ, អោ and the coeng of ឲ្យ as one
// ឲ (ឲ្យ = ឱ្យ = អោយ); the nikahit typed before ុ or ា (កំុ = កុំ); the coeng ro typed before
// another subscript (ស្រ្តី = ស្ត្រី). Phrases are normalised through the same function, so they
// fold the same way. It only drops or reorders runes, so b shrinks or keeps its length, and
// every byte keeps the segment of the original rune it came from (in ascending order, so an
// evidence span never ends early).
func foldKhmer(b []byte, seg []int32) ([]byte, []int32) {
	hasKhmer := false
	for i := 0; i+2 < len(b); i++ {
		if b[i] == khLead && (b[i+1] == 0x9E || b[i+1] == 0x9F) {
			hasKhmer = true
			break
		}
	}
	if !hasKhmer {
		return b, seg
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
	w := 0
	last := rune(-1)
	put := func(r rune, s int32) {
		utf8.EncodeRune(b[w:], r)
		seg[w], seg[w+1], seg[w+2] = s, s, s
		w += khRune3
		last = r
	}
	for i := 0; i < len(b); {
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

// foldLatin undoes, in place, two ways of writing a Latin word past a filter (issue 15): a digit
// or "$" standing for a letter inside a word (passp0rt, c4sino, ca$h: 0 o, 3 e, 4 a, 5 s, 7 t,
// $ s, only between two letters, so amounts, "e9" and "b2b" stay), and a word spelled out in
// single letters (t e l e g r a m, p.a.s.s.p.o.r.t, at least six in a row, so "i m a u s"
// from "I'm a U.S." stays). Like foldKhmer it only rewrites or drops bytes.
func foldLatin(b []byte, seg []int32) ([]byte, []int32) {
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
	alnum := func(i int) bool { return i >= 0 && i < len(b) && isASCIIAlnum(b[i]) }
	single := func(i int) bool { return lower(i) && !alnum(i-1) && !alnum(i+1) }
	w := 0
	for i := 0; i < len(b); {
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
