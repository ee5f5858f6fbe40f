package mailbox

import "testing"

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		n       int
		want    string
	}{
		{"shorter", "안녕", 3, "안녕"},
		{"as long", "안녕하", 3, "안녕하"},
		{"longer", "안녕하세요", 3, "안녕…"},
		// An invalid byte counts as one character, as []rune makes it.
		{"invalid bytes", "ab\xffc", 4, "ab\xffc"},
		{"invalid bytes cut", "ab\xffcd", 4, "ab\uFFFD…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Truncate(tc.s, tc.n); got != tc.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
			}
		})
	}
}
