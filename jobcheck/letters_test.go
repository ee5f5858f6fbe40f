package jobcheck

import (
	"slices"
	"testing"
)

// TestLetterEuphemisms: the 15k blind misses that were formal offer letters, fixed as classes
// (rules 2026.12.04-94) and tested in words no ad uses: an original passport "deposited" or
// handed to the office for "safekeeping" far from the word passport; a client's money grown
// as a sales duty (deposit_more: 예치금 증액, ដាក់ប្រាក់បន្ថែម); a role serving people back home
// (국내 고객 전담). Look-alikes stay unflagged.
func TestLetterEuphemisms(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		name, in, flag string
		want           bool
	}{
		{"original passport lodged", "On arrival, your original passport and work ID are to be lodged with the dormitory office for safe custody.", "passport_or_phone_surrender", true},
		{"original passport shown, returned", "Please bring your original passport to the embassy interview; it is returned to you the same day.", "passport_or_phone_surrender", false},
		{"original passport never surrendered", "Your original passport stays with you and is never surrendered to the company.", "passport_or_phone_surrender", false},
		{"khmer original passport to the office", "សូមយកលិខិតឆ្លងដែនច្បាប់ដើម និងសៀវភៅគ្រួសារ មកប្រគល់ឲ្យការិយាល័យក្រុមហ៊ុន", "passport_or_phone_surrender", true},
		{"khmer original passport shown", "សូមយកលិខិតឆ្លងដែនច្បាប់ដើមមកបង្ហាញពេលសម្ភាសន៍", "passport_or_phone_surrender", false},
		{"korean original passport deposited", "입사 시 여권 원본과 신분증은 총무팀에 일괄 예치합니다.", "passport_or_phone_surrender", true},
		{"korean original passport checked", "여권 원본은 면접 당일 확인 후 바로 돌려드립니다.", "passport_or_phone_surrender", false},
		{"clients to add funds", "Key duty: follow up with members so they add more funds to the platform each week.", "explicit_scam_work", true},
		{"bank teller deposits", "Teller: help customers with deposits and withdrawals at the branch counter.", "explicit_scam_work", false},
		{"korean deposit upsell", "고객님 추가 입금 상담 및 실적 관리", "explicit_scam_work", true},
		{"korean bank deposit", "은행 창구 예금 업무, 고객 응대", "explicit_scam_work", false},
		{"khmer members deposit more", "ជួយសមាជិកឲ្យវិនិយោគបន្ថែមរៀងរាល់សប្តាហ៍", "explicit_scam_work", true},
		{"khmer bank deposit", "បុគ្គលិកធនាគារ ទទួលប្រាក់បញ្ញើពីអតិថិជន", "explicit_scam_work", false},
		{"korean home customers", "업무: 한국에 사는 고객 대상 메신저 상담", "home_language_target_role", true},
		{"korean local customers", "업무: 현지 고객 대상 매장 판매", "home_language_target_role", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slices.Contains(flagIDs(c.Check(tt.in)), tt.flag); got != tt.want {
				t.Errorf("Check(%q) has %s = %v, want %v", tt.in, tt.flag, got, tt.want)
			}
		})
	}
}
