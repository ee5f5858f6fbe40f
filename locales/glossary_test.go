package locales_test

import (
	"regexp"
	"strings"
	"testing"
)

// The glossary in README.md, as tests: words a reader must never see
// again, words a message must keep, and the messages that may reach a
// lock screen. Each rule says why, so whoever trips it knows what to do.

// deskFacing reports whether a message is read only by desk staff. Staff
// speak of cases (사건); reporters and families never read the word.
func deskFacing(id string) bool {
	for _, p := range []string{"desk.", "answer.", "case.priority_", "family.desk_", "family.alert_", "family.reason_"} {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

func reporterFacing(id string) bool { return !deskFacing(id) }

// promiseFree are the messages in which the bot speaks for the desk to a
// reporter; a job check's flags quote what recruiters promise.
func promiseFree(id string) bool { return reporterFacing(id) && !strings.HasPrefix(id, "jobcheck.") }
func everywhere(string) bool     { return true }
func only(ids ...string) func(string) bool {
	return func(id string) bool {
		for _, x := range ids {
			if id == x {
				return true
			}
		}
		return false
	}
}

var forbidden = []struct {
	lang   string
	term   *regexp.Regexp
	where  func(id string) bool
	why    string
	ignore string // an allowed phrase that contains the term
}{
	{"ko", lit("사건"), reporterFacing, "a criminal-case word: a reporter's own report is 신고/접수, a family's is 문의, the number is 접수번호", ""},
	{"ko", lit("맡기"), everywhere, "reads as “hand over”: claiming a case is 담당하기", ""},
	{"ko", regexp.MustCompile(`을\(를\)|를\(을\)|\(으\)로|은\(는\)|는\(은\)|이\(가\)|가\(이\)|과\(와\)|와\(과\)`), everywhere,
		"write the particle the word takes, or rephrase so the placeholder needs none", ""},
	{"ko", lit("데스크만"), everywhere, "the desk is police: nothing stays “only with the desk”", ""},
	{"ko", regexp.MustCompile(`고용허가제|EPS`), only("joboffer.advice_always"), "EPS brings foreign workers into Korea; Koreans going abroad check through 월드잡플러스, KOTRA and the embassy", ""},
	{"km", lit("អ្នកជ្រើសរើសការងារ"), everywhere, "reads as “job-chooser”: a recruiter is អ្នកជ្រើសរើសបុគ្គលិក", ""},
	{"km", lit("តុកូរ៉េ"), everywhere, "“Korean table”: the desk is called Korean Desk", ""},
	{"km", lit("Desk"), everywhere, "the desk is always “Korean Desk” in full", "Korean Desk"},
	{"km", lit("សោកស្តាយ"), everywhere, "sounds like condolences: it hints that the relative is dead", ""},
	{"km", lit("មានគ្រោះថ្នាក់"), everywhere, "reads as “had an accident”", ""},
	{"km", lit("ឲ្យ"), everywhere, "one spelling: ឱ្យ", ""},
	{"km", lit("ទូរសព្ទ"), everywhere, "one spelling: ទូរស័ព្ទ", ""},
	{"km", regexp.MustCompile(`📎 → \p{Khmer}`), everywhere, "Telegram has no Khmer interface: name menus as the English app does (📎 → Location)", ""},
	{"km", lit("ទុកតែនៅ"), everywhere, "the desk is police: nothing stays “only with the desk”", ""},
	{"en", regexp.MustCompile(`(?i)only the desk|keep it with the desk`), everywhere, "the desk is police: nothing stays “only with the desk”", ""},
	{"en", regexp.MustCompile(`(?i)clear this chat`), everywhere, "/forget deletes messages under 48 hours old; the chat stays in the list", ""},
	// Promises the bot does not keep: no rescue, no deadline for an
	// answer, no "nothing is lost" where a conversation without a case
	// keeps nothing.
	{"en", regexp.MustCompile(`(?i)rescue|guarantee|working days?|within (a few|\d+) (minutes|hours|days)|is lost|been lost|be lost`), promiseFree, "a promise the desk cannot keep: say what the bot does", ""},
	{"ko", regexp.MustCompile(`구출|구조해|보장|영업일|이내에 (연락|답)`), promiseFree, "a promise the desk cannot keep: say what the bot does", ""},
	{"km", regexp.MustCompile(`ជួយសង្គ្រោះអ្នក|ធានា|ថ្ងៃធ្វើការ`), promiseFree, "a promise the desk cannot keep: say what the bot does", ""},
}

func lit(s string) *regexp.Regexp { return regexp.MustCompile(regexp.QuoteMeta(s)) }

func TestForbiddenTerms(t *testing.T) {
	for _, f := range forbidden {
		for id, v := range raw(t, f.lang) {
			if f.ignore != "" {
				v = strings.ReplaceAll(v, f.ignore, "")
			}
			if f.where(id) && f.term.MatchString(v) {
				t.Errorf("%s: %s has %q: %s", f.lang, id, f.term.FindString(v), f.why)
			}
		}
	}
}

// required are words a message must keep in every language (or in one).
var required = []struct {
	lang, id string
	terms    []string
	why      string
}{
	{"en", "start.welcome", []string{"Korean and Cambodian police"}, "say who the desk is"},
	{"ko", "start.welcome", []string{"한국 경찰과 캄보디아 경찰"}, "say who the desk is"},
	{"km", "start.welcome", []string{"ប៉ូលិសកូរ៉េ និងប៉ូលិសកម្ពុជា"}, "say who the desk is"},
	{"en", "family.ask_consent", []string{"police"}, "consent is asked knowing the desk is police"},
	{"ko", "family.ask_consent", []string{"경찰"}, "consent is asked knowing the desk is police"},
	{"km", "family.ask_consent", []string{"ប៉ូលិស"}, "consent is asked knowing the desk is police"},
	{"en", "common.help", []string{"48 hours", "Message Preview"}, "/forget described as what it does"},
	{"ko", "common.help", []string{"48시간", "미리보기"}, "/forget described as what it does"},
	{"km", "common.help", []string{"៤៨ ម៉ោង", "Message Preview"}, "/forget described as what it does"},
	{"en", "distress.discreet", []string{"48 hours", "stays in your chat list", "Mute", "Message Preview"}, "/forget described as what it does"},
	{"ko", "distress.discreet", []string{"48시간", "목록에 남아요", "알림을 끄고", "미리보기"}, "/forget described as what it does"},
	{"km", "distress.discreet", []string{"៤៨ ម៉ោង", "បញ្ជីការសន្ទនា", "Mute", "Message Preview"}, "/forget described as what it does"},
	{"en", "joboffer.advice_always", []string{"World Job+", "KOTRA", "embassy", "EPS"}, "Koreans abroad: World Job+, KOTRA, embassy; work in Korea: EPS"},
	{"ko", "joboffer.advice_always", []string{"월드잡플러스", "KOTRA", "대사관"}, "Koreans going abroad check through World Job+, KOTRA, the embassy"},
	{"km", "joboffer.advice_always", []string{"EPS"}, "Khmer speakers offered work in Korea: EPS"},
	{"en", "family.ransom", []string{"never ask", "do not pay"}, "families are told the desk never asks for money"},
	{"ko", "family.ransom", []string{"돈을 요구하지 않습니다", "돈을 보내지 마세요", "돈을 보내기 전에"}, "families are told the desk never asks for money"},
	{"km", "family.ransom", []string{"មិនដែលសុំប្រាក់", "កុំបង់ប្រាក់"}, "families are told the desk never asks for money"},
	{"en", "family.documents", []string{"never asks you for money", "do not pay"}, "a request for papers and a consular call come with the money line"},
	{"ko", "family.documents", []string{"돈을 요구하지 않습니다", "돈을 보내지 마세요"}, "a request for papers and a consular call come with the money line"},
	{"km", "family.documents", []string{"មិនដែលសុំប្រាក់", "កុំបង់ប្រាក់"}, "a request for papers and a consular call come with the money line"},
	{"en", "contacts.consular", []string{"24 hours", "Korean"}, "say the consular line answers in Korean"},
	{"ko", "contacts.consular", []string{"24시간", "한국어"}, "say the consular line answers in Korean"},
	{"km", "contacts.consular", []string{"២៤ម៉ោង", "ភាសាកូរ៉េ"}, "say the consular line answers in Korean"},
	{"en", "contacts.police", []string{"detention"}, "117 also takes reports of illegal detention"},
	{"ko", "contacts.police", []string{"감금"}, "117 also takes reports of illegal detention"},
	{"km", "contacts.police", []string{"ឃុំខ្លួនខុសច្បាប់"}, "117 also takes reports of illegal detention"},
}

func TestRequiredTerms(t *testing.T) {
	for _, r := range required {
		v := raw(t, r.lang)[r.id]
		for _, term := range r.terms {
			if !strings.Contains(v, term) {
				t.Errorf("%s: %s lost %q: %s", r.lang, r.id, term, r.why)
			}
		}
	}
}

// TestHelpCarriesTheInvestigationLine keeps /help and the line shown after
// a distress report saying the same thing.
func TestHelpCarriesTheInvestigationLine(t *testing.T) {
	for _, lang := range []string{"en", "ko", "km"} {
		c := raw(t, lang)
		if !strings.Contains(c["common.help"], c["common.investigation"]) {
			t.Errorf("%s: common.help does not contain common.investigation", lang)
		}
	}
}

// lockScreen are the messages the desk sends on its own, and the answers
// to what a reporter sends outside a conversation (which arrive silently
// but still show on the lock screen of a phone in quiet mode), which may
// be read on a locked phone by someone else: they never name the desk or
// police, and say nothing of a distress call (no 🆘, no 신고: "a report
// to the police").
var lockScreen = []string{"desk.reply_header", "case.closed_reporter", "distress.opened", "relay.added", "relay.added_album", "referral.teaser",
	// The answer to "not safe to talk": someone may be looking on.
	"distress.not_safe", "distress.case_open"}

var namesTheDesk = regexp.MustCompile(`(?i)korean desk|코리안 데스크|🇰🇷|police|경찰|ប៉ូលិស`)

var namesADistressCall = regexp.MustCompile(`🆘|신고`)

func TestLockScreenMessagesDoNotNameTheDesk(t *testing.T) {
	for _, lang := range []string{"en", "ko", "km"} {
		c := raw(t, lang)
		for _, id := range lockScreen {
			if m := namesTheDesk.FindString(c[id]); m != "" {
				t.Errorf("%s: %s names the desk (%q); a captor may read it on a lock screen", lang, id, m)
			}
			if m := namesADistressCall.FindString(c[id]); m != "" {
				t.Errorf("%s: %s says it answers a call for help (%q); a captor may read it on a lock screen", lang, id, m)
			}
		}
	}
}

// TestRepliesDoNotNameTheDesk extends the lock-screen rule to the reply
// library (template.*) and the check-in (checkin.*): officers send them
// under the neutral header, to phones a captor may hold, so they neither
// name the desk nor speak of a report to the police (신고).
func TestRepliesDoNotNameTheDesk(t *testing.T) {
	for _, lang := range []string{"en", "ko", "km"} {
		n := 0
		for id, v := range raw(t, lang) {
			if !strings.HasPrefix(id, "template.") && !strings.HasPrefix(id, "checkin.") {
				continue
			}
			n++
			if m := namesTheDesk.FindString(v); m != "" {
				t.Errorf("%s: %s names the desk (%q); a captor may read it on a lock screen", lang, id, m)
			}
			// A button's label shows under the message, never in a
			// notification's preview; the text does.
			if m := namesADistressCall.FindString(v); m != "" && !strings.HasPrefix(id, "checkin.button_") {
				t.Errorf("%s: %s says it answers a call for help (%q); a captor may read it on a lock screen", lang, id, m)
			}
		}
		if n < 15 {
			t.Errorf("%s: %d reply templates and check-in messages, want at least 15", lang, n)
		}
	}
}

// TestTemplatesKeepTheirPromises keeps the library's money and honesty
// lines saying what the family and distress messages say.
func TestTemplatesKeepTheirPromises(t *testing.T) {
	for _, r := range []struct{ lang, id, term string }{
		{"en", "template.no_money", "never ask"}, {"en", "template.no_money", "do not pay"},
		{"ko", "template.no_money", "돈을 요구하지 않아요"}, {"ko", "template.no_money", "돈을 보내지 마세요"},
		{"km", "template.no_money", "មិនដែលសុំប្រាក់"}, {"km", "template.no_money", "កុំបង់ប្រាក់"},
		{"en", "template.delete_chat", "48 hours"}, {"ko", "template.delete_chat", "48시간"},
		{"km", "template.delete_chat", "៤៨ ម៉ោង"},
	} {
		if !strings.Contains(raw(t, r.lang)[r.id], r.term) {
			t.Errorf("%s: %s lost %q", r.lang, r.id, r.term)
		}
	}
	for _, lang := range []string{"en", "ko", "km"} {
		c := raw(t, lang)
		for _, id := range []string{"template.not_a_crime", "template.repatriation"} {
			if !strings.Contains(c[id], c["common.investigation"]) {
				t.Errorf("%s: %s does not carry common.investigation", lang, id)
			}
		}
	}
}
