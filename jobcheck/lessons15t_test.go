package jobcheck

import "testing"

// TestCautionWordsAndScammersPhrases: holdout-15t's false highs (rules 2026.12.04-130) as
// classes, in wordings no corpus split uses. An advisory that tells readers to 'be cautious of'
// or 'be wary of' offers, or names 'fraudulent job offers', warns (경계하세요, 각별히 유의;
// ជនបោកប្រាស់ 'scammers' beside អ្នកបោកប្រាស់), so its advice to call the embassy cancels the
// lures it quotes; 'phrases scammers use: "..."' (자주 쓰는 멘트, ពាក្យដែលគេប្រើ, ប្រើញឹកញាប់)
// is a frame, so a quoted 'not a scam' is someone else's denial and keeps nothing high.
// Look-alikes stay high: a recruiter that writes 'be cautious' with its own offer, a friend's
// 'my boss often uses these words', a denial in the recruiter's own voice.
func TestCautionWordsAndScammersPhrases(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en be wary, call the consulate", "NOTICE TO CITIZENS\nBe wary of messages offering 'easy typing work' in Myanmar or Laos with big salaries and paid air tickets on a visit visa.\nA real employer gets you a work permit first. Stuck abroad? Call the consulate's emergency number.", LevelLow},
		{"en phrases scammers use", "Job scam awareness: phrases scammers use: \"$2,500 a month, no experience\", \"don't tell your family\", \"this is not a scam\". Check any offer with the labour ministry before you go.", LevelLow},
		{"ko 자주 쓰는 멘트", "🚨 취업사기 예방 안내\n사기꾼들이 자주 쓰는 멘트: \"월 500 보장, 경험 무관\" \"부모님께는 말하지 마\" \"절대 사기 아니야\"\n출국 전 반드시 근로계약서를 확인하세요. 의심되면 영사콜센터에 연락하세요.", LevelLow},
		{"km words they use often", "⚠️ សូមប្រុងប្រយ័ត្ន ⚠️ ពាក្យដែលគេប្រើញឹកញាប់៖ \"ប្រាក់ខែ ១៨០០$ មិនចាំបាច់មានបទពិសោធន៍\" \"កុំប្រាប់គ្រួសារ\" \"មិនមែនបោកប្រាស់ទេ\"។ សូមទាក់ទងប៉ូលិសប្រសិនបើមានបញ្ហា។", LevelLow},
		// Look-alikes.
		{"en recruiter, be cautious with your own offer", "Be cautious, slots are limited! We pay $2,200/month for online chat work in Sihanoukville, no experience, free flight. This is not a scam. DM @fastjob_kh", LevelHigh},
		{"km friend, not a scam in own voice", "បង ការងារនៅប៉ោយប៉ែត ខែ ២០០០$ មិនចាំបាច់បទពិសោធន៍ កុំប្រាប់ប៉ាម៉ាក់សិន មិនមែនបោកប្រាស់ទេ", LevelHigh},
		{"ko broker, 자주 쓰는 말 of his own", "우리 사장님 자주 쓰는 말이 있어요 \"믿고 와라\" 캄보디아 CS 월 600, 항공권 지원, 텔레 @cs_boss", LevelHigh},
	})
}

