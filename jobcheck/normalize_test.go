package jobcheck

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/jobcheck/internal/fold"
)

func TestNormalizeViews(t *testing.T) {
	tests := []struct {
		name, in, lower, words, compact string
	}{
		{"full width", "ＵＳＤ２５００　ＣＳ", "usd2500 cs", "usd2500 cs", "usd2500 cs"},
		{"zero width", "tele\u200bgram\u200c @fake\u2060_x\ufeff", "telegram @fake_x", "telegram fake x", "telegram fake x"},
		{"khmer digits", "ប្រាក់ខែ ១២០០$", "ប្រាក់ខែ 1200$", "ប្រាក់ខែ 1200$", "ប្រាក់ខែ1200$"},
		{"khmer zwsp between words", "ប្រាក់ខែ\u200bខ្ពស់", "ប្រាក់ខែខ្ពស់", "ប្រាក់ខែខ្ពស់", "ប្រាក់ខែខ្ពស់"},
		{"thai digits", "๒๕,๐๐๐ บาท", "25,000 บาท", "25 000 บาท", "25 000บาท"},
		{"korean spacing", "고 수 익 보장", "고 수 익 보장", "고 수 익 보장", "고수익보장"},
		{"middle dots", "경력·학력ㆍ무관", "경력·학력·무관", "경력 학력 무관", "경력학력무관"},
		{"dashes", "2,500–5,000 ～ 7,000", "2,500-5,000 ~ 7,000", "2 500 5 000 7 000", "2 500 5 000 7 000"},
		{"upper case", "URGENT Hiring", "urgent hiring", "urgent hiring", "urgent hiring"},
		{"circled corp", "㈜새봄물류", "(주)새봄물류", "주 새봄물류", "주새봄물류"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newText(tt.in)
			if got := x.lower.s; got != tt.lower {
				t.Errorf("lower = %q, want %q", got, tt.lower)
			}
			if got := strings.TrimSpace(x.words.s); got != tt.words {
				t.Errorf("words = %q, want %q", got, tt.words)
			}
			if got := x.compact.s; got != tt.compact {
				t.Errorf("compact = %q, want %q", got, tt.compact)
			}
		})
	}
}

// TestEvidenceIsOriginal checks that evidence maps back to the exact original words however
// the text was written.
func TestEvidenceIsOriginal(t *testing.T) {
	c := mustLoad(t)
	tests := []struct{ name, in, flag, evidence string }{
		{"full width", "ＵＲＧＥＮＴ ｈｉｒｉｎｇ", "urgency_pressure", "ＵＲＧＥＮＴ"},
		{"zero width inside", "비자\u200b 없이 입국", "no_visa_or_tourist_visa", "비자\u200b 없이"},
		{"korean spacing", "고 수 익 알바", "high_pay_low_skill", "고 수 익"},
		{"khmer zwsp", "ក្រុមហ៊ុន\u200bរក្សាទុក\u200bលិខិតឆ្លងដែន", "passport_or_phone_surrender", "ក្រុមហ៊ុន\u200bរក្សាទុក\u200bលិខិតឆ្លងដែន"},
		{"proximity", "Your passport will be kept by HR.", "passport_or_phone_surrender", "passport will be kept"},
		{"amount", "ｃｕｓｔｏｍｅｒ ｓｅｒｖｉｃｅ, no experience, ＄１，５００／ｍｏｎｔｈ", "high_pay_low_skill", "＄１，５００"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Check(tt.in)
			for _, f := range r.Flags {
				if f.ID == tt.flag {
					if f.Evidence != tt.evidence || tt.in[f.Start:f.End] != f.Evidence {
						t.Errorf("evidence %q [%d:%d], want %q", f.Evidence, f.Start, f.End, tt.evidence)
					}
					return
				}
			}
			t.Errorf("flag %s not found in %+v", tt.flag, r.Flags)
		})
	}
}

// TestFoldMatchesViews: the short-string views of package fold (entity normalisers use them)
// are the checker's views.
func TestFoldMatchesViews(t *testing.T) {
	for _, in := range []string{"ＵＳＤ２５００　ＣＳ", "tele\u200bgram\u200c @fake\u2060_x\ufeff", "ប្រាក់ខែ ១២០០$",
		"경력·학력ㆍ무관", "2,500–5,000 ～ 7,000", "㈜새봄물류 URGENT Hiring!", "  hr@Example.org / t.me/Fake_1 "} {
		x := newText(in)
		if got := fold.Cased(in); got != x.cased.s {
			t.Errorf("fold.Cased(%q) = %q, want %q", in, got, x.cased.s)
		}
		if got := fold.Lower(in); got != x.lower.s {
			t.Errorf("fold.Lower(%q) = %q, want %q", in, got, x.lower.s)
		}
		if got := fold.Words(in); got != x.words.s {
			t.Errorf("fold.Words(%q) = %q, want %q", in, got, x.words.s)
		}
	}
}

// TestKhmerSpellings: the spellings of one Khmer word that look alike or that people type
// interchangeably have one compact form (issue 15), and evidence still maps to the original.
func TestKhmerSpellings(t *testing.T) {
	same := [][]string{
		{"ម្តាយ", "ម្ដាយ"}, // subscript ត and ដ
		{"ផ្តល់ជូន", "ផ្ដល់ជូន"},
		{"ឲ្យបង", "ឱ្យបង", "អោយបង", "ឲយបង"}, // give
		{"កុំប្រាប់", "កំុប្រាប់"},          // nikahit typed before the vowel
		{"ស្ត្រី", "ស្រ្តី", "ស្រ្ដី"},      // coeng ro typed first
	}
	for _, forms := range same {
		want := newText(forms[0]).compact.s
		for _, f := range forms[1:] {
			if got := newText(f).compact.s; got != want {
				t.Errorf("compact(%q) = %q, want %q (as %q)", f, got, want, forms[0])
			}
		}
	}
	c := mustLoad(t)
	in := "សូមកំុប្រាប់ឪពុកម្ដាយ អោយគេដឹង"
	r := c.Check(in)
	for _, f := range r.Flags {
		if in[f.Start:f.End] != f.Evidence {
			t.Errorf("%s: evidence %q is not the original [%d:%d]", f.ID, f.Evidence, f.Start, f.End)
		}
	}
}

// TestLatinSpellings: a Latin word written past a filter has the form of the word (issue 15).
func TestLatinSpellings(t *testing.T) {
	tests := []struct{ in, words string }{
		{"send your passp0rt", "send your passport"},
		{"c4sino ca$h", "casino cash"},
		{"contact t e l e g r a m now", "contact telegram now"},
		{"P.A.S.S.P.O.R.T copy", "passport copy"},
		{"I'm a b c", "i m a b c"},                     // three single letters stay apart
		{"e9 visa b2b 2500usd", "e9 visa b2b 2500usd"}, // digits not between two letters stay
	}
	for _, tt := range tests {
		if got := strings.TrimSpace(newText(tt.in).words.s); got != tt.words {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.words)
		}
	}
	c := mustLoad(t)
	in := "pls send p a s s p o r t photo on t.e.l.e.g.r.a.m"
	for _, f := range c.Check(in).Flags {
		if in[f.Start:f.End] != f.Evidence {
			t.Errorf("%s: evidence %q is not the original [%d:%d]", f.ID, f.Evidence, f.Start, f.End)
		}
	}
}
