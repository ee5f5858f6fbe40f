package jobcheck

import "testing"

// TestQuotedLuresAndVictims probes rules 2026.12.04-97 with texts that are in no corpus
// split. A post that warns may quote the lures it has seen ('posts like "…"', '"…" 같은 글',
// 'ដូចជា "…"'): the flags inside a quotation a frame reports are cancelled, in a text that
// warns. What was done to victims, told in the passive ("ត្រូវគេដកហូតទូរស័ព្ទ", "여권을
// 빼앗기고", "with passports taken"), cancels the flag it overlaps. Recruiters who quote their
// own offer, a reader who pastes an ad in quotes and asks about it, "other ads are scams,
// ours is real" and a friend's "I saw an ad like "…", wanna go?" stay high.
func TestQuotedLuresAndVictims(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		// Offers in friend, letter, broker and post voices: high.
		{"en post quotes its own offer", `Position: "Chat support", salary "$2,000", location "Sihanoukville". Free flight, we keep your passport for the visa. Telegram @fake_recruiter_p1`, LevelHigh},
		{"en post with a warning word and quoted fields", `Be careful, only 5 seats left! Position: "Customer service", salary "USD 2,500", free flight to Phnom Penh, no experience. Send your passport photo on Telegram @fake_recruiter_p2`, LevelHigh},
		{"en broker warns of fake agents, quotes own offer", `Beware of fake agents. Our offer: "Typing job in Poipet, $1,800, free flight and room, we keep your passport for safety". Contact @fake_recruiter_p3`, LevelHigh},
		{"en reader pastes an ad in quotes and asks", `My friend sent me this: "chat job in Sihanoukville, $2,000, no experience, free flight, passport kept by company, Telegram @fake_recruiter_p4". Is it legit?`, LevelHigh},
		{"en reader pastes an ad in quotes, is this a scam", `Got this on Facebook: "Data entry in Bavet, $2,200, no experience, free flight, we hold your passport, WhatsApp only". Is this a scam?`, LevelHigh},
		{"en other ads are scams, ours is real", `Other ads like "easy job, $3,000" are scams, ours is real: "Data entry in Bavet, $2,200, free flight, we hold your passport". Telegram @fake_recruiter_p5`, LevelHigh},
		{"en friend saw an ad like, wanna go", `I saw an ad like "casino job in Sihanoukville, $2,500, flight paid, they keep your passport". wanna go together? pm me`, LevelHigh},
		{"en letter quotes the role and pay", `Dear Ms. Sok, we are pleased to offer you the role of "Client Relations Officer" at "USD 3,000" per month in Phnom Penh. Please send a clear photo of your passport before any contract; your flight and housing are fully covered.`, LevelHigh},
		{"en friend quotes the boss", `bro my boss said "free flight to Phnom Penh, $2k just typing, they keep ur passport for the visa". come with me, dont tell ur mom`, LevelHigh},
		{"en broker quotes its promise", `Agent here. Korea without EPS: "no exam, no waiting, visa guaranteed", fee $4,000 paid before departure. Inbox me.`, LevelHigh},
		{"en post, beware that slots go", `We are hiring "game testers" in Myawaddy, $2,500, no interview, flight paid. Beware, slots are limited! Telegram @fake_recruiter_p6`, LevelHigh},
		{"en passive future is a lure", `Staff passports will be kept by HR in Phnom Penh, free flight, $2,000 chat job, no experience. Telegram @fake_recruiter_p7`, LevelHigh},
		{"ko friend quotes an ad, wanna go", `친구야 이거 봐봐 "캄보디아 채팅 알바 월 800 보장, 항공권 회사가 끊어줌, 여권은 회사 보관" 같이 갈래? 텔레로 연락해`, LevelHigh},
		{"ko post quotes its own fields", `모집 분야: "고객 상담", 급여: "월 1,000만 원", 근무지: "프놈펜". 항공권 제공, 여권은 회사가 보관합니다. 텔레 @fake_recruiter_p8`, LevelHigh},
		{"ko other ads are scams, we are real", `다른 데 "월 1000 보장" 같은 광고는 사기지만 우리는 진짜입니다. 캄보디아 채팅 알바 월 800, 항공권 제공, 여권은 회사 보관. 텔레 @fake_recruiter_p9`, LevelHigh},
		{"ko reader pastes an ad in quotes and asks", `"캄보디아 단순 타자 월 700, 숙식 제공, 항공권 지원, 여권은 회사 보관" 이런 글 이거 사기인가요? 텔레 @fake_recruiter_p10 로 연락하래요`, LevelHigh},
		{"ko broker quotes its guarantee", `사장님이 "시험 없이 한국 취업 보장, 비자 걱정 마" 라고 하셨어요. 수수료 500만 원 선입금, 관광비자로 출국합니다.`, LevelHigh},
		{"km post quotes its own fields", `មុខតំណែង "បុគ្គលិកឆាត" ប្រាក់ខែ "1500$" នៅបាវិត ក្រុមហ៊ុនចេញថ្លៃឡាន រក្សាទុកលិខិតឆ្លងដែន inbox`, LevelHigh},
		{"km friend quotes an ad, come along", `មិត្តខ្ញុំផ្ញើមកថា "ការងារឆាតនៅបាវិត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃឡាន រក្សាទុកលិខិតឆ្លងដែន" ទៅជាមួយគ្នាទេ? inbox មក`, LevelHigh},
		{"km our company is good, unlike those ads", `ការងារឆាតនៅបាវិត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃឡាន រក្សាទុកលិខិតឆ្លងដែន។ ប្រយ័ត្នការផ្សាយដូចជា "ប្រាក់ខែ 3000$" តែក្រុមហ៊ុនយើងល្អ inbox`, LevelHigh},
		{"km reader pastes an ad in quotes and asks", `"ការងារឆាតនៅបាវិត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃឡាន រក្សាទុកលិខិតឆ្លងដែន" តើនេះជាការបោកប្រាស់ទេ?`, LevelHigh},
		{"km broker passive is an obligation", `លិខិតឆ្លងដែនត្រូវរក្សាទុកនៅក្រុមហ៊ុន ការងារឆាតនៅបាវិត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃឡាន inbox`, LevelHigh},
		// Awareness posts, notices and news that quote lures: low.
		{"en scam alert, posts like", `⚠️ Scam alert: we keep seeing posts like "Chat job in Myawaddy, $2,500, free flight, we keep your passport". Several people who answered were trapped in compounds. Call the embassy if you are stuck.`, LevelLow},
		{"en ministry, messages such as", `Warning from the labour ministry: messages such as "free visa, $1,800 a month, no experience, send your passport photo on Telegram" are trafficking lures. Report them to the hotline 1280.`, LevelLow},
		{"en news, ads promising, passive", `News: police said victims had answered ads promising "USD 2,000 for typing, flights included"; their passports were confiscated on arrival.`, LevelLow},
		{"en survivors quote the recruiter", `Survivors told us the recruiter promised "easy work in Cambodia, free flight and room". Do not trust such offers; check with your embassy.`, LevelLow},
		{"en psa, posts saying", `A support group PSA: posts saying "no experience, $1,500, WhatsApp only" are how compounds recruit. Be careful and tell your family where you go.`, LevelLow},
		{"en victims, with passports taken", `Members who answered them ended up in compounds, with passports taken and phones confiscated.`, LevelLow},
		{"ko notice, 같은 글, 빼앗기고", `[주의] "비자 없이 캄보디아 취업, 월 1,000만 원, 항공권 제공" 같은 글을 보고 출국했다가 여권을 빼앗기고 감금되는 피해가 늘고 있습니다. 의심되면 영사콜센터에 문의하세요.`, LevelLow},
		{"ko ministry, 이라는 광고", `외교부는 "고수익 단순 업무, 숙식 제공, 여권 회사 보관" 이라는 광고에 속지 말라고 당부했다.`, LevelLow},
		{"ko prevention, 같은 문구", `취업사기 예방 안내: "텔레그램으로만 연락", "항공권 먼저 보내드림" 같은 문구는 위험 신호입니다. 조심하세요.`, LevelLow},
		{"ko notice, 따르지 마세요", `[공지] "비자 없이 가능", "시험 없이 취업 보장", "선입금 후 출국" 같은 안내는 따르지 마세요. 해외 일자리는 공공 포털에서 확인하세요.`, LevelLow},
		{"km beware, ads such as, passive", `⚠️ ប្រយ័ត្ន! ការផ្សាយដូចជា "ការងារឆាតនៅបាវិត ខែ 1500$ ក្រុមហ៊ុនចេញថ្លៃឡាន" គឺជាអន្ទាក់។ ពលករខ្លះត្រូវគេដកហូតលិខិតឆ្លងដែន។ សូមទាក់ទងប៉ូលិស 117`, LevelLow},
		{"km news, victims said", `ព័ត៌មាន៖ ជនរងគ្រោះបានប្រាប់ថា "ក្រុមហ៊ុនចេញថ្លៃឡាន ខែ 1500$ មិនត្រូវការបទពិសោធន៍" ហើយពួកគេត្រូវគេដកហូតទូរស័ព្ទ។`, LevelLow},
		{"km take care with messages such as", `សូមប្រុងប្រយ័ត្ន ចំពោះសារដូចជា "ការងារស្រួល ខែ 2000$ ហូបចុកស្នាក់នៅឥតគិតថ្លៃ ផ្ញើរូបថតលិខិតឆ្លងដែនតាម Telegram"។`, LevelLow},
		{"km ngo, guillemets", `អង្គការយើងខ្ញុំសូមប្រុងប្រយ័ត្ន៖ ការផ្សាយដូចជា «ប្រាក់ខែ 1500$ មិនត្រូវការបទពិសោធន៍ ក្រុមហ៊ុនចេញថ្លៃយន្តហោះ» ជាអន្ទាក់។`, LevelLow},
		{"en notice, warning in its own line", "Community notice: be careful.\nRecruiters are posting ads like \"Customer service in Phnom Penh, USD 2,000, free flight and hotel, no experience, Telegram only\" on Facebook. Families have not heard from several young people who went.", LevelLow},
		{"en curly quotes, with passports taken", "Scam alert.\nThey were promised “Chat job in Sihanoukville, $2,500, free flight, no experience” and ended up with passports taken.", LevelLow},
		{"ko heading warns, messages circulate", "[해외안전] 캄보디아 취업 주의\n요즘 \"월 1,000만 원 단순 업무\", \"항공권 먼저 보내드림\", \"여권은 회사 보관\" 같은 메시지가 돌고 있습니다.", LevelLow},
		{"km heading warns, ads such as", "⚠️ ប្រយ័ត្ន ⚠️\nមានការផ្សាយតាម Telegram ដូចជា \"ការងារងាយស្រួល ខែ 2000$ ក្រុមហ៊ុនចេញថ្លៃយន្តហោះ រក្សាទុកលិខិតឆ្លងដែន\"។", LevelLow},
	})
}
