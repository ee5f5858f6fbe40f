package jobcheck

import (
	"slices"
	"testing"
)

// The table tests of texts in no corpus split share these two runners: a
// text and the level it must get, or a text and whether one flag must be
// found in it.

// levelCase is a text and the level it must get.
type levelCase struct {
	name, in string
	want     Level
}

func runLevelCases(t *testing.T, c *Checker, tests []levelCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := c.Check(tt.in); r.Level != tt.want {
				t.Errorf("Check(%q) = %s (score %d) %v, want %s", tt.in, r.Level, r.Score, flagIDs(r), tt.want)
			}
		})
	}
}

// flagCase is a text and whether one flag must be found in it.
type flagCase struct {
	name, in, flag string
	want           bool
}

func runFlagCases(t *testing.T, c *Checker, tests []flagCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Check(tt.in)
			if got := slices.Contains(flagIDs(r), tt.flag); got != tt.want {
				t.Errorf("Check(%q): %s found = %v, want %v (flags %v)", tt.in, tt.flag, got, tt.want, flagIDs(r))
			}
		})
	}
}
