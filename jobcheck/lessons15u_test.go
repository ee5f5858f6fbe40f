package jobcheck

import "testing"

// TestConsultFirstAdvice: holdout-15u's false highs (rules 2026.12.04-133) as a class, in
// wordings no corpus split uses. A survivor's post or an NGO's list of warning signs ends by
// telling the reader to consult someone before deciding ('talk to someone first', 'if in doubt,
// ask', 가족한테 먼저 말하세요, បើសង្ស័យ សូមសួរ..., សួរយើងមុនសម្រេចចិត្ត): safety advice, so in a
// text that also warns the lures it quotes or tells are not offered. Look-alikes stay high: a
// recruiter who tells his own story and offers, a recruiter's numbered list of benefits, a post
// that quotes other agents' lies and then offers its own job.
func TestConsultFirstAdvice(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en survivor, talk to someone first", "This happened to me last year. A man online promised $1,800 for typing work in Phnom Penh and paid my flight. They kept my passport and I worked 16 hours a day. If someone offers you a job like that, please talk to someone first.", LevelLow},
		{"ko 생존자, 가족에게 먼저", "저는 작년에 라오스에서 겨우 돌아왔어요. \"월 700, 숙식 제공\" 이 말 믿었는데 도착하니 여권 뺏겼어요. 이런 제안 받으면 부모님께 먼저 말씀하세요. #취업사기", LevelLow},
		{"km warning list, if in doubt ask", "⚠️ ការព្រមាន ⚠️\n១. «ប្រាក់ខែ ២០០០$ មិនចាំបាច់បទពិសោធន៍»\n២. «ក្រុមហ៊ុនទុកលិខិតឆ្លងដែន»\n៣. «កុំប្រាប់គ្រួសារ»\nប្រសិនបើសង្ស័យ សូមទាក់ទងយើង។", LevelLow},
		// Look-alikes.
		{"en recruiter tells his story", "I was broke too, then I joined. Now I earn $2,000 a month doing chat work in Sihanoukville, flight paid, no experience. Join us, DM @kh_easyjob", LevelHigh},
		{"km recruiter numbered benefits", "១. ប្រាក់ខែ ២០០០$\n២. មិនចាំបាច់បទពិសោធន៍\n៣. ក្រុមហ៊ុនចេញសំបុត្រយន្តហោះ\n៤. ធ្វើការនៅព្រះសីហនុ\nទាក់ទង Telegram @kh_job88", LevelHigh},
		{"ko other agents lie, ours real", "다른 업체들 \"월 1000\" 이런 말 다 거짓말이에요. 저희는 진짜 캄보디아 CS 월 600, 항공권 지원, 경험 무관. 텔레 @real_cs", LevelHigh},
	})
}

// TestSurvivorsOwnStory: holdout-15u's ko-15u-30 and en-15u-30 (rules 2026.12.04-134) as a
// class, in wordings no corpus split uses: a survivor who tells how she herself was taken in
// ('I fell for it', 'my story so no one else falls for it', 저도 "…" 이 말 믿고 갔어요,
// ខ្ញុំក៏ធ្លាប់ត្រូវគេបោក) tells lures that happened to her; with a warning word they are not
// offered, even with no advice at the end. A recruiter who 'shares his story' and then offers
// stays high.
func TestSurvivorsOwnStory(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en first-person story, no advice", "I fell for it last spring. A recruiter promised $1,600 for chat support in Sihanoukville and paid my flight; at the compound they took my phone. Beware of easy jobs abroad.", LevelLow},
		{"ko 이 말 믿고 갔다, 조언 없음", "저도 \"항공권 지원, 월 900\" 이 말 믿고 갔어요. 가자마자 여권 뺏겼습니다. #취업사기", LevelLow},
		{"km I was deceived too", "ខ្ញុំក៏ធ្លាប់ត្រូវគេបោកដែរ គេសន្យាប្រាក់ខែ ១៥០០$ ចេញសំបុត្រយន្តហោះឲ្យ ដល់ហើយគេដកហូតលិខិតឆ្លងដែន។ សូមប្រុងប្រយ័ត្ន!", LevelLow},
		// Look-alikes.
		{"en recruiter shares his story, then offers", "Let me share my story: I was broke too, then I joined. Now I earn $2,000 a month in Bavet, flight paid, no experience needed. Beware of fake agents, we are real. Join us, DM @bavet_team", LevelHigh},
		{"ko broker, 나도 이 말 믿고 갔는데 좋았다", "나도 처음엔 \"월 800\" 이 말 믿고 갔는데 진짜였어요. 캄보디아 CS, 항공권 지원, 텔레 @cs_true 연락 주세요. 사기 주의하시고 저희는 진짜예요", LevelHigh},
	})
}
