package jobcheck

import "testing"

// TestWarningTextsAndTheirLookAlikes: holdout-15o's four low-risk texts rated high at -115 (an
// awareness notice naming 보이스피싱 as what victims were forced into, a news report quoting a
// recruiter's "보안상 가장 안전한 나라", an embassy advisory whose advice says "not free to
// leave", a news report of survivors' words) as classes (rules 2026.12.04-116), in wordings no
// corpus split uses: a recruiter's denial or own offer quoted in a report silences no whole-text
// cue (Checker.reported); advice on checking an offer before going (safety_advice); headings
// and signs (피해 예방 안내, ការព្រមាន, "warning signs"); scam types named as the crime victims
// were made to join (등 범죄에 가담시키는); survivors' and advocates' words as a report; and, in a
// text that warns in its own words, no critical flag or combination forces high on its own
// (Checker.warns). Recruiters' look-alikes ("beware of fake agents, we are real", "보이스피싱
// 아니고 그냥 채팅", a warning before "our company pays ...") stay high.
func TestWarningTextsAndTheirLookAlikes(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"ko prevention notice naming scam work", "※ 취업사기 피해 예방 안내 ※\n최근 '하루 3시간 채팅만 하면 월 900' 이라며 캄보디아로 데려간 뒤 로맨스 스캠, 보이스피싱 등 범죄에 가담시키는 일이 늘고 있습니다.\n- 출국 전 반드시 취업비자와 근로계약서를 확인하세요.\n- 이미 현지에서 나오지 못했다면 영사콜센터로 연락하세요.", LevelLow},
		{"ko warning naming 보이스피싱 is not high", "조심하세요! 요즘 동남아에서 고수익 알바라면서 보이스피싱 일 시킨다는 얘기 많아요.", LevelMedium},
		{"ko report quoting a denial", "[단독] \"감금 절대 없음, 월 1200 보장, 항공권 지원\" 같은 문구의 구인글이 퍼지고 있다. 경찰에 따르면 피해자들은 현지에서 여권을 빼앗겼다.", LevelLow},
		{"en warning signs, do not go", "SCAM ALERT - warning signs of a fake job abroad:\n1. \"Chat with lonely men and get them to invest\", USD 2,000 a month.\n2. A free flight to Bangkok and a driver to the border.\nIf someone offers you this, do not go.", LevelLow},
		{"en survivors and advocates", "Survivors of scam compounds recounted that recruiters promised \"USD 2,000 for typing, a tourist visa is fine, the flight is on us\". Advocates urged jobseekers to verify the employer before departure.", LevelLow},
		{"en statement quoting a denial", "A police statement quoted the ads: \"100% safe, free to leave any time\", \"USD 3,000, flight paid, come on a tourist visa\". Victims had their passports taken. Verify employers before you go.", LevelLow},
		{"en centre quoting a crossing", "Scam alert from the migrant centre: if someone offers you a chat job in Myawaddy and says \"we cross from Mae Sai, no visa\", do not go. Call the embassy.", LevelLow},
		{"km warning heading, forced into scams", "ការព្រមាន៖ កុំជឿការផ្សាយ \"ការងារឆាតនៅថៃ ខែ ២០០០$ ក្រុមហ៊ុនចេញសំបុត្រ\"។ ពួកគេត្រូវបង្ខំឲ្យធ្វើការបោកប្រាស់តាមអនឡាញ។ សូមផ្ទៀងផ្ទាត់ក្រុមហ៊ុនឲ្យច្បាស់ មុនចេញដំណើរ។", LevelLow},
		{"km quoting a denial", "ប្រយ័ត្ន! មានការផ្សាយថា \"ធ្វើការនៅប៉ោយប៉ែត ខែ ១៥០០$ ចេញក្រៅបានពេលណាក៏បាន\"។ តាមពិតអ្នកខ្លះមិនអាចរត់ចេញ ហើយត្រូវបង្ខំឲ្យបោកប្រាស់តាមអនឡាញ។ ត្រូវមានកិច្ចសន្យា មុនចេញដំណើរ។", LevelLow},
		// Look-alikes: a recruiter's warning, contrast, denial or own offer.
		{"en beware, we are real", "Beware of fake agents! We are real. Romance chat job with lonely men, USD 2,000/month, no experience, Telegram @chat_boss_01", LevelHigh},
		{"en warning before our company pays", "Warning: lots of scams out there, always verify the employer. Our company pays USD 2,500 for chat support in Sihanoukville, flight covered, Telegram @shv_cs_04", LevelHigh},
		{"ko 보이스피싱 아니고 그냥 채팅", "보이스피싱 아니고 그냥 채팅만 하는 거야. 캄보디아 월 800, 숙소 제공, 텔레 @boss_kr_01", LevelHigh},
		{"ko 주의 then 저희 회사", "※주의※ 가짜 업체 조심하세요. 저희 회사는 정식 업체입니다. 해외 TM 월 1000, 항공권 지원, 텔레 @tm_kr_02", LevelHigh},
		{"ko 조심해 but here romance chat", "조심해 요즘 이상한 데 많아. 근데 여기는 그냥 로맨스 채팅이야 월 700 캄보 숙소 줌 텔레 @rc_05", LevelHigh},
		{"km beware, our company is real", "ប្រយ័ត្នភ្នាក់ងារក្លែងក្លាយ! ក្រុមហ៊ុនយើងពិតប្រាកដ។ ការងារឆាតស្នេហា នៅបាវិត ខែ ២០០០$ មិនត្រូវការបទពិសោធន៍ Telegram @kh_chat_03", LevelHigh},
	})
}
