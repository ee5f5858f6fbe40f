package jobcheck

import "testing"

// TestNewsQuotingSurvivors: holdout-15r's false high as a class (rules 2026.12.04-124), in
// wordings no corpus split uses. A news report quotes survivors: the quotation is attributed
// after it ("…," one woman, 31, told reporters; said one survivor; according to one victim),
// or a headline quotation stands before a colon and "former workers recall". These
// attributions are report frames (quoted_lure), so a recruiter's denial inside the quotation
// ("you could quit anytime") is someone else's words and the report's lures are quoted. The
// same in Korean news style ("…"고 말했다, 피해자 A씨(27)는) and Khmer (ជនរងគ្រោះម្នាក់បាននិយាយថា).
// Look-alikes stay high: a recruiter quoting its own staff ("says one of our staff", 저희 직원
// A씨는 말했습니다, បុគ្គលិកយើងម្នាក់បាននិយាយថា) and then offering has no warning word.
func TestNewsQuotingSurvivors(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en headline quote, former workers recall", "\"Free flights, $1,800 for typing\": former workers recall the offers\nMonths after their rescue, five returnees met this newspaper. \"The recruiter said no visa was needed and we could quit anytime,\" one woman, 31, told reporters. \"At the compound they took our phones.\" Police warned job seekers against such offers.", LevelLow},
		{"en according to one survivor", "Rescued workers described the ads: \"easy chat job, $2,000, free ticket, not a scam,\" according to one survivor interviewed in Phnom Penh.", LevelLow},
		{"ko 피해자 A씨(27)는 …고 말했다", "[사회] \"월 800, 항공권 무료라더니\"… 캄보디아 감금 피해자들의 증언\n피해자 A씨(27)는 \"텔레그램으로 채팅 상담 알바, 비자 필요 없다고 했다\"고 말했다. 그는 도착하자마자 여권과 휴대폰을 빼앗겼다고 전했다.", LevelLow},
		{"km a victim said", "ជនរងគ្រោះម្នាក់បាននិយាយថា \"គេប្រាប់ថាការងារឆាត ខែ 1500$ ធ្វើដំណើរឥតគិតថ្លៃ មិនមែនបោកប្រាស់ទេ\"។ ពេលទៅដល់ គេដកហូតលិខិតឆ្លងដែន។ ប៉ូលិសអំពាវនាវឲ្យប្រុងប្រយ័ត្ន។", LevelLow},
		// Look-alikes: a recruiter quotes its own staff, then offers.
		{"en says one of our staff", "\"Best job ever, $2,000 a month, free flight,\" says one of our staff. Apply now! Chat support in Sihanoukville, we keep your passport for visa. Telegram @hr_best_1", LevelHigh},
		{"en said one of our workers", "\"I earn $2,500 typing, flight was free, no visa needed, you can leave anytime,\" said one of our workers, 24. Join us in Bavet! Telegram @bavet_jobs", LevelHigh},
		{"ko 저희 직원 A씨는 말했습니다", "\"여기 최고예요, 월 800\" 이라고 저희 직원 A씨(25)는 말했습니다. 캄보디아 채팅 상담, 항공권 무료, 여권은 회사 보관. 텔레 @kh_job", LevelHigh},
		{"km one of our staff said", "បុគ្គលិកយើងម្នាក់បាននិយាយថា \"ការងារល្អ ខែ 2000$\"។ មកធ្វើការនៅបាវិត ក្រុមហ៊ុនចេញថ្លៃធ្វើដំណើរ រក្សាទុក passport។ Telegram @bavet_km", LevelHigh},
	})
}

