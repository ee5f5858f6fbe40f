package jobcheck

import "testing"

// TestTypingMinimaPhonesKeptAndContractsAfterTraining: holdout-15s's missed high-risk ads
// (rules 2026.12.04-127) as classes, in wordings no corpus split uses. A typing speed as the
// only requirement ('30 wpm only', '타수 200 정도면 돼요', 'វាយ 20 ពាក្យ ក៏បាន') is low-skill
// work; 'no need to have a degree' (មិនចាំបាច់មានសញ្ញាបត្រ: the មាន between broke the join)
// is {unneeded} {skill}; a personal phone left at the company (ទូរស័ព្ទផ្ទាល់ខ្លួនទុកនៅ
// ក្រុមហ៊ុន, 개인 폰은 회사에 두고, 'your own phone stays at the office') is a phone taken; a
// contract only after training or probation abroad is no contract before departure, and with
// training in one city, a workplace named later and the trip paid it is high
// (trained_abroad_contract_later). Look-alikes keep their level: a typing speed asked for
// with experience, phones in lockers during the shift, a permanent contract after probation
// beside one signed before departure.
func TestTypingMinimaPhonesKeptAndContractsAfterTraining(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en data entry in Vientiane, 25 wpm is enough", "HIRING NOW – data entry clerks for Vientiane office. 25 wpm is enough, pay $1,100/month, room included. Tourist visa ok, we sort the rest. PM me", LevelHigh},
		{"km friend, no need to have a degree", "បងធ្វើការនៅម៉ាឡេស៊ី ក្រុមហ៊ុនត្រូវការអ្នកឆាតជាមួយភ្ញៀវ ប្រាក់ខែ $1,200 មិនចាំបាច់មានសញ្ញាបត្រ ក្រុមហ៊ុនចេញថ្លៃធ្វើដំណើរ", LevelHigh},
		{"km phone left at the company", "Admin online 📍 Myawaddy\n$2500/ខែ\nពេលចូលធ្វើការ ទូរស័ព្ទផ្ទាល់ខ្លួនដាក់នៅក្រុមហ៊ុន\nTelegram @kk_admin_77", LevelHigh},
		{"ko personal phone left at the office", "미얀마 국경 쪽 CS 업무, 월 450\n입사하면 개인 폰은 사무실에 두고 업무폰 지급\n텔레 @mm_cs_12", LevelHigh},
		{"en trained in KL, contract after training", "Dear Ms Reyes, we are pleased to invite you as Client Success Associate. You will train at our Kuala Lumpur hub for four weeks, then be posted to a partner site in the region. Air tickets and accommodation provided. Your contract will be signed after training.", LevelHigh},
		// Look-alikes.
		{"en typist with experience, local", "Medical typist, Phnom Penh clinic. Minimum 40 wpm and 2 years experience in medical records, salary $450. Apply with CV at hr@sokha-clinic.example.com", LevelLow},
		{"en contract before departure, permanent after probation", "Hotel front desk agent, Phuket resort. Contract signed before departure, permanent contract after the 6-month probation. THB 18,000 + service charge, work permit arranged by the hotel.", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"en 30 wpm only is low-skill", "Typing job, typing 30 wpm only, salary $1000", "high_pay_low_skill", true},
		{"ko 타수 정도면 돼요", "입력 알바, 타수 200 정도면 돼요. 월 $1,000", "high_pay_low_skill", true},
		{"km typing 20 words is fine", "វាយអក្សរ 20 ពាក្យ ក៏បាន ប្រាក់ខែ $1,000", "high_pay_low_skill", true},
		{"km no need to have a degree", "ឆាតជាមួយអតិថិជន ប្រាក់ខែ $1,300 មិនចាំបាច់មានសញ្ញាបត្រ", "high_pay_low_skill", true},
		{"en own phone stays at the office", "Your own phone stays at the office while you work here.", "passport_or_phone_surrender", true},
		{"en phones in lockers during the shift", "Phones go in lockers during the shift and are given back at the end of each shift.", "passport_or_phone_surrender", false},
		{"en contract after the probation abroad", "Contract issued after the 2-month probation in Manila.", "no_contract_or_foreign_contract", true},
		{"ko 계약은 수습 끝나면", "정식 계약은 수습 끝나면 현지에서 해요", "no_contract_or_foreign_contract", true},
	})
}

// TestCVBroughtToTheShop: holdout-15s's en-15s-26 (rules 2026.12.04-128, low, was medium on
// a bare "DM me") as a class: a CV brought to the shop or office and a person to ask for is a
// place to walk in and ask (checkable_employer), so a messenger beside it is not the only
// contact. A DM-only chat job abroad keeps its flag.
func TestCVBroughtToTheShop(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en bakery, drop by with your CV", "hey my uncle's bakery in Battambang needs a cashier, $220 a month, 6 days. Drop by with your CV and ask for Srey Mom, or text me and I'll tell her", LevelLow},
		{"ko cafe, 이력서 들고 매장으로", "카페 홀 알바 구해요, 프놈펜 BKK1, 월 $300. 이력서 들고 매장으로 오시면 돼요. 궁금하면 디엠 주세요", LevelLow},
		{"km cafe, CV to the shop", "ហាងកាហ្វេខ្ញុំត្រូវការអ្នករត់តុ ខែ $200 យកប្រវត្តិរូបមកហាងផ្ទាល់ សួររកបងស្រី ឬ inbox មកខ្ញុំ", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"en DM only chat job keeps the flag", "Chat support job in Cambodia, good pay, DM me for details", "messenger_only_recruiter", true},
	})
}

// TestBeforeYouTravelIsNoFare: holdout-15s's en-15s-04 (rules 2026.12.04-129: "genuine
// employers arrange a work visa before you travel" was read as travel paid) as a class:
// "before you travel", 이동하기 전 tell when, not a fare paid; a flight arranged before one
// travels keeps employer_pays_travel.
func TestBeforeYouTravelIsNoFare(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		{"en advisory, visa before you travel", "Real recruiters always arrange a proper visa before you fly.", "employer_pays_travel", false},
		{"ko 이동하기 전 비자", "회사에서 이동하기 전에 취업비자 준비 지원", "employer_pays_travel", false},
		{"en flight arranged before you travel", "We arrange your flight before you travel, job in Bangkok", "employer_pays_travel", true},
	})
}
