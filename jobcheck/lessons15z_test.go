package jobcheck

import "testing"

// lessons15zLevels: rules 2026.12.04-142, learnt from holdout-15z, in wordings of our own. A
// recruiter who dismisses the news ('the news is exaggerated', 그거 다 과장이야,
// ព័ត៌មាននោះបំផ្លើស), says nobody is locked up and invites the reader to come and see denies
// and calls: a story word in the denial ('locked up') no longer makes the text told-only, so a
// critical flag found in it forces high. Reports and survivors' stories keep their level.
var lessons15zLevels = []levelCase{
	{"ko friend: news exaggerated, come see", "뉴스 본 거 다 과장이야. 여기 갇혀있는 사람 아무도 없어. 하는 일은 주식 리딩방 관리하는 거고. 진짜 안전하니까 걱정 말고 한번 와봐", LevelHigh},
	{"km friend: news exaggerated, come see", "ព័ត៌មាននោះបំផ្លើសទេ នៅទីនេះគ្មាននរណាម្នាក់ត្រូវគេឃុំទេ។ ការងារគឺណែនាំគេឲ្យដាក់លុយវិនិយោគ។ សុវត្ថិភាពណាស់ កុំបារម្ភ មកមើលផ្ទាល់។", LevelHigh},
	{"en friend: media hype, come see", "lol that's just media hype, nobody here is locked up. we build rapport with clients then walk them into our crypto platform. really safe, come see for yourself", LevelHigh},
	{"km friend: open accounts and lend them", "ប្អូនចង់រកលុយទេ? ខ្ញុំស្គាល់ក្រុមហ៊ុនមួយ គេឲ្យបើកគណនីធនាគារថ្មី ២ ហើយខ្ចីគេប្រើ មួយគណនីបាន $250 គ្រាន់តែឲ្យលេខ OTP ទៅគេ", LevelHigh},
	{"ko friend: open accounts and lend them", "내가 아는 회사가 있는데, 통장 새로 만들어서 빌려주면 한 개에 30만 원 준대. 인증번호만 알려주면 돼", LevelHigh},
	{"en friend: open accounts and lend them", "I know a company that pays. open 3 new bank accounts and lend them, each account gets you $300, just give them the OTP", LevelHigh},
	{"en friend: rapport into crypto, easy money", "my team in Bangkok needs Lao speakers. you build trust with people back home then walk them into our trading app, there's a script. I made 2,800 last month just chatting", LevelHigh},
	{"en expo abroad with flights", "THAILAND JOBS EXPO 2027: meet 30 employers in Bangkok. Flights and hotel included for selected candidates. Only 20 seats! Register on Telegram @expo_th", LevelHigh},
	// Look-alikes keep their level.
	{"en news report of a rescue", "News: police rescued 40 workers from a compound in Bavet where they were forced into crypto fraud; their passports had been confiscated.", LevelLow},
	{"ko survivor's story with the news", "뉴스에 나온 그 회사에 저도 있었습니다. 여권을 뺏기고 리딩방 관리를 해야 했어요. 겨우 나왔습니다.", LevelLow},
	{"en factory worker's pay", "I made 1,200 last month at the garment factory in Phnom Penh, with overtime.", LevelLow},
	{"en job fair at home", "National Career Fair at the Institute of Technology, Phnom Penh, Saturday 9-4. Free entry.", LevelLow},
	// A fee paid before the employer is named is at least medium; a named employer's fee is not.
	{"ko 수수료, 회사명은 계약 후", "일본 물류센터 취업 대행. 수수료 200만 원 (계약 시 선납). 회사명은 계약 체결 후 공개합니다.", LevelMedium},
	{"en fee, employer named after payment", "Farm jobs in Australia. Service fee USD 500 on registration. The employer's name is disclosed after payment.", LevelMedium},
	{"en fee, employer named", "Farm jobs in Australia with Green Valley Farms Pty Ltd. Service fee USD 500 on registration.", LevelLow},
	// A survivor who asks to share the story warns; a recruiter who asks to share and gives a contact recruits.
	{"km survivor: share so others know", "ឆ្នាំមុន ខ្ញុំទៅធ្វើការ \"វាយអក្សរ ខែ $1200\" ដល់ហើយ គេយកលិខិតឆ្លងដែន ហើយបង្ខំឲ្យបោកគេ។ សូមកុំជឿការងារបែបនេះ ស៊ែរឲ្យគ្នាដឹងផង។", LevelLow},
	{"km recruiter: share, with a contact", "ការងារវាយអក្សរនៅបាវិត ខែ $1500 ក្រុមហ៊ុនរក្សាលិខិតឆ្លងដែន។ ស៊ែរឲ្យគ្នាដឹងផង ទាក់ទង Telegram @bavet_typing", LevelHigh},
}

