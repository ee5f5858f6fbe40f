package jobcheck

import "testing"

// TestChatWordingAndVenues (rules 2026.12.04-107): probes written after 15n in voices no split
// uses. A friend's non-native chat ("dont need tell anyone", "i book ur bus ... tmr", "just need
// ppl who can type fast"); Khmer "top up … ដើម្បីបើក VIP" as a task scam's fee; young women for a
// karaoke or KTV abroad with high pay, a rush or a tourist visa (young_women_for_venues). A
// hotel's female receptionist with room and board, and a bank that opens savings accounts, are
// no such thing.
func TestChatWordingAndVenues(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en chat, bus tomorrow, tell nobody", "Bro the job is legit, my boss in Laos just need ppl who can type fast. 2000 dollar. i book ur bus to the border tmr, bring passport. dont need tell anyone", LevelHigh},
		{"ko 말할 필요 없어", "누나 나 라오스 사무실인데 타자만 치면 월 600이야. 내일 버스 잡아놨어. 엄마한테 말할 필요 없어", LevelHigh},
		{"km karaoke girls abroad", "ប្អូនៗ! ត្រូវការស្រីៗអាយុ ១៨-២៥ ធ្វើការនៅខារ៉ាអូខេ ក្នុងប្រទេសចិន ប្រាក់ខែ ២០០០$ ធ្វើលិខិតឆ្លងដែនឲ្យ ចេញដំណើរភ្លាមៗ", LevelHigh},
		{"en KTV hostess", "KTV hostess wanted in Malaysia, pretty girls 18-24, 2,500 USD no experience, leave this week, tourist visa ok", LevelHigh},
		{"ko KTV 여성", "말레이시아 KTV 여성 구함 20대 초반 외모 좋은 분, 월 800 보장 초보 가능, 이번 주 출국", LevelHigh},
		{"en receptionist stays", "Female receptionist, 20-30, neat appearance, for a resort in Kampot. $350, room and board. Contract on the first day.", LevelMedium},
		{"ko 프론트 여직원 stays", "호텔 프론트 여직원 채용 25~35세 단정한 외모, 월 250, 숙식 제공, 근로계약서 작성", LevelMedium},
	})
	runFlagCases(t, c, []flagCase{
		{"km top up to open VIP", "ការងារ Online ថ្ងៃ ៥០$ គ្រាន់តែចុច like ហើយ top up ១០០$ ដំបូងដើម្បីបើកគណនី VIP", "upfront_fee_or_deposit", true},
		{"km a bank's savings", "ធនាគារត្រូវការបុគ្គលិក ណែនាំភ្ញៀវឲ្យបើកគណនីសន្សំ នៅសាខាតាកែវ បរិញ្ញាបត្រ", "upfront_fee_or_deposit", false},
		{"en we book your ticket", "we booked ur flight already, just come", "employer_pays_travel", true},
		{"en you book your own ticket", "You book your own flight; we reimburse nothing.", "employer_pays_travel", false},
		{"en van tonight", "van tonight 10pm at the market, be ready", "urgency_pressure", true},
		{"km ស្អែកឡានមកយក", "ស្អែកឡានមកយកនៅផ្សារ ម៉ោង ៥ព្រឹក", "urgency_pressure", true},
	})
}
