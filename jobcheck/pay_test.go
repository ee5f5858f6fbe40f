package jobcheck

import (
	"math"
	"testing"
)

func TestParsePay(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		name, in, evidence, currency, period string
		amount, monthlyUSD                   float64
	}{
		{"man with comma", "월 1,000만 보장", "1,000만", "KRW", "month", 1e7, 7142.86},
		{"man won", "1000만원 드립니다", "1000만원", "KRW", "month", 1e7, 7142.86},
		{"numeral cheonman", "한 달에 천만원", "천만원", "KRW", "month", 1e7, 7142.86},
		{"numeral with space", "한 달에 천만 원은 벌어", "천만 원", "KRW", "month", 1e7, 7142.86},
		{"numeral obaekman", "오백만원 보장", "오백만원", "KRW", "month", 5e6, 3571.43},
		{"eok", "연봉 1억 2천만원", "1억 2천만원", "KRW", "year", 1.2e8, 7142.86},
		{"wol bare", "월 500 보장", "500", "KRW", "month", 5e6, 3571.43},
		{"korean range", "고정 월급 1,150만~1,700만원", "1,150만~1,700만원", "KRW", "month", 1.7e7, 12142.86},
		{"korean range in dollars (-120)", "월 900~1,200불 (경력별)", "900~1,200불", "USD", "month", 1200, 1200},
		{"korean range in dollars, spaced", "급여 월 1,500 - 2,000 달러", "1,500 - 2,000 달러", "USD", "month", 2000, 2000},
		{"korean bare range stays won", "월 400~500 가능", "400~500", "KRW", "month", 5e6, 3571.43},
		{"yen range with a period (-120)", "Salary JPY 180,000-210,000/month", "JPY 180,000-210,000", "JPY", "month", 210000, 1400},
		{"ilsang", "일당 30만원", "30만원", "KRW", "day", 3e5, 5571.43},
		{"10M in Korean", "월 10M 가능", "10M", "KRW", "month", 1e7, 7142.86},
		{"dollar prefix", "Salary $2,500 per month", "$2,500", "USD", "month", 2500, 2500},
		{"usd suffix", "2,500 USD monthly", "2,500 USD", "USD", "month", 2500, 2500},
		{"usd prefix glued", "USD2500/month", "USD2500", "USD", "month", 2500, 2500},
		{"usd range", "USD 2,500–5,000/month", "USD 2,500–5,000", "USD", "month", 5000, 5000},
		{"khmer digits dollar", "ប្រាក់ខែ ២០០០$", "២០០០$", "USD", "month", 2000, 2000},
		{"khmer range", "ប្រាក់ខែ ១២០០$ - ២០០០$", "១២០០$ - ២០០០$", "USD", "month", 2000, 2000},
		{"khmer dollar word", "ប្រាក់ខែ ១០០០ ដុល្លារ", "១០០០ ដុល្លារ", "USD", "month", 1000, 1000},
		{"khmer space-grouped", "ប្រាក់បៀវត្សរ៍៖ ១ ៨០០ ដុល្លារអាមេរិកក្នុងមួយខែ", "១ ៨០០ ដុល្លារ", "USD", "month", 1800, 1800},
		{"space-grouped usd", "Salary: 2 400 USD per month", "2 400 USD", "USD", "month", 2400, 2400},
		{"riel million", "ប្រាក់ខែ ២លានរៀល", "២លានរៀល", "KHR", "month", 2e6, 487.80},
		{"baht", "Salary 35,000 THB", "35,000 THB", "THB", "month", 35000, 1000},
		{"thai digits baht", "เงินเดือน ๒๕,๐๐๐ บาท", "๒๕,๐๐๐ บาท", "THB", "month", 25000, 714.29},
		{"usdt weekly", "주급 2,000 USDT", "2,000 USDT", "USDT", "week", 2000, 8660},
		{"usdt after comma", "paid in USDT, 1,800 per month", "USDT, 1,800", "USDT", "month", 1800, 1800},
		{"k suffix", "earn $3k a month", "$3k", "USD", "month", 3000, 3000},
		{"k and hundreds", "salary 1k5$ a month", "1k5$", "USD", "month", 1500, 1500},
		{"wol cheon", "쉬운 일 월 1천", "1천", "KRW", "month", 1e7, 7142.86},
		{"wol baek", "경력무관 월 5백", "5백", "KRW", "month", 5e6, 3571.43},
		{"wol cheonobaek", "월 천오백 가능", "천오백", "KRW", "month", 1.5e7, 10714.29},
		{"per day", "$100 per day", "$100", "USD", "day", 100, 2600},
		{"full width", "ＵＳＤ２，５００／ｍｏｎｔｈ", "ＵＳＤ２，５００", "USD", "month", 2500, 2500},
		{"bare with period", "salary 1,800 per month", "1,800", "USD", "month", 1800, 1800},
		{"dollar word", "1,000 dollars a month", "1,000 dollars", "USD", "month", 1000, 1000},
		{"dalleo", "월 3000달러", "3000달러", "USD", "month", 3000, 3000},
		{"bul", "월급 2000불", "2000불", "USD", "month", 2000, 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pays := c.parsePay(newText(tt.in))
			if len(pays) != 1 {
				t.Fatalf("parsePay(%q) = %+v, want one amount", tt.in, pays)
			}
			p := pays[0]
			if p.Evidence != tt.evidence || p.Currency != tt.currency || p.Period != tt.period ||
				p.Amount != tt.amount || math.Abs(p.MonthlyUSD-tt.monthlyUSD) > 0.5 {
				t.Errorf("parsePay(%q) = %q %v %s/%s $%.2f, want %q %v %s/%s $%.2f", tt.in,
					p.Evidence, p.Amount, p.Currency, p.Period, p.MonthlyUSD,
					tt.evidence, tt.amount, tt.currency, tt.period, tt.monthlyUSD)
			}
			if tt.in[p.Start:p.End] != p.Evidence {
				t.Errorf("evidence %q is not the input at [%d:%d]", p.Evidence, p.Start, p.End)
			}
		})
	}
}

func TestParsePayIgnores(t *testing.T) {
	c := mustLoad(t)
	for _, in := range []string{
		"5월 500명 모집", "경력 3년 이상", "2026-01-30 마감", "전화 012 000 001", "18-25 years old",
		"typing 30 wpm", "2주만 계시면 됩니다", "추천만 받으면 됩니다", "for 6 months",
	} {
		if pays := c.parsePay(newText(in)); len(pays) > 0 {
			t.Errorf("parsePay(%q) = %+v, want none", in, pays)
		}
	}
}
