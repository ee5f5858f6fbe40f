package jobcheck

import "testing"

// TestServiceChargeIsPay: a hotel's or restaurant's service charge paid to staff on top of the
// salary is pay, not a fee (rules 2026.12.04-118, pay_component; en-15o-27 was high on "plus
// service charge; 5 years'" read as a fee of 5 with a visa on arrival). A fee named elsewhere,
// or a "service charge" the recruit pays, stays a fee.
func TestServiceChargeIsPay(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		{"en plus service charge", "Waiter, Siem Reap hotel, USD 250/month plus service charge; 2 years experience.", "upfront_fee_or_deposit", false},
		{"en share of the service charge", "Chef de partie, USD 900 and a share of the service charge, 4 years' experience.", "upfront_fee_or_deposit", false},
		{"ko 봉사료 별도 지급", "호텔 웨이터 월 200만원, 봉사료 별도 지급, 경력 2년", "upfront_fee_or_deposit", false},
		{"en a fee elsewhere stays", "Resort job USD 1,200 plus service charge. Placement fee USD 500 before departure.", "upfront_fee_or_deposit", true},
		{"en a service charge the recruit pays", "Service charge: USD 300, pay before your interview.", "upfront_fee_or_deposit", true},
	})
	runLevelCases(t, c, []levelCase{
		{"en bartender letter with a visa on arrival", "Offer: Bartender at Example Bay Hotel, Sihanoukville; USD 600/month with service charge; 3 years' bar experience. We cover your flight from Manila; enter on a visa on arrival, the work permit follows after arrival.", LevelMedium},
	})
}