// TestPromoModelGigPassportKept: holdout-15r's missed high (ko-15r-22, rules 2026.12.04-125)
// as classes, in wordings no corpus split uses. A passport kept and promised back when the job
// ends ('여권은 … 보관하고 끝나면 돌려드려요', "we hold your passport and give it back after the
// shoot", ប្រគល់ឲ្យវិញពេលចប់ការងារ) is kept for the length of the job; "항공 숙소 다 저희가 해요"
// pays the travel; a bare number with a verb of paying ("800 드려요", "500 줌") is 만 won, as "월
// 500" is. A passport returned once a visa is stamped, one the worker keeps, a counter ("3명
// 드려요") and "항공권은 본인 부담" are none of these.
func TestPromoModelGigPassportKept(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"ko resort promo + live gig via DM", "친구가 인스타 DM 받았대요. \"말레이시아 호텔 홍보 모델, 라방 진행, 20대 여자분, 3주 600 드려요, 비행기 숙소 전부 저희가 해드려요, 여권은 매니저가 맡아두고 일 끝나면 돌려줌\"", LevelHigh},
		{"en resort promo gig, passport back after the shoot", "Hey babe! Saw your IG. Resort promo model + live streaming host in Phuket, girls 20-26 only, $3,000 for 4 weeks. Flights and villa on us. Our agency will hold your passport for the visa and give it back after the shoot 😘", LevelHigh},
		{"km promo model, passport back when it ends", "ការងារម៉ូដែលផ្សព្វផ្សាយរីសត និង live stream នៅថៃ ស្រីអាយុ 20-25 ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃយន្តហោះ។ លិខិតឆ្លងដែន ភ្នាក់ងាររក្សាទុក ហើយប្រគល់ឲ្យវិញពេលចប់ការងារ។ inbox", LevelHigh},
		// Look-alikes.
		{"en passport back once the visa is stamped", "Your passport goes to the embassy with our visa application and is returned to you once the visa is stamped, before departure. Signed contract first.", LevelLow},
		{"ko 여권은 본인 보관", "여권은 본인이 보관하시고 비자 발급 끝나면 대사관에서 돌려받습니다. 항공권은 본인 부담입니다.", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"ko 한 달 알바 600 드려요", "한 달 채팅 알바 600 드려요", "high_pay_low_skill", true},
		{"ko 3명 드려요 is a counter", "자리 3명 드려요", "high_pay_low_skill", false},
		{"ko 항공 숙소 다 저희가", "항공 숙소 다 저희가 해요", "employer_pays_travel", true},
		{"ko passport kept till it ends", "여권은 현지 에이전시가 보관하고 끝나면 돌려드려요", "passport_or_phone_surrender", true},
		{"en passport back after the stamp", "Passport returned after the visa is stamped.", "passport_or_phone_surrender", false},
	})
}

// TestPhotoFormatsAppNamesAndHomeContracts: holdout-15r's medium/low confusions (rules
// 2026.12.04-126) as classes, in wordings no corpus split uses. A passport-size photo
// (여권용 사진) is a photo format, not the passport; the job app a post comes from (알바앱,
// 알바천국) is no low-skill word; '실무 경험' is experience asked for, not 무경험 (the compact
// view joined 실무 and 경험); a permit or calling visa "done before departure" is a proper
// visa process; a contract signed in the worker's home city or at head office (본사에서 … 계약
// 체결) comes before departure. Look-alikes keep their flags: a passport copy beside the photo,
// 꿀알바 beside the app's name, 무경험 가능.
func TestPhotoFormatsAppNamesAndHomeContracts(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en Nepal agency, permit done before departure", "QATAR WAREHOUSE JOBS\nPickers and forklift drivers, logistics company in Doha. Basic QAR 1,400 + OT, room provided.\nWork visa stamped before departure, contract signed in Kathmandu.\nService fee NPR 80,000 after visa. Inquiries WhatsApp only, bring CV + 2 passport size photos", LevelMedium},
		{"ko 알바천국 tour guide", "[알바천국] 다낭 한인 여행사 현지 가이드 모집\n한국 단체 손님 인솔, 월 $1,000 + 팁, 가이드 경력자 우대\n현지 거주자만 (비자 본인 해결)\n텔레 문의 @danang_guide_77", LevelMedium},
		{"ko manager post, 실무 경험, 본사 계약", "㈜한빛전자 베트남 법인(하노이 공장) 생산관리 차장 채용\n- 자격: 생산관리 경력 10년 이상, 실무 경험 필수\n- 처우: 연봉 6,000만원 + 해외수당, 사택 제공\n- 비자: 본사 인사팀에서 출국 전 발급\n- 계약: 본사에서 대면 면접 후 근로계약 체결\n- 문의: hr@hanbit-elec.example.com", LevelLow},
		// Look-alikes.
		{"en passport copy beside the photo", "Chat support in Sihanoukville, USD 1,800, free flight. Send a passport size photo and a copy of your passport today on Telegram @kh_hr_9", LevelHigh},
		{"ko 알바몬 꿀알바", "[알바몬] 캄보디아 꿀알바 채팅만 하면 월 600, 무경험 가능, 항공권 지원, 텔레 @kh_chat_3", LevelHigh},
	})
	runFlagCases(t, c, []flagCase{
		{"en passport size photo", "Send CV and passport size photo.", "early_passport_copy", false},
		{"ko 여권용 사진", "이력서와 여권용 사진 1매 보내주세요", "early_passport_copy", false},
		{"ko 무경험 가능 stays low-skill", "무경험 가능 채팅 알바 월 500", "high_pay_low_skill", true},
		{"ko 실무 경험 is no 무경험", "ISO 실무 경험, 연봉 5,500만원", "high_pay_low_skill", false},
	})
}
