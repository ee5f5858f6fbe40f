package bot_test

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// scamAd is a synthetic recruitment message with the classic signs: high
// pay for simple chat work, no experience, airfare paid, no visa, and a
// Telegram-only contact (a made-up handle).
const scamAd = "캄보디아 프놈펜 고수익 알바 모집! 단순 채팅 상담, 월 1000만원 보장, 경력 무관, 항공권 지원. " +
	"비자 없이 바로 출국 가능. 여권은 도착하면 회사가 보관합니다. 텔레그램 @fake_recruiter_1 로만 연락"

func TestJobCheckVerdictReportAndTheDesksList(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	// Staff put the recruiter's handle on the desk's list.
	m := h.step(officer, func() { h.api.SendText(officer, "/flag handle t.me/Fake_Recruiter_1 | 프놈펜 단지 모집책") }, "@fake_recruiter_1")
	contains(t, m.Text, "목록")

	u := bottest.User{ID: 9951, FirstName: "Seeker", LanguageCode: "ko"}
	h.step(u, func() { h.api.SendText(u, "/check") }, "이미 출국")
	h.tap(u, "job:already:no")
	h.waitButton(u, "job:check")
	h.step(u, func() { h.api.SendText(u, scamAd) }, "받았어요")
	verdict := h.step(u, func() { h.tap(u, "job:check") }, "🔴")
	contains(t, verdict.Text, "@fake_recruiter_1") // on the desk's list
	if strings.Contains(verdict.Text, "프놈펜 단지 모집책") {
		t.Errorf("the verdict shows the staff's note: %q", verdict.Text) // on the list, no detail
	}
	contains(t, verdict.Text, "“1000만원”")         // the words that triggered a flag
	contains(t, verdict.Text, "관광비자로 일하러 가지 마세요") // what to do
	contains(t, verdict.Text, "월드잡플러스")           // where Koreans check jobs abroad
	if strings.Contains(verdict.Text, "여행금지") {
		t.Errorf("Phnom Penh is under no travel ban: %q", verdict.Text)
	}
	if strings.Contains(strings.ToLower(verdict.Text), "safe") || strings.Contains(verdict.Text, "안전한 일자리") {
		t.Errorf("the verdict must never call an offer safe: %q", verdict.Text)
	}
	check := h.caseOfType(u.ID, desk.TypeJobCheck)
	if check.Priority != desk.PriorityLow || check.Answers["risk_level"] != "high" || check.Answers["ruleset"] == "" {
		t.Errorf("job check case = %s %v", check.Priority, check.Answers)
	}
	if n := h.count(`SELECT count(*) FROM case_entities WHERE case_id = $1 AND kind = 'handle'`, check.ID); n != 1 {
		t.Errorf("entities kept with the check = %d", n)
	}
	// No alert for a check; staff may correct its level.
	h.quiet(deskGroup, 0)
	h.step(officer, func() { h.api.SendText(officer, "/risk "+string(check.Ref)+" medium") }, "medium")
	if got := h.caseOfType(u.ID, desk.TypeJobCheck).Answers["risk_level"]; got != "medium" {
		t.Errorf("corrected level = %q", got)
	}

	// Reporting the recruiter opens a job_report case and alerts the desk chat.
	h.waitButton(u, "job:report")
	m = h.step(u, func() { h.tap(u, "job:report") }, "신고가 접수됐어요")
	report := h.caseOfType(u.ID, desk.TypeJobReport)
	contains(t, m.Text, string(report.Ref))
	contains(t, h.until(deskGroup, 0, string(report.Ref)).Text, "모집책 신고")

	// A second person checking the same recruiter hears it was reported
	// before, by one person: the first one's check and report count once.
	checkAs := func(u bottest.User, checks int) string {
		t.Helper()
		h.step(u, func() { h.api.SendText(u, "/start job") }, "Before we check")
		h.waitButtons(u, "job:already:no", checks)
		h.tap(u, "job:already:no")
		h.waitButtons(u, "job:check", checks)
		h.step(u, func() { h.api.SendText(u, scamAd) }, "Got it")
		return h.step(u, func() { h.tap(u, "job:check") }, "🔴").Text
	}
	u2 := bottest.User{ID: 9952, FirstName: "Friend", LanguageCode: "en"}
	contains(t, checkAs(u2, 1), "was reported by 1 person(s) before")
	// Checking again and again counts that person once, and never for
	// themselves.
	contains(t, checkAs(u2, 2), "was reported by 1 person(s) before")
	u3 := bottest.User{ID: 9953, FirstName: "Third", LanguageCode: "en"}
	contains(t, checkAs(u3, 1), "was reported by 2 person(s) before")
}

