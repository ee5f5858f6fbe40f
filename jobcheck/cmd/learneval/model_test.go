package main

import (
	"strings"
	"testing"
)

func TestGramsAreDistinctAndNormalised(t *testing.T) {
	got := grams("AAA aaa")
	if strings.Join(got, "|") != strings.Join(grams("aaa   AAA!"), "|") {
		t.Errorf("case and punctuation should not change the grams: %q", got)
	}
	seen := map[string]bool{}
	for _, g := range got {
		if seen[g] {
			t.Errorf("gram %q twice", g)
		}
		seen[g] = true
	}
}

func toy() ([]string, map[string][]bool) {
	texts := []string{
		"send your passport photo today", "we keep your passport on arrival", "passport copy first please",
		"free lunch and parking", "office job in the city centre", "contract signed before start",
	}
	return texts, map[string][]bool{"passport": {true, true, true, false, false, false}}
}

func TestTrainSeparatesAndIsDeterministic(t *testing.T) {
	texts, ys := toy()
	m := Train(texts, ys, 30)
	if p, q := m.Prob("passport", "they want my passport"), m.Prob("passport", "lunch in the office"); p <= 0.5 || q >= 0.5 {
		t.Errorf("Prob(passport text) = %.3f, Prob(other) = %.3f; want > 0.5 and < 0.5", p, q)
	}
	m2 := Train(texts, ys, 30)
	for _, s := range texts {
		if m.Prob("passport", s) != m2.Prob("passport", s) {
			t.Fatalf("two trainings differ on %q", s)
		}
	}
}
