package jobcheck

import "testing"

// TestHoldout15lClasses: rules 2026.12.04-98 read 15l's high-risk misses as classes, each with
// a look-alike that stays unflagged. None of these texts is in the corpus.
func TestHoldout15lClasses(t *testing.T) {
	c := mustLoad(t)
	runFlagCases(t, c, []flagCase{
		// A Khmer letter's "not required to have experience" (មិនតម្រូវឱ្យមាន) is low skill.
		{"km not required to have experience", "ប្រាក់ខែ 1,600 ដុល្លារ/ខែ (មិនតម្រូវឱ្យមានបទពិសោធន៍)", "high_pay_low_skill", true},
		{"km requires experience", "ប្រាក់ខែ 1,600 ដុល្លារ/ខែ តម្រូវឱ្យមានបទពិសោធន៍ 3 ឆ្នាំ", "high_pay_low_skill", false},
		// "No <field> background needed" is low skill; a background check is not.
		{"en no finance background needed", "Package: USD 3,200 base. No finance background needed.", "high_pay_low_skill", true},
		{"en no background check needed", "Package: USD 3,200 base. No background check needed for interns; five years of experience required.", "high_pay_low_skill", false},
		// Scam work as an HR letter words it: leads from dating platforms moved to a trading app.
		{"en dating leads to a trading app", "Engage leads sourced from dating and social platforms, then transition conversations to our trading app.", "explicit_scam_work", true},
		{"en first deposit targets", "Support clients with their first deposit and meet weekly deposit KPIs.", "explicit_scam_work", true},
		{"en social media leads", "Generate leads from social media platforms for our real estate agency and reply to clients on social media.", "explicit_scam_work", false},
		{"en bank teller deposits", "Bank teller: help customers open savings accounts and make deposits at the branch.", "explicit_scam_work", false},
		// A mule account as a post asks for it: accounts in your name with their online banking keys.
		{"en accounts with internet banking", "What you bring: 2 bank accounts in your name + internet banking + OTP token.", "bank_account_or_crypto_handover", true},
		{"en salary to an account in your name", "Salary is paid monthly to a bank account in your name.", "bank_account_or_crypto_handover", false},
		// The employer and the country kept back until the offer is accepted.
		{"en confidential client", "Employer is a confidential client; exact country and office location disclosed after acceptance.", "unverifiable_company", true},
		{"en location after acceptance", "Exact country and office location disclosed after acceptance.", "bait_location_switch", true},
		{"en start date after acceptance", "Our office: 12 Norodom Blvd, Phnom Penh. Start date confirmed after acceptance.", "bait_location_switch", false},
		// "Nobody will stop you": a compound's pre-emptive denial.
		{"en nobody will stop you", "You may resign at any time and nobody will stop you.", "reassurance_denial", true},
		{"en notice period", "You may resign at any time with one month's written notice.", "reassurance_denial", false},
	})
}
