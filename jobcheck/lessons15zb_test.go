package jobcheck

import "testing"

// lessons15zbLevels: rules 2026.12.04-146, learnt from holdout-15zb, in wordings of our own.
// An official EPS notice rated above low is the fourth blind split's false alarm in a row, so
// the class is learnt, not the wording: a negation whose subject is a list ('no agent, company
// or individual can …', 'neither brokers nor agencies may …', 어떤 브로커나 업체도 … 없습니다,
// គ្មានភ្នាក់ងារ ក្រុមហ៊ុន ឬបុគ្គលណាម្នាក់ អាច …) negates the verbs it governs, a second verb
// after 'or' too; 'anyone asking for X is committing fraud' warns of X. A broker who says
// other agents cannot, or tells you to pay only him, still offers. Missed flags: 'declare
// tourism as your purpose of visit', a visa one need not make (비자 안 만들어도), a KakaoTalk id
// handed over, a consulting fee (컨설팅비), 'closes at the end of this month' (이달 말 마감).
var lessons15zbLevels = []levelCase{
	{"en ministry notice, list subject", "Notice: Registration for the Employment Permit System is done only through the Ministry of Labour. No recruiter, agency or private person can promise you a Korean visa or let you bypass the EPS-TOPIK test. Anyone asking you for a \"booking deposit\" or an \"express fee\" is committing fraud. Do not pay. Report such offers to the Ministry.", LevelLow},
	{"en neither nor", "Neither brokers nor agencies may guarantee you a job in Korea or collect a deposit for the EPS. Apply only through the Ministry.", LevelLow},
	{"ko ministry notice, list subject", "[공지] 고용허가제(EPS) 등록은 고용노동부를 통해서만 가능합니다. 어떤 브로커나 업체도 한국 비자를 보장하거나 시험을 면제해 줄 수 없습니다. 누구든 예약금이나 급행비를 요구하면 사기입니다. 돈을 내지 마시고 노동부에 신고하세요.", LevelLow},
	{"km ministry notice, list subject", "សេចក្តីជូនដំណឹង៖ ការចុះឈ្មោះ EPS ធ្វើតែតាមក្រសួងការងារប៉ុណ្ណោះ។ គ្មានភ្នាក់ងារ ក្រុមហ៊ុន ឬបុគ្គលណាម្នាក់ អាចធានាទិដ្ឋាការកូរ៉េ ឬឲ្យអ្នករំលងការប្រឡងបានទេ។ អ្នកណាដែលសុំប្រាក់កក់ គឺជាការបោកប្រាស់។ កុំបង់ប្រាក់។", LevelLow},
	// Look-alikes stay high.
	{"en broker: other agents can't, we can", "Other agents can't guarantee a Korean visa — we can. Deposit $500 to reserve your seat, Telegram @fake_eps_fast", LevelHigh},
	{"en broker: no exam, guaranteed", "No exam needed, we guarantee Korea, fee $3,000", LevelHigh},
	{"en broker: no other agency can match us", "No other agency can match us: Korea visa guaranteed, no exam, fee $2,000, Telegram @fake_kr_visa", LevelHigh},
	{"ko broker: others cannot, we can", "다른 업체는 못 하지만 저희는 시험 없이 한국 취업 보장합니다. 예약금 100만 원 선입금, 카톡 문의", LevelHigh},
	{"en broker: pay only us", "Korea factory job guaranteed without EPS-TOPIK. Do not pay other agents, pay only us: deposit $800, WhatsApp +855 12 000 000", LevelHigh},
}

// TestLessons15zb: see lessons15zbLevels; flags in ko, km and en.
func TestLessons15zb(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, lessons15zbLevels)
	runFlagCases(t, c, []flagCase{
		{"en list subject negates", "No recruiter, agency or private person can promise you a Korean visa.", "bypass_official_program", false},
		{"en list subject negates the verb after or", "No agent, broker or company can sell you a place or let you skip the EPS-TOPIK exam.", "bypass_official_program", false},
		{"en anyone asking for a deposit", "Anyone asking for a \"seat deposit\" is committing fraud.", "upfront_fee_or_deposit", false},
		{"ko anyone asking for a deposit", "누구든 예약금을 요구하면 사기입니다.", "upfront_fee_or_deposit", false},
		{"km anyone asking for a deposit", "អ្នកណាដែលសុំប្រាក់កក់ គឺជាការបោកប្រាស់។", "upfront_fee_or_deposit", false},
		{"en declare tourism as the purpose", "At the airport, declare tourism as your purpose of visit.", "secrecy_instruction", true},
		{"ko no visa needed, friend", "비자 같은 거 따로 안 만들어도 그냥 와서 일하면 돼", "no_visa_or_tourist_visa", true},
		{"ko KakaoTalk id given", "관심 있으면 삼촌 카톡 아이디 줄게 직접 물어봐", "messenger_only_recruiter", true},
		{"ko consulting fee", "컨설팅비 90만 원 (계약 시 납부)", "upfront_fee_or_deposit", true},
		{"ko closes at month end", "이달 말 마감, 2명 모집", "urgency_pressure", true},
		{"en broker deposit stays", "Deposit $500 to reserve your seat.", "upfront_fee_or_deposit", true},
		{"en other agents can't, we can", "Other agents can't guarantee a Korean visa, we can.", "bypass_official_program", true},
	})
}
