package desk_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/desk"
)

func TestParseRef(t *testing.T) {
	tests := []struct {
		name, in string
		want     desk.Ref
	}{
		{"canonical", "KD-7Q3M", "KD-7Q3M"},
		{"lowercase without dash", "kd7q3m", "KD-7Q3M"},
		{"spaces", " kd 7q3m ", "KD-7Q3M"},
		{"spaced code", "KD 7Q 3M", "KD-7Q3M"},
		{"bare code", "7q3m", "KD-7Q3M"},
		{"hash and underscore", "#kd_7q3m", "KD-7Q3M"},
		{"non-breaking hyphen", "KD\u20117Q3M", "KD-7Q3M"},
		{"em dash", "KD—7Q3M", "KD-7Q3M"},
		{"full-width, as CJK input methods type", "ＫＤ－７ｑ３ｍ", "KD-7Q3M"},
		{"ideographic space", "KD\u30007Q3M", "KD-7Q3M"},
		{"six typed for G", "kd-7q36", "KD-7Q3G"},
		{"five characters", "kd-7q3mx", "KD-7Q3MX"},
		{"bare code starting with KD", "KD3M", "KD-KD3M"},
		{"bare five-character code starting with KD", "kd7q3", "KD-KD7Q3"},
		{"prefixed code starting with KD", "KD-KD3M", "KD-KD3M"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := desk.ParseRef(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseRef(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseRefRejects(t *testing.T) {
	for _, in := range []string{"", "KD-", "KD-7Q3", "7Q3", "KD-7Q3MXY", "KD-0Q3M", "KD-7O3M",
		"KD-1Q3M", "KD-SQ3M", "hello", "KD-7Q3Ö", "KD-7Q3M!"} {
		t.Run(in, func(t *testing.T) {
			got, err := desk.ParseRef(in)
			if !errors.Is(err, desk.ErrInvalid) {
				t.Errorf("ParseRef(%q) = %q, %v; want ErrInvalid", in, got, err)
			}
		})
	}
}

// TestNewRefProperties draws 10,000 references the way the store does,
// retrying a taken one with RefLenFor, and checks that they are unique,
// well formed, and parse back to themselves.
func TestNewRefProperties(t *testing.T) {
	const n = 10_000
	taken := make(map[desk.Ref]bool, n)
	counts := map[rune]int{}
	for range n {
		var ref desk.Ref
		for attempt := range desk.RefAttempts {
			if ref = desk.NewRef(desk.RefLenFor(attempt)); !taken[ref] {
				break
			}
		}
		if taken[ref] {
			t.Fatalf("no free reference after %d attempts", desk.RefAttempts)
		}
		taken[ref] = true
		if !strings.HasPrefix(string(ref), desk.RefPrefix) || len(ref.Code()) != desk.RefLen {
			t.Errorf("reference %q: want %s and %d characters (the space is nearly empty)", ref, desk.RefPrefix, desk.RefLen)
		}
		if got, err := desk.ParseRef(string(ref)); got != ref || err != nil {
			t.Errorf("ParseRef(%q) = %q, %v", ref, got, err)
		}
		if got, _ := desk.ParseRef(strings.ToLower(ref.Code())); got != ref {
			t.Errorf("ParseRef(lowercase bare %q) = %q", ref.Code(), got)
		}
		for _, r := range ref.Code() {
			counts[r]++
		}
	}
	// Uniform: each of the 24 characters appears about 40,000/24 = 1,667
	// times; a biased generator (modulo bias, a missing character) shows.
	if len(counts) != len(desk.RefAlphabet) {
		t.Errorf("%d distinct characters, want %d", len(counts), len(desk.RefAlphabet))
	}
	for r, c := range counts {
		if c < 1400 || c > 1950 {
			t.Errorf("character %c drawn %d times, want about 1667", r, c)
		}
	}
}

func TestRefLenFor(t *testing.T) {
	var got []int
	for attempt := range desk.RefAttempts + 2 {
		got = append(got, desk.RefLenFor(attempt))
	}
	want := []int{4, 4, 4, 4, 5, 5, 5, 5, 5, 5}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RefLenFor(0, 1, ...) (-want +got):\n%s", diff)
	}
}