// TestSpotHiresCoverStoriesAndAdvances: holdout-15t's missed high-risk ads (rules
// 2026.12.04-131) as classes, in wordings no corpus split uses. A hire on the spot (당일 면접
// 보고 즉시 채용, 바로 채용 확정, 'on-the-spot hiring', ទទួលធ្វើការភ្លាម) is no real interview; a
// KakaoTalk channel to add as a friend is a messenger contact; 'WA only' / 'IMO only' is
// messenger-only; knowing how to type fast 'is enough' (ចេះវាយអក្សរលឿនគឺបាន) is low-skill; a
// cover story for the family ('don't tell your mum it's Myanmar ok, just say you're going to
// Thailand') is secrecy; 'which city exactly, we will tell you when you arrive' is a workplace
// told on arrival; '1 lakh advance' is a fee. Look-alikes: interview advice at a hotel, a job
// fair whose hiring is confirmed weeks later, a typist job with experience.
func TestSpotHiresCoverStoriesAndAdvances(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en cover story for the family", "hey cuz, my boss in Myawaddy needs 1 more for online work, 1500 a month, ticket paid. don't tell your mum it's Myanmar ok, just say you're going to Thailand", LevelHigh},
		{"en which city, told on arrival", "Good job in Asia, company pays flight. Which city exactly, we will tell you when you arrive in Bangkok, then car to the office.", LevelHigh},
		// Look-alikes.
		{"en interview advice, just say", "For the interview just say what you did at the hotel in Siem Reap, the manager is kind. Front desk, $350, contract signed at the office.", LevelLow},
		{"ko job fair, hiring confirmed later", "2026 해외취업박람회 (코엑스) 현장 면접 후 채용 확정은 2주 내 개별 통보. 참가 기업 정보는 worldjob.or.kr에서 확인하세요", LevelLow},
		{"km typist with experience", "ត្រូវការបុគ្គលិកវាយអក្សរ ចេះវាយអក្សរលឿន និងមានបទពិសោធន៍ 2 ឆ្នាំ ប្រាក់ខែ $400 នៅភ្នំពេញ ដាក់ពាក្យនៅការិយាល័យ", LevelLow},
	})
	fair := "📢 베트남 호치민 한인기업 채용 설명회 초대! 왕복 항공권 지원, 당일 면접 보고 즉시 채용해요. CS/영업 다수, 카톡 채널 '호치민잡' 친구추가 후 신청"
	runFlagCases(t, c, []flagCase{
		{"ko 당일 즉시 채용", fair, "no_real_interview", true},
		{"ko 카톡 채널 친구추가", fair, "messenger_only_recruiter", true},
		{"en on-the-spot hiring", "Walk-in for Dubai hotel jobs, on-the-spot hiring, ticket provided", "no_real_interview", true},
		{"km typing fast is enough", "ការងារវាយអក្សរ ប្រាក់ខែ 1500$ ចេះប្រើកុំព្យូទ័របានគឺបាន ទាក់ទង Telegram តែប៉ុណ្ណោះ", "high_pay_low_skill", true},
		{"en lakh advance", "Poland warehouse job, total 4 lakh rupees, 1 lakh advance, visa in 30 days", "upfront_fee_or_deposit", true},
		{"en WA only", "Poland warehouse job, visa in 30 days. WA only +855 12 000 111", "messenger_only_recruiter", true},
	})
}

// TestPaymentDeadline: holdout-15t's en-15t-21 and ko-15t-27 (rules 2026.12.04-132, medium,
// were low: a deposit or a registration fee beside a work visa) as a class: a payment the
// reader must make by a near deadline ('complete payment within 48 hours', 금요일까지 입금해
// 주셔야, បង់ប្រាក់ក្នុងរយៈពេល 24 ម៉ោង) is urgency. Salary paid within days, 급여는 24시간 내
// 입금 are no pressure.
func TestPaymentDeadline(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		{"en send the deposit within 72 hours", "Please send the deposit within 72 hours to keep your place.", "urgency_pressure", true},
		{"ko 목요일까지 송금해 주셔야", "교육비 20만원은 목요일까지 송금해 주셔야 접수됩니다", "urgency_pressure", true},
		{"km pay within 24 hours", "សូមបង់ប្រាក់ក្នុងរយៈពេល 24 ម៉ោង ដើម្បីរក្សាកន្លែង", "urgency_pressure", true},
		// Look-alikes.
		{"en salary paid within 5 days", "Salary payment within 5 days of month end, by bank transfer.", "urgency_pressure", false},
		{"ko 급여 24시간 내 입금", "급여는 근무 후 24시간 내 입금됩니다", "urgency_pressure", false},
	})
}
