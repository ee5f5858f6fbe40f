package jobcheck

import "testing"

// TestLessons15y: rules 2026.12.04-141, learnt from holdout-15y, in wordings of our own. A
// survivor who states a purpose to warn others ('I'm writing this so no one else …', 혹시 … 분이
// 있을까 봐 씁니다, ដើម្បីកុំឲ្យអ្នកផ្សេង…) tells lures to warn of them: the story is told-only
// and low, even when its score alone was medium, and a call to come quoted in it ("come work
// with us") is someone else's words. Advice to talk to someone you trust names a desk to ask.
// A recruiter who claims the same purpose but gives a contact or a call stays high. A fee paid
// up front under seat or time pressure is at least medium whatever signals lower the score.
func TestLessons15y(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en survivor with a purpose to warn", "I'm writing this so no one else ends up where I did. Two years ago a man on Facebook promised me: \"easy office job in Bavet, $1,200, we pay the flight, don't tell your parents.\" When I got there they took my phone and passport and made me scam people. If someone offers you this, stop and talk to someone you trust.", LevelLow},
		{"km survivor quoting a call to come", "ខ្ញុំសរសេររឿងនេះ ដើម្បីកុំឲ្យអ្នកផ្សេងរងគ្រោះដូចខ្ញុំ។ កាលពីឆ្នាំមុន មានបងប្រុសម្នាក់ប្រាប់ថា \"មកធ្វើការជាមួយយើង ប្រាក់ខែ $1200 ធ្វើដំណើរឥតគិតថ្លៃ\"។ ពេលទៅដល់ គេដកហូតលិខិតឆ្លងដែនខ្ញុំ ហើយបង្ខំឲ្យបោកគេ។ សូមសួរអ្នកដែលអ្នកទុកចិត្តមុនសម្រេចចិត្ត។", LevelLow},
		{"ko survivor writing in case someone", "재작년에 \"해외 고객상담, 월 700, 항공권 지원\"이라는 문자 하나 받고 시하누크빌로 갔다가 여권부터 뺏겼습니다. 혹시 지금 이런 연락을 받은 분이 있을까 봐 씁니다. \"부모님께는 출장이라고 해\" 같은 말을 들으면 멈추세요.", LevelLow},
		{"en survivor without a purpose stays capped", "Two years ago a man on Facebook promised me an office job in Bavet, $1,200, flight paid. When I got there they took my phone and passport and made me scam people.", LevelMedium},
		// Recruiters who claim the purpose and recruit stay high.
		{"en recruiter claims the purpose, DM", "I'm sharing this so nobody else misses out: chat support in Bavet, $1,500, flight paid, we keep your passport for the visa. DM @bavet_jobs", LevelHigh},
		{"km recruiter claims the purpose, contact", "ខ្ញុំចែករំលែករឿងខ្ញុំ ដើម្បីកុំឲ្យអ្នកផ្សេងខកឱកាស៖ ការងារឆាតនៅបាវិត ប្រាក់ខែ $1500 ក្រុមហ៊ុនរក្សាទុកលិខិតឆ្លងដែន។ ទាក់ទង Telegram @bavet_kh", LevelHigh},
		{"ko recruiter claims the purpose, 문의", "저 같은 피해 보는 분이 없도록 좋은 자리만 소개합니다. 캄보디아 채팅 상담 월 800, 여권은 회사가 보관합니다. 텔레 @kh_job_desk 로 문의 주세요.", LevelHigh},
		{"en quoted call without a purpose", "Our boss says \"come work with us\": chat jobs in Bavet, $1,500, the company keeps your passport.", LevelHigh},
		// A fee up front under pressure is medium; a fee alone is not.
		{"en course fee up front, few places", "Welding course for work in Japan. Course fee USD 900, paid in full before the start. Only 10 places, enrol by Friday! Visit our office at 12 Norodom Blvd, Phnom Penh.", LevelMedium},
		{"ko 교육비 선납, 선착순", "일본 요양보호 취업 과정 모집. 교육비 150만 원 선납, 선착순 10명 마감! 서울 종로구 종로 1길 사무실 방문 상담.", LevelMedium},
		// An official notice that tells the reader to report offers it quotes warns of them.
		{"en notice: report anyone offering", "NOTICE: Only the Ministry of Labour may send workers abroad under the Employment Permit System. No agent may charge you for it. Report anyone offering \"jobs in Korea without the test\" to the Ministry.", LevelLow},
		{"en course fee, no pressure", "Welding course, fee USD 300. Classes start in May at our school in Phnom Penh.", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"en say tourism, don't mention work", "At the airport, declare tourism at immigration and don't mention your employment.", "secrecy_instruction", true},
		{"en honest purpose at immigration", "At immigration, show your work visa and your contract.", "secrecy_instruction", false},
		{"ko 입국심사에서 취업 말하지 마", "입국심사에서 일하러 왔다고는 절대 말하지 마세요.", "secrecy_instruction", true},
		{"km កុំនិយាយថាមកធ្វើការ", "ដល់ព្រលានយន្តហោះ កុំនិយាយថាមកធ្វើការ។", "secrecy_instruction", true},
		{"ko 엑스포 with free flights", "베트남 한인기업 취업 엑스포 초청, 항공권 무료 제공", "job_fair_invite", true},
		{"en job expo with hotel", "Overseas careers expo: free flights and hotel for invited candidates.", "job_fair_invite", true},
		{"km passport kept aside", "ក្រុមហ៊ុននឹងរក្សាប៉ាសព័រទុក រហូតដល់ចប់កិច្ចសន្យា។", "passport_or_phone_surrender", true},
		{"km enter as a tourist guest", "សូមចូលប្រទេសម៉ាឡេស៊ីជាភ្ញៀវទេសចរសិន។", "no_visa_or_tourist_visa", true},
		{"km work visa later", "ទិដ្ឋាការការងារនឹងធ្វើឲ្យពេលក្រោយ។", "no_visa_or_tourist_visa", true},
		{"ko hours by car from a transit airport", "호치민 공항 도착하면 기사가 픽업해서 5시간 정도 이동합니다.", "indirect_route_third_country", true},
		{"ko factory bus, no transit city", "공장 통근버스가 매일 아침 7시에 픽업합니다.", "indirect_route_third_country", false},
		{"km women only", "ហាងត្រូវការអ្នកលក់ យកតែស្រី។", "appearance_gender_requirement", true},
		{"en contract signed on the first working day", "Your employment agreement will be signed on your first working day in Phnom Penh.", "no_contract_or_foreign_contract", true},
		{"en contract signed before departure", "Your employment agreement will be signed at our Seoul office before departure.", "no_contract_or_foreign_contract", false},
		{"ko 지원: 입국 항공권", "- 지원: 입국 항공권, 숙소 1개월", "employer_pays_travel", true},
		{"ko 지원 방법 is no fare paid", "지원 방법: 이메일로 입국 항공권 사본 제출", "employer_pays_travel", false},
		{"ko 워크퍼밋은 와서", "워크퍼밋은 여기 와서 처리해 준대.", "no_visa_or_tourist_visa", true},
		{"km the factory where I work", "រោងចក្រដែលបងធ្វើ ត្រូវការកម្មករពីរនាក់។", "friend_referral", true},
	})
}
