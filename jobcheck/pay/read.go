// Package pay reads amounts of money in a lower-cased text: numbers with a currency (sign,
// code or word, before or after), Korean amounts in 만 and 억 (1,000만, 천만 원, 1억 2천만원),
// bare numbers after a pay word (월 500 is 5,000,000 won), multipliers (3k, ២លាន), ranges
// (the upper end), and the pay period stated near each amount.
package pay

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// amount is one number read as money, before ranges are merged.
type amount struct {
	value      float64
	currency   string // "" when the number carries none
	start, end int
	korean     bool    // after a Korean pay word: a bare number counts in 만 (10,000) won
	bare       bool    // no currency, no multiplier
	assumed    float64 // the number as written, when its currency is only a pay word's guess
}

// Amount is one amount of money read from a text, at bytes [Start, End) of it.
type Amount struct {
	Value    float64
	Currency string // USD, USDT, KRW, KHR, THB, ...
	Period   string // month, day, week, hour or year; month when none is stated
	Start    int
	End      int
}

// Read finds the amounts of money in s, a lower-cased text, and reads each as pay.
func Read(s string) []Amount {
	var ams []amount
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if mayStartAmount(r) {
			if a, next, ok := readAmount(s, i); ok {
				ams = append(ams, a)
				i = next
				continue
			}
		}
		i += w
	}
	ams = mergeRanges(s, ams)
	var out []Amount
	for _, a := range ams {
		if a.currency == "" {
			continue
		}
		out = append(out, Amount{Value: a.value, Currency: a.currency, Period: periodNear(s, a.start, a.end),
			Start: a.start, End: a.end})
	}
	return out
}

// readAmount reads the amount that starts at byte i of s, if one does.
func readAmount(s string, i int) (amount, int, bool) {
	if i > 0 && (isASCIIAlnum(s[i-1]) || isHangulBefore(s, i)) && !isDigit(s[i]) {
		return amount{}, 0, false
	}
	if a, next, ok := readKorean(s, i); ok {
		return a, next, true
	}
	if cur, n := prefixCurrency(s, i); n > 0 {
		j := skipSpaces(s, i+n)
		if v, e, ok := readNumber(s, j); ok {
			a := amount{value: v, currency: cur, start: i, end: e}
			a.value, a.end = applyMultiplier(s, a.value, a.end)
			if cur2, e2 := suffixCurrency(s, a.end); e2 > a.end && (cur2 == cur || cur == "USD" && cur2 == "USDT") {
				a.currency, a.end = cur2, e2
			}
			return a, a.end, true
		}
		return amount{}, 0, false
	}
	if !isDigit(s[i]) || i > 0 && (isDigit(s[i-1]) || s[i-1] == '+' || s[i-1] == '.' || s[i-1] == ',') {
		return amount{}, 0, false
	}
	v, e, ok := readNumber(s, i)
	if !ok {
		return amount{}, 0, false
	}
	v, e = spaceGrouped(s, i, v, e)
	a := amount{value: v, start: i, end: e}
	var mult bool
	if a.value, a.end = applyMultiplier(s, v, e); a.end > e {
		mult = true
	}
	if cur, e2 := suffixCurrency(s, a.end); e2 > a.end {
		a.currency, a.end = cur, e2
		return a, a.end, true
	}
	if hasCounter(s, a.end) || !mult && digits(s[i:e]) >= 8 {
		return amount{}, e, false
	}
	kw, korean := payWordBefore(s, i)
	if !kw && koreanPayVerbAfter(s, a.end) {
		kw, korean = true, true // "한 달 800 드려요": a bare number paid out is 만 won
	}
	if kw {
		a.korean, a.assumed = korean, a.value
		a.currency = "USD"
		if korean {
			a.currency = "KRW"
			if a.value < 10000 {
				a.value *= 10000
			}
		}
		return a, a.end, true
	}
	a.bare = !mult
	if !a.bare || periodAfter(s, a.end) {
		a.currency, a.assumed = "USD", a.value // "2,500/month", "10k a month": dollars unless said otherwise
	}
	return a, a.end, true
}

// spaceGrouped reads "1 800 ដុល្លារ" and "2 000 USD" (thousands grouped by a space, as formal
// Khmer and French-style letters write them) as one number when a currency follows at once;
// otherwise it keeps v and e ("room 3, 500$ deposit" stays apart).
func spaceGrouped(s string, i int, v float64, e int) (float64, int) {
	if e-i > 3 || e+4 > len(s) || s[e] != ' ' || !isDigit(s[e+1]) || !isDigit(s[e+2]) || !isDigit(s[e+3]) ||
		e+4 < len(s) && (isDigit(s[e+4]) || s[e+4] == ',' || s[e+4] == '.') {
		return v, e
	}
	if _, c := suffixCurrency(s, e+4); c == e+4 {
		return v, e
	}
	g, _ := strconv.ParseFloat(s[e+1:e+4], 64)
	return v*1000 + g, e + 4
}

// readNumber reads 1,234.5 or 1234 at i; it stops before a trailing separator.
func readNumber(s string, i int) (float64, int, bool) {
	j := i
	for j < len(s) && (isDigit(s[j]) || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && isDigit(s[j+1])) {
		j++
	}
	if j == i {
		return 0, i, false
	}
	raw := s[i:j]
	// "1,000" and "1.000.000" group thousands; "2.5" is a decimal.
	if strings.Count(raw, ".") == 1 && !strings.Contains(raw, ",") && len(raw)-strings.IndexByte(raw, '.') != 4 {
		v, err := strconv.ParseFloat(raw, 64)
		return v, j, err == nil
	}
	keepDot := strings.Contains(raw, ",") && strings.Count(raw, ".") == 1
	var buf [32]byte
	b := buf[:0]
	for k := 0; k < len(raw); k++ {
		if c := raw[k]; c != ',' && (c != '.' || keepDot) {
			b = append(b, c)
		}
	}
	v, err := strconv.ParseFloat(string(b), 64)
	return v, j, err == nil
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func isHangulBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r >= 0xAC00 && r <= 0xD7A3
}

// mayStartAmount reports whether an amount can start with r: a digit, a currency sign, the
// first letter of a currency code, or a Korean numeral.
func mayStartAmount(r rune) bool {
	switch {
	case '0' <= r && r <= '9':
		return true
	case r == '$' || r == 'u' || r == 'k' || r == 't' || r == '₩' || r == '฿' || r == '៛':
		return true
	case r == 'n' || r == 'a' || r == 's' || r == 'q' || r == 'm' || r == 'e' || r == 'g' || r == 'j' ||
		r == '€' || r == '£' || r == '¥': // the other prefixCurrencies
		return true
	}
	return koreanDigit(r) > 0 || koreanUnit(r) > 0
}

// digits counts the ASCII digits of s.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// isASCIIAlnum reports whether b is an ASCII letter or digit (word boundaries for Latin words).
func isASCIIAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || 'A' <= b && b <= 'Z'
}
