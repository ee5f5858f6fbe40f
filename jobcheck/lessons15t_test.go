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
