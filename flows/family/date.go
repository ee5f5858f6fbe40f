package family

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// dateProblem says why a text is not an acceptable date; each has its own
// message, so the person knows what to fix.
type dateProblem int

const (
	dateOK         dateProblem = iota
	dateUnreadable             // not a date at all
	dateImpossible             // 1995-02-30, month 13
	dateFuture                 // after today
	dateTooOld                 // before 1900
)

// dateLayout is how dates are saved: ISO 8601, 1995-03-07.
const dateLayout = "2006-01-02"

// minYear is the earliest year a date of birth or of last contact may be.
const minYear = 1900

// parseDate reads a date as families write it: 1995-03-07, 1995.3.7,
// 95.03.07 (Korean year first), 7/3/1995 (day first, as in Cambodia),
// 19950307, 950307, 1995년 3월 7일, ៧ មីនា ១៩៩៥, 7 March 1995 and March
// 7, 1995, in any digits. today (in the person's time, a zero time to
// skip the check) rules out the future.
func parseDate(s string, today time.Time) (string, dateProblem) {
	y, m, d, ok := dateParts(s, today)
	if !ok {
		return "", dateUnreadable
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return "", dateImpossible
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	switch {
	case t.Day() != d: // 30 February rolls over into March
		return "", dateImpossible
	case y < minYear:
		return "", dateTooOld
	case !today.IsZero() && t.After(time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)):
		return "", dateFuture
	}
	return t.Format(dateLayout), dateOK
}

// dateParts splits a date into year, month and day numbers.
func dateParts(s string, today time.Time) (y, m, d int, ok bool) {
	s = strings.ToLower(asciiDigits(s))
	// Korean: 1995년 3월 7일, always year, month, day.
	if strings.Contains(s, "년") || strings.Contains(s, "월") {
		f := numbers(s)
		if len(f) != 3 {
			return 0, 0, 0, false
		}
		return fullYear(f[0], today), atoi(f[1]), atoi(f[2]), true
	}
	if month, rest, found := monthName(s); found {
		f := numbers(rest)
		if len(f) != 2 {
			return 0, 0, 0, false
		}
		// The day is the short number, the year the long one.
		if len(f[0]) > 2 {
			f[0], f[1] = f[1], f[0]
		}
		return fullYear(f[1], today), month, atoi(f[0]), true
	}
	f := numbers(s)
	switch {
	case len(f) == 1 && len(f[0]) == 8: // 19950307
		return atoi(f[0][:4]), atoi(f[0][4:6]), atoi(f[0][6:]), true
	case len(f) == 1 && len(f[0]) == 6: // 950307
		return fullYear(f[0][:2], today), atoi(f[0][2:4]), atoi(f[0][4:]), true
	case len(f) != 3 || strings.ContainsFunc(s, unicode.IsLetter):
		return 0, 0, 0, false
	case len(f[0]) == 4: // 1995-03-07
		return atoi(f[0]), atoi(f[1]), atoi(f[2]), true
	case len(f[2]) == 4: // 7/3/1995: day first, as Cambodia and most of the world write it
		return atoi(f[2]), atoi(f[1]), atoi(f[0]), true
	case len(f[0]) <= 2 && len(f[1]) <= 2 && len(f[2]) <= 2: // 95.03.07, Korean order
		return fullYear(f[0], today), atoi(f[1]), atoi(f[2]), true
	}
	return 0, 0, 0, false
}

// months maps month names, Khmer and English, to their numbers. Longer
// names are tried first (so "មករា" is not read as something shorter).
var months = []struct {
	name string
	n    int
}{
	{"វិច្ឆិកា", 11}, {"កុម្ភៈ", 2}, {"មិថុនា", 6}, {"កក្កដា", 7}, {"មករា", 1}, {"មីនា", 3},
	{"មេសា", 4}, {"ឧសភា", 5}, {"សីហា", 8}, {"កញ្ញា", 9}, {"តុលា", 10}, {"ធ្នូ", 12},
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"june", 6}, {"july", 7},
	{"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"may", 5}, {"jun", 6}, {"jul", 7},
	{"aug", 8}, {"sept", 9}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
}

// monthName finds a month's name in s and returns s without it.
func monthName(s string) (int, string, bool) {
	for _, mn := range months {
		if i := strings.Index(s, mn.name); i >= 0 {
			return mn.n, s[:i] + " " + s[i+len(mn.name):], true
		}
	}
	return 0, s, false
}

// numbers returns the runs of ASCII digits in s.
func numbers(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

// asciiDigits turns Khmer (០-៩) and full-width (０-９) digits into ASCII.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '០' && r <= '៩':
			return '0' + (r - '០')
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		}
		return r
	}, s)
}

// fullYear reads a year; two digits mean the most recent such year that
// is not in the future (95 is 1995, 03 is 2003).
func fullYear(s string, today time.Time) int {
	y := atoi(s)
	if len(s) > 2 {
		return y
	}
	now := today.Year()
	if today.IsZero() {
		now = 2000 + 99
	}
	century := now - now%100
	if century+y > now {
		return century - 100 + y
	}
	return century + y
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
