package bot_test

import (
	"context"
	"strings"
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

// TestQuietAtThePersonsRequest: /quiet makes every message to the reporter
// silent (the answer to /quiet included) and says so on the case's
// timeline; /quiet off makes them ring again.
func TestQuietAtThePersonsRequest(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9311, FirstName: "Quiet", LanguageCode: "ko"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "KD-")
	c := h.caseOf(u.ID)
	silent := func(text string) (quiet, loud int) {
		for _, call := range h.api.Calls("sendMessage") {
			if call.Params["chat_id"] == "9311" && strings.Contains(call.Params["text"], text) {
				if call.Params["disable_notification"] == "true" {
					quiet++
				} else {
					loud++
				}
			}
		}
		return quiet, loud
	}
	h.step(u, func() { h.api.SendText(u, "/quiet") }, "조용한 모드를 켰어요")
	if q, l := silent("조용한 모드를 켰어요"); q != 1 || l != 0 {
		t.Errorf("the answer to /quiet: %d silent, %d with a sound", q, l)
	}
	h.step(u, func() { h.api.SendText(officer, "/reply "+string(c.Ref)+" first words") }, "first words")
	if q, l := silent("first words"); q != 1 || l != 0 {
		t.Errorf("the desk's reply in quiet mode: %d silent, %d with a sound", q, l)
	}
	if got := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'quiet' AND data->>'asked' = 'on'`, c.ID); got != 1 {
		t.Errorf("%d /quiet entries on the timeline, want 1", got)
	}
	view := h.step(officer, func() { h.api.SendText(officer, "/case "+string(c.Ref)) }, "조용한 모드를 켰습니다")
	contains(t, view.Text, string(c.Ref))

	h.step(u, func() { h.api.SendText(u, "/quiet off") }, "조용한 모드를 껐어요")
	h.step(u, func() { h.api.SendText(officer, "/reply "+string(c.Ref)+" second words") }, "second words")
	if q, l := silent("second words"); q != 0 || l != 1 {
		t.Errorf("the desk's reply after /quiet off: %d silent, %d with a sound", q, l)
	}
	if got := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND NOT quiet`, u.ID); got != 1 {
		t.Error("the chat is still quiet after /quiet off")
	}
}
