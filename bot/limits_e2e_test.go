package bot_test

import (
	"context"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// TestDailyCapOfNewCases: a reporter who opened five cases in 24 hours
// (the default CASE_DAILY_CAP) still gets a job check's verdict, but the
// check is not kept; a new family inquiry is refused calmly with the
// reference of their open case; and /sos still opens an urgent case and alerts
// the desk: a person in danger is never capped.
func TestDailyCapOfNewCases(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9310, FirstName: "Busy", LanguageCode: "en"}
	ctx := context.Background()
	open := func(typ desk.Type, answers map[string]string) *desk.Case {
		c, err := h.store.Desk().OpenCase(ctx, desk.NewCase{Type: typ, Priority: desk.PriorityNormal, ReporterUserID: u.ID,
			ReporterChatID: u.ID, ReporterLang: "en", ReporterName: "Busy", Answers: answers}, h.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	for range 4 {
		open(desk.TypeJobCheck, nil)
	}
	report := open(desk.TypeJobReport, nil)

	// A sixth case: the job check still answers, and is not kept.
	h.api.SendText(u, "/check")
	h.waitButton(u, "job:already:no")
	h.tap(u, "job:already:no")
	h.waitButton(u, "job:check")
	h.step(u, func() { h.api.SendText(u, scamAd) }, "Got it")
	n := len(h.api.BotMessages(u.ID))
	h.tap(u, "job:check")
	h.until(u.ID, n, "🔴")
	capped := h.until(u.ID, n, "several reports today")
	contains(t, capped.Text, string(report.Ref))
	contains(t, capped.Text, "/sos")
	if got := h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, u.ID); got != 5 {
		t.Errorf("%d cases after a check over the cap, want 5", got)
	}

	// A new family inquiry about someone else: refused, calmly.
	h.step(u, func() { h.api.SendText(u, "/family") }, "")
	h.waitButton(u, "family:relationship:parent")
	h.step(u, func() { h.tap(u, "family:relationship:child") }, "")
	h.step(u, func() { h.api.SendText(u, "Lee Jieun") }, string(report.Ref))
	if got := h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, u.ID); got != 5 {
		t.Errorf("%d cases after an inquiry over the cap, want 5", got)
	}
	if got := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND flow = ''`, u.ID); got != 1 {
		t.Error("the conversation did not end at the cap")
	}

	// /sos is never capped.
	officerBefore := len(h.api.BotMessages(officer.ID))
	h.step(u, func() { h.api.SendText(u, "/sos") }, "KD-")
	sos := h.caseOfType(u.ID, desk.TypeDistress)
	if sos.Priority != desk.PriorityUrgent {
		t.Errorf("the /sos case is %s", sos.Priority)
	}
	h.until(officer.ID, officerBefore, string(sos.Ref))
}
