package pay

import (
	"strings"
	"unicode/utf8"
)

// koreanDigit, koreanUnit and koreanBig read Sino-Korean numerals; 0 when r is none.
func koreanDigit(r rune) float64 {
	switch r {
	case '일':
		return 1
	case '이':
		return 2
	case '삼':
		return 3
	case '사':
		return 4
	case '오':
		return 5
	case '육':
		return 6
	case '칠':
		return 7
	case '팔':
		return 8
	case '구':
		return 9
	}
	return 0
}

func koreanUnit(r rune) float64 {
	switch r {
	case '십':
		return 10
	case '백':
		return 100
	case '천':
		return 1000
	}
	return 0
}

func koreanBig(r rune) float64 {
	switch r {
	case '만':
		return 1e4
	case '억':
		return 1e8
	}
	return 0
}

// readKorean reads a won amount written with 만 or 억 at i: 1,000만, 1000만원, 천만 원,
// 오백만원, 1억 2천만원. A run of numerals without digits needs 십, 백 or 천, or 원 after it.
func readKorean(s string, i int) (amount, int, bool) {
	if i > 0 && isDigit(s[i]) && (isDigit(s[i-1]) || s[i-1] == ',' || s[i-1] == '.') {
		return amount{}, 0, false
	}
	var total, section, cur float64
	hasBig, hasDigit, hasUnit := false, false, false
	spaced, unitAfter := false, false // a space inside the amount; a unit after it
	var keepTotal float64
	var keepEnd int
	j, last := i, i
	for j < len(s) {
		if isDigit(s[j]) {
			v, e, ok := readNumber(s, j)
			if !ok || hasDigit && cur != 0 {
				break
			}
			cur, hasDigit, j = v, true, e
			last = j
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == ' ' && j+1 < len(s) && j > i {
			r2, _ := utf8.DecodeRuneInString(s[j+1:])
			if koreanBig(r2) > 0 || r2 == '원' || koreanUnit(r2) > 0 {
				j++
				continue
			}
			if hasBig && !spaced && (isDigit(s[j+1]) || koreanDigit(r2) > 0) {
				// "1억 2천만": the amount goes on; dropped again below if no unit follows.
				spaced, unitAfter, keepTotal, keepEnd = true, false, total, last
				j++
				continue
			}
			break
		}
		switch {
		case koreanDigit(r) > 0:
			cur = koreanDigit(r)
		case koreanUnit(r) > 0:
			if cur == 0 {
				cur = 1
			}
			section += cur * koreanUnit(r)
			cur, hasUnit, unitAfter = 0, true, true
		case koreanBig(r) > 0:
			n := section + cur
			if n == 0 {
				n = 1
			}
			total += n * koreanBig(r)
			section, cur, hasBig, unitAfter = 0, 0, true, true
		default:
			goto done
		}
		j += w
		last = j
	}
done:
	if !hasBig && hasUnit && koreanPayBefore(s, i) && !hasCounter(s, last) {
		// "월 1천", "월 5백", "월 천오백": after a pay word the 만 is left out, as "월 500" leaves
		// it out of 5,000,000 won (issue 15, tune18).
		if k := skipSpaces(s, last); !strings.HasPrefix(s[k:], "원") && !strings.HasPrefix(s[k:], "만") {
			total, hasBig = (section+cur)*1e4, true
			section, cur = 0, 0
		}
	}
	if !hasBig {
		return amount{}, 0, false
	}
	if spaced && !unitAfter {
		total, section, cur, last = keepTotal, 0, 0, keepEnd
	}
	end := last
	won := false
	if k := skipSpaces(s, end); strings.HasPrefix(s[k:], "원") {
		end, won = k+len("원"), true
	}
	if !hasDigit && !hasUnit && !won {
		return amount{}, 0, false
	}
	if !won && hasCounter(s, end) {
		return amount{}, 0, false
	}
	return amount{value: total + section + cur, currency: "KRW", start: i, end: end, korean: true}, end, true
}

// mergeRanges joins "A - B", "A ~ B" and "A to B" into one amount: the upper end, the span of
// both, the currency of whichever side states it. A currency only guessed from a pay word
// gives way to the one the other end states: "월 1,000~1,300불" is dollars, not 1,000만 won,
// and "JPY 200,000-230,000/month" yen (rules 2026.12.04-120, ko-15p-14, en-15p-07).
func mergeRanges(s string, ams []amount) []amount {
	var out []amount
	for k := 0; k < len(ams); k++ {
		a := ams[k]
		if k+1 < len(ams) && isRangeSep(s[a.end:ams[k+1].start]) {
			b := ams[k+1]
			switch {
			case a.assumed > 0 && b.assumed == 0 && b.currency != "" && b.currency != a.currency:
				a.value, a.currency, a.korean = a.assumed, b.currency, b.korean
			case b.assumed > 0 && a.assumed == 0 && a.currency != "" && b.currency != a.currency:
				b.value, b.currency = b.assumed, a.currency // "JPY 200,000-230,000/month"
			case a.currency != "" && b.currency == "":
				b.currency = a.currency
				if a.korean && b.value < 10000 {
					b.value *= 10000
				}
			case a.currency == "" && b.currency != "":
				a.currency = b.currency
				if b.korean && a.value < 10000 {
					a.value *= 10000
				}
			}
			if a.currency == b.currency && a.currency != "" {
				a.value = max(a.value, b.value)
				a.end = b.end
				k++
			}
		}
		out = append(out, a)
	}
	return out
}

func isRangeSep(between string) bool {
	switch strings.TrimSpace(between) {
	case "-", "~", "to", "–", "부터":
		return true
	}
	return false
}

// koreanPayBefore reports whether a Korean pay word (월, 월급, 일당 ...) ends just before i.
func koreanPayBefore(s string, i int) bool {
	kw, korean := payWordBefore(s, i)
	return kw && korean
}
