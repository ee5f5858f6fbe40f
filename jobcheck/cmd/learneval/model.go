package main

import (
	"math"
	"sort"
	"strings"

	"github.com/koreandesk/hotline/jobcheck/internal/fold"
)

// Model is a set of binary logistic regressions, one per target, over the distinct
// character 3- to 5-grams of a text's words view (fold.Words: NFKC, lower case, Khmer
// spelling folds, runs of punctuation and spaces as one space), each text's features scaled
// by 1/sqrt(count+1). Training is plain SGD in a fixed order, so it is deterministic.
type Model struct {
	vocab   map[string]int
	targets []string
	w       map[string][]float64
	b       map[string]float64
}

// grams returns the distinct character 3- to 5-grams of s's words view, padded with spaces.
func grams(s string) []string {
	r := []rune(" " + strings.TrimSpace(fold.Words(s)) + " ")
	seen := map[string]bool{}
	var out []string
	for n := 3; n <= 5; n++ {
		for i := 0; i+n <= len(r); i++ {
			if g := string(r[i : i+n]); !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	return out
}

const l2 = 1e-5

// Train fits one regression per key of ys (ys[t][i]: text i is a positive of target t).
func Train(texts []string, ys map[string][]bool, epochs int) *Model {
	m := &Model{vocab: map[string]int{}, w: map[string][]float64{}, b: map[string]float64{}}
	xs := make([][]int, len(texts))
	for i, s := range texts {
		for _, g := range grams(s) {
			j, ok := m.vocab[g]
			if !ok {
				j = len(m.vocab)
				m.vocab[g] = j
			}
			xs[i] = append(xs[i], j)
		}
	}
	for t := range ys {
		m.targets = append(m.targets, t)
	}
	sort.Strings(m.targets)
	n := len(texts)
	for _, t := range m.targets {
		w, b := make([]float64, len(m.vocab)), 0.0
		for ep := range epochs {
			lr := 0.5 / float64(1+ep)
			for k := range n {
				i := (k*7919 + ep*104729) % n // a fixed shuffle (7919 is prime, so a permutation unless n is its multiple)
				x, sc := xs[i], 1/math.Sqrt(float64(len(xs[i])+1))
				z := b
				for _, j := range x {
					z += w[j] * sc
				}
				g := sigmoid(z)
				if ys[t][i] {
					g--
				}
				b -= lr * g
				for _, j := range x {
					w[j] -= lr * (g*sc + l2*w[j])
				}
			}
		}
		m.w[t], m.b[t] = w, b
	}
	return m
}

// Targets lists the model's targets in name order.
func (m *Model) Targets() []string { return m.targets }

// Prob is the probability that s is a positive of target t.
func (m *Model) Prob(t, s string) float64 {
	gs := grams(s)
	z, sc := m.b[t], 1/math.Sqrt(float64(len(gs)+1))
	for _, g := range gs {
		if j, ok := m.vocab[g]; ok {
			z += m.w[t][j] * sc
		}
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
