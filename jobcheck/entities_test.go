package jobcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestExtractEntities(t *testing.T) {
	tests := []struct {
		name, in string
		want     Entities
	}{
		{"telegram handle and link", "문의 텔레그램 @Fake_Recruiter_1 또는 https://t.me/fake_recruiter_2",
			Entities{Handles: []string{"@fake_recruiter_1", "@fake_recruiter_2"}}},
		{"handle without at", "Contact Telegram: fake_cs_team_7", Entities{Handles: []string{"@fake_cs_team_7"}}},
		{"telegram only is not a handle", "contact us on telegram only", Entities{}},
		{"khmer phone", "ទូរស័ព្ទ ០១២ ០០០ ០០៣", Entities{Phones: []string{"+85512000003"}}},
		{"korean phone in korean text", "연락처 010-0000-0001, 사무실 02-000-0000",
			Entities{Phones: []string{"+821000000001", "+8220000000"}}},
		{"thai phone and whatsapp link", "WhatsApp +66 80 000 0012 or wa.me/855120000011",
			Entities{Phones: []string{"+855120000011", "+66800000012"}}},
		{"amounts are not phones", "Salary 2,500-5,000 USD, deadline 2026-01-30", Entities{}},
		{"email and domains", "Apply at careers.exampleangkorhotel.com or HR@ExampleAngkorHotel.com; not fakehr.asia@gmail.com",
			Entities{Domains: []string{"exampleangkorhotel.com", "careers.exampleangkorhotel.com"},
				Emails: []string{"hr@exampleangkorhotel.com", "fakehr.asia@gmail.com"}}},
		{"companies", "Golden Example Co., Ltd. and (주)새봄물류 and Example Fortune Group",
			Entities{Companies: []string{"새봄물류", "golden example", "example fortune group"}}},
		{"khmer company", "ក្រុមហ៊ុន ABC Trading ជ្រើសរើសបុគ្គលិក", Entities{Companies: []string{"abc trading"}}},
		{"khmer sentence is not a company", "ក្រុមហ៊ុនខ្ញុំត្រូវការបុគ្គលិក", Entities{}},
		{"crypto and account", "USDT TRC20 TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC, 계좌 110-123-456789",
			Entities{Crypto: []string{"TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC"}, Accounts: []string{"110123456789"}}},
		{"full width handle", "＠ｆａｋｅ＿ｒｅｃｒｕｉｔｅｒ＿９", Entities{Handles: []string{"@fake_recruiter_9"}}},
	}
	sorted := cmpopts.SortSlices(func(a, b string) bool { return a < b })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := extractEntities(newText(tt.in))
			if diff := cmp.Diff(tt.want, got, sorted, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}
