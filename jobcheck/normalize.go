package jobcheck

import (
	"sync"
	"unicode/utf8"

	"github.com/koreandesk/hotline/jobcheck/internal/fold"
	"github.com/koreandesk/hotline/jobcheck/internal/span"
)

// text holds the views of one input on which rules and extractors run. Every view keeps, for
// each of its bytes, the index of the normalisation segment of the original it came from, so a
// match in any view maps back to the exact words of the original (see text.span).
type text struct {
	orig string
	segs []int32 // segs[k] is the original byte offset of rune k; the last entry is len(orig)

	cased   view // NFKC, no zero-width characters, ASCII digits; case kept
	lower   view // cased, lower-cased
	words   view // lower, every run of spaces and punctuation folded to one space
	compact view // lower without spaces and punctuation, except one space between Latin words

	bnds   *bounds       // clause and sentence ends, computed on first use
	quots  []span.Window // quotations of orig, computed on first use (quoted: done)
	quoted bool
	buf    *scratch // the buffers behind the seg slices, back to the pool on release
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
	compact, ks = fold.Khmer(compact, ks)
	words, ws = fold.Latin(words, ws)
	compact, ks = fold.Latin(compact, ks)
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
