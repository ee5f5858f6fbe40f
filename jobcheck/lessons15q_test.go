package jobcheck

import "testing"

// TestOfficialFeeAndSurvivorStories: holdout-15q's two false highs as classes (rules
// 2026.12.04-121), in wordings no corpus split uses. An official notice's one exception to "no
// payment" (the published exam or application fee, 공고된 응시료 외에는, ក្រៅពីថ្លៃប្រឡង) is
// the government's fee, not a recruiter's; "do not pay brokers" (브로커에게 돈을 주지 마세요,
// កុំបង់ប្រាក់ឲ្យឈ្មួញ) is a warning word, so the notice's "report anyone offering \"...\""
// reads its quoted guarantee as quoted; the Employment Permit System is an official channel and
// "no payment is required" states no fee. A survivor's story (생존자 이야기,
// រឿងរបស់អ្នករស់រានមានជីវិត) with "her passport was taken" tells what happened, and a
// recruiter's denial it quotes ("'not a scam'," she recalls) is reported speech, which keeps
// no awareness cue from reading the lures as quoted. Look-alikes stay high: a broker's service
// fee beside the exam fee, "don't pay other agents, pay us", a boss's quoted promise.
func TestOfficialFeeAndSurvivorStories(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en EPS notice, official application fee", "ANNOUNCEMENT: Korean language test for the Employment Permit System.\nApply only at the official centre. Other than the official application fee, no payment is required. Never pay brokers.\nReport anyone promising a \"guaranteed job in Korea\" to the labour ministry.", LevelLow},
		{"ko 고용허가제 notice, 응시료 외", "[안내] 고용허가제 한국어능력시험\n접수는 공식 접수처에서만 가능합니다. 공고된 응시료 외에는 어떠한 비용도 없습니다. 브로커에게 돈을 주지 마세요.\n'한국 취업 보장'을 약속하는 사람은 고용노동부에 신고하세요.", LevelLow},
		{"km EPS notice, exam fee only", "សេចក្តីជូនដំណឹង៖ ការប្រឡងភាសាកូរ៉េ EPS\nចុះឈ្មោះតែនៅមជ្ឈមណ្ឌលផ្លូវការប៉ុណ្ណោះ។ ក្រៅពីថ្លៃប្រឡង មិនគិតថ្លៃអ្វីទៀតទេ។ កុំបង់ប្រាក់ឲ្យឈ្មួញ។\nអ្នកណាសន្យា \"ធានាទៅកូរ៉េ\" សូមរាយការណ៍ទៅក្រសួងការងារ។", LevelLow},
		{"en survivor's story quoting a denial", "\"Easy chat job, USD 1,800, we pay your ticket\" – a survivor's story\nMaya, 23, saw the post on Facebook. She flew to Kuala Lumpur, then a van drove her over the border at night. Her phone and passport were taken on the first day.\n\"The agent kept saying 'totally legal, not a scam',\" she recalls. Her sister contacted the embassy to get her home.", LevelLow},
		{"ko 생존자 이야기", "생존자 이야기: \"월 700, 항공권 제공, 한국어 상담만\"\n그는 방콕에 도착한 뒤 차량으로 국경을 넘었고 첫날 여권을 빼앗겼다. \"모집책은 '절대 사기 아니다'라고 했다\"고 그는 말했다. 가족이 대사관의 도움으로 그를 데려왔다.", LevelLow},
		{"km survivor's story", "រឿងរបស់អ្នករស់រានមានជីវិត៖ \"ការងារឆាត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃយន្តហោះ\"\nគាត់ហោះទៅបាងកក រួចឡានដឹកឆ្លងព្រំដែន។ លិខិតឆ្លងដែនត្រូវគេដកហូតនៅថ្ងៃដំបូង។ គ្រួសារទាក់ទងស្ថានទូតដើម្បីនាំគាត់មកផ្ទះវិញ។", LevelLow},
		// Look-alikes.
		{"en broker's fee beside the exam fee", "Apart from the official exam fee, our service fee is USD 1,500 paid before registration. Guaranteed Korea job, no TOPIK needed. Telegram @eps_fast_12", LevelHigh},
		{"en don't pay other agents, pay us", "Don't pay other agents! Pay only us: 2000$ deposit, guaranteed Korea visa in 1 month. WhatsApp +855 12 000 111", LevelHigh},
		{"en a boss's quoted promise", "\"Salary $2,000, free flight, not a scam,\" my boss says. Come to Sihanoukville bro, chat job, they keep your passport for visa only", LevelHigh},
		{"km don't pay brokers, pay us", "ការងារឆាត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃយន្តហោះ ហោះទៅបាងកក រួចឡានដឹកឆ្លងព្រំដែន។ កុំបង់ប្រាក់ឲ្យឈ្មួញផ្សេង បង់ 500$ មកយើងតែម្តង Telegram @bkk_chat_44", LevelHigh},
		{"ko 브로커에게 돈 주지 마세요, 저희는 정식", "브로커에게 돈 주지 마세요! 저희는 정식입니다. 보증금 200만원 입금 후 출국, 캄보디아 채팅 상담 월 800", LevelHigh},
	})
	runFlagCases(t, c, []flagCase{
		{"en published test fee", "Besides the published test fee, nothing is charged.", "upfront_fee_or_deposit", false},
		{"en a bare fee stays", "Processing fee before you fly, ask me.", "upfront_fee_or_deposit", true},
	})
}

