package jobcheck

import "testing"

// TestVerdictInAQuestionCancelsNothing: a reader who pastes an ad and asks whether it is
// real has called nothing a scam, also when someone's verdict stands elsewhere in the text
// ("my mom says these ads are scams", 엄마는 이런 건 다 사기래요, ម្តាយខ្ញុំថា ... ជាការបោកប្រាស់):
// no whole-text cue cancels the pasted ad's flags (rules 2026.12.04-105). An awareness post
// that asks and answers ("Is this a scam? Yes. Beware of posts like \"…\"") still cancels
// the lures it quotes. No ad of the corpus uses these texts.
func TestVerdictInAQuestionCancelsNothing(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en mom says, then the ad", "is this legit? my mom says this is a scam and to be careful.\nChat support in Sihanoukville, $2,500 a month, no experience, flight paid. Telegram only", LevelHigh},
		{"en verdict after the ad", "got this on fb:\nTyping staff needed in Bavet, 1800$/month, no exp, we pay ur ticket, WhatsApp only\nmy aunt says all these are trafficking traps, be careful. should i apply?", LevelHigh},
		{"ko 엄마 사기래", "시하누크빌 채팅 상담 월 400 경력 무관 항공권 지원 텔레 문의\n엄마는 이런 건 다 사기래요 조심하라고. 근데 진짜 사기일까요?", LevelHigh},
		{"km ម្តាយថា", "ម្តាយខ្ញុំថាការផ្សាយបែបនេះជាការបោកប្រាស់ ប្រយ័ត្នផង។ តើពិតទេ?\nការងារឆាតនៅព្រះសីហនុ ២៥០០$ មិនត្រូវការបទពិសោធន៍ ក្រុមហ៊ុនចេញថ្លៃសំបុត្រយន្តហោះ", LevelHigh},
		// Look-alikes: a post that asks and answers, and quotes the lures in a frame.
		{"en asks and answers", "Is this a scam? Yes. Beware of posts like \"Chat support in Sihanoukville, $2,500, flight paid, Telegram only\". Already stuck? Call the police 117.", LevelLow},
		{"ko asks and answers", "이거 사기일까요? 네, 사기입니다. \"시하누크빌 채팅 상담 월 400, 항공권 지원\" 같은 글 조심하세요. 곤란하면 영사콜센터에 연락하세요.", LevelLow},
		// rules -112: a question its writer answers at once is rhetorical ("Should I trust
		// offers like this? No."), and "report to the police" is advice.
		{"en answered question, report to the police", "Should I trust offers like this? No. Our community keeps seeing posts: chat job in Bavet, $1,800, visa on arrival, we keep your passport. Victims were beaten. Report to the police.", LevelLow},
		{"ko answered question", "이런 제안 믿어도 될까요? 아닙니다. 캄보디아 채팅 알바 월 500, 항공권 지원, 여권 회사 보관, 이런 건 다 사기입니다. 영사콜센터에 연락하세요.", LevelLow},
		{"en no idea is no answer", "is this legit? no idea, my mom says this is a scam and to be careful.\nChat support in Sihanoukville, $2,500 a month, no experience, flight paid. Telegram only", LevelHigh},
		{"km asks and answers", "តើនេះជាការបោកប្រាស់ទេ? បាទ។ សូមប្រុងប្រយ័ត្ន ការផ្សាយដូចជា \"ការងារឆាតនៅព្រះសីហនុ ២៥០០$ ចេញថ្លៃសំបុត្រ\"។ សូមទាក់ទងប៉ូលិស។", LevelLow},
	})
}
