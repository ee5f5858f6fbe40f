package jobcheck

import (
	"slices"
	"testing"
)

// TestBlindCombos: the two combinations of rules 2026.12.04-93, chosen by replaying the spent
// blind splits (testdata/corpus/README.md). Unskilled pay far above the going rate in
// South-East Asia with one more recruitment indicator, and a trip routed through a third
// country that is paid for or ends in South-East Asia, are high; the same pay in a legitimate
// offer (a contract before departure, a work visa; a hotel job; pay and place alone) and a
// route that ends elsewhere are not. No ad of the corpus uses these texts.
func TestBlindCombos(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		name, in string
		want     Level
		combo    string // a flag of the combination, marked critical when it holds
	}{
		{"pay bait, flight paid", "Chat support in Phnom Penh, $2,200 a month, no CV needed, we pay your flight.", LevelHigh, "high_pay_low_skill"},
		{"pay bait, ko travel paid", "캄보디아 단순 채팅 업무 월 600만원, 자격증 필요 없음, 항공권 제공", LevelHigh, "high_pay_low_skill"},
		{"pay bait, km travel paid", "ការងារនៅប្រទេសថៃ ប្រាក់ខែ 1500$ មិនបាច់ចេះភាសា ក្រុមហ៊ុនចេញថ្លៃធ្វើដំណើរ", LevelHigh, "high_pay_low_skill"},
		{"routed trip, paid", "We fly you to Bangkok, then a van takes you across the border to the office. Flights covered by us.", LevelHigh, "indirect_route_third_country"},
		{"pay and place alone", "English teachers in Ho Chi Minh City, USD 1,800/month, no experience needed, bachelor's degree required.", LevelMedium, ""},
		{"pay bait with a work visa", "Teach English in Da Nang, USD 1,800/month, no experience needed, flights paid, work permit sponsored by the school, contract signed before departure.", LevelMedium, ""},
		{"hotel is no third indicator", "Hotel in Bangkok hiring front desk staff, THB 35,000/month, training provided.", LevelMedium, ""},
		{"route ending elsewhere", "Fly to Dubai first, then our driver takes you across the border.", LevelMedium, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Check(tt.in)
			if r.Level != tt.want {
				t.Fatalf("Check(%q) = %s %v, want %s", tt.in, r.Level, flagIDs(r), tt.want)
			}
			if tt.combo != "" && !slices.ContainsFunc(r.Flags, func(f Flag) bool { return f.ID == tt.combo && f.Critical }) {
				t.Errorf("%s not marked critical: %+v", tt.combo, r.Flags)
			}
		})
	}
}

// TestLowSkillClasses: "not needed" ({unneeded}) joined with what a real job asks for
// ({skill}), and the Khmer ways of saying the bar is low, are low-skill words: with pay above
// the threshold they make high_pay_low_skill. A job that asks for them is not.
func TestLowSkillClasses(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		{"en no cv", "Online chat support, $1,500/month, no CV needed.", "high_pay_low_skill", true},
		{"en don't need a degree", "Night shift moderator, $1,400 a month, you don't need a degree.", "high_pay_low_skill", true},
		{"en all backgrounds", "Customer care, USD 1,200/month, open to all backgrounds.", "high_pay_low_skill", true},
		{"ko certificate not needed", "영업 보조 월 450만원, 자격증 필요 없음", "high_pay_low_skill", true},
		{"km cannot, they train", "ការងារវាយអក្សរ ប្រាក់ខែ 1000$ អត់ចេះក៏បង្ហាត់", "high_pay_low_skill", true},
		{"km grade 9 will do", "បុគ្គលិកឆាត ប្រាក់ខែ 1200$ រៀនចប់ថ្នាក់ទី៩ ក៏បាន", "high_pay_low_skill", true},
		{"km no experience, spoken", "ប្រាក់ខែ 1100$ អត់ត្រូវការបទពិសោធន៍", "high_pay_low_skill", true},
		{"en cv asked for", "Senior engineer, $3,000/month, send your CV and degree certificate.", "high_pay_low_skill", false},
		{"en cv not by telegram", "Accountant, $1,500 a month. Please do not send your CV by Telegram; apply on our website.", "high_pay_low_skill", false},
		{"km experience asked for", "ត្រូវការបុគ្គលិកមានបទពិសោធន៍ ២ឆ្នាំ ប្រាក់ខែ 900$", "high_pay_low_skill", false},
	})
}
