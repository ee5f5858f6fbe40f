package bot_test

import (
	"strings"
	"testing"
	"time"

	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest"
)

// TestRepeatedSOSAlertsTheDeskOnce: a reporter pressing /sos eight times
// in a row gets their case reference each time, and the desk one alert.
func TestRepeatedSOSAlertsTheDeskOnce(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9301, FirstName: "Again", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "KD-")
	c := h.caseOf(u.ID)
	if _, err := h.api.WaitMessages(officer.ID, 1, wait); err != nil {
		t.Fatal(err)
	}
	h.until(deskGroup, 0, string(c.Ref))
	officerBefore, groupBefore := len(h.api.BotMessages(officer.ID)), len(h.api.BotMessages(deskGroup))
	for range 7 {
		h.step(u, func() { h.api.SendText(u, "/sos") }, string(c.Ref))
	}
	time.Sleep(500 * time.Millisecond) // alerts would be queued with the replies
	if n := len(h.api.BotMessages(officer.ID)) - officerBefore; n != 0 {
		t.Errorf("the officer on duty got %d more alerts for 7 more /sos, want 0", n)
	}
	if n := len(h.api.BotMessages(deskGroup)) - groupBefore; n != 0 {
		t.Errorf("the desk group got %d more alerts, want 0", n)
	}
	// Ten minutes later a new /sos alerts again.
	h.advance(11 * time.Minute)
	h.step(u, func() { h.api.SendText(u, "/sos") }, string(c.Ref))
	if _, err := h.api.WaitMessages(officer.ID, officerBefore+1, wait); err != nil {
		t.Errorf("no alert for a /sos 11 minutes later: %v", err)
	}
}

// TestNotSafeToTalkMakesTheDeskQuiet: after "not safe to talk" the desk's
// reply reaches the reporter with disable_notification, and the officer
// sees why on the timeline.
func TestNotSafeToTalkMakesTheDeskQuiet(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9302, FirstName: "Quiet", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "KD-")
	h.until(u.ID, 0, "📍")
	h.step(u, func() { h.api.SendText(u, h.api.CurrentKeyboard(u.ID)[1][0].Text) }, "")
	h.step(u, func() { h.api.SendText(u, "Building 3 near the market") }, "")
	h.waitButton(u, "distress:safe:no")
	n := len(h.api.BotMessages(u.ID))
	h.tap(u, "distress:safe:no")
	h.until(u.ID, n, "/forget")
	c := h.caseOf(u.ID)
	if got := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'quiet'`, c.ID); got != 1 {
		t.Errorf("%d quiet entries on the timeline, want 1", got)
	}
	n = len(h.api.BotMessages(u.ID))
	h.api.SendText(officer, "/reply "+string(c.Ref)+" We are coming")
	h.until(u.ID, n, "We are coming")
	var silent, loud int
	for _, call := range h.api.Calls("sendMessage") {
		if call.Params["chat_id"] != "9302" {
			continue
		}
		if strings.Contains(call.Params["text"], "We are coming") {
			if call.Params["disable_notification"] == "true" {
				silent++
			} else {
				loud++
			}
		}
	}
	if silent != 1 || loud != 0 {
		t.Errorf("the desk's reply after 'not safe to talk': %d silent, %d with a sound; want 1 silent", silent, loud)
	}
}

// TestForgetLeavesATimelineEntryAndAQuietPhone: after /forget the desk's
// messages arrive silently and the timeline says so.
func TestForgetLeavesATimelineEntryAndAQuietPhone(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9303, FirstName: "Forget", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "KD-")
	c := h.caseOf(u.ID)
	h.step(u, func() { h.api.SendText(u, "/forget") }, "")
	if err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'forget'`, c.ID) == 1
	}, wait); err != nil {
		t.Error("no forget entry on the timeline")
	}
	n := len(h.api.BotMessages(u.ID))
	h.api.SendText(officer, "/reply "+string(c.Ref)+" Are you safe")
	h.until(u.ID, n, "Are you safe")
	for _, call := range h.api.Calls("sendMessage") {
		if call.Params["chat_id"] == "9303" && strings.Contains(call.Params["text"], "Are you safe") && call.Params["disable_notification"] != "true" {
			t.Error("the desk's reply after /forget rang the phone")
		}
	}
}

