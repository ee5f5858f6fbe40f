package jobcheck

import (
	"slices"
	"strings"
	"testing"
)

// TestToldOnly: rules 2026.12.04-137, a general round before the next blind split, in
// wordings of our own. A text that tells of lures to warn of them and offers the reader nothing
// to apply to is no high-risk offer, whatever its shape: an unquoted list of warning signs under
// a heading, a survivor's first-person story in the past (my experience, បទពិសោធន៍ខ្ញុំ,
// ខ្ញុំត្រូវគេបោក, 다녀온 경험), an embassy's advisory letter, brokers' words told in the third
// person, with at most an official desk's contact (the police, 영사콜센터, 1288). Such texts were
// high; they are at most medium (Checker.toldOnly). Look-alikes stay high: a recruiter who warns
// of fake agents and gives a handle, 'my experience here is great, come join me', a friend who
// warns about one company and refers to another, an offer with no contact but 'come next week',
// a recruiter's hotline, workers' reviews with a KakaoTalk id. From rules 2026.12.04-139 such a
// text that also advises the reader to check first or names a desk to ask is low.
func TestToldOnly(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		// Unquoted warning-sign lists.
		{"en • list under a heading", "Warning signs of a fake job offer:\n• a high salary of USD 2,000 with no experience needed\n• the company pays your flight and hotel\n• contact only on Telegram\n• they ask for a photo of your passport before you arrive\nStay safe and share with your friends.", LevelMedium},
		{"en numbered red flags", "5 red flags before you accept a job abroad\n1. USD 2,000 a month for data entry, no experience\n2. Free air ticket, you go on a tourist visa\n3. The recruiter only talks on WhatsApp\n4. You must send a passport photo first", LevelLow}, // -139: advice to check first, or a desk to ask
		{"ko • 의심 신호", "해외 취업사기 의심 신호\n• 경력 없어도 월 500 이상 보장\n• 항공권·숙소 무료 제공\n• 텔레그램으로만 연락\n• 출국 전에 여권 사진부터 요구\n하나라도 해당되면 다시 생각하세요.", LevelMedium},
		{"ko numbered, 영사콜센터 phone", "경고! 이런 구인글은 의심하세요\n1. 경력 무관 월 1000 보장\n2. 항공권, 숙소 전부 무료\n3. 텔레그램 아이디로만 연락\n피해가 의심되면 영사콜센터 +82-2-3210-0404 로 연락하세요", LevelLow}, // -139: advice to check first, or a desk to ask
		{"km numbered signs", "សញ្ញាព្រមាននៃការងារក្លែងក្លាយ៖\n១. ប្រាក់ខែខ្ពស់ ២០០០ដុល្លារ មិនត្រូវការបទពិសោធន៍\n២. ក្រុមហ៊ុនចេញថ្លៃសំបុត្រយន្តហោះឲ្យ\n៣. ទាក់ទងតែតាម Telegram\n៤. សុំរូបថតលិខិតឆ្លងដែនមុន", LevelMedium},
		// Survivors' own stories, past tense.
		{"en my experience, escaped", "My experience, so you don't make my mistake. Last year I was promised $1,500 a month as a translator in Cambodia, no experience needed, and they paid my flight. When I arrived they took my passport and made me work 16 hours scamming people online. I escaped after four months. Please, never send your passport to anyone online.", LevelMedium},
		{"en my story, no advice", "My story. In March a woman on Facebook offered me $1,800 for customer service in Myawaddy, flight and hotel free, no experience. At the border they took our phones and passports. I got out in August with help from my family.", LevelMedium},
		{"en returnee review", "Returnee review: I answered a Facebook post for \"data entry, USD 1,600, flight included\". In Myawaddy they took our phones and we worked 17 hours a day. I got out after the raid in May.", LevelMedium},
		{"km ខ្ញុំត្រូវគេបោក", "ខ្ញុំត្រូវគេបោក។ គេថាធ្វើការកាស៊ីណូ ប្រាក់ខែ ១២០០$ ធ្វើលិខិតឆ្លងដែនឲ្យ ចេញថ្លៃធ្វើដំណើរ។ ដល់ទីនោះ គេមិនឲ្យចេញក្រៅ។ ខ្ញុំចង់ប្រាប់បងប្អូនកុំឲ្យដូចខ្ញុំ។", LevelMedium},
		{"km my story, police 1288", "រឿងរបស់ខ្ញុំ៖ ឆ្នាំ២០២៤ គេសន្យាថាប្រាក់ខែ ១៨០០$ ធ្វើការងារកុំព្យូទ័រ មិនត្រូវការបទពិសោធន៍ ចេញថ្លៃយន្តហោះ។ ដល់មីយ៉ាន់ម៉ា គេយកលិខិតឆ្លងដែនខ្ញុំ។ ខ្ញុំរត់មកវិញបាន។ បើត្រូវការជំនួយ ទាក់ទងប៉ូលិស 1288", LevelLow}, // -139: advice to check first, or a desk to ask
		{"ko 다녀온 경험", "캄보디아 다녀온 경험 공유합니다. 작년에 월 600 준다고, 경력 필요 없다고 해서 갔어요. 비행기표도 보내줬고요. 도착하자마자 여권이랑 폰 가져가고 하루 15시간 채팅 시켰어요. 3개월 만에 겨우 나왔습니다. 여러분은 절대 가지 마세요.", LevelMedium},
		// Advisories and third-person accounts of what brokers say.
		{"en embassy letter", "Dear Sir or Madam,\nThe Embassy advises nationals that criminal groups advertise jobs offering USD 1,500 to 3,000 per month with no experience required, free flights and accommodation in Cambodia and Myanmar. Victims are taken across the border and forced into online fraud. Before accepting, verify the employer with the Ministry of Labour. For assistance call +855 23 123 456.", LevelLow}, // -139: advice to check first, or a desk to ask
		{"en brokers tell young people", "Brokers tell young people: you will earn $1,500 a month, no experience, the company pays the ticket, just send your passport copy on Telegram. Then they sell them to compounds. Check with the Labour Ministry before you go.", LevelLow},                                                                                                                                                  // -139: advice to check first, or a desk to ask
		{"en signs, a help line after 'if you need help'", "Red flags of trafficking jobs:\n- USD 2,000 a month for typing, no experience\n- free flight to Bangkok, then a car to the border\nIf you need help, call +855 12 888 999", LevelLow},                                                                                                                                                                                     // -139: advice to check first, or a desk to ask
		// Look-alikes.
		{"en beware, hiring list, DM", "Beware of fake agents! We are hiring:\n• USD 2,000 a month, no experience\n• free flight to Cambodia\nDM @kh_jobs_real", LevelHigh},
		{"ko 사기 조심, list, 텔레", "사기 조심하세요! 진짜 일자리 여기 있어요\n• 경력 없어도 월 500\n• 항공권 무료, 캄보디아 근무\n텔레 @kr_job77", LevelHigh},
		{"km ប្រយ័ត្ន, list, Telegram", "ប្រយ័ត្នភ្នាក់ងារក្លែងក្លាយ! ការងាររបស់យើង៖\n• ប្រាក់ខែ ២០០០$ មិនត្រូវការបទពិសោធន៍\n• ចេញថ្លៃសំបុត្រយន្តហោះ ធ្វើការនៅបាវិត\nទាក់ទង Telegram @kh_work88", LevelHigh},
		{"en my experience is great, join", "My experience working here is great! I earn $1,800 a month doing chat support in Sihanoukville, no experience needed, and the company paid my flight. Come join me, message @sihanouk_team", LevelHigh},
		{"km បទពិសោធន៍ខ្ញុំ ល្អ", "បទពិសោធន៍ខ្ញុំធ្វើការនៅទីនេះល្អណាស់! ប្រាក់ខែ ១៨០០$ មិនត្រូវការបទពិសោធន៍ ក្រុមហ៊ុនចេញសំបុត្រយន្តហោះ។ មកធ្វើការជាមួយខ្ញុំ ទាក់ទង Telegram @bavet_friend", LevelHigh},
		{"km my experience, no contact", "បទពិសោធន៍ខ្ញុំ៖ ធ្វើការនៅសីហនុវិល ប្រាក់ខែ ២០០០$ មិនត្រូវការបទពិសោធន៍ ក្រុមហ៊ុនចេញសំបុត្រយន្តហោះ ស្រួលណាស់ ខ្ញុំសប្បាយចិត្ត", LevelHigh},
		{"ko 제 경험상 좋아요", "제 경험상 여기 진짜 좋아요. 경력 없어도 월 600, 항공권도 회사가 내줘요. 같이 일해요, 텔레 @kh_bro", LevelHigh},
		{"en warns of one, refers to another", "Don't go to that Golden Star company, they took my cousin's passport, be careful. My boss is different: $2,000 a month, no experience, flight paid. Message me @mybossjob", LevelHigh},
		{"en warns, offers, come next week", "Bro be careful of fake agents on FB. My uncle's company in Bavet is real, $1,800 a month, no experience, they pay the bus and hotel. Come next week", LevelHigh},
		{"km ប្រយ័ត្ន, then go with me", "ប្រយ័ត្នភ្នាក់ងារក្លែងក្លាយ។ ថៅកែខ្ញុំពិតប្រាកដ ប្រាក់ខែ ១៥០០$ មិនត្រូវការបទពិសោធន៍ ចេញថ្លៃឡាន ធ្វើការនៅបាវិត។ សប្តាហ៍ក្រោយទៅជាមួយខ្ញុំ", LevelHigh},
		{"ko 직원 후기, 카톡", "직원 후기: \"경력 없어도 월 800 받아요\", \"항공권 회사가 내줬어요\". 캄보디아 근무. 카톡 kh_job", LevelHigh},
		{"en NGO: talk to us before you go", "Know the signs! Jobs that offer USD 1,800 with no experience, free flights to Thailand and contact only on Telegram are often traps. Talk to us before you go: SafeWork Cambodia, 012 777 888.", LevelLow}, // -139: advice to check first, or a desk to ask
		{"en recruiter: call us, no advice", "Beware of fake agents. Chat job in Sihanoukville, USD 1,800, no experience, free flights, Telegram only. SafeWork Cambodia, 012 777 888.", LevelHigh},
		{"en beware, to apply call", "Beware of fake agents. Typing job in Bavet, USD 2,000 a month, no experience, flight paid. To apply call +855 12 888 999", LevelHigh},
		{"en friend: they take passports, want me to ask?", "Sis I'm in Koh Kong now, resort job 😎 they took everyone's passport for the permit, pay is USD 1,500, no experience. want me to ask my boss?", LevelHigh},
	})
}

