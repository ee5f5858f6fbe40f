package jobcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct{ in, region, want string }{
		{"+855 12 000 001", RegionCambodia, "+85512000001"},
		{"(+855) 12-000-001", RegionCambodia, "+85512000001"},
		{"+855 (0)12 000 001", RegionCambodia, "+85512000001"},
		{"00855 97 000 0001", RegionCambodia, "+855970000001"},
		{"012 000 001", RegionCambodia, "+85512000001"},
		{"០១២ ០០០ ០០១", RegionCambodia, "+85512000001"},
		{"855-12-000-001", RegionCambodia, "+85512000001"},
		{"010-0000-0001", RegionCambodia, "+821000000001"},
		{"+82 10 0000 0001", RegionCambodia, "+821000000001"},
		{"02-000-0000", RegionKorea, "+8220000000"},
		{"+66 80 000 0012", RegionCambodia, "+66800000012"},
		{"080-000-0012", RegionThailand, "+66800000012"},
		{"+63 917 000 0000", RegionCambodia, "+639170000000"},
	}
	for _, tt := range tests {
		if got, ok := NormalizePhoneIn(tt.in, tt.region); !ok || got != tt.want {
			t.Errorf("NormalizePhoneIn(%q, %s) = %q, %v; want %q", tt.in, tt.region, got, ok, tt.want)
		}
	}
	for _, in := range []string{"2026-01-30", "123-45-67890", "1,000,000", "0123", ""} {
		if got, ok := NormalizePhone(in); ok {
			t.Errorf("NormalizePhone(%q) = %q, want not a phone", in, got)
		}
	}
}

func TestNormalizeOthers(t *testing.T) {
	tests := []struct {
		fn       func(string) (string, bool)
		in, want string
	}{
		{NormalizeHandle, "@Fake_Recruiter_1", "@fake_recruiter_1"},
		{NormalizeHandle, "https://t.me/Fake_Recruiter_1", "@fake_recruiter_1"},
		{NormalizeHandle, "telegram.me/fake_recruiter_1/", "@fake_recruiter_1"},
		{NormalizeHandle, "fake_recruiter_1", "@fake_recruiter_1"},
		{NormalizeHandle, "t.me/joinchat/AbCdEf123", "t.me/+abcdef123"},
		{NormalizeDomain, "https://WWW.Fake-Jobs.example.com:8443/apply?x=1", "fake-jobs.example.com"},
		{NormalizeDomain, "hr@Example.org", "example.org"},
		{NormalizeDomain, "ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"},
		{NormalizeCompany, "Golden Example Co., Ltd.", "golden example"},
		{NormalizeCompany, "(주)새봄물류", "새봄물류"},
		{NormalizeCompany, "주식회사 새봄물류", "새봄물류"},
		{NormalizeCompany, "ក្រុមហ៊ុន ABC Trading", "abc trading"},
		{NormalizeCompany, "Mekong Example Bank Plc", "mekong example bank"},
		{NormalizeCrypto, "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC", "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC"},
		{NormalizeCrypto, "0xAbCDEF0123456789abcdef0123456789ABCDEF01", "0xabcdef0123456789abcdef0123456789abcdef01"},
		{NormalizeAccount, "110-123-456789", "110123456789"},
		{NormalizeEmail, "HR@Example.org", "hr@example.org"},
	}
	for _, tt := range tests {
		if got, ok := tt.fn(tt.in); !ok || got != tt.want {
			t.Errorf("normalize(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

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
