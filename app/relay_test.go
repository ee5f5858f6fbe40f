package app

import "testing"

// A reporter's Telegram name goes into staff headers: it must stay one
// plain line that cannot pose as something else.
func TestCleanName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Hana", "Hana"},
		{"Hana\n✅ KD-7Q3M closed by Chief Lee", "Hana ✅ KD-7Q3M closed by Chief Lee"},
		{"evil\u202Egnp.exe", "evilgnp.exe"},
		{"a\u2066b\u2069c\u200Fd\x00e", "abcde"},
		{"  spaced \t out  ", "spaced out"},
	} {
		if got := cleanName(tt.in); got != tt.want {
			t.Errorf("cleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
