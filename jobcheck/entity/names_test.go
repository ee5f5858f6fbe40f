package entity

import "testing"

func TestLatinCompanies(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Join Golden Example Co., Ltd today", "Golden Example Co"},
		{"Mekong Example Bank Plc is hiring", "Mekong Example Bank Plc"},
		{"Our company is hiring", ""},
		{"the group chat", ""},
	}
	for _, tt := range tests {
		got := ""
		if cs := LatinCompanies(tt.in); len(cs) > 0 {
			got = tt.in[cs[0][0]:cs[0][1]]
		}
		if got != tt.want {
			t.Errorf("LatinCompanies(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHosts(t *testing.T) {
	for d, want := range map[string]bool{"gmail.com": true, "gmail.example.com": true, "naver.com": true,
		"careers.example.com": false, "examplecorp.com": false} {
		if got := IsWebmail(d); got != want {
			t.Errorf("IsWebmail(%q) = %v, want %v", d, got, want)
		}
	}
	if !IsPlatform("t.me") || IsPlatform("examplecorp.com") {
		t.Error("IsPlatform: t.me is a platform, examplecorp.com is not")
	}
}
