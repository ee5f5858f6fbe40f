package jobcheck

import "testing"

// TestLessons15w: rules 2026.12.04-139, learnt from holdout-15w, in wordings of our own. A
// survivor's past-tense story that quotes the recruiter's denial in quotation marks ('they told
// us "no one is locked up here"') tells someone else's words: the denial no longer keeps the
// story from being told_only, so the passport taken in the story makes it no high-risk offer.
// With advice to check first or a desk to ask ('ask the embassy before you go') a told-only
// text is low, without it medium. A recruiter's own denial, quoted or not, with a present 'we
// keep your passport' stays high.
func TestLessons15w(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"ko survivor quotes the denial", "재작년에 \"시아누크빌 채팅 알바 월 700, 기숙사 무료\"라는 광고 보고 갔다가 넉 달 만에 겨우 돌아왔습니다.\n도착한 날 여권이랑 휴대폰을 다 걷어갔어요.\n면접 때 실장이 \"우리는 감금 같은 거 없다\"고 했었죠.\n비슷한 연락 받으시면 가기 전에 영사콜센터에 먼저 물어보세요.", LevelLow},
		{"en survivor quotes the denial", "Two years ago I answered a post: \"Chat job in Sihanoukville, $1,600 a month, no experience, free dorm\". On the first day they took our passports and phones. The manager had told us \"this is not a scam, nobody is locked in\". I got out after five months. Before you go, ask the embassy or the police.", LevelLow},
		{"en survivor quotes the denial, no advice", "Two years ago I answered a post: \"Chat job in Sihanoukville, $1,600 a month, no experience, free dorm\". On the first day they took our passports and phones. The manager had told us \"this is not a scam, nobody is locked in\". I got out after five months.", LevelMedium},
		{"ko recruiter: quoted denial, keeps passport, 텔레", "프놈펜 채팅 상담 월 700, 경력 무관, 숙소 무료. 입사하면 여권은 회사가 보관합니다. \"감금 같은 거 없어요\" 텔레 @pp_chat_hr", LevelHigh},
		{"en recruiter: quoted denial, keeps passport, next week", "Chat support in Phnom Penh, $1,600 a month, no experience, free dorm. HR keeps your passport during the contract. Our job is \"100% legal, not a scam\". Come next week.", LevelHigh},
		{"en warns of others, then recruits with a quoted denial", "Many fake agents took people's passports last year, be careful. Our company is \"not like them\": chat support in Bavet, $1,800, no experience, flight paid. We keep your passport for the work permit. DM @bavet_real", LevelHigh},
		// Recruiters who advise checking first and then recruit stay high.
		{"ko advice, then 저희 회사, 텔레", "가짜 에이전트 조심하세요. 회사 확인부터 하세요. 저희 회사는 진짜입니다: 프놈펜 채팅 월 700, 경력 무관, 항공권 무료. 텔레 @pp_real", LevelHigh},
		{"km advice, then ក្រុមហ៊ុនយើង, Telegram", "ប្រយ័ត្នភ្នាក់ងារក្លែងក្លាយ បើសង្ស័យ សូមសួរ។ ក្រុមហ៊ុនយើង៖ ការងារឆាតនៅបាវិត ប្រាក់ខែ ២០០០$ មិនត្រូវការបទពិសោធន៍ ចេញថ្លៃឡាន។ Telegram @bavet_hr", LevelHigh},
		{"en verify first, then hiring, WhatsApp", "Scammers take passports, always verify the employer first. We are hiring: chat support in Bavet, $1,800, no experience, flight paid. WhatsApp +855 12 345 678", LevelHigh},
		{"en survivor's advice, then a friend's job", "They took my passport in Poipet last year, so ask the embassy before you go. Now my boss in Bavet is good: $1,800, no experience, flight paid. Want me to ask him?", LevelHigh},
		// A formal letter in Korean: 당사, 귀하 offer in the first person; its 유의 사항 heading warns of nothing.
		{"ko letter: 유의 사항, HR keeps passport", "채용 확정 안내\n귀하는 당사 시하누크빌 지사 온라인 상담직에 채용되셨습니다.\n1. 근무지: 캄보디아 시하누크빌\n2. 제공: 항공권, 숙소\n3. 유의 사항: 도착 즉시 여권은 관리부에서 보관하며 개인 휴대전화는 회사에 맡깁니다.", LevelHigh},
		{"ko warning: 유의 사항, passport kept", "해외취업 유의 사항\n회사가 여권을 보관하겠다고 하면 거절하세요. 휴대전화를 맡기라는 곳은 가지 마세요.\n의심되면 영사콜센터에 문의하세요.", LevelLow},
		{"ko Seoul call centre", "서울 본사 고객 상담 직원 모집, 주 5일\n월 260만 원, 4대 보험, 경력 1년 이상, 근로계약서 작성 후 근무\n지원: 채용 홈페이지", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"ko letter: Korean-language consulting abroad", "당사 프놈펜 센터 온라인 상담팀 신규 채용, 근무는 한국 시간 기준 주 6일, 기숙사 제공", "home_language_target_role", true},
		{"km letter: deposit on the crypto platform", "ភារកិច្ច៖ ឆាតជាមួយអតិថិជន និងណែនាំពួកគេឱ្យដាក់ប្រាក់លើវេទិកាវិនិយោគរបស់ក្រុមហ៊ុន ប្រាក់ខែ $900", "explicit_scam_work", true},
		{"km bank: savings deposit", "ធនាគារត្រូវការបុគ្គលិកផ្នែកសេវាអតិថិជន ណែនាំអតិថិជនឲ្យដាក់ប្រាក់សន្សំ ប្រាក់ខែ $350", "explicit_scam_work", false},
		{"en agent: processing charges before ticket", "Welder jobs in Malaysia. Processing charges USD 1,200 to be paid before ticket issue.", "upfront_fee_or_deposit", true},
		{"en hotel: service charge shared", "Hotel waiter in Siem Reap, salary USD 250 plus service charge shared monthly.", "upfront_fee_or_deposit", false},
		{"en freshers eligible at a high pay", "Data entry operators in Cambodia, salary USD 1,600, freshers also eligible.", "high_pay_low_skill", true},
		{"en freshers eligible at a local pay", "Data entry operators in Phnom Penh, salary USD 280, freshers also eligible.", "high_pay_low_skill", false},
	})
}
