package jobcheck

import "testing"

// TestLessons15x: rules 2026.12.04-140, learnt from holdout-15x, in wordings of our own. A
// survivor's story that tells a friend's word in the past ('my friend said she worked there',
// 친구가 거기서 일한다고 했어요, មិត្តខ្ញុំប្រាប់ថា…) tells what happened: the friend recruits
// no one now, so the story stays told-only and its taken passport forces nothing; advice to
// 'please check it with your embassy first' is advice, not the reader asking. A friend who
// recruits now ('my friend works there, want me to ask?') still keeps the text high.
func TestLessons15x(t *testing.T) {
	c := mustLoad(t)
	runLevelCases(t, c, []levelCase{
		{"en survivor: a friend said, please check with the embassy", "Last year I went to Bavet for a \"customer service, $1,500, free flight\" job. My friend said she worked there and it was fine. When we arrived they took our passports and phones. I got out after three months. Please check any offer like this with the embassy before you go.", LevelLow},
		{"en survivor: a friend told me, no advice", "Last year I went to Bavet for a \"customer service, $1,500, free flight\" job. My friend told me she worked there. When we arrived they took our passports and phones. I got out after three months.", LevelMedium},
		{"ko survivor: 친구가 일한다고 했어요", "작년에 \"프놈펜 채팅 상담 월 600, 항공권 무료\" 광고 보고 갔었어요. 친구가 거기서 일하는데 괜찮다고 했어요. 도착하자마자 여권이랑 휴대폰을 뺏어갔어요. 넉 달 만에 겨우 돌아왔습니다. 가기 전에 영사콜센터에 먼저 확인해 주세요.", LevelLow},
		{"km survivor: មិត្តខ្ញុំប្រាប់ថា", "ឆ្នាំមុន ខ្ញុំទៅធ្វើការឆាតនៅបាវិត ប្រាក់ខែ $1500។ មិត្តខ្ញុំប្រាប់ថាគាត់ធ្វើការនៅទីនោះ។ ពេលទៅដល់ ក្រុមហ៊ុនដកហូតលិខិតឆ្លងដែន និងទូរស័ព្ទរបស់ខ្ញុំ។ បីខែក្រោយ ខ្ញុំរត់មកវិញ។ សូមសួរស្ថានទូតមុនពេលទៅ។", LevelLow},
		// Friends who recruit now stay high.
		{"en friend recruits now", "My friend works there, $1,500 for chat support in Bavet, flight paid, they keep your passport for the visa. Want me to ask?", LevelHigh},
		{"en friend said, then recruits", "My friend said her boss in Bavet needs one more: chat support, $1,500, flight paid, they keep your passport for the visa. Want me to ask?", LevelHigh},
		{"ko friend recruits now", "내 친구가 바벳에서 일하는데 채팅 상담 월 700, 여권은 회사가 보관한대. 너도 올래?", LevelHigh},
		{"ko 했어 then recruits", "친구가 바벳에서 일한다고 했어. 채팅 상담 월 700, 여권은 회사가 보관한대. 너도 올래?", LevelHigh},
		{"km friend recruits now", "មិត្តខ្ញុំធ្វើការនៅបាវិត ការងារឆាត ប្រាក់ខែ $1500 ក្រុមហ៊ុនដកហូតលិខិតឆ្លងដែន។ ចង់ទៅទេ?", LevelHigh},
		// Told critical flags in the past stay capped; the reader asking is still a question.
		{"en reader asks to check", "Is this legit? Please check it: chat support in Bavet, $1,500, flight paid, they keep your passport for the visa.", LevelHigh},
		// Agencies keeping the original passport; mule accounts; lying to immigration.
		{"en agency keeps the original passport", "Licensed agency. Pay the $400 service fee and we will keep your original passport in our office until the visa is ready.", LevelHigh},
		{"en recruiter holds the original passports", "Hotel jobs in Dubai. The agency holds all original passports during processing.", LevelHigh},
		{"en visa agent returns it the same day", "Visa service: we keep your original passport for the embassy appointment and return it the same day. Fee $30.", LevelLow},
		{"en earn with your bank account", "Earn with your bank account! Personal $500, company account $1,500, paid in USDT, DM @acct_rent", LevelHigh},
		{"ko 통장으로 돈 벌기", "통장만 있으면 돈 법니다. 개인 통장 80만, 법인 통장 200만, 테더로 당일 지급. 텔레 @tong_rent", LevelHigh},
		{"km រកលុយជាមួយគណនីធនាគារ", "រកលុយជាមួយគណនីធនាគាររបស់អ្នក គណនីផ្ទាល់ខ្លួន $500 គណនីក្រុមហ៊ុន $1500 បង់ជា USDT។ Telegram @acct_kh", LevelHigh},
		{"en at immigration say holiday", "Office jobs in Laos, no interview. At the airport immigration just say you are on holiday, don't say work.", LevelHigh},
		// A letter signed by a bare 'HR Department' verifies nothing; a department at an address does.
		{"en letter signed HR Department", "Dear Candidate,\nOur support team in Mae Sot needs native Thai speakers to serve customers in your own country.\nOur company is 100% legit and you can resign freely.\nHR Department", LevelHigh},
		{"en bank officer opens corporate accounts", "Bank relationship officer in Phnom Penh: open corporate accounts for clients, salary $600, degree required.", LevelLow},
		{"en savings account interest", "Earn interest with your savings account at our bank: 5% a year. Visit any branch.", LevelLow},
	})
	runFlagCases(t, c, []flagCase{
		{"en agency keeps the original passport", "We will keep your original passport in our office while your visa is processed.", "passport_or_phone_surrender", true},
		{"en embassy keeps it for the stamp", "The embassy keeps your original passport for three days to stamp the visa.", "passport_or_phone_surrender", false},
		{"en earn with your bank account", "Earn with your bank account, paid same day.", "bank_account_or_crypto_handover", true},
		{"ko 계좌로 돈 벌기", "본인 계좌로 돈 버는 법, 하루 30만", "bank_account_or_crypto_handover", true},
		{"km ជួលគណនីធនាគារ", "ជួលគណនីធនាគារ មួយខែ $300", "bank_account_or_crypto_handover", true},
		// A classmate's or a cousin's company, a company named only after the interview.
		{"en ex-classmate runs an agency", "my ex-classmate Dara runs a small tour agency in Siem Reap, they need a guide", "friend_referral", true},
		{"ko 삼촌 회사", "우리 외삼촌 회사가 호치민에 있는데 사무 보조 구한대", "friend_referral", true},
		{"ko 동창회 사진 is no classmate's company", "어제 동창회 사진 올렸어 ㅋㅋ 다들 그대로더라", "friend_referral", false},
		{"km company name after the interview", "ឈ្មោះ និងអាសយដ្ឋានក្រុមហ៊ុន នឹងប្រាប់ក្រោយការសម្ភាសន៍", "unverifiable_company", true},
		{"km company address given", "អាសយដ្ឋានក្រុមហ៊ុន៖ ផ្ទះលេខ ១២ ផ្លូវ ៥១ ភ្នំពេញ", "unverifiable_company", false},
		{"en immigration: don't say work", "At immigration don't say you are going to work, just say holiday.", "secrecy_instruction", true},
		{"ko 입국 심사에서 관광", "입국 심사 때 일하러 간다고 하지 말고 관광이라고 하세요", "secrecy_instruction", true},
		{"km អន្តោប្រវេសន៍ ថាមកលេង", "ដល់អន្តោប្រវេសន៍ កុំនិយាយថាមកធ្វើការ ប្រាប់គេថាមកដើរលេង", "secrecy_instruction", true},
	})
	for in, want := range map[string]bool{
		"Cashier wanted in Phnom Penh, $300. Visit our HR department at No. 12, Street 51, 3rd floor.": true,
		"Cashier wanted in Phnom Penh, $300.\nHR Department":                                           false,
	} {
		r := c.Check(in)
		if got := len(r.Signals) > 0 && r.Signals[0].ID == "verifiable_employer_details"; got != want {
			t.Errorf("Check(%q): verifiable_employer_details = %v, want %v (signals %v)", in, got, want, r.Signals)
		}
	}
}
