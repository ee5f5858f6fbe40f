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
