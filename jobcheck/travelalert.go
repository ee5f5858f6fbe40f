package jobcheck

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TravelAlert is a level of Korea's travel alert system (여행경보) for a
// place an offer names. It is a fact about the place, not a red flag: it
// weighs nothing in the verdict, and the job check shows it beside it.
type TravelAlert int

// The levels in force for Cambodia's compound towns since 16 October 2025.
const (
	// AlertLeave is Level 3 (출국 권고): Koreans there are told to leave,
	// and not to go.
	AlertLeave TravelAlert = 3
	// AlertBan is Level 4 (여행금지): entering or staying without a
	// government exception is punishable under the Passport Act.
	AlertBan TravelAlert = 4
)

// travelAlertPlaces are the places under an alert, in the spellings ads use
// (Korean, Latin, Khmer, Thai), written as foldLetters writes them.
var travelAlertPlaces = []struct {
	level TravelAlert
	names []string
}{
	{AlertBan, []string{
		"보코산", "보코", "보꼬", "bokor", "បូកគោ", // Bokor Mountain, Kampot
		"바벳", "바베트", "bavet", "បាវិត",
		"포이펫", "포이페트", "poipet", "ប៉ោយប៉ែត", "ปอยเปต",
	}},
	{AlertLeave, []string{
		"시아누크빌", "시하누크빌", "시아눅빌", "캄퐁솜", "sihanoukville", "preahsihanouk", "kampongsom", "kompongsom",
		"ព្រះសីហនុ", "សីហនុវិល", "កំពង់សោម",
	}},
}

// TravelAlerts returns the alert levels of the places s names, the ban
// first, each once.
func TravelAlerts(s string) []TravelAlert {
	f := foldLetters(s)
	var out []TravelAlert
	for _, p := range travelAlertPlaces {
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
