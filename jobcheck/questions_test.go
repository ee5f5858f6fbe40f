package jobcheck

import "testing"

// TestReaderQuestionCancelsNothing: a person who asks whether the ad is a scam ("is this a
// scam?", "이거 사기인가요?", "តើនេះជាការបោកប្រាស់ទេ?") before or after it, in its sentence or
// its own, with or without a question mark, has called nothing a scam. Rules up to
// 2026.12.04-96 read "តើនេះជាការបោកប្រាស់ទេ?" as a verdict and rated the ad low (score 0).
func TestReaderQuestionCancelsNothing(t *testing.T) {
	c := mustLoad(t)
	ads := map[string]string{
		"ko": "캄보디아 채팅 알바 월 800 보장, 항공권 회사가 끊어줌, 여권은 회사가 보관합니다. 텔레 @fake_recruiter_q1",
		"km": "ការងារឆាតនៅបាវិត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃឡាន រក្សាទុកលិខិតឆ្លងដែន inbox",
		"en": "chat job in Sihanoukville, $2,000 a month, no experience, free flight, we keep your passport for the visa. Telegram @fake_recruiter_q2",
	}
	questions := map[string][]string{
		"ko": {"이거 사기인가요?", "사기 맞나요", "이거 사기예요?", "취업사기 아닌가요?", "이거 믿어도 되나요", "사기 같은데 확인 부탁드려요"},
		"km": {"តើនេះជាការបោកប្រាស់ទេ?", "តើនេះជាការបោកប្រាស់ទេ", "បោកប្រាស់អត់?", "តើការងារនេះជាការបោកប្រាស់ឬអត់?", "បងៗជួយមើល ការងារនេះជាការបោកប្រាស់មែនទេ", "តើនេះជាការជួញដូរមនុស្សទេ?"},
		"en": {"is this a scam?", "is it legit", "Is this trafficking or a real job?", "my friend sent me this, I think it is a scam?", "Scam or legit??", "is this a job scam"},
	}
	for lang, ad := range ads {
		for _, q := range questions[lang] {
			for _, p := range []struct{ where, in string }{
				{"before", q + " " + ad}, {"after", ad + " " + q}, {"line before", q + "\n" + ad}, {"paragraph after", ad + "\n\n" + q},
			} {
				in := p.in
				t.Run(lang+"/"+q+"/"+p.where, func(t *testing.T) {
					if r := c.Check(in); r.Level != LevelHigh {
						t.Errorf("Check(%q) = %s (score %d) %v, want high", in, r.Level, r.Score, flagIDs(r))
					}
				})
			}
		}
	}
}