func TestPastedAdIsOfferedACheckAndAlreadyCommittedGetsTheEmergencyPath(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9953, FirstName: "Paster", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, scamAd) }, "Shall I check it")
	h.tap(u, "go:job")
	h.until(u.ID, 0, "I have the message you sent")
	h.waitButton(u, "job:already:yes")
	warn := h.step(u, func() { h.tap(u, "job:already:yes") }, "I need help now")
	_ = warn
	h.waitButton(u, "go:sos")
	h.waitButton(u, "job:check")
	h.step(u, func() { h.tap(u, "job:check") }, "🔴")
	if got := h.caseOfType(u.ID, desk.TypeJobCheck).Answers["already_committed"]; got != "yes" {
		t.Errorf("already_committed = %q, want yes", got)
	}
}

// A first message long enough to look like a pasted ad may be a cry for
// help: the question that offers a job check also offers "I need help
// now", and the words go on the case it opens and reach the officers.
func TestLongFirstMessageCanOpenADistressCaseWithIt(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9954, FirstName: "Plea", LanguageCode: "en"}
	plea := "Please help, we are locked in a compound in Sihanoukville, they beat us and took our passports"
	h.step(u, func() { h.api.SendText(u, plea) }, "Shall I check it")
	h.waitButton(u, "go:sos")
	h.step(u, func() { h.tap(u, "go:sos") }, "Case number")
	c := h.caseOfType(u.ID, desk.TypeDistress)
	got := h.until(officer.ID, 0, plea)
	contains(t, got.Text, string(c.Ref))
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'message_in' AND text = $2`, c.ID, plea); n != 1 {
		t.Errorf("the plea is on the timeline %d times, want once", n)
	}
}

// caseOfType returns the reporter's newest case of a type.
func (h *harness) caseOfType(chat int64, typ desk.Type) *desk.Case {
	h.t.Helper()
	var ref string
	if err := h.db.Get(&ref, `SELECT ref FROM cases WHERE reporter_chat_id = $1 AND type = $2 ORDER BY id DESC LIMIT 1`, chat, typ); err != nil {
		h.t.Fatal(err)
	}
	c, err := h.store.Desk().Case(h.t.Context(), desk.Ref(ref))
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// A Korean check of an offer in Poipet or Sihanoukville says what Korea's
// travel alerts mean there; a Khmer check of the same places does not,
// since the Passport Act binds Korean nationals.
func TestJobCheckNamesKoreasTravelBan(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	tests := []struct {
		lang, ad, got, advice string
		want, not             []string
	}{
		{"ko", "포이펫 카지노 고객 상담, 월 800만원, 경력 무관. 시아누크빌 공항 픽업", "받았어요", "월드잡플러스",
			[]string{"여행금지(여행경보 4단계)", "여권법", "3단계(출국 권고)"}, nil},
		{"en", "Customer service in Bavet casino, 3000 USD a month, no experience", "Got it", "World Job+",
			[]string{"travel alert Level 4", "Passport Act"}, []string{"Level 3"}},
		{"km", "ការងារបម្រើអតិថិជននៅប៉ោយប៉ែត ប្រាក់ខែ ១៥០០ ដុល្លារ", "បានទទួល", "EPS",
			nil, []string{"កម្រិត ៤", "ច្បាប់លិខិតឆ្លងដែន"}},
	}
	for i, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			u := bottest.User{ID: int64(9960 + i), FirstName: "Seeker", LanguageCode: tt.lang}
			h.api.SendText(u, "/check")
			h.waitButton(u, "job:already:no")
			h.tap(u, "job:already:no")
			h.waitButton(u, "job:check")
			h.step(u, func() { h.api.SendText(u, tt.ad) }, tt.got)
			verdict := h.step(u, func() { h.tap(u, "job:check") }, tt.advice)
			for _, w := range tt.want {
				contains(t, verdict.Text, w)
			}
			for _, w := range tt.not {
				if strings.Contains(verdict.Text, w) {
					t.Errorf("the verdict says %q: %q", w, verdict.Text)
				}
			}
		})
	}
}

// Stopping a job check before it is checked keeps nothing, and says so:
// no case was opened for the ad. (After a case is opened, /cancel says
// what was sent stays on it: TestFamilyInquiryPerRelative.)
func TestJobCheckCancelledBeforeTheCheckKeepsNothing(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9957, FirstName: "Seeker", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/check") }, "Before we check")
	h.tap(u, "job:already:no")
	h.waitButton(u, "job:check")
	h.step(u, func() { h.api.SendText(u, scamAd) }, "Got it")
	h.step(u, func() { h.api.SendText(u, "/cancel") }, "what you sent in this conversation was not kept")
	if n := h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, u.ID); n != 0 {
		t.Errorf("cases after a cancelled check = %d, want 0", n)
	}
}
