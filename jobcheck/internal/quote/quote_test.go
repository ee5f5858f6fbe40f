package quote

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"straight", `posts like "a, b" and "c".`, []string{`"a, b"`, `"c"`}},
		{"curly and guillemets", "“a” «b» 「c」 ‘d’", []string{"“a”", "«b»", "「c」", "‘d’"}},
		{"stray mark", `5" screen, no quote`, nil},
		{"not across a blank line", "\"a\n\nb\" c", nil},
		{"korean single quotes", "최근 '월 1,000만 원', '비자 없이 가능' 등의 문구로", []string{"'월 1,000만 원'", "'비자 없이 가능'"}},
		{"korean single quote before a particle", "'월 800, 숙식 제공'이라는 글", []string{"'월 800, 숙식 제공'"}},
		{"apostrophes open nothing", "don't trust the company's 'offer', it's fake", nil},
		{"english single quotes without hangul", "the 'free flight' they promise", nil},
		{"khmer with an apostrophe", "ការងារ 'ងាយស្រួល' ខែ $1500", nil},
		{"single quote not across a line", "'월 800\n숙식' 제공", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Spans(tt.in) {
				got = append(got, tt.in[sp[0]:sp[1]])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Spans(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestAsked(t *testing.T) {
	tests := []struct {
		in, word string
		want     bool
	}{
		{"이거 사기예요? 월 800", "사기예요", true},
		{"នេះជាការបោកប្រាស់ទេ? ការងារ", "ជាការបោកប្រាស់", true},
		{"do you think it is a scam?", "is a scam", true},
		{"this is a scam. do not go?", "is a scam", false},
		{"beware of ads promising a lot of money for nothing at all?", "beware", false},
	}
	for _, tt := range tests {
		end := strings.Index(tt.in, tt.word) + len(tt.word)
		if got := Asked(tt.in, end); got != tt.want {
			t.Errorf("Asked(%q after %q) = %v, want %v", tt.in, tt.word, got, tt.want)
		}
	}
}

func TestAnswered(t *testing.T) {
	for s, want := range map[string]bool{
		"Should I trust offers like this? No. Victims were beaten.": true,
		"이거 진짜일까요? 아닙니다. 사기입니다.":                                    true,
		"តើនេះពិតទេ? ទេ។ វាជាការបោកប្រាស់":                          true,
		"is this legit? no idea, my mom says it's a scam":           false,
		"진짜 맞나요? 네이버에서 봤어요":                                         false,
		"is this legit?\nChat support in Bavet":                     false,
	} {
		if got := Answered(s); got != want {
			t.Errorf("Answered(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestListed(t *testing.T) {
	tests := []struct {
		name, in, heading, lure string
		want                    bool
	}{
		{"❌ list", "Warning signs\n❌ \"USD 2,000\"\n❌ \"free flight\"", "signs", "free flight", true},
		{"numbered Khmer", "ការព្រមាន\n១. «ប្រាក់ខែ ២០០០$»", "ការព្រមាន", "២០០០$", true},
		{"unquoted", "Warning signs\n❌ USD 2,000", "signs", "2,000", false},
		{"a plain line between", "Warning signs\nWe pay well.\n❌ \"USD 2,000\"", "signs", "2,000", false},
		{"same line", "Warning: \"USD 2,000\"", "Warning", "2,000", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := strings.Index(tt.in, tt.heading) + len(tt.heading)
			start := strings.Index(tt.in, tt.lure)
			if got := Listed(tt.in, from, start, start+len(tt.lure)); got != tt.want {
				t.Errorf("Listed(%q, %q, %q) = %v, want %v", tt.in, tt.heading, tt.lure, got, tt.want)
			}
		})
	}
}

func TestUnanswered(t *testing.T) {
	for s, want := range map[string]bool{
		"they still need cooks, want me to ask?": true,
		"ចង់មកធ្វើដែរទេ？":                        true,
		"Should you trust offers like this? No.": false,
		"I escaped after four months.":           false,
	} {
		if got := Unanswered(s); got != want {
			t.Errorf("Unanswered(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestWithin(t *testing.T) {
	s := `they told us "no one is locked up here" and I believed it`
	for _, tt := range []struct {
		word string
		want bool
	}{{"locked up", true}, {"believed", false}, {`"no one is locked up here"`, true}} {
		i := strings.Index(s, tt.word)
		if got := Within(s, i, i+len(tt.word)); got != tt.want {
			t.Errorf("Within(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if Within(s, 5, 20) {
		t.Error("Within across a quotation's start = true")
	}
}
