package jobcheck

import "testing"

// TestReportedLures: every low-risk ad a blind split ever saw rated high (15h to 15k) was an
// awareness post, a notice or a news report that quotes the lures. Rules 2026.12.04-94 read
// them as classes: a lure reported after "posts like", "seen this week", "answered ads"
// (이런 문자, ដែលសរសេរថា) or before "이런 거요"; what happened to the victims, told in the past
// ("had their passports taken", "were made to", 송환됐, ត្រូវគេដកហូត); advice to verify an offer
// with an embassy or a ministry; a news report's "police on Tuesday" or "officials urged";
// someone's story of a relative taken in. A recruiter who says other ads are scams, or adds
// such a line to an ad, stays high. No ad of the corpus uses these texts.
func TestReportedLures(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"psa: ads like, then advice", "Support group notice: we keep seeing ads like \"chat job in Myanmar, $1,800, visa on arrival, we keep your passport\". Two women who replied to such ads were made to work 16 hours a day. If someone you know is stuck, call the nearest embassy.", LevelLow},
		{"news: raid, officials urged", "BAVET: Police on Friday freed 17 workers from a casino compound. They said they had responded to Facebook offers promising $2,500 for typing, with flights covered. Officials urged families to check any job abroad with the labour ministry.", LevelLow},
		{"korean: quotes, then 이런 글", "\"숙식 제공 월 800 보장\", \"여권은 회사 보관\" 이런 글 보고 갔다가 여권 뺏기고 석 달 만에 송환됐어요. 의심되면 대사관에 먼저 확인하세요.", LevelLow},
		{"khmer: a post that wrote, then advice", "ប្រយ័ត្ន! បងប្រុសខ្ញុំបានឃើញ post ដែលសរសេរថា \"ការងារនៅបាវិត ខែ 1200$ ធ្វើតែឆាត ក្រុមហ៊ុនរក្សាទុកលិខិតឆ្លងដែន\"។ គាត់ត្រូវគេដកហូតទូរស័ព្ទ។ សូមផ្ទៀងផ្ទាត់ជាមួយក្រសួងការងារ។", LevelLow},
		{"a friend's story", "My cousin's story, shared with her permission: the agent paid her ticket to Bangkok and she was driven across the border to a compound. It took us five months to get her home. Check any offer with your embassy first.", LevelLow},
		{"notice: report anyone asking", "PUBLIC NOTICE. Registration for the language test is accepted only at the Ministry's offices. No broker or individual can place you abroad or skip the test. Report anyone asking for money for a \"guaranteed visa\".", LevelLow},
		{"korean: quotes called a trick", "📢 안전 공지\n\"무비자 카지노 알바\", \"월 900 보장\" 같은 글은 스캠 단지로 데려가는 수법입니다.\n통장과 여권을 넘기지 마세요.", LevelLow},
		// Look-alikes: a recruiter who names other ads, victims or the embassy stays high.
		{"korean: not a trick, a recruiter", "이건 사기 수법이 아닙니다. 캄보디아 월 1000 보장, 여권은 회사가 보관, 항공권 제공. 텔레로 연락 @fake_recruiter_6", LevelHigh},
		{"report to our office", "Report to our office on Monday with your passport. Korea without the test, fee $3,000, guaranteed. Telegram @fake_recruiter_5", LevelHigh},
		{"other ads are scams, ours is safe", "Other ads are scams, ours is safe. Customer service in Sihanoukville, $2,500 a month, no experience, free flight, we keep your passport for the visa. Telegram @fake_recruiter_1.", LevelHigh},
		{"unlike posts like those", "Don't trust posts like those. We are real: chat job in Poipet, $2,000, free flight and room, send your passport photo on Telegram @fake_recruiter_2.", LevelHigh},
		{"verify with your embassy, no warning", "Call center in Phnom Penh, $2,200, no experience, flight paid, passport kept by HR. You can verify us with your embassy.", LevelHigh},
		{"news named by a recruiter", "Workers were freed from bad companies, officials urged care. We are different: Myawaddy, $3,000, flight paid, passport kept by the boss, Telegram only.", LevelHigh},
		{"korean: 이런 글 denied", "다른 데 이런 글은 사기지만 우리는 진짜. 캄보디아 월 1000 보장, 항공권 제공, 여권은 회사가 보관합니다. 텔레 @fake_recruiter_3", LevelHigh},
		// A friend who passes on an ad, or tells how the agent paid, is recruiting: the frames
		// of a report ("I saw an ad", "I replied to the ad", "the agent paid", 이런 글, ឃើញ post)
		// cancel nothing on their own (rules 2026.12.04-96; -94 hid these four).
		{"a friend saw an ad", "I saw an ad for a chat job in Sihanoukville, $2,000 a month, no experience, they pay the flight and keep your passport for the visa. wanna go together? pm me on telegram", LevelHigh},
		{"a friend replied to the ad", "bro i replied to the ad n they said free flight to Phnom Penh, 2k usd just typing, they keep ur passport for visa. come with me, dont tell ur mom", LevelHigh},
		{"the agent paid my ticket", "the agent paid my ticket to Poipet, job is typing 1800$, boss keeps passports for safety. come join me sis", LevelHigh},
		{"we saw posts like this, this one is real", "we saw posts like this everywhere but this one is real: casino job in Sihanoukville, 3000$, flight paid, passport kept by company. telegram @fake_recruiter_4", LevelHigh},
		{"korean: 이런 글 and it was fine", "선배가 이런 글 보고 갔는데 진짜 괜찮대. 캄보디아 월 1000 보장, 항공권 회사가 끊어줌, 여권은 회사 보관. 텔레로 연락해", LevelHigh},
		{"khmer: saw a post, come along", "ប្អូនស្រីខ្ញុំបានឃើញ post ដែលសរសេរថា ការងារនៅបាវិត ខែ 1200$ ធ្វើតែឆាត ក្រុមហ៊ុនចេញថ្លៃឡាន។ ទៅជាមួយគ្នាទេ? inbox មក", LevelHigh},
		{"khmer: rescued, but come to us", "កម្មករត្រូវបានបញ្ជូនមកវិញ ប៉ុន្តែក្រុមហ៊ុនយើងល្អ។ ការងារនៅប៉ោយប៉ែត ខែ 1500$ ក្រុមហ៊ុនរក្សាទុកលិខិតឆ្លងដែន inbox", LevelHigh},
	})
}