// TestDriveFromTheAirportAndPidginInvest: holdout-15q's two English misses as classes (rules
// 2026.12.04-122), in wordings no corpus split uses. A driver who takes the recruit from a hub's
// airport (Suvarnabhumi, Don Mueang, KLIA) to an unnamed "operations site" some hours away is a
// third-country route; "approx." and "incl." end no sentence; a client's or employer's name told
// only at orientation is an unverifiable company (고객사명은 오리엔테이션 때, ឈ្មោះក្រុមហ៊ុនដៃគូ
// នឹងប្រាប់). A friend in Nigerian Pidgin (my guy, my padi; "make dem invest", "dem go move us
// to Malaysia after training") names scam work and a bait switch. A named hotel with a work
// permit, and a branch named with its contract, stay low.
func TestDriveFromTheAirportAndPidginInvest(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en letter, Don Mueang to the project site", "Dear Applicant,\nWe are pleased to offer you a Guest Relations Associate role.\n- Entry: tourist visa, work formalities completed after arrival\n- Our driver will meet you at Don Mueang Airport and drive you to the project site (approximately 7 hours)\n- The employer's identity will be revealed during induction.", LevelHigh},
		{"en pidgin friend, make dem deposit", "My padi, I dey Bangkok now. Work na to chat customers, make dem deposit for the app, script dey. After training dem go send us to Cambodia office. $1800 monthly", LevelHigh},
		{"en named hotel, permit before departure", "Our driver collects you at Suvarnabhumi Airport and drives you to the Chiang Mai Marriott (approx. 9 hours by road). Work permit issued before departure.", LevelLow},
		{"en branch named, contract before departure", "After training we will move you to the Kuala Lumpur branch. Employment contract signed before departure.", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"en KLIA to an unnamed site", "A driver picks you up at KLIA and will transfer you to our operations site (approx. 6 hours).", "indirect_route_third_country", true},
		{"en airport pickup to the office, no hours", "Our driver will collect you at Suvarnabhumi Airport and take you to the office.", "indirect_route_third_country", false},
		{"en client's name at orientation", "The client's name will be disclosed at orientation.", "unverifiable_company", true},
		{"ko 고객사명 at orientation", "고객사명은 보안상 오리엔테이션 때 공개됩니다.", "unverifiable_company", true},
		{"km partner's name told later", "ឈ្មោះក្រុមហ៊ុនដៃគូ នឹងប្រាប់ពេលបណ្តុះបណ្តាល។", "unverifiable_company", true},
		{"en client named", "Client: Siam Example Hotels Co., Ltd., Sukhumvit Road, Bangkok.", "unverifiable_company", false},
		{"en pidgin, dem go move us", "After training dem go move us to Malaysia branch", "bait_location_switch", true},
		{"en pidgin, make dem invest", "you go chat clients, make dem invest for the platform", "explicit_scam_work", true},
		{"en my guy, friend", "My guy I dey Dubai now", "friend_referral", true},
	})
}

