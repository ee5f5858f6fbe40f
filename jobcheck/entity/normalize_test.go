package entity

import "testing"

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
