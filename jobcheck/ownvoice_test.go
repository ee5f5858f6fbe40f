package jobcheck

import "testing"

// TestOwnWarningHidesNoOffer: a warning or notice word in a text that offers a job in the
// first person ("our role pays", 저희 회사, ក្រុមហ៊ុនយើង) is the recruiter's own heading and
// cancels nothing (rules 2026.12.04-104, own_offer); an awareness post's warning still
// cancels the lures it quotes, also when it names "our community centre" or "저희 센터".
// No ad of the corpus uses these texts.
func TestOwnWarningHidesNoOffer(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en warning heading", "Warning: our 'Chat support' role pays $2,500, no experience, flight paid to Sihanoukville. Telegram only.", LevelHigh},
		{"en be careful, we cover", "Be careful, slots are few!! We cover ur ticket to Bavet, typing job 2k USD, zero exp. DM @fastjob_hr", LevelHigh},
		{"en HR notice", "Important notice to candidates: our client in Phnom Penh offers USD 2,800 for customer engagement, no prior experience required, airfare and lodging covered by the company. Kindly revert via WhatsApp only.", LevelHigh},
		{"ko 주의 heading", "※주의※ 저희 회사는 시하누크빌 채팅 상담 월 450 드림, 경력 무관, 비행기표 저희가 끊어드려요. 텔레로만 연락", LevelHigh},
		{"ko 조심 반말", "조심해ㅋㅋ 자리 금방 찬다. 우리 팀 바벳에서 타자만 치면 월천, 항공 회사가 쏨. 텔레 @bavet_boss", LevelHigh},
		{"km ចំណាំ heading", "ចំណាំ៖ ក្រុមហ៊ុនយើងផ្តល់ប្រាក់ខែ ២៥០០$ មិនត្រូវការបទពិសោធន៍ ចេញថ្លៃសំបុត្រយន្តហោះ ទៅព្រះសីហនុ។ Telegram តែប៉ុណ្ណោះ", LevelHigh},
		{"km ប្រយ័ត្ន heading", "ប្រយ័ត្នអស់កន្លែង! យើងត្រូវការអ្នកឆាតនៅបាវិត ខែ ២០០០$ អត់ចេះក៏បាន ក្រុមហ៊ុនចេញថ្លៃធ្វើដំណើរ inbox", LevelHigh},
		// Look-alikes: awareness posts by a centre or a community, which say "our" and "we".
		{"en community warning", "Warning from our community centre: ads promising $2,500 for chat support in Sihanoukville with flights paid are scams. Call the police.", LevelLow},
		{"ko 센터 주의", "주의: 저희 센터는 피해자를 돕습니다. 고수익 해외 알바 광고는 사기입니다. 곤란하면 영사콜센터에 연락하세요.", LevelLow},
		// rules -109: an NGO's own first person ("we offer free legal help", "our team helps",
		// 저희가 지원하는 피해자, យើងខ្ញុំផ្តល់ជំនួយ) is no job offer; -104 read "we offer" as one.
		{"en NGO we offer", "We offer free legal help to migrant workers. Beware of ads promising $2,000 for chat jobs in Sihanoukville with flights paid and no experience needed. Call our hotline.", LevelLow},
		{"en NGO our team", "Our team helps families of trafficking victims. Warning: recruiters offer $2,500, free flights to Bavet and no experience needed. Never send your passport.", LevelLow},
		{"ko 저희가 지원하는 피해자", "저희가 지원하는 피해자들은 모두 고수익 해외 알바 광고에 속았습니다. 월 500 보장, 항공권 제공 광고는 사기입니다.", LevelLow},
		{"km NGO យើងខ្ញុំផ្តល់ជំនួយ", "យើងខ្ញុំផ្តល់ជំនួយដល់ជនរងគ្រោះ។ សូមប្រុងប្រយ័ត្នការផ្សាយការងារប្រាក់ខែ ២០០០$ នៅព្រះសីហនុ ចេញថ្លៃសំបុត្រ មិនត្រូវការបទពិសោធន៍។", LevelLow},
		{"km ចំណាំ awareness", "ចំណាំ៖ ប្រយ័ត្នការផ្សាយការងារប្រាក់ខែខ្ពស់នៅព្រះសីហនុ ដែលចេញថ្លៃសំបុត្រយន្តហោះ។ សូមទាក់ទងប៉ូលិស។", LevelLow},
	})
}
