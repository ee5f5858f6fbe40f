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

// TestArrivalIsNoRoute (rules 2026.12.04-111): arriving in Bangkok or Dubai is no route through
// a third country: "방콕 도착 후" alone was indirect_route_third_country and, with Bangkok as a
// South-East Asian destination, routed_trip made a business traveller's note high. Moving on
// after arrival (to the border, another country, a partner hotel in Thailand) stays a route.
func TestArrivalIsNoRoute(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"ko business trip", "출장 안내: 방콕 호텔은 도착 후 여행사에서 안내드립니다. 항공권 회사 부담. 여권 사본은 비자 신청용으로 인사팀에 제출하세요.", LevelLow},
		{"ko check-in", "방콕 도착 후 호텔 체크인, 다음날 공장 견학", LevelLow},
		{"ko on to the border", "방콕 도착 후 차로 국경 넘어서 미얀마 쪽 사무실로 이동", LevelHigh},
		{"ko Dubai then Cambodia", "두바이 도착 후 교육 받고 캄보디아 지사로 재배치, 항공권 회사 부담", LevelHigh},
	})
}

// TestPromisingAndTraps (rules 2026.12.04-113): an awareness post's "jobs promising …" and
// "… are traps" (a PSA heading too) are warning words; a recruiter's "other agencies are fake,
// ours is real" in its own sentence hides nothing.
func TestPromisingAndTraps(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en PSA, jobs promising, are traps", "PSA from the Migrant Workers Centre: jobs promising $2,000 for typing in Poipet with free flights and no contract are traps. Ask us before you go.", LevelLow},
		{"en messages promising", "Messages promising USD 1,800 for chat work in Bavet, tickets paid, no experience needed, are lies. Talk to the police first.", LevelLow},
		{"en recruiter: others are fake", "Chat job in Poipet, $2,000, free flights, no contract needed. Other agencies are fake, ours is real.", LevelHigh},
	})
}

// TestNoPapersPayBait (rules 2026.12.04-114): work abroad with no passport, no work visa or on
// a tourist visa, together with unskilled pay far above the going rate, is high
// (no_papers_pay_bait); a local job in Kampot or Koh Kong that needs only an ID card is not
// (a border town is no partner in this combination: it is home to Khmer readers). Also a
// page admin as a desk role and "they wait to pick you up" (គេចាំទទួល) as a paid trip.
func TestNoPapersPayBait(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"km Malaysia, no passport", "ការងារនៅម៉ាឡេស៊ី ខែ ១៥០០$ អត់ចេះក៏បាន មិនបាច់លិខិតឆ្លងដែន", LevelHigh},
		{"en tourist visa", "Work in Thailand on a tourist visa, 1,500 USD, no experience needed", LevelHigh},
		{"ko 관광비자", "태국 관광비자로 입국, 경력 무관 월 400", LevelHigh},
		{"km Kampot factory, ID card only", "ត្រូវការកម្មករនៅរោងចក្រកំពត មិនបាច់លិខិតឆ្លងដែន យកតែអត្តសញ្ញាណប័ណ្ណ ប្រាក់ខែ ២២០$", LevelMedium},
		{"en Koh Kong hotel, ID card only", "Job in Koh Kong hotel, no passport needed, only ID card, $250", LevelMedium},
	})
	runFlagCases(t, c, []flagCase{
		{"km page admin", "ក្រុមហ៊ុនយើងកំពុងរកអ្នកគ្រប់គ្រងផេកនៅម៉ាឡេស៊ី", "vague_online_role", true},
		{"km they wait to pick you up", "មកដល់ព្រំដែន គេចាំទទួល", "employer_pays_travel", true},
	})
}

// TestBondsAndPackages (rules 2026.12.04-115): a "refundable security bond of USD 500 to secure
// your slot" is a fee and "mobilisation within 7 days" a rush; a salary "Package: USD 1,700" is
// pay, not a fee (-114 read "Package: USD 1" as one); a Korean friend's "그냥 톡으로 사람들 관리",
// "표는 회사에서 해줌"; Phuket and Pattaya as destinations, a relocation allowance as a paid trip.
func TestBondsAndPackages(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"ko friend in Vietnam", "형 나야. 나 지금 베트남인데 여기 회사 괜찮아. 하는 일은 그냥 톡으로 사람들 관리하는 거고 월 600 줌. 오고 싶으면 말만 해, 표는 회사에서 해줌", LevelHigh},
	})
	runFlagCases(t, c, []flagCase{
		{"en security bond", "A refundable security bond of USD 500 applies to secure your slot.", "upfront_fee_or_deposit", true},
		{"en package is pay", "Package: USD 1,700 net + accommodation.", "upfront_fee_or_deposit", false},
		{"en total package is a fee", "Japan work, total package $5,800, 50% down payment.", "upfront_fee_or_deposit", true},
		{"en mobilisation", "Mobilisation within 7 days of acceptance.", "urgency_pressure", true},
		{"en relocation allowance", "Staff housing and a relocation allowance towards your flight.", "employer_pays_travel", true},
		{"en Phuket", "Guest relations officer for our resort in Phuket.", "destination_sea", true},
	})
}
