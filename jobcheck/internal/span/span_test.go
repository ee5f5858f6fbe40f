package span

import (
	"regexp"
	"testing"
)

func TestNeeded(t *testing.T) {
	for re, want := range map[string]string{
		`(감금|폭행|구타|납치|협박)+그런(거|건|곳|데|일)(는|은|도)?(없|아닙|아니)`: "그런",
		`\d0대여성`:  "0대여성",
		`x(abc)+`: "abc",
		`x(abc)*`: "x",
		`ab*c`:    "a",
		`a|b`:     "",
		`(?i)abc`: "", // the text may spell it otherwise
	} {
		if got := Needed(regexp.MustCompile(re)); got != want {
			t.Errorf("Needed(%q) = %q, want %q", re, got, want)
		}
	}
}
