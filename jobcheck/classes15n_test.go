package jobcheck

import "testing"

// TestHoldout15nClasses: holdout-15n's high-risk misses at -103 as classes (rules
// 2026.12.04-106), each said in wordings no corpus split uses, with look-alikes that must not
// be high: the hotel or the country told only on arrival or just before departure (with a
// fee, fee_for_irregular_route); a passport photo asked of a hire with no interview, a
// workplace told later or pay in USDT (passport_copy_before_travel); a deadline tonight or a
// seat given to someone else; data labelling and app testing as desk roles; beginners and
// "easy ... job" as low skill; "pay $X to register", បង់ X, "X 내면 출국" as fees; pretending to
// be someone to move strangers onto coins; and, for any country, unskilled high pay with the
// trip paid and the workplace or the contract left to arrival (paid_trip_blind_job; the
// Khmer letters to Dubai km-15k-07, km-15l-09 were medium).
func TestHoldout15nClasses(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		// The workplace told only on arrival, with a fee.
		{"en property assigned on landing", "Qatar resort vacancies, $1,900/month, freshers welcome. Property will be assigned once you land. Visa processing USD 300, pay before Friday. Inbox us.", LevelHigh},
		{"ko 호텔 현지 가서 정해짐", "카타르 리조트 직원 구함 월 380 초보 환영. 일할 호텔은 현지 가서 정해짐. 서류 대행비 80만원 먼저 입금", LevelHigh},
		{"km សណ្ឋាគារណា ប្រាប់ពេលមកដល់", "កាតា ការងារសណ្ឋាគារ ខែ ១៩០០$ អត់ចេះក៏បាន។ សណ្ឋាគារណា នឹងប្រាប់ពេលមកដល់។ ថ្លៃឯកសារ ៣០០$ បង់មុន", LevelHigh},
		// A passport photo from a hire with no interview, tonight.
		{"en shortlisted without interview", "Congratulations, you are shortlisted without interview. Kindly share a clear photo of your passport bio page by 11pm today to lock your seat on next week's flight. Remuneration in USDT.", LevelHigh},
		{"ko 면접 없이 합격 반말", "축하해요~ 면접 없이 바로 합격! 오늘 밤까지 여권 사진 보내줘야 자리 안 뺏겨요. 급여는 테더로 나감", LevelHigh},
		{"km ជាប់ដោយមិនសម្ភាសន៍", "អបអរសាទរ! អ្នកជាប់ដោយមិនចាំបាច់សម្ភាសន៍។ សូមផ្ញើរូបថតប៉ាសព័រត្រឹមថ្ងៃនេះ បើមិនទាន់ កន្លែងនឹងទៅអ្នកផ្សេង។", LevelHigh},
		// Data labelling abroad for beginners.
		{"en data labelers, newbies", "Hiring AI data labelers, work from our office abroad, 2,200 USD, newbies ok, flight covered. Telegram @label_team", LevelHigh},
		{"ko 라벨링 왕초보", "해외 데이터 라벨링 팀원 모집, 왕초보 가능, 월 400, 항공권 회사 부담. 텔레 @label_kr", LevelHigh},
		// Unskilled high pay, trip paid, contract on arrival: any country.
		{"en Doha letter", "Offer letter: Guest Relations Associate, Doha. Salary USD 2,000 per month, no prior experience required. The company will bear airfare and accommodation. Your employment agreement will be signed at the property after arrival.", LevelHigh},
		{"ko 두바이 안내", "채용 안내: 두바이 고객관리 직원, 월 450만원, 경력 무관. 항공권과 숙소는 회사 부담. 근로계약서는 현지 도착 후 작성합니다.", LevelHigh},
		{"km អារ៉ាប់ letter", "លិខិតផ្តល់ការងារ៖ មន្ត្រីថែទាំអតិថិជន នៅអារ៉ាប់ ប្រាក់ខែ ២០០០ដុល្លារ មិនតម្រូវឱ្យមានបទពិសោធន៍ ក្រុមហ៊ុនចេញថ្លៃសំបុត្រយន្តហោះ និងស្នាក់នៅ។ កិច្ចសន្យានឹងចុះហត្ថលេខាពេលមកដល់។", LevelHigh},
		// Look-alikes: contracts and work visas before departure, local jobs, awareness posts.
		{"en Dubai contract before departure", "Housekeeping attendant, Dubai. Salary AED 2,200 plus accommodation and meals. Employment contract and work visa issued before departure through a licensed agency, no fee charged to workers. Flight provided by employer.", LevelLow},
		{"ko 두바이 계약서 출국 전", "두바이 호텔 하우스키핑 채용. 월 250만원, 숙식 제공. 근로계약서 출국 전 작성, 취업비자 발급 후 출국. 항공권 회사 부담. 수수료 없음.", LevelLow},
		{"km ឌូបៃ កិច្ចសន្យាមុនចេញដំណើរ", "ការងារសណ្ឋាគារនៅឌូបៃ ប្រាក់ខែ ៦០០ដុល្លារ ស្នាក់នៅនិងអាហារ។ ចុះកិច្ចសន្យាមុនចេញដំណើរ មានទិដ្ឋាការការងារ។ ក្រុមហ៊ុនចេញថ្លៃសំបុត្រ។ មិនយកថ្លៃសេវា។", LevelLow},
		{"en Siem Reap branch after training", "Receptionist wanted, Siem Reap boutique hotel. $280/month, beginners welcome, training provided. Which branch you work at is confirmed after training. Call 012 000 111.", LevelLow},
		{"ko 시엠립 카페 초보", "시엠립 카페 알바, 초보도 가능, 월 300달러, 매장은 교육 끝나고 배정. 010-0000-0000", LevelLow},
		{"en awareness quoting", "Beware: scammers write \"hotel assigned after arrival, processing $250, no interview, send your passport photo tonight\". Never pay and never send documents.", LevelLow},
		{"ko awareness quoting", "조심하세요. \"근무 호텔은 도착 후 배정, 서류비 50만원, 면접 없이 합격, 오늘 밤까지 여권 사진\" 같은 문자는 사기입니다.", LevelLow},
		{"km awareness quoting", "សូមប្រុងប្រយ័ត្ន! ការផ្សាយដូចជា \"សណ្ឋាគារនឹងប្រាប់ពេលមកដល់ បង់ ៣០០$ ចុះឈ្មោះ មិនចាំបាច់សម្ភាសន៍\" គឺជាការបោកប្រាស់។", LevelLow},
		// rules -110: a business traveller's hotel confirmed on arrival is lodging, not the
		// workplace ("hotel" alone left the en workplace class; "hotel ... assigned on arrival" stays).
		{"en business trip hotel", "Business trip notice: your hotel in Bangkok will be confirmed on arrival by our travel desk. Flights are booked by the company. Please send a passport copy to HR for the visa letter.", LevelLow},
		{"en annotation with a degree", "Data annotation specialist, Seoul office. Bachelor's degree and 2 years of experience required. KRW 3,800,000 per month. Apply at careers.example.com.", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"en pay to register", "Korea factory work guaranteed, send $600 to register before the list closes.", "upfront_fee_or_deposit", true},
		{"en we pay you monthly", "We pay $600 monthly to our cleaners in Phnom Penh.", "upfront_fee_or_deposit", false},
		{"km បង់ ដើម្បីចុះឈ្មោះ", "ទៅធ្វើការកូរ៉េ ធានា បង់ ៨០០$ ដើម្បីចុះឈ្មោះ", "upfront_fee_or_deposit", true},
		{"ko 내면 바로 출국", "일본 공장 취업 보장, 300만원 내면 바로 출국 진행", "upfront_fee_or_deposit", true},
		{"km pretend to be a rich woman", "ការងារខ្ញុំ គឺក្លែងខ្លួនជាស្រីអ្នកមាន ហើយលួងលោមប្រុសៗឲ្យវិនិយោគលើគ្រីបតូ", "explicit_scam_work", true},
		{"km persuade men to put money in coins", "ឆាតលេងៗ រួចបបួលបុរសៗដាក់លុយលេងកាក់", "explicit_scam_work", true},
		{"km a sales job invests nothing", "ការងារលក់ទូរស័ព្ទនៅផ្សារ ជួយណែនាំអតិថិជនទិញម៉ូដែលថ្មី", "explicit_scam_work", false},
		{"en easy office job", "Easy office job overseas, 3,000 USD, apply on Telegram", "high_pay_low_skill", true},
		{"en beginners", "Typing team abroad, $1,600 a month for beginners", "high_pay_low_skill", true},
		{"ko 초보자도", "해외 채팅 알바 초보자도 월 500", "high_pay_low_skill", true},
		{"km អ្នកថ្មីក៏បាន", "ការងារឆាតនៅក្រៅប្រទេស អ្នកថ្មីក៏បាន ខែ ១៥០០$", "high_pay_low_skill", true},
		{"en seat to someone else", "Reply by midnight or your seat goes to another candidate.", "urgency_pressure", true},
		{"ko 자리 다른 분께", "내일까지 답 주세요, 아니면 자리 다른 분께 넘어갑니다", "urgency_pressure", true},
		{"km not an illegal broker", "យើងមិនមែនមេខ្យល់ទេ ធានាទៅកូរ៉េ", "reassurance_denial", true},
		{"ko 불법 브로커 아님", "저희는 불법 브로커 아닙니다, 일본 취업 100% 보장", "reassurance_denial", true},
	})
}
