package jobcheck

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// amount is one number read as money, before ranges are merged, in lower-view bytes.
type amount struct {
	value      float64
	currency   string // "" when the number carries none
	start, end int
	korean     bool // after a Korean pay word: a bare number counts in 만 (10,000) won
	bare       bool // no currency, no multiplier
}

// parsePay finds the amounts of money in t and reads each as pay.
func (c *Checker) parsePay(t *text) []Pay {
	s := t.lower.s
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
	var out []Pay
	for _, a := range ams {
		if a.currency == "" {
			continue
		}
		p := Pay{Amount: a.value, Currency: a.currency, Period: periodNear(s, a.start, a.end)}
		p.MonthlyUSD = c.monthlyUSD(p)
		p.Start, p.End = t.span(&t.lower, a.start, a.end)
		p.Evidence = t.orig[p.Start:p.End]
		out = append(out, p)
	}
	return out
}

func (c *Checker) monthlyUSD(p Pay) float64 {
	rate := c.pay.USDRate[p.Currency]
	if rate <= 0 {
		return 0
	}
	v := p.Amount / rate
	switch p.Period {
	case "day":
		v *= c.pay.DaysPerMonth
	case "week":
		v *= c.pay.WeeksPerMonth
	case "hour":
		v *= c.pay.HoursPerMonth
	case "year":
		v /= 12
	}
	return v
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
	a := amount{value: v, start: i, end: e}
	var mult bool
	if a.value, a.end = applyMultiplier(s, v, e); a.end > e {
		mult = true
	}
	if cur, e2 := suffixCurrency(s, a.end); e2 > a.end {
		a.currency, a.end = cur, e2
		return a, a.end, true
	}
	if hasCounter(s, a.end) || !mult && digitsIn(s[i:e]) >= 8 {
		return amount{}, e, false
	}
	if kw, korean := payWordBefore(s, i); kw {
		a.korean = korean
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
		a.currency = "USD" // "2,500/month", "10k a month": dollars unless said otherwise
	}
	return a, a.end, true
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

func digitsIn(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
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
