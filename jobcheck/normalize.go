package jobcheck

import (
	"sync"

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

// newText normalises s into its views (fold.Views.Build): Unicode NFKC (full-width forms to
// ASCII), zero-width characters removed, Khmer, Thai, Lao and Myanmar digits to ASCII, dashes
// and quotes unified, then lower-cased, and the words and compact views derived.
func newText(s string) *text {
	t := &text{orig: s, buf: scratchPool.Get().(*scratch)}
	v := &t.buf.views
	v.Build(s)
	t.segs = v.Segs
	t.cased = view{string(v.Cased), v.CasedSeg}
	t.lower = view{string(v.Lower), v.LowerSeg}
	t.words = view{string(v.Words), v.WordsSeg}
	t.compact = view{string(v.Compact), v.CompSeg}
	return t
}

// scratch holds the buffers of a text between checks: a 2,000-character text needs some
// 150 KB of them, and allocating them anew each time costs more than the check.
type scratch struct {
	views fold.Views
	m     matchScratch
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
