package jobcheck

import (
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

// corpusAd is the part of a labelled ad that the property tests need; the labels and the
// figures are jobeval's (go run ./jobcheck/cmd/eval).
type corpusAd struct {
	ID, Text string
	Level    string // the labelled level (TestToldOnlyGuard)
}

// mustCorpus returns the texts of every ad in testdata/corpus.
func mustCorpus(tb testing.TB) []corpusAd {
	tb.Helper()
	names, err := filepath.Glob("testdata/corpus/*.toml")
	if err != nil || len(names) == 0 {
		tb.Fatalf("corpus files: %v (%d files)", err, len(names))
	}
	var ads []corpusAd
	for _, name := range names {
		var f struct{ Ad []corpusAd }
		if _, err := toml.DecodeFile(name, &f); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		ads = append(ads, f.Ad...)
	}
	return ads
}

func mustLoad(tb testing.TB) *Checker {
	tb.Helper()
	c, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
