package distress

import "testing"

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"3", 3, true},
		{" 12 ", 12, true},
		{"3명", 3, true},
		{"３명", 3, true},
		{"약 30명이요", 30, true},
		{"3 people", 3, true},
		{"about 200", 200, true},
		{"៥", 5, true},
		{"១២នាក់", 12, true},
		{"0", 0, true},
		{"세 명이요", 3, true},
		{"두명", 2, true},
		{"다섯", 5, true},
		{"혼자예요", 1, true},
		{"three people", 3, true},
		{"Alone.", 1, true},
		{"បីនាក់", 3, true},
		{"ប្រាំពីរ", 7, true},
		{"ម្នាក់ឯង", 1, true},
		{"네", 0, false}, // "yes", not four
		{"lots", 0, false},
		{"3 or 4", 0, false},
		{"2 Koreans and 5 Chinese", 0, false},
		{"10000", 0, false},
		{"99999999999999999999999", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseCount(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("parseCount(%q) = %d, %t; want %d, %t", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}
