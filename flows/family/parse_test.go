package family

import (
	"testing"
	"time"
)

var today = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		prob dateProblem
	}{
		{"1995-03-07", "1995-03-07", dateOK},
		{"1995.3.7", "1995-03-07", dateOK},
		{"95.03.07", "1995-03-07", dateOK},
		{"7/3/1995", "1995-03-07", dateOK},
		{"07-03-1995", "1995-03-07", dateOK},
		{"19950307", "1995-03-07", dateOK},
		{"950307", "1995-03-07", dateOK},
		{"1995년 3월 7일", "1995-03-07", dateOK},
		{"95년 3월 7일생", "1995-03-07", dateOK},
		{"៧ មីនា ១៩៩៥", "1995-03-07", dateOK},
		{"០៧/០៣/១៩៩៥", "1995-03-07", dateOK},
		{"7 March 1995", "1995-03-07", dateOK},
		{"March 7, 1995", "1995-03-07", dateOK},
		{"１９９５．３．７", "1995-03-07", dateOK},
		{"03.01.05", "2003-01-05", dateOK},
		{"2026-01-15", "2026-01-15", dateOK},
		{"2000-02-29", "2000-02-29", dateOK},
		{"1995-02-30", "", dateImpossible},
		{"1999-02-29", "", dateImpossible},
		{"1995-13-01", "", dateImpossible},
		{"31/4/1995", "", dateImpossible},
		{"1995년 2월 30일", "", dateImpossible},
		{"2026-01-16", "", dateFuture},
		{"2030-05-01", "", dateFuture},
		{"1899-12-31", "", dateTooOld},
		{"yesterday", "", dateUnreadable},
		{"1995", "", dateUnreadable},
		{"1995-03", "", dateUnreadable},
		{"12345", "", dateUnreadable},
		{"March 1995", "", dateUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, prob := parseDate(tt.in, today)
			if got != tt.want || prob != tt.prob {
				t.Errorf("parseDate(%q) = %q, %d; want %q, %d", tt.in, got, prob, tt.want, tt.prob)
			}
		})
	}
}

func TestParsePassport(t *testing.T) {
	tests := []struct {
		lang, in, want string
		ok             bool
	}{
		{"ko", "M12345678", "M12345678", true},
		{"ko", "m12345678", "M12345678", true},
		{"ko", "M 1234 5678", "M12345678", true},
		{"ko", "m-123-45678", "M12345678", true},
		{"ko", "M123A4567", "M123A4567", true},
		{"ko", "s123b4567", "S123B4567", true},
		{"ko", "MS1234567", "MS1234567", true},
		{"ko", "R12345678", "R12345678", true},
		{"ko", "G12345678", "G12345678", true},
		{"ko", "D12345678", "D12345678", true},
		{"ko", "M1234567８", "M12345678", true},
		// In Korean, a number that starts like a Korean one is checked as one.
		{"ko", "M1234567", "", false},
		{"ko", "M123456789", "", false},
		{"ko", "M12A45678", "", false},
		{"ko", "MM12345678", "", false},
		// Other countries' numbers, in every language: a Cambodian, a
		// Thai, a digits-only one.
		{"ko", "N01234567", "N01234567", true},
		{"km", "n0123 4567", "N01234567", true},
		{"km", "AA1234567", "AA1234567", true},
		{"en", "12345678", "12345678", true},
		{"km", "M1234567", "M1234567", true},
		{"en", "MM1234567", "MM1234567", true},
		// Not a passport number anywhere.
		{"ko", "X12", "", false},
		{"km", "ABCDEFG1", "", false},
		{"km", "1234567890", "", false},
		{"en", "M12345678 and more", "", false},
		{"ko", "여권 없음", "", false},
		{"km", "មិនដឹង", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.in, func(t *testing.T) {
			got, ok := parsePassport(tt.in, tt.lang)
			if got != tt.want || ok != tt.ok {
				t.Errorf("parsePassport(%q, %s) = %q, %t; want %q, %t", tt.in, tt.lang, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestMaskPassport(t *testing.T) {
	for in, want := range map[string]string{"M12345678": "M*****678", "M123A4567": "M*****567", "AB": "**"} {
		if got := MaskPassport(in); got != want {
			t.Errorf("MaskPassport(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePhone(t *testing.T) {
	tests := []struct {
		in      string
		contact bool
		want    string
		prob    phoneProblem
	}{
		{"010-1234-5678", false, "+821012345678", phoneOK},
		{"01012345678", false, "+821012345678", phoneOK},
		{"02-1234-5678", false, "+82212345678", phoneOK},
		{"012 345 678", false, "+85512345678", phoneOK},
		{"097 123 4567", false, "+855971234567", phoneOK},
		{"+82 10 1234 5678", false, "+821012345678", phoneOK},
		{"+855 12 345 678", false, "+85512345678", phoneOK},
		{"0082-10-1234-5678", false, "+821012345678", phoneOK},
		{"(+855) 12-345-678", false, "+85512345678", phoneOK},
		{"០១២ ៣៤៥ ៦៧៨", false, "+85512345678", phoneOK},
		{"85512345678", true, "+85512345678", phoneOK},
		{"031-123-4567", false, "", phoneCountry},
		{"+82 10", false, "", phoneInvalid},
		{"+1234567890123456", false, "", phoneInvalid},
		{"call me", false, "", phoneInvalid},
		{"12345", false, "", phoneInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, prob := parsePhone(tt.in, tt.contact)
			if got != tt.want || prob != tt.prob {
				t.Errorf("parsePhone(%q) = %q, %d; want %q, %d", tt.in, got, prob, tt.want, tt.prob)
			}
		})
	}
}
