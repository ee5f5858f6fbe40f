package jobcheck

import "testing"

// TestSignListsAndLetterLabels: holdout-15p's false high and its Korean miss as classes (rules
// 2026.12.04-119), in wordings no corpus split uses. A list of signs under a heading with a
// hedged verdict ("N signs an offer could be a trap", "how to spot a fake job", 사기일 수 있는,
// អាចជាអន្ទាក់, "share to protect") is a warning word, so the post's advice ("verify with your
// embassy") reads every quoted lure as quoted. A letter that awaits the reader's reply (회신
// 기다리겠습니다, "we look forward to your reply") offers in the first person, so its own
// "유의사항:" / "Note:" label hides no penalty clause. Look-alikes stay high.
func TestSignListsAndLetterLabels(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en how to spot, check with the embassy", "How to spot a fake job abroad:\n- \"Pay USD 2,500, just chatting online\"\n- \"We hold your passport so you don't run\"\n- \"Come on a tourist visa, we drive you over the border from Bangkok\"\nCheck with your embassy before you accept anything.", LevelLow},
		{"ko 사기일 수 있는 신호 list", "해외 일자리가 사기일 수 있는 신호 4가지\n1. '경력 무관 월 800'\n2. '여권은 회사가 보관'\n3. '관광비자로 입국 후 차량 이동'\n출국 전 영사콜센터에 꼭 문의하세요.", LevelLow},
		{"km could be a trap list", "សញ្ញាដែលការងារនៅបរទេសអាចជាអន្ទាក់៖\n១. \"ខែ ២០០០$ មិនត្រូវការបទពិសោធន៍\"\n២. \"ក្រុមហ៊ុនរក្សាទុកលិខិតឆ្លងដែន\"\nសូមសួរស្ថានទូតមុនចេញដំណើរ។", LevelLow},
		// Look-alikes: a recruiter's list has no hedged verdict, or denies one.
		{"en recruiter's reasons list", "5 reasons to join us in Sihanoukville:\n1. USD 2,500, no experience\n2. Free flight and housing\n3. We keep your passport safe for the visa\nTelegram @shv_join_05", LevelHigh},
		{"en some say could be a scam, not us", "Some say jobs abroad could be a trap. Not us, 100% legal! Chat job in Bavet USD 2,000, flight paid, Telegram @bavet_ok_09", LevelHigh},
		// A letter's own notes label is no warning.
		{"ko letter 주의사항 penalty", "[채용 제안] 해외 고객상담팀\n회사명은 합격 후 안내드립니다.\n- 급여: 월 900만원\n- 지원: 왕복 항공권, 숙소\n- 유의사항: 6개월 내 퇴사 시 항공료와 숙소비 전액 배상\n검토 후 회신 부탁드립니다.", LevelHigh},
		{"en letter Note: repay clause", "Dear candidate, we are pleased to offer you a Customer Support post in Phnom Penh, USD 2,800/month, no experience required. Flights and housing are covered. Important note: if you resign within 6 months you repay the flight and training costs. We look forward to your reply.", LevelHigh},
	})
	runFlagCases(t, c, []flagCase{
		{"ko withheld name after the final interview", "회사명은 최종 면접 후 공개됩니다. 근무지 동남아.", "unverifiable_company", true},
		{"ko 지원: 항공권 field", "- 지원: 왕복 항공권, 식사", "employer_pays_travel", true},
		{"ko real name with an address", "회사명: 주식회사 한빛물류 (서울 구로구), 면접 후 입사일 안내", "unverifiable_company", false},
	})
}

// TestAccountsLentDenialsAndRush: holdout-15p's two Khmer misses as classes (rules
// 2026.12.04-119): accounts opened in the recruit's name, several at once, or lent to "them"
// for a few days (គេយកគណនីទៅប្រើ, "they borrow the accounts for a week", 계좌 며칠만 쓰고); a
// friend's "it's not illegal" (មិនខុសច្បាប់ទេ, "nothing illegal", 법적으로 문제 없어); a flight
// tomorrow (ហោះថ្ងៃស្អែក). A salary paid into the worker's own account is no handover.
func TestAccountsLentDenialsAndRush(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		{"km they take the account to use", "បងប្រុសអើយ ថៅកែយកគណនីទៅប្រើ ១សប្តាហ៍ ឲ្យ 800$", "bank_account_or_crypto_handover", true},
		{"km open two accounts in your name", "ទៅបើកគណនី ABA ២ ឈ្មោះប្អូន ចាំបងយកទៅ", "bank_account_or_crypto_handover", true},
		{"en they borrow the accounts", "easy cash bro, they borrow your bank accounts for a week and pay 700 usd", "bank_account_or_crypto_handover", true},
		{"ko 계좌 며칠만 쓰고", "계좌 며칠만 쓰고 돌려준대, 건당 300", "bank_account_or_crypto_handover", true},
		{"km salary into your own ABA account", "ក្រុមហ៊ុនបើកប្រាក់ខែតាមគណនី ABA ក្នុងឈ្មោះបុគ្គលិកផ្ទាល់ រៀងរាល់ចុងខែ", "bank_account_or_crypto_handover", false},
		{"en salary paid to your account", "Salary is paid into your own bank account every month; the company uses payroll software.", "bank_account_or_crypto_handover", false},
		{"km not illegal", "ការងារនេះអត់ខុសច្បាប់ទេ ខ្ញុំធ្វើហើយ", "reassurance_denial", true},
		{"en nothing illegal", "nothing illegal, I did it twice already", "reassurance_denial", true},
		{"ko 법적으로 문제 없어", "법적으로 문제 없어 나도 해봤어", "reassurance_denial", true},
		{"km fly tomorrow", "ការងារស្រួល ខែ 1300$ ហោះស្អែក", "urgency_pressure", true},
		{"km flight described, no rush", "ក្រុមហ៊ុនរៀបចំការហោះហើរបន្ទាប់ពីចុះកិច្ចសន្យា", "urgency_pressure", false},
	})
	runLevelCases(t, c, []levelCase{
		{"km friend lends accounts in Bavet", "ឯងខ្វះលុយមែន? បើកគណនីធនាគារ ២ ឈ្មោះឯង ទៅបាវិតជាមួយខ្ញុំ គេខ្ចីគណនីប្រើ ១សប្តាហ៍ ឲ្យ 700$ អត់ខុសច្បាប់ទេ", LevelHigh},
		{"km short caption, fly tomorrow", "ការងារងាយៗ ខែ 1400$ ក្រុមហ៊ុនចេញថ្លៃយន្តហោះ ហោះថ្ងៃស្អែក Telegram @tiktok_job_31", LevelHigh},
		{"km local shop, salary to ABA", "ហាងកាហ្វេនៅកំពត ត្រូវការបុគ្គលិក ខែ 200$ បើកប្រាក់ខែតាមគណនី ABA ទូរស័ព្ទ 012 345 678", LevelLow},
	})
}

