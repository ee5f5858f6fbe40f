package jobcheck

import "testing"

// TestSurvivorNewsAndReviews: holdout-15v's en-15v-15, km-15v-05 and ko-15v-27 (rules
// 2026.12.04-135) as a class, in wordings no corpus split uses. A news story that attributes a
// quotation to a survivor ('…," says survivor', 'said one victim'), a survivor's review of the trip
// (다녀온 후기, 탈출 후기) that tells what the ad said ('"…" 이 글 보고 연락했다') and advice to go only
// through official channels ('통해서만 하세요', 'only through the ministry',
// 'តាមក្រសួងការងារតែប៉ុណ្ណោះ') or to skip such posts (거르세요) tell lures, not offer them.
// Look-alikes stay high: a recruiter's ✅ list of benefits, a recruiter's 'reviews from our
// workers', 'apply only through us', 저희 통해서만 하세요.
func TestSurvivorNewsAndReviews(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en news, says one survivor", "\"They said it was hotel work,\" says one survivor\nMina, 31, replied to an online post offering USD 1,800 for reception work in Phnom Penh, flight paid. At the compound in Sihanoukville her passport was taken and she was told she owed USD 5,000.", LevelLow},
		{"ko 탈출 후기, 통해서만", "라오스 탈출 후기\n\"숙식 제공, 월 700, 경험 무관\" 이 광고 보고 텔레로 연락했어요. 항공권 보내줘서 갔는데 도착하니 여권 뺏겼어요. 해외 취업은 고용센터 통해서만 알아보세요.", LevelLow},
		{"km NGO, only through the ministry", "⚠️ ប្រយ័ត្ន! គេសន្យា \"ប្រាក់ខែ ១៨០០$ មិនត្រូវការបទពិសោធន៍ ចេញសំបុត្រយន្តហោះឲ្យ\"។ ការទៅធ្វើការនៅកូរ៉េ តាមរយៈក្រសួងការងារតែប៉ុណ្ណោះ។", LevelLow},
		{"en advice, only through the ministry", "Warning: posts promising \"USD 2,000, no experience, free flight to Cambodia\" are traps. Apply for work abroad only through the ministry.", LevelLow},
		// Look-alikes.
		{"en recruiter, apply only through us", "Chat support in Sihanoukville, USD 2,000/month, no experience needed, flight paid. Beware of fake agents: apply only through us, Telegram @kh_real_jobs", LevelHigh},
		{"en recruiter, reviews from our workers", "Reviews from our workers: \"best job, flight paid\", \"USD 1,800 a month, no experience\". Data entry in Myawaddy. Message @mw_hr now", LevelHigh},
		{"ko 브로커, 저희 통해서만", "캄보디아 CS 월 800, 항공권 지원, 경험 무관. 사기 주의! 저희 통해서만 하세요. 텔레 @cs_safe", LevelHigh},
		{"km recruiter ✅ benefits", "✅ ប្រាក់ខែ ២០០០$\n✅ មិនត្រូវការបទពិសោធន៍\n✅ ក្រុមហ៊ុនចេញសំបុត្រយន្តហោះ\nធ្វើការនៅបាវិត ទាក់ទង Telegram @bavet_hr", LevelHigh},
	})
}

// TestWarningSignList: the class of km-15v-05 with nothing beside the list (rules
// 2026.12.04-136): a list of marked lines (❌, ✖, 🚫, •, numbered) of quoted lures under a
// warning heading is a list of warning signs, with no advice, story or frame. A recruiter's ✅
// or numbered list of benefits, with no warning heading or under its own 'Warning: our …', and
// an unquoted list after a warning, stay high.
func TestWarningSignList(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"km ❌ list under a heading", "🚨 សញ្ញាព្រមាន ការងារបោកប្រាស់\n❌ «ប្រាក់ខែ ២០០០$ មិនត្រូវការបទពិសោធន៍»\n❌ «ក្រុមហ៊ុនចេញសំបុត្រយន្តហោះ ធ្វើការនៅព្រះសីហនុ»\n❌ «ទាក់ទងតែតាម Telegram»", LevelLow},
		{"ko ✖ list", "사기 주의 신호\n✖ \"월 800, 경험 무관\"\n✖ \"항공권 지원, 캄보디아 근무\"\n✖ \"텔레그램으로만 연락\"", LevelLow},
		{"en numbered list", "WARNING SIGNS of a fake job\n1. \"USD 2,000 a month, no experience\"\n2. \"free flight to Cambodia\"\n3. \"contact on Telegram only\"", LevelLow},
		// Look-alikes.
		{"en recruiter numbered quotes, own warning", "Warning: our positions fill fast!\n1. \"USD 2,000 a month, no experience\"\n2. \"free flight to Cambodia\"\nDM @kh_hr_team", LevelHigh},
		{"ko ✅ benefits, no heading", "✅ \"월 800, 경험 무관\"\n✅ \"항공권 지원, 캄보디아 근무\"\n텔레 @cs_team", LevelHigh},
		{"en unquoted list under a warning", "Beware of fake agents!\n• USD 2,000 a month, no experience\n• free flight to Cambodia\nDM @kh_real", LevelHigh},
	})
}