// TestLessons15z: see lessons15zLevels; flags in ko, km and en.
func TestLessons15z(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, lessons15zLevels)
	runFlagCases(t, c, []flagCase{
		{"en news is exaggerated", "The news is exaggerated, it's a normal office.", "reassurance_denial", true},
		{"km news exaggerated", "ព័ត៌មាននោះបំផ្លើសទេ ក្រុមហ៊ុននេះធម្មតា។", "reassurance_denial", true},
		{"ko 뉴스 나오는 그런 곳 아님", "요즘 뉴스 나오는 그런 곳 절대 아닙니다.", "reassurance_denial", true},
		{"ko 갇혀있는 사람 없어", "여기 갇혀있는 사람 하나도 없어", "reassurance_denial", true},
		{"en a report that numbers were exaggerated", "The ministry said early reports of 500 victims were exaggerated; 120 were rescued.", "reassurance_denial", false},
		{"km bank: never give your OTP", "ធនាគារ៖ កុំឲ្យលេខ OTP ទៅអ្នកណាម្នាក់ឡើយ។", "bank_account_or_crypto_handover", false},
		{"en bank: never give the OTP", "Your bank will never ask you to give them the OTP.", "bank_account_or_crypto_handover", false},
		{"km one account gets money", "មួយគណនីបាន $200", "bank_account_or_crypto_handover", true},
		{"km I know a company", "ខ្ញុំស្គាល់ក្រុមហ៊ុនមួយនៅថៃ", "friend_referral", true},
		{"en I know a company", "I know a company in Bavet that needs people.", "friend_referral", true},
		{"ko 내가 아는 회사", "내가 아는 회사가 캄보디아에 있는데", "friend_referral", true},
		{"km money for doing nothing", "មួយខែបាន $800 មិនបាច់ធ្វើអីទេ", "high_pay_low_skill", true},
		{"ko 채팅만 하면 받았다", "그냥 채팅만 하면 되는데 지난달 900 받았어", "high_pay_low_skill", true},
		{"en made money just texting", "I made 3,000 last month just texting", "high_pay_low_skill", true},
		{"en made money at the factory", "I made 900 last month at the factory", "high_pay_low_skill", false},
		{"en build rapport into crypto", "build rapport then walk them into our crypto platform", "explicit_scam_work", true},
		{"ko 친해진 다음 코인 사이트", "친해진 다음 우리 코인 사이트로 데려오면 돼", "explicit_scam_work", true},
		{"en build rapport with patients", "Nurses build rapport with patients and walk them through the discharge plan.", "explicit_scam_work", false},
		{"en career expo abroad", "CAMBODIA CAREER EXPO 2026", "job_fair_invite", true},
		{"km work on your phone", "ធ្វើតាមទូរស័ព្ទ ខែ $1,500", "high_pay_low_skill", true},
		{"en registration closes this Friday", "Registration closes this Friday.", "urgency_pressure", true},
		{"en a closing date", "Applications close on 30 June.", "urgency_pressure", false},
		{"ko 접수 이번 주 마감", "접수는 이번 주 금요일 마감입니다.", "urgency_pressure", true},
		{"km registration closes this Friday", "ការចុះឈ្មោះបិទថ្ងៃសុក្រនេះ។", "urgency_pressure", true},
		{"en name disclosed after signing", "The employer's name is disclosed after signing the contract.", "unverifiable_company", true},
		{"ko 고객사명 계약 후 공개", "고객사명과 주소는 최종 계약 체결 후 공개합니다.", "unverifiable_company", true},
		{"ko 한국인 투숙객 응대", "- 한국인 투숙객 응대 (한국어 원어민)", "home_language_target_role", true},
		{"ko 한번 와봐 is a call", "진짜 괜찮으니까 한번 와봐", "reassurance_denial", false},
	})
}
