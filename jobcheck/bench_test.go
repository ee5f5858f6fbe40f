package jobcheck

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// ad2000 is a 2,000-character recruiter message mixing Korean, English and Khmer, with
// amounts, contacts and many red flags: close to the worst case a user forwards.
func ad2000(tb testing.TB) string {
	tb.Helper()
	parts := []string{
		"[해외 CS 상담원 급구] 캄보디아 시아누크빌 근무, 경력·학력 무관 초보 가능, 월 800만원 보장 + 인센티브. ",
		"항공권·숙식 전액 지원, 한국 고객 응대 업무 (한국인만 근무). 문의는 텔레그램 @fake_recruiter_1 로만 받습니다. ",
		"URGENT HIRING: Digital Marketing Executive, salary USD 2,500–5,000/month, no experience needed, free air ticket ",
		"and accommodation. Your passport will be kept by the company for visa processing. DM our HR @fake_recruiter_3. ",
		"ជ្រើសរើសបុគ្គលិកបម្រើអតិថិជន ធ្វើការនៅក្រុងព្រះសីហនុ។ ប្រាក់ខែ ១២០០$ - ២០០០$ មិនត្រូវការបទពិសោធន៍។ ",
		"មានកន្លែងស្នាក់នៅ និងអាហារឥតគិតថ្លៃ។ ទាក់ទង ០១២ ០០០ ០០៣ ឬ Telegram @fake_recruiter_2 តែប៉ុណ្ណោះ។ ",
		"Golden Example Co., Ltd. — apply at hr.fake-jobs.example.com or fakehr.asia@gmail.com, +855 12 000 011. ",
	}
	var b strings.Builder
	for i := 0; utf8.RuneCountInString(b.String()) < 2000; i++ {
		b.WriteString(parts[i%len(parts)])
	}
	s := b.String()
	for utf8.RuneCountInString(s) > 2000 {
		_, w := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-w]
	}
	return s
}

func BenchmarkCheck2000(b *testing.B) {
	c := mustLoad(b)
	ad := ad2000(b)
	if r := c.Check(ad); r.Level != LevelHigh {
		b.Fatalf("level %s", r.Level)
	}
	b.SetBytes(int64(len(ad)))
	b.ResetTimer()
	for b.Loop() {
		c.Check(ad)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