// TestDealersVisaNamesAndVerdicts15q: holdout-15q's medium/low confusions as classes (rules
// 2026.12.04-123), in wordings no corpus split uses. A dealer at a casino's tables names the
// game he deals ("Croupiers (Baccarat / Blackjack)", 바카라 딜러): a casino job, not online
// gambling scam work, which an online baccarat agent or 바카라 라이브방 stays. A visa named for
// its work (업무 비자, 국제업무 비자) is no 무비자. A friend who will pass on the boss's number
// (번호 알려줄게) teaches nothing: only 다/일/옆에서 알려줄게 is training on the job. "These are
// mostly scams" (ទាំងនេះភាគច្រើនជាការបោកប្រាស់, 이런 글은 대부분 사기입니다) is a verdict;
// "most ads are scams, but not ours" stays a recruiter's.
func TestDealersVisaNamesAndVerdicts15q(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en croupiers in Poipet", "Hiring croupiers (Baccarat / Blackjack) for a licensed hotel casino in Poipet, 2 years' experience, USD 900, work permit by the company", LevelMedium},
		{"en online baccarat agent", "Online baccarat agent, chat with players, push them to deposit, Sihanoukville USD 1500 Telegram @bac_ops_1", LevelHigh},
		{"ko 바카라 라이브방", "바카라·슬롯 라이브방 채팅 관리, 충전 안내, 캄보디아 월 1,200불", LevelHigh},
		{"ko 업무 비자 letter", "[채용] 싱가포르 물류회사 사무직\n- 비자: 업무 비자(Employment Pass) 회사 신청, 발급 후 출국\n- 근로계약서 출국 전 체결\n- 급여: 월 4,500 SGD, 경력 3년 이상", LevelLow},
		{"ko friend passes the boss's number", "형 내가 일하던 호치민 한식당에서 주방장 구한대. 경력 3년 이상, 월 2,000불, 사장님 번호 알려줄게", LevelLow},
		{"km mostly scams", "⚠️ ប្រុងប្រយ័ត្ន ⚠️\nឃើញមានប្រកាសការងារនៅបាវិតថា \"ខែ 1500$ មិនត្រូវការបទពិសោធន៍\" \"ក្រុមហ៊ុនចេញថ្លៃធ្វើដំណើរ\"។\nទាំងនេះភាគច្រើនជាការបោកប្រាស់។ សូមចែករំលែកដើម្បីការពារមិត្តភក្តិ។", LevelLow},
		{"en mostly scams", "⚠️ Be careful! ⚠️\nLately TikTok posts say \"high salary, no experience\" \"company pays the flight\" \"no EPS-TOPIK, Korea guaranteed\".\nThese are mostly scams or forced labour in online scam centres.\nShare to protect your family 🙏", LevelLow},
		{"ko 대부분 사기", "⚠️ 조심하세요! ⚠️\n요즘 틱톡에 \"고수익, 경력 무관\" \"항공권 회사 부담\" \"EPS-TOPIK 없이 한국 보장\" 글이 올라옵니다.\n이런 글은 대부분 사기입니다.\n가족에게 공유해 주세요 🙏", LevelLow},
		{"en most ads are scams, not ours", "Most overseas job ads are scams, but not ours! Chat job in Bavet USD 2,000, flight paid, Telegram @bavet_real_2", LevelHigh},
	})
	runFlagCases(t, c, []flagCase{
		{"en live dealers baccarat", "Now hiring: Live Dealers (Baccarat / Roulette)", "explicit_scam_work", false},
		{"en dealers needed: baccarat chat", "Dealers needed: baccarat chat support for VIP players online", "explicit_scam_work", true},
		{"ko 국제업무 비자", "비자: 기술·인문지식·국제업무 비자 회사 신청", "no_visa_or_tourist_visa", false},
		{"ko 업무 비자 without, then 무비자", "업무 비자 필요 없이 무비자로 입국, 현지에서 일하면 됨. 월 600", "no_visa_or_tourist_visa", true},
		{"ko 옆에서 다 알려줄게", "경력 필요 없고 내가 옆에서 다 알려줄게. 캄보디아 월 1,500불", "high_pay_low_skill", true},
	})
}
