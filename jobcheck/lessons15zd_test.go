package jobcheck

import "testing"

// lessons15zdLevels: rules 2026.12.04-148, learnt from holdout-15zd, in wordings of our own.
// The worst miss of the split was a friend's warning rated high: it quoted the lure ("data entry
// in Cambodia, $2,000, free flight, DM on Telegram" post) and told a neighbour's son's story
// ('they took his passport', a release fee paid to get him out). The quoted 'DM' was read as the
// writer's own call to apply; now a call to apply inside a quotation is the lure's whenever the
// writer tells a story outside any quotation (told_story), not only with a stated purpose.
// 'took his/her', 'to get him out', 'paid a ransom', គេយកលិខិតឆ្លងដែន, លុយលោះ tell a story.
// A friend who recruits in his own words ('come with mine, DM me', 'my company pays better')
// stays high. Missed highs: a letter with pay far above the going rate, the workplace told and
// the contract signed only after arrival (combo pay_bait_blind_site_and_contract, no fare
// needed); 'separating within twelve months shall reimburse', 'leave before 6 months and the
// full advance is due', 'simply repaid from your first salaries' (penalty_or_debt_clause);
// 'we advance your airfare' (employer_pays_travel); 한국 손님들 문의 (home_language_target_role);
// 이번 달 800 찍었다 (high_pay_low_skill). Rules -149: '휴무' at a line's end before '비자' on
// the next is no 무비자 (visa_name_ending_mu); '"…" 등을 내세우는 업체는 불법 브로커이니 … 돈을
// 보내지 마십시오' frames a quoted lure (quoted_lure, warning_after).
var lessons15zdLevels = []levelCase{
	{"en friend's warning quoting a post", "Hi, I saw you liked that \"chat support in Laos, $2,500, free flight and room, DM on Telegram\" post. Please don't. My cousin's friend went for one like it and they took his passport at the border; his parents paid a ransom to get him out. The embassy warns about this exact wording.", LevelLow},
	{"ko friend's warning quoting a post", "야 너 그 \"캄보디아 데이터 입력 월 300, 항공권 숙소 무료, 텔레 DM\" 글에 좋아요 눌렀더라. 제발 가지 마. 옆집 아들이 그런 데 갔다가 공항에서 여권이랑 폰 뺏어갔어, 가족이 몸값 내고 겨우 나왔어. 대사관에서도 계속 경고하는 문구야.", LevelLow},
	{"km friend's warning quoting a post", "បង ឃើញបងចុច like ប៉ុស្ត៍ \"ការងារបញ្ចូលទិន្នន័យនៅកម្ពុជា $2000 ហោះហើរ និងសណ្ឋាគារឥតគិតថ្លៃ ទាក់ទង Telegram\"។ សូមកុំទៅ។ កូនអ្នកជិតខាងខ្ញុំបានទៅ គេយកលិខិតឆ្លងដែន និងទូរស័ព្ទ គ្រួសារត្រូវបង់លុយលោះ។ ស្ថានទូតតែងតែព្រមានអំពីពាក្យបែបនេះ។", LevelLow},
	// Look-alikes: a friend who warns of one agency to recruit for another stays high.
	{"en don't go with that agency, come with mine", "Hey, saw you liked that \"data entry in Cambodia, $2,000, free flight\" post. Please don't go with THAT agency, they took my cousin's passport. Come with mine instead, same pay, DM me.", LevelHigh},
	{"en saw you liked, my company pays better", "Saw you liked that \"data entry in Cambodia, $2,000, free flight and hotel\" post. My company pays better, no fee, they took nobody's passport. Flights paid.", LevelHigh},
	{"km don't go with that agency, come with me", "បង ឃើញបងចុច like ប៉ុស្ត៍នោះ។ កុំទៅជាមួយភ្នាក់ងារនោះ គេយកលិខិតឆ្លងដែន។ មកធ្វើការជាមួយខ្ញុំវិញ ការងារបញ្ចូលទិន្នន័យនៅកម្ពុជា $2000 ហោះហើរឥតគិតថ្លៃ ទាក់ទង Telegram", LevelHigh},
	// Missed highs.
	{"km letter: site and contract after arrival", "លិខិតផ្តល់ការងារ\nតំណែង៖ បុគ្គលិកឆាតអនឡាញ\nប្រាក់ខែ៖ $2,000 (មិនត្រូវការបទពិសោធន៍)\nទីកន្លែងធ្វើការ៖ ជូនដំណឹងពេលមកដល់\nកិច្ចសន្យា៖ ចុះហត្ថលេខាបន្ទាប់ពីមកដល់", LevelHigh},
	// Exact (-149): an official notice quoting a broker's promise is no offer; the broker stays high.
	{"ko notice quoting a broker's promise", "[안내] 고용허가제 한국어시험 접수는 한국산업인력공단 EPS 센터에서만 합니다.\n- \"시험 없이 한국 취업 보장\" 등을 내세우는 업체는 불법 브로커이니 절대 돈을 보내지 마십시오.", LevelLow},
	{"ko broker promising no exam", "시험 없이 한국 취업 보장! 수수료 300만원 선입금, 카톡 문의", LevelHigh},
	{"en post: advance repaid, due if you leave", "Bad credit? Overseas chat support, USD 3,500/month, no experience. We advance your airfare and room, simply repaid from your first salaries. Leave before 6 months and the full advance is due. Call +855 12 000 999", LevelHigh},
}

// TestLessons15zd: see lessons15zdLevels; flags in ko, km and en.
func TestLessons15zd(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, lessons15zdLevels)
	runFlagCases(t, c, []flagCase{
		{"en separating within months shall reimburse", "Employees separating within twelve (12) months shall reimburse relocation costs of USD 4,000.", "penalty_or_debt_clause", true},
		{"en advance due if you leave", "Leave before 6 months and the full advance is due.", "penalty_or_debt_clause", true},
		{"en we advance your airfare", "We advance your airfare and housing.", "employer_pays_travel", true},
		{"ko Korean customers' questions", "한국 손님들 문의 오면 답장만 해주면 됨", "home_language_target_role", true},
		{"ko day off at a line's end, visa on the next", "월 1,300불에 주 1회 휴무\n비자는 출국 전에 E비자로 받아요", "no_visa_or_tourist_visa", false},
		{"ko visa-free entry", "무비자로 입국하면 돼", "no_visa_or_tourist_visa", true},
		{"ko made 800 this month", "이번 달 800 찍었다 ㄹㅇ", "high_pay_low_skill", true},
	})
}
