package entity

import "testing"

// TestMadeUpHosts: a made-up host under example.com stands for the real webmail or platform
// host it names (rules 2026.12.04-137), never for a host that only shares a first label.
func TestMadeUpHosts(t *testing.T) {
	for _, tt := range []struct {
		d                 string
		webmail, platform bool
	}{
		{"gmail.com", true, false}, {"gmail.example.com", true, false}, {"naver.example.com", true, false},
		{"t.me", false, true}, {"t.me.example.com", false, true}, {"facebook.example.com", false, true},
		{"m.facebook.example.com", false, true}, {"goldenbay.example.com", false, false},
		{"m.example.com", false, false}, {"api.example.com", false, false}, {"example.com", false, false},
	} {
		if got := IsWebmail(tt.d); got != tt.webmail {
			t.Errorf("IsWebmail(%q) = %v, want %v", tt.d, got, tt.webmail)
		}
		if got := IsPlatform(tt.d); got != tt.platform {
			t.Errorf("IsPlatform(%q) = %v, want %v", tt.d, got, tt.platform)
		}
	}
}