// TestMediumLowConfusions15p: holdout-15p's medium/low confusions as classes (rules
// 2026.12.04-120), in wordings no corpus split uses: advice to check a company's name,
// registration number or address, or to use a help desk's company-check service (safety_advice);
// a ministry that never authorises brokers warns (ko/km/en); a placement agency's 직업소개 is no
// friend's 소개; a translated copy of a contract is paperwork, not a translation job
// (translated_document). Look-alikes stay high: a broker who quotes the ministry and then offers
// a guaranteed pass for a fee, a friend who introduces a job.
func TestMediumLowConfusions15p(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"ko notice, check registration number", "[취업사기 주의] 이런 글 보이면 바로 차단하세요: \"비자 없이 가능, 월 1,200, 숙소 제공, 텔레 문의\". 지원 전에 사업자등록번호와 주소를 반드시 조회하세요.", LevelLow},
		{"en check the licence with the ministry", "Scam alert: posts like \"USD 2,000 a month, no experience, free flight to Cambodia\" keep appearing. Check the agency's licence number with the labour ministry before you pay anyone.", LevelLow},
		{"km check the registration number", "ប្រយ័ត្ន! ការផ្សាយដូចជា \"ខែ ១៨០០$ ហោះទៅថៃ ក្រុមហ៊ុនចេញថ្លៃ\"។ សូមពិនិត្យលេខចុះបញ្ជីក្រុមហ៊ុនឲ្យច្បាស់ មុនចេញដំណើរ។", LevelLow},
		{"km ministry never authorises brokers, asked", "តើនេះពិតទេ? ក្រសួងការងារ៖ ក្រសួងមិនដែលអនុញ្ញាតឲ្យភ្នាក់ងារណាមួយយកលុយដើម្បីធានាការប្រឡងជាប់ EPS ឡើយ។ ចុះឈ្មោះតែនៅ MTOSB។", LevelLow},
		{"ko ministry does not authorise brokers", "고용노동부는 어떤 브로커에게도 시험 없이 한국 취업 보장을 허가하지 않습니다. EPS 접수는 공단에서만 합니다.", LevelLow},
		{"en ministry never authorises agents", "The ministry never authorises agents to promise a guaranteed Korea visa without EPS-TOPIK. Register only at the official centre.", LevelLow},
		{"ko agency placing, translated contract", "(주)새벽다리인력 국외유료직업소개사업 등록 제2025-00호. 캐나다 농장 계절근로, 시급 CAD 17.5, 취업비자 출국 전 발급, 계약서 번역본 제공, 수수료 없음. www.saebyeok.example.com", LevelLow},
		// Look-alikes.
		{"en broker quotes the ministry then sells a pass", "The ministry never authorises agents, true. But our office has a special quota: Korea job guaranteed, no EPS-TOPIK needed, fee USD 3,000, Telegram @kr_quota_77", LevelHigh},
		{"ko broker quotes the ministry then sells a pass", "정부는 브로커를 허가하지 않지만 저희는 특별 라인이 있습니다. 시험 없이 한국 취업 보장, 수수료 300만원 선입금, 텔레 @kr_line_55", LevelHigh},
		{"km broker quotes the ministry then sells a pass", "ក្រសួងមិនអនុញ្ញាតឲ្យភ្នាក់ងារទេ ប៉ុន្តែយើងខ្ញុំមានខ្សែផ្ទាល់។ ធានាបានទៅកូរ៉េ មិនបាច់ប្រឡង EPS-TOPIK បង់ថ្លៃសេវា 3000$ Telegram @kr_line_66", LevelHigh},
	})
	runFlagCases(t, c, []flagCase{
		{"ko friend introduces", "친구가 소개해준 데야, 캄보에서 채팅 일", "friend_referral", true},
		{"ko 직업소개 is no friend", "(주)바른길인력 국외유료직업소개사업 등록 업체입니다", "friend_referral", false},
		{"ko translation job stays", "번역 알바 월 500, 태국, 텔레 문의", "vague_online_role", true},
		{"ko translated contract is paperwork", "근로계약서 번역본 제공", "vague_online_role", false},
	})
}
