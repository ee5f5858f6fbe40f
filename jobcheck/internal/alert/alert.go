// Package alert holds the places under Korea's travel alert system (여행경보) in the spellings
// ads use, and finds them in a text whatever its spacing, case or punctuation. jobcheck's
// TravelAlerts names the levels; this package only knows their numbers.
package alert

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Ban is Level 4 (여행금지), Leave Level 3 (출국 권고).
const (
	Leave = 3
	Ban   = 4
)

// places are the places under an alert, in the spellings ads use (Korean, Latin, Khmer,
// Thai), written as foldLetters writes them; the ban first.
var places = []struct {
	level int
	names []string
}{
	{Ban, []string{
		"보코산", "보코", "보꼬", "bokor", "បូកគោ", // Bokor Mountain, Kampot
		"바벳", "바베트", "bavet", "បាវិត",
		"포이펫", "포이페트", "poipet", "ប៉ោយប៉ែត", "ปอยเปต",
	}},
	{Leave, []string{
		"시아누크빌", "시하누크빌", "시아눅빌", "캄퐁솜", "sihanoukville", "preahsihanouk", "kampongsom", "kompongsom",
		"ព្រះសីហនុ", "សីហនុវិល", "កំពង់សោម",
	}},
}

// Levels returns the alert levels of the places s names, the ban first, each once.
func Levels(s string) []int {
	f := foldLetters(s)
	var out []int
	for _, p := range places {
		for _, name := range p.names {
			if strings.Contains(f, name) {
				out = append(out, p.level)
				break
			}
		}
	}
	return out
}

// foldLetters keeps only the letters and marks of s, NFKC and lower-cased, so
// "Sihanouk-ville", "SIHANOUK VILLE" and "시아누크 빌" all read as one word.
func foldLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, norm.NFKC.String(s))
}