// TestMadeUpDomains: rules 2026.12.04-137. The corpus writes contacts under example.com; a
// made-up address or link must weigh what the real one would: a company address
// (hr@goldenbay.example.com as hr@goldenbay.com), a webmail (gmail.example.com as gmail.com),
// a platform link (facebook.example.com as facebook.com, no employer's own domain).
func TestMadeUpDomains(t *testing.T) {
	c := mustLoad(t)
	offer := "Chat support in Sihanoukville, USD 2,000 a month, no experience needed, flight paid. Send your CV to "
	for _, pair := range [][2]string{
		{"hr@goldenbay.com", "hr@goldenbay.example.com"},
		{"kh.jobs88@gmail.com", "kh.jobs88@gmail.example.com"},
		{"facebook.com/khjobs88", "facebook.example.com/khjobs88"},
	} {
		real, made := c.Check(offer+pair[0]), c.Check(offer+pair[1])
		if real.Level != made.Level || !slices.Equal(flagIDs(real), flagIDs(made)) ||
			strings.Join(signalIDs(real), ",") != strings.Join(signalIDs(made), ",") {
			t.Errorf("%s: %s %v %v; %s: %s %v %v", pair[0], real.Level, flagIDs(real), signalIDs(real),
				pair[1], made.Level, flagIDs(made), signalIDs(made))
		}
	}
}

func signalIDs(r Result) []string {
	var ids []string
	for _, s := range r.Signals {
		ids = append(ids, s.ID)
	}
	return ids
}
