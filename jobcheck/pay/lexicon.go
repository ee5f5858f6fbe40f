package pay

import (
	"strings"
	"unicode/utf8"
)

// Currency words, longest first where one is a prefix of another.
var prefixCurrencies = []struct{ word, cur string }{
	{"us$", "USD"}, {"usdt", "USDT"}, {"usd", "USD"}, {"$", "USD"}, {"₩", "KRW"}, {"krw", "KRW"},
	{"thb", "THB"}, {"฿", "THB"}, {"khr", "KHR"}, {"៛", "KHR"},
	// Issue 15: other currencies of overseas offers, so that their amounts are not read as USD.
	{"nzd", "NZD"}, {"aud", "AUD"}, {"sgd", "SGD"}, {"aed", "AED"}, {"qar", "QAR"}, {"myr", "MYR"},
	{"eur", "EUR"}, {"€", "EUR"}, {"gbp", "GBP"}, {"£", "GBP"}, {"jpy", "JPY"}, {"¥", "JPY"},
}

var suffixCurrencies = []struct{ word, cur string }{
	{"usdt", "USDT"}, {"usd", "USD"}, {"us$", "USD"}, {"$", "USD"}, {"dollars", "USD"},
	{"dollar", "USD"}, {"달러", "USD"}, {"불", "USD"}, {"ដុល្លារ", "USD"}, {"테더", "USDT"},
	{"원", "KRW"}, {"won", "KRW"}, {"krw", "KRW"}, {"₩", "KRW"},
	{"baht", "THB"}, {"บาท", "THB"}, {"바트", "THB"}, {"បាត", "THB"}, {"thb", "THB"}, {"฿", "THB"},
	{"riels", "KHR"}, {"riel", "KHR"}, {"រៀល", "KHR"}, {"khr", "KHR"}, {"៛", "KHR"}, {"리엘", "KHR"},
	{"nzd", "NZD"}, {"aud", "AUD"}, {"sgd", "SGD"}, {"aed", "AED"}, {"dirhams", "AED"}, {"qar", "QAR"},
	{"riyals", "QAR"}, {"myr", "MYR"}, {"ringgit", "MYR"}, {"រីងហ្គីត", "MYR"}, {"eur", "EUR"},
	{"euros", "EUR"}, {"€", "EUR"}, {"gbp", "GBP"}, {"£", "GBP"}, {"jpy", "JPY"}, {"yen", "JPY"},
}

var multipliers = []struct {
	word string
	mult float64
}{
	{"million", 1e6}, {"mil", 1e6}, {"k", 1e3}, {"m", 1e6}, {"លាន", 1e6}, {"ពាន់", 1e3},
	{"ម៉ឺន", 1e4}, {"សែន", 1e5},
}

// counters after a bare number make it a count, a duration or a date, not money.
var counters = []string{
	"명", "개", "년", "세", "살", "시", "분", "타", "층", "번", "호", "일", "주", "차", "회", "건", "위",
	"등", "%", "人", "years", "year", "yrs", "yr", "people", "persons", "person", "pax", "wpm",
	"hours", "hour", "hrs", "hr", "km", "minutes", "mins", "min", "slots", "seats", "days", "day",
	"weeks", "months", "th", "st", "nd", "rd", "am", "pm", "x", "នាក់", "រូប", "ឆ្នាំ", "ខែ",
	"ថ្ងៃ", "ម៉ោង", "គណនី",
}

// Pay words before a bare number: Korean ones count it in 만 won ("월 500" = 5,000,000 won).
var koreanPayWords = []string{"월급", "급여", "월수입", "수입", "수익", "연봉", "일당", "시급", "주급", "보수", "페이", "기본급", "고정급", "고정", "월"}
var otherPayWords = []string{"salary", "pay", "wage", "wages", "income", "earn", "earnings", "ប្រាក់ខែ", "ប្រាក់បៀវត្ស", "ប្រាក់ឈ្នួល", "ចំណូល", "เงินเดือน"}
var fillers = []string{"is", "of", "about", "around", "up to", "from", "approx", "approximately", "at least", "최대", "최소", "평균", "약", "고정", "보장", "최소", "ត្រឹម", "រហូតដល់", "ចាប់ពី"}

