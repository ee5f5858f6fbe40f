package jobcheck

import "testing"

// TestHoldout15mClasses: rules 2026.12.04-100 and -101 read 15m's high-risk misses as classes, each
// with a look-alike (an ordinary local post or a legitimate offer) that stays unflagged. None
// of these texts is in the corpus.
func TestHoldout15mClasses(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		// Befriend a stranger, coax them, get money into an app or a coin; chat with foreign men.
		{"km befriend and coax into a coin app", "ការងារ៖ រាប់អានភ្ញៀវតាមអនឡាញ រួចលួងលោមគេឲ្យវិនិយោគក្នុង app គ្រីបតូ", "explicit_scam_work", true},
		{"km chat with foreign men", "ការងារស្រួល គ្រាន់តែនិយាយជាមួយបុរសបរទេសតាមទូរស័ព្ទ ខែ 1200$", "explicit_scam_work", true},
		{"km open fake facebook accounts", "ត្រូវបើកអាខោនហ្វេសប៊ុកក្លែងៗច្រើន ដើម្បីឆាតជាមួយភ្ញៀវ", "explicit_scam_work", true},
		{"en befriend then get them to invest", "Befriend people online, then encourage them to invest on our platform.", "explicit_scam_work", true},
		{"km bank advises savings", "ធនាគារជ្រើសរើសបុគ្គលិក៖ ណែនាំអតិថិជនឲ្យដាក់ប្រាក់សន្សំក្នុងគណនីធនាគារ ទំនាក់ទំនង Telegram 012 345 678", "explicit_scam_work", false},
		{"km hotel guests from abroad", "សណ្ឋាគារត្រូវការអ្នកទទួលភ្ញៀវ និយាយជាមួយភ្ញៀវបរទេសបាន មានកន្លែងស្នាក់នៅ inbox", "explicit_scam_work", false},
		{"km moderator reports fake accounts", "ការងារ៖ ពិនិត្យ និងរាយការណ៍គណនីហ្វេសប៊ុកក្លែងក្លាយ នៅការិយាល័យភ្នំពេញ", "explicit_scam_work", false},
		// No contract: said after the word, or a deal by word of mouth.
		{"km contract none", "ទៅធ្វើការនៅថៃ ខុងត្រាគ្មានទេ ថៅកែនិយាយផ្ទាល់", "no_contract_or_foreign_contract", true},
		{"km verbal agreement with the boss", "ប្រាក់ខែ 400$ ព្រមព្រៀងផ្ទាល់មាត់ជាមួយថៅកែ", "no_contract_or_foreign_contract", true},
		{"km contract without penalty", "ហាងកាហ្វេត្រូវការបុគ្គលិកបន្ទាន់ កិច្ចសន្យាគ្មានការពិន័យ មានបាយហូប និងកន្លែងស្នាក់នៅ", "no_contract_or_foreign_contract", false},
		{"km a six-month contract", "រោងចក្រកាត់ដេរ ជ្រើសរើសបុគ្គលិក មានកិច្ចសន្យា ៦ខែ ទាក់ទង Telegram 012 345 678", "no_contract_or_foreign_contract", false},
		// A reader's question keeps the pay flag (it silenced the low-skill pay at -99).
		{"km question before low-skill pay", "តើនេះពិតទេ?\n\nប្រាក់ខែ 1000$ មិនចាំបាច់ចេះអីទេ", "high_pay_low_skill", true},
		{"en question before riel pay", "is this real?\n\nប្រាក់ខែ ៤០០ម៉ឺនរៀល មិនចាំបាច់ចេះអីទេ", "high_pay_low_skill", true},
		// Moved on after training to a partner elsewhere, or from a transit city to "a new place".
		{"km may be moved to a partner abroad", "ក្រោយវគ្គហ្វឹកហាត់ បុគ្គលិកអាចត្រូវបញ្ជូនទៅក្រុមហ៊ុនដៃគូនៅប្រទេសជិតខាង", "bait_location_switch", true},
		{"km from a transit city to a new place", "ដល់ម៉ាឡេស៊ីហើយ ធ្វើដំណើរពីម៉ាឡេស៊ីទៅកន្លែងថ្មី ក្រុមហ៊ុនជូន", "indirect_route_third_country", true},
		{"km moved to a branch at home", "បន្ទាប់ពីវគ្គបណ្តុះបណ្តាល បុគ្គលិកអាចនឹងត្រូវផ្ទេរទៅសាខាខេត្តសៀមរាប", "bait_location_switch", false},
		{"km from Bangkok to the factory", "ការងារ MOU រោងចក្រនៅថៃ ធ្វើដំណើរពីបាងកកទៅរោងចក្រ ក្រុមហ៊ុនរៀបចំឡានជូន មានកិច្ចសន្យាមុនចេញដំណើរ", "indirect_route_third_country", false},
		// Tachileik and Chiang Rai as people type them; a company car across the bridge.
		{"km Tachileik spelt with ឈ", "ការងារនៅថាឈីឡេក ខែ 900$", "hotspot_location", true},
		{"km fly to Chiang Rai then a car", "ហោះទៅឈាងរ៉ាយ ហើយឡានក្រុមហ៊ុនមកទទួល", "indirect_route_third_country", true},
		{"km carried across the bridge", "ឡានក្រុមហ៊ុនជូនឆ្លងស្ពានទៅខាងឡាវ", "indirect_route_third_country", true},
		{"km company bus across a bridge at home", "ការដ្ឋានសំណង់ត្រូវការកម្មករ ឡានក្រុមហ៊ុនដឹកឆ្លងស្ពានព្រែកតាម៉ាក់ទៅការដ្ឋាន មានកន្លែងស្នាក់នៅ", "indirect_route_third_country", false},
		// A compound's denial: "locked up? beaten? no such thing", "don't be scared by the news".
		{"ko no such place", "여기는 사람 가둬두고 때리는 그런 데 아니에요. 월 800", "reassurance_denial", true},
		{"ko asked as questions", "납치? 협박? 그런 건 절대 없어요. 텔레 문의", "reassurance_denial", true},
		{"ko do not fear the news", "기사 보고 겁먹지 마시고 연락 주세요", "reassurance_denial", true},
		{"km no such detention", "ការឃុំខ្លួន វាយដំបែបនេះ អត់មានទេ ក្រុមហ៊ុនល្អ", "reassurance_denial", true},
		{"en nobody gets locked up", "Good pay, nobody gets locked up here, message me", "reassurance_denial", true},
		{"ko violence is disciplined", "직장 내 폭행 및 괴롭힘은 징계 대상입니다. 신고는 인사팀으로.", "reassurance_denial", false},
		{"ko EPS notice", "고용허가제(EPS) 한국어능력시험 접수 안내: 산업인력공단 홈페이지에서 신청하세요. 폭행 피해 상담 1577-0071", "reassurance_denial", false},
		// "고정 1300": a fixed monthly pay in 만 won; a fixed shift or a headcount is no pay.
		{"ko fixed pay", "고정 1300 + 인센 별도\n경력 학력 안 봄", "high_pay_low_skill", true},
		{"ko fixed headcount", "고정 2명 채용, 주 5일 09시 출근, 경력 무관", "high_pay_low_skill", false},
		// A night crossing with a guide; Thai waters and boats as a destination.
		{"en cross at night", "Crew wanted, we cross into Thailand after dark, no papers needed", "indirect_route_third_country", true},
		{"en cross-check at night", "Night shift stock clerk: cross-check deliveries at night, Phnom Penh warehouse, $300/month.", "indirect_route_third_country", false},
		{"en Thai waters", "Deckhands for a trawler in Thai waters", "destination_sea", true},
		{"en Thai restaurant", "Thai restaurant in Busan needs a cook, room and board, call 010 1234 5678", "destination_sea", false},
	})
}
