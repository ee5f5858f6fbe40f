package phone

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		region Region
		want   string
		err    error
	}{
		// International forms, whatever the region.
		{"+855 12 000 001", Cambodia, "+85512000001", nil},
		{"(+855) 12-000-001", Cambodia, "+85512000001", nil},
		{"+855 (0)12 000 001", Cambodia, "+85512000001", nil},
		{"00855 97 000 0001", Cambodia, "+855970000001", nil},
		{"855-12-000-001", Cambodia, "+85512000001", nil},
		{"+82 10 0000 0001", Cambodia, "+821000000001", nil},
		{"0082-10-1234-5678", Guess, "+821012345678", nil},
		{"+66 80 000 0012", Cambodia, "+66800000012", nil},
		{"+63 917 000 0000", Cambodia, "+639170000000", nil},
		// National numbers: an 11-digit 01x is a Korean mobile in any region.
		{"010-0000-0001", Cambodia, "+821000000001", nil},
		{"01012345678", Guess, "+821012345678", nil},
		{"012 000 001", Cambodia, "+85512000001", nil},
		{"០១២ ០០០ ០០១", Cambodia, "+85512000001", nil},
		{"０１２ ３４５ ６７８", Guess, "+85512345678", nil},
		{"02-000-0000", Korea, "+8220000000", nil},
		{"02-1234-5678", Guess, "+82212345678", nil},
		{"080-000-0012", Thailand, "+66800000012", nil},
		{"080-000-0012", Cambodia, "+855800000012", nil},
		{"097 123 4567", Guess, "+855971234567", nil},
		{"031-123-4567", Korea, "+82311234567", nil},
		{"031-123-4567", Guess, "", ErrAmbiguous},
		// Not phone numbers.
		{"+82 10", Guess, "", ErrInvalid},
		{"+1234567890123456", Guess, "", ErrInvalid},
		{"call me", Guess, "", ErrInvalid},
		{"12345", Guess, "", ErrInvalid},
		{"2026-01-30", Cambodia, "", ErrInvalid},
		{"123-45-67890", Cambodia, "", ErrInvalid},
		{"1,000,000", Cambodia, "", ErrInvalid},
		{"0123", Cambodia, "", ErrInvalid},
		{"", Cambodia, "", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+string(tt.region), func(t *testing.T) {
			got, err := Parse(tt.in, tt.region)
			if got != tt.want || !errors.Is(err, tt.err) {
				t.Errorf("Parse(%q, %q) = %q, %v; want %q, %v", tt.in, tt.region, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestParseInternational(t *testing.T) {
	tests := []struct{ in, want string }{
		{"85512345678", "+85512345678"},
		{"+82 10 1234 5678", "+821012345678"},
		{"821012345678", "+821012345678"},
		{"012345678", ""},
		{"8210", ""},
	}
	for _, tt := range tests {
		got, err := ParseInternational(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("ParseInternational(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
