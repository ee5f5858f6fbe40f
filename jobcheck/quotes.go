package jobcheck

import (
	"github.com/koreandesk/hotline/jobcheck/internal/quote"
	"github.com/koreandesk/hotline/jobcheck/internal/span"
)

// quoteSpans returns the quotations of t's original ("…", “…”, «…», 「…」), computed once.
func (t *text) quoteSpans() []span.Window {
	if !t.quoted {
		for _, q := range quote.Spans(t.orig) {
			t.quots = append(t.quots, span.Window(q))
		}
		t.quoted = true
	}
	return t.quots
}

// reach returns the text between a frame [fs, fe) and a quotation q, and whether they are
// apart (a frame inside the quotation frames nothing).
func reach(fs, fe int, q span.Window) (from, to int, ok bool) {
	switch {
	case fe <= q[0]:
		return fe, q[0], true
	case q[1] <= fs:
		return q[1], fs, true
	}
	return 0, 0, false
}
