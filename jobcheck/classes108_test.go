package jobcheck

import "testing"

// TestKhmerVoicesAndFeeOrder (rules 2026.12.04-108): probes in Khmer Facebook and chat voices no
// split uses. A friend abroad who will send the fare ("បងផ្ញើលុយឲ្យធ្វើដំណើរ", "차비는 보내줄게",
// "I'll send u money for the bus") and a job of sitting and chatting (អង្គុយឆាត); renting one's
// name to open bank accounts (ជួលឈ្មោះបើកគណនី); and pay before a fee in Khmer and Korean word
// order ("ប្រាក់ខែ ៤០០០$ ថ្លៃដំណើរការ ២៥០០$": the fee word names the amount after it, so the
// 4,000 stays pay). The recruit paying the fare ("send us money for the ticket") is no paid trip.
func TestKhmerVoicesAndFeeOrder(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"km friend sends the fare", "អូនសម្លាញ់ បងធ្វើការនៅមីយ៉ាន់ម៉ាហើយ ប្រាក់ខែ ១៨០០ ដុល្លារ ការងារអង្គុយឆាតតាមទូរស័ព្ទ ចាំបងផ្ញើលុយឲ្យធ្វើដំណើរមក", LevelHigh},
		{"km rent your name for accounts", "ម៉ាក់ៗ បើកូនចង់រកលុយបន្ថែម ការងារងាយៗ គ្រាន់តែជួលឈ្មោះបើកគណនីធនាគារ ម្តង ២០០$", LevelHigh},
		{"ko 차비 보내줄게", "차비는 보내줄게 캄보 와서 채팅만 하면 월 500", LevelHigh},
	})
	runFlagCases(t, c, []flagCase{
		{"km pay before the fee", "ជ្រើសរើសកម្មករកសិកម្មទៅអូស្ត្រាលី មិនចាំបាច់ចេះភាសាអង់គ្លេស ប្រាក់ខែ ៤០០០$ ថ្លៃដំណើរការ ២៥០០$", "high_pay_low_skill", true},
		{"ko pay before the fee", "호주 농장 월 500만원 수수료 300만원 초보 가능", "high_pay_low_skill", true},
		{"en an amount that is the fee", "No experience needed. Pay 900$ fee to start.", "high_pay_low_skill", false},
		{"en send u money", "I'll send u money for the bus, come quick", "employer_pays_travel", true},
		{"en send us money", "Send us money for the ticket first.", "employer_pays_travel", false},
		{"km a bank's account opening", "ធនាគារត្រូវការបុគ្គលិកជួយភ្ញៀវបើកគណនី នៅសាខាកំពង់ចាម", "bank_account_or_crypto_handover", false},
	})
}