// TestDeskGroupGetsTheLeast: the group's alert names type, priority,
// reference and age, says a location was shared, and carries no answer,
// name or map pin; Open and /case in the group answer in the officer's
// private chat, nothing new in the group; desk commands in another group
// do nothing; a reply in the group never reaches the reporter.
func TestDeskGroupGetsTheLeast(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9304, FirstName: "Secret Name", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "KD-")
	h.api.SendLocation(u, 10.61, 103.52, 0)
	h.until(u.ID, 0, "talk safely") // the conversation has taken the location
	c := h.caseOf(u.ID)
	h.until(deskGroup, 0, string(c.Ref))
	time.Sleep(300 * time.Millisecond)
	var alert bottest.Message
	for _, m := range h.api.BotMessages(deskGroup) {
		if m.Kind == bottest.KindLocation {
			t.Error("a map pin went to the desk group")
		}
		if strings.Contains(m.Text, "Secret Name") {
			t.Errorf("the reporter's name went to the desk group: %q", m.Text)
		}
		if strings.Contains(m.Text, string(c.Ref)) && len(m.InlineKeyboard) > 0 {
			alert = m
		}
	}
	if alert.ID == 0 {
		t.Fatal("no alert with buttons in the desk group")
	}

	group, private := len(h.api.BotMessages(deskGroup)), len(h.api.BotMessages(officer.ID))
	h.api.SendCallbackInGroup(deskGroup, officer, alert.ID, "d:open:"+string(c.Ref))
	h.until(officer.ID, private, string(c.Ref))
	private = len(h.api.BotMessages(officer.ID))
	h.api.SendTextInGroup(deskGroup, officer, "/case "+string(c.Ref))
	h.until(officer.ID, private, string(c.Ref))
	reporterBefore := settled(h, u.ID)
	h.api.SendMessageAs(deskGroup, officer, tgmodels.Message{Text: "a reply in the group",
		ReplyToMessage: &tgmodels.Message{ID: alert.ID, Chat: tgmodels.Chat{ID: deskGroup, Type: "supergroup"}}})
	const otherGroup = -1009999999999
	h.api.Group(otherGroup, "Somewhere else")
	h.api.SendTextInGroup(otherGroup, officer, "/case "+string(c.Ref))
	time.Sleep(500 * time.Millisecond)
	if n := len(h.api.BotMessages(deskGroup)) - group; n != 0 {
		t.Errorf("Open and /case in the group put %d new messages in the group, want 0", n)
	}
	if n := len(h.api.BotMessages(otherGroup)); n != 0 {
		t.Errorf("a desk command in another group got %d answers there, want 0", n)
	}
	if n := len(h.api.BotMessages(u.ID)) - reporterBefore; n != 0 {
		for _, m := range h.api.BotMessages(u.ID)[reporterBefore:] {
			t.Logf("reporter got %q", m.Text)
		}
		t.Errorf("the reporter got %d messages from replies outside /reply", n)
	}
}

// settled waits until a chat has had no new bot message for a while (the
// conversation's answers to what came before) and returns their count.
func settled(h *harness, chat int64) int {
	n := len(h.api.BotMessages(chat))
	for stable := time.Now(); time.Since(stable) < time.Second; time.Sleep(50 * time.Millisecond) {
		if m := len(h.api.BotMessages(chat)); m != n {
			n, stable = m, time.Now()
		}
	}
	return n
}

// TestBlockCoversTheReportersAlerts: after /block, the reporter's repeated
// /sos and their new cases are recorded but alert nobody.
func TestBlockCoversTheReportersAlerts(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9305, FirstName: "Abuser", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "KD-")
	c := h.caseOf(u.ID)
	if _, err := h.api.WaitMessages(officer.ID, 1, wait); err != nil {
		t.Fatal(err)
	}
	n := len(h.api.BotMessages(supervisor.ID))
	h.api.SendText(supervisor, "/block "+string(c.Ref))
	h.until(supervisor.ID, n, string(c.Ref))
	officerBefore := settled(h, officer.ID)
	h.advance(11 * time.Minute)
	h.step(u, func() { h.api.SendText(u, "/sos") }, string(c.Ref))
	h.api.SendText(supervisor, "/close "+string(c.Ref))
	if err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM cases WHERE id = $1 AND closed_at IS NOT NULL`, c.ID) == 1
	}, wait); err != nil {
		t.Fatal(err)
	}
	settled(h, u.ID) // the reporter has been told the case is closed
	h.api.SendText(u, "/sos")
	if err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, u.ID) == 2
	}, wait); err != nil {
		t.Error("the blocked reporter's new /sos opened no case: it must be recorded")
	}
	if n := settled(h, officer.ID) - officerBefore; n != 0 {
		t.Errorf("a blocked reporter's /sos alerted the officer %d times", n)
	}
}
