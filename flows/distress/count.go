package distress

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// maxPeople is the largest answer to "how many people are with you" taken
// as a number; a compound can hold hundreds, not hundreds of thousands.
const maxPeople = 9999

// zeros are the digit zeros people type: ASCII, full-width (Korean and
// Japanese keyboards) and Khmer.
var zeros = []rune{'0', '０', '០'}

var digitRun = regexp.MustCompile(`[0-9]+`)

// countWords are answers without digits, after spaces, punctuation and
// polite endings are taken away. Korean counting words that are also
// other words (네 is "yes") count only with 명.
var countWords = map[string]int{
	"alone": 1, "justme": 1, "onlyme": 1, "me": 1, "one": 1, "two": 2, "three": 3, "four": 4,
	"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"혼자": 1, "나혼자": 1, "저혼자": 1, "하나": 1, "한명": 1, "둘": 2, "두명": 2, "셋": 3, "세명": 3,
	"넷": 4, "네명": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
	"ម្នាក់ឯង": 1, "ខ្ញុំម្នាក់ឯង": 1, "ម្នាក់": 1, "មួយ": 1, "ពីរ": 2, "បី": 3, "បួន": 4, "ប្រាំ": 5,
	"ប្រាំមួយ": 6, "ប្រាំពីរ": 7, "ប្រាំបី": 8, "ប្រាំបួន": 9, "ដប់": 10,
}

// politeEndings and units are taken off a word answer ("세 명이요",
// "three people", "បីនាក់"); a unit only after the endings.
var (
	politeEndings = []string{"입니다", "이에요", "예요", "이요", "요"}
	units         = []string{"명", "people", "persons", "person", "នាក់"}
)

// parseCount reads how many people someone says are with them: one
// number in digits of any of the scripts above ("3", "３명", "៣នាក់",
// "about 30 people"), or a small number in words.
func parseCount(s string) (int, bool) {
	runs := digitRun.FindAllString(asciiDigits(s), -1)
	switch len(runs) {
	case 0:
		return countWord(s)
	case 1:
		if n, err := strconv.Atoi(runs[0]); err == nil && n <= maxPeople {
			return n, true
		}
	}
	return 0, false // "3 or 4", "2 Koreans and 5 Chinese": the desk reads it
}

func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		for _, z := range zeros {
			if r >= z && r <= z+9 {
				return '0' + r - z
			}
		}
		return r
	}, s)
}

func countWord(s string) (int, bool) {
	w := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	for _, e := range politeEndings {
		w = strings.TrimSuffix(w, e)
	}
	if n, ok := countWords[w]; ok {
		return n, true
	}
	for _, u := range units {
		if base, ok := strings.CutSuffix(w, u); ok {
			n, ok := countWords[base]
			return n, ok
		}
	}
	return 0, false
}