var periods = []struct{ word, period string }{
	{"per month", "month"}, {"a month", "month"}, {"/month", "month"}, {"monthly", "month"},
	{"/mo", "month"}, {"month", "month"}, {"월급", "month"}, {"한 달", "month"}, {"한달", "month"},
	{"매달", "month"}, {"매월", "month"}, {"월", "month"}, {"ខែ", "month"}, {"เดือน", "month"},
	{"per day", "day"}, {"a day", "day"}, {"/day", "day"}, {"daily", "day"}, {"일당", "day"},
	{"하루", "day"}, {"ថ្ងៃ", "day"}, {"วัน", "day"}, {"日", "day"},
	{"per week", "week"}, {"a week", "week"}, {"/week", "week"}, {"weekly", "week"},
	{"주급", "week"}, {"매주", "week"}, {"주당", "week"}, {"일주일", "week"}, {"សប្តាហ៍", "week"},
	{"per hour", "hour"}, {"an hour", "hour"}, {"/hour", "hour"}, {"/hr", "hour"},
	{"hourly", "hour"}, {"시급", "hour"}, {"ម៉ោង", "hour"},
	{"per year", "year"}, {"a year", "year"}, {"/year", "year"}, {"per annum", "year"},
	{"annual", "year"}, {"annually", "year"}, {"yearly", "year"}, {"연봉", "year"}, {"ឆ្នាំ", "year"},
}

func prefixCurrency(s string, i int) (string, int) {
	for _, c := range prefixCurrencies {
		if end := i + len(c.word); strings.HasPrefix(s[i:], c.word) && (end >= len(s) || !isLetter(s[end])) {
			n := len(c.word)
			for k := 0; k < 3 && i+n < len(s) && (s[i+n] == ' ' || s[i+n] == ':' || s[i+n] == ','); k++ {
				n++
			}
			return c.cur, n
		}
	}
	return "", 0
}

func suffixCurrency(s string, e int) (string, int) {
	j := skipSpaces(s, e)
	for _, c := range suffixCurrencies {
		if strings.HasPrefix(s[j:], c.word) && latinEnd(s, j+len(c.word), c.word) {
			return c.cur, j + len(c.word)
		}
	}
	return "", e
}

// latinEnd: a Latin word must end at a word boundary ("k" is not "km", "usd" is not "usdx").
func latinEnd(s string, end int, word string) bool {
	last := word[len(word)-1]
	return !('a' <= last && last <= 'z') || end >= len(s) || !isASCIIAlnum(s[end])
}

func applyMultiplier(s string, v float64, e int) (float64, int) {
	j := e
	if j < len(s) && s[j] == ' ' {
		j++
	}
	for _, m := range multipliers {
		if strings.HasPrefix(s[j:], m.word) && latinEnd(s, j+len(m.word), m.word) {
			return v * m.mult, j + len(m.word)
		}
	}
	// "1k5" is 1,500 and "2k8" 2,800, as chat writes them (issue 15, tune18).
	if j == e && j+1 < len(s) && s[j] == 'k' && isDigit(s[j+1]) && (j+2 == len(s) || !isDigit(s[j+2])) {
		return v*1e3 + float64(s[j+1]-'0')*100, j + 2
	}
	return v, e
}

func hasCounter(s string, e int) bool {
	j := skipSpaces(s, e)
	for _, c := range counters {
		if strings.HasPrefix(s[j:], c) && latinEnd(s, j+len(c), c) {
			return true
		}
	}
	return false
}

// Korean verbs of paying after a bare number (rules 2026.12.04-125, ko-15r-22): "800 드려요",
// "500 줌", "천 받아요" count it in 만 won as "월 500" does.
var koreanPayVerbs = []string{"드려요", "드립니다", "드림", "드려", "드릴게", "줘요", "줍니다", "줌", "준대", "준다", "줄게", "받아요", "받습니다", "받음", "벌어요", "벌어", "벌음", "법니다"}

