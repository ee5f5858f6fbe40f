// Package combo finds the flags of a scoring combination among the ids of the flags a check
// found (INDICATORS.md §2.7; jobcheck's [[scoring.combo]] and critical_combos).
package combo

import "slices"

// Indexes returns the index in ids of the first of each id of combo, or nil when one is missing.
func Indexes(ids, combo []string) []int {
	var idx []int
	for _, id := range combo {
		i := slices.Index(ids, id)
		if i < 0 {
			return nil
		}
		idx = append(idx, i)
	}
	return idx
}

// Def returns the indexes of every id of all and of the first other id that satisfies anyOf
// ("*": any id but those of all and except), or nil when the combination is not complete.
func Def(ids, all, anyOf, except []string) []int {
	idx := Indexes(ids, all)
	if idx == nil || len(anyOf) == 0 {
		return idx
	}
	for i, id := range ids {
		if slices.Contains(all, id) || slices.Contains(except, id) {
			continue
		}
		if slices.Contains(anyOf, "*") || slices.Contains(anyOf, id) {
			return append(idx, i)
		}
	}
	return nil
}

// Any reports whether ids has one of want.
func Any(ids, want []string) bool {
	return slices.ContainsFunc(ids, func(id string) bool { return slices.Contains(want, id) })
}
