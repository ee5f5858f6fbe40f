package jobcheck

import "testing"

// TestFriendsAcrossBordersAndTowns: holdout-15o's four friends' messages rated medium at -115
// as classes (rules 2026.12.04-117), in wordings no corpus split uses: crossing from or at a
// border post or transit city ("we cross from mae sai side", {border_post}); a friend's denial
// ("not one of those scam places", "free to go out on weekends"); training in one country first
// and the posting elsewhere later (ហ្វឹកហាត់ ... សិន ចាំទៅ ...; with women for a venue,
// young_women_for_venues); "just on the computer" as low skill (ធ្វើតែលើកុំព្យូទ័រ, 컴퓨터로만);
// unskilled high pay in a compound town with a pickup, a desk role or a rush
// (pay_bait_hotspot). Look-alikes: skilled jobs with a work visa, a Kampot factory at the going
// rate with a company bus.
func TestFriendsAcrossBordersAndTowns(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en cross at Poipet, no passport", "hey sis, my company in Poipet need ppl who speak english, 2.5k a month, just on the computer. they pay ur bus, we cross at poipet together no passport ok", LevelHigh},
		{"en not one of those scam companies", "bro not one of those scam companies lol, we free to go out on weekends. office in Bavet, 2800 usd, they pay ur ticket, just chat with customers", LevelHigh},
		{"km Bavet computer, van at home", "ចង់ទៅអត់? បាវិត ខែ 1000$ អង្គុយតែលើកុំព្យូទ័រ ឡានមកទទួលដល់ផ្ទះ ស្អែកព្រឹកចេញ", LevelHigh},
		{"km karaoke, trained in Bangkok first", "អូន ក្រុមហ៊ុនបងនៅម៉ាឡេស៊ី រកនារីស្អាត អាយុ 18-25 ធ្វើការនៅខារ៉ាអូខេ តែត្រូវហ្វឹកហាត់នៅបាងកក 1 ខែសិន ចាំទៅម៉ាឡេស៊ីក្រោយ", LevelHigh},
		{"ko 방콕에서 교육 후 넘어가", "야 우리 회사 방콕에서 먼저 교육 받고 미얀마 쪽으로 넘어가면 돼, 월 700 컴퓨터로만 하는 일이야", LevelHigh},
		// Look-alikes.
		{"en accountant with a work visa", "my company in Bangkok needs an accountant, CPA and 5 years experience required, 2,500 USD, they pay relocation and the work visa is done before departure", LevelLow},
		{"km Kampot factory bus", "រោងចក្រកាត់ដេរនៅកំពត ខែ 300$ មានឡានក្រុមហ៊ុនមកទទួលដល់ផ្ទះ ចុះកិច្ចសន្យា 1 ឆ្នាំ", LevelLow},
		{"km Koh Kong computer job with a degree", "ការងារកុំព្យូទ័រនៅកោះកុង ខែ 280$ ត្រូវការបរិញ្ញាបត្រ ទាក់ទង 012 000 000", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"en cross from a border post", "we cross from mae sai side, they handle it", "indirect_route_third_country", true},
		{"en cross-check", "please cross-check the stock at the Bangkok warehouse", "indirect_route_third_country", false},
		{"en free to go out", "we r free to go out on weekends, i go beach every sunday", "reassurance_denial", true},
		{"en victims not free to go", "Victims were not free to go out.", "reassurance_denial", false},
		{"km just on the computer", "ខែ 1200$ ធ្វើតែលើកុំព្យូទ័រ", "high_pay_low_skill", true},
		{"en training first, then posted", "training in Kuala Lumpur first for 3 weeks, then transferred to the main site", "bait_location_switch", true},
	})
}