// koreanPayVerbAfter reports whether a Korean verb of paying follows the number ending at e.
func koreanPayVerbAfter(s string, e int) bool {
	j := skipSpaces(s, e)
	for _, v := range koreanPayVerbs {
		if strings.HasPrefix(s[j:], v) {
			return true
		}
	}
	return false
}

// payWordBefore reports whether a pay word ends just before i (filler words allowed), and
// whether it is a Korean one.
func payWordBefore(s string, i int) (bool, bool) {
	before := strings.TrimRight(s[:i], " :=~-")
	for pass := 0; pass < 2; pass++ {
		for _, w := range koreanPayWords {
			if strings.HasSuffix(before, w) && (w != "월" || standalone(before, len(before)-len(w))) {
				return true, true
			}
		}
		for _, w := range otherPayWords {
			if strings.HasSuffix(before, w) && standaloneLatin(before, len(before)-len(w), w) {
				return true, false
			}
		}
		trimmed := before
		for _, f := range fillers {
			if strings.HasSuffix(before, f) && standaloneLatin(before, len(before)-len(f), f) {
				trimmed = strings.TrimRight(before[:len(before)-len(f)], " :=~-")
				break
			}
		}
		if trimmed == before {
			break
		}
		before = trimmed
	}
	return false, false
}

// standalone: the word at i follows no Hangul syllable and no digit ("5월" is May).
func standalone(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !(r >= 0xAC00 && r <= 0xD7A3) && !('0' <= r && r <= '9')
}

func standaloneLatin(s string, i int, w string) bool {
	return !('a' <= w[0] && w[0] <= 'z') || i == 0 || !isASCIIAlnum(s[i-1])
}

// periodAfter reports whether a pay period follows e closely ("2,500/month", "800 a day").
func periodAfter(s string, e int) bool {
	j := skipSpaces(s, e)
	if j < len(s) && s[j] == '/' {
		j++
	}
	for _, w := range []string{"per ", "a ", "an "} {
		if strings.HasPrefix(s[j:], w) {
			j += len(w)
			break
		}
	}
	for _, p := range periods {
		if strings.HasPrefix(s[j:], p.word) && periodWordOK(s, j, p.word) {
			return true
		}
		if p.word[0] == '/' && strings.HasPrefix(s[j:], p.word[1:]) && periodWordOK(s, j, p.word[1:]) {
			return true
		}
	}
	return false
}

// periodNear is the pay period stated near [start, end), "month" when none is.
func periodNear(s string, start, end int) string {
	if p, ok := findPeriod(s, start, end, 12, 14); ok {
		return p
	}
	return "month"
}

// findPeriod finds the period word nearest to [start, end) within the given rune windows.
func findPeriod(s string, start, end, before, after int) (string, bool) {
	lo, hi := start, end
	for n := 0; n < before && lo > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(s[:lo])
		lo -= w
	}
	for n := 0; n < after && hi < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[hi:])
		hi += w
	}
	best, bestDist := "", 1<<30
	for _, p := range periods {
		if k := strings.LastIndex(s[lo:start], p.word); k >= 0 {
			at := lo + k
			if d := start - (at + len(p.word)); d < bestDist && periodWordOK(s, at, p.word) {
				best, bestDist = p.period, d
			}
		}
		if k := strings.Index(s[end:hi], p.word); k >= 0 {
			at := end + k
			if d := at - end; d < bestDist && periodWordOK(s, at, p.word) {
				best, bestDist = p.period, d
			}
		}
	}
	return best, best != ""
}

func periodWordOK(s string, at int, w string) bool {
	if w == "월" {
		return standalone(s, at) && !strings.HasPrefix(s[at:], "월드")
	}
	c := w[0]
	if c == '/' || !('a' <= c && c <= 'z') {
		return true
	}
	return (at == 0 || !isASCIIAlnum(s[at-1])) && latinEnd(s, at+len(w), w)
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
