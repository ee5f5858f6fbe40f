package jobcheck

import (
	"unicode/utf8"

	"github.com/koreandesk/hotline/jobcheck/internal/cut"
)

// bounds are the original offsets where clauses and sentences end; cues do not reach across.
type bounds struct {
	clause, sentence []int
}

// bounds returns the clause and sentence ends of t, computing them once.
func (t *text) bounds() *bounds {
	if t.bnds == nil {
		t.bnds = newBounds(t)
	}
	return t.bnds
}

func newBounds(t *text) *bounds {
	b := &bounds{}
	v := &t.cased // case kept: cut.At looks at it
	for i := 0; i < len(v.s); {
		r, w := utf8.DecodeRuneInString(v.s[i:])
		if sentence, clause := cut.At(v.s, i, r); clause {
			p, _ := t.span(v, i, i+w)
			b.clause = append(b.clause, p)
			if sentence {
				b.sentence = append(b.sentence, p)
			}
		}
		i += w
	}
	return b
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }
