package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// TestCheckInAnsweredByWritingIsNotMissed: reporters who answer a
// check-in by writing ("괜찮아요", "ខ្ញុំសុខសប្បាយ", "OK", a photo) instead of
// tapping a button are not reported as having missed it. What they wrote
// reaches the officer as any follow-up does, the timeline says they
// answered by writing, and all they see is the usual "added to your case",
// then the next check-in on time. A reporter who stays silent is still
// escalated in the same pass.
func TestCheckInAnsweredByWritingIsNotMissed(t *testing.T) {
	t.Parallel()
	h := withDesk(t, checkingIn)
	type reporter struct {
		u    bottest.User
		send func(bottest.User)
		word string // what reaches the officer
		kind string
		c    *desk.Case
		seen int // the reporter's bot messages once they wrote
	}
	text := func(s string) func(bottest.User) { return func(u bottest.User) { h.api.SendText(u, s) } }
	writers := []*reporter{
		{u: bottest.User{ID: 9831, FirstName: "Min", LanguageCode: "ko"}, send: text("괜찮아요"), word: "괜찮아요"},
		{u: bottest.User{ID: 9832, FirstName: "Dara", LanguageCode: "km"}, send: text("ខ្ញុំសុខសប្បាយ"), word: "ខ្ញុំសុខសប្បាយ"},
		{u: bottest.User{ID: 9833, FirstName: "Ann", LanguageCode: "en"}, send: text("OK"), word: "OK"},
		{u: bottest.User{ID: 9834, FirstName: "Bo", LanguageCode: "en"},
			send: func(u bottest.User) { h.api.SendPhoto(u, "room 304") }, word: "room 304", kind: bottest.KindPhoto},
	}
	silent := &reporter{u: bottest.User{ID: 9835, FirstName: "Sok", LanguageCode: "km"}}
	for _, r := range append(writers, silent) {
		r.c = h.sos(r.u)
		n := settled(h, officer.ID)
		h.api.SendText(officer, "/claim "+string(r.c.Ref))
		h.texts(officer.ID, n+1)
		h.checkIn(r.c, r.u, "1h")
	}
	for _, r := range writers {
		seen, n := settled(h, r.u.ID), settled(h, officer.ID)
		r.send(r.u)
		contains(t, lastBot(t, h, r.u.ID, seen+1).Text, string(r.c.Ref)) // "added to your case"
		fwd := h.until(officer.ID, n, r.word)
		contains(t, fwd.Text, string(r.c.Ref))
		if r.kind != "" && fwd.Kind != r.kind {
			t.Errorf("%s reached the officer as a %s, want a %s", r.word, fwd.Kind, r.kind)
		}
		r.seen = seen + 1
	}

	sup, off := settled(h, supervisor.ID), settled(h, officer.ID)
	h.advance(16 * time.Minute) // past the grace time of every prompt
	h.until(supervisor.ID, sup, string(silent.c.Ref)+" did not answer")
	settled(h, supervisor.ID)
	for _, m := range append(h.api.BotMessages(supervisor.ID)[sup:], h.api.BotMessages(officer.ID)[off:]...) {
		for _, r := range writers {
			if strings.Contains(m.Text, string(r.c.Ref)) {
				t.Errorf("the desk was told of %s, who wrote %q: %q", r.c.Ref, r.word, m.Text)
			}
		}
	}
	for _, r := range writers {
		if got := h.checkInEvents(r.c.ID); got != "started prompted wrote" {
			t.Errorf("%s check-in timeline = %q, want started prompted wrote", r.c.Ref, got)
		}
	}
	if got := h.checkInEvents(silent.c.ID); got != "started prompted missed" {
		t.Errorf("the silent reporter's check-in timeline = %q", got)
	}

	h.advance(45 * time.Minute) // the next check-in
	for _, r := range writers {
		next := lastBot(t, h, r.u.ID, r.seen+1)
		if len(next.InlineKeyboard) != 1 || !strings.Contains(next.Text, string(r.c.Ref)) {
			t.Errorf("%s: after writing, the next message is %q, want the next check-in", r.c.Ref, next.Text)
		}
		if n := settled(h, r.u.ID); n != r.seen+1 {
			t.Errorf("%s: the reporter got %d messages after writing, want only the next check-in", r.c.Ref, n-r.seen)
		}
	}
}

// TestLateCheckInAnswerReachesThoseAlerted: once the desk was told that a
// reporter did not answer a check-in, their late answer, a tap or a
// message, reaches the same people (the officer on the case and the
// supervisors, each in their language, once), so nobody goes on treating
// them as missing.
func TestLateCheckInAnswerReachesThoseAlerted(t *testing.T) {
	t.Parallel()
	h := withDesk(t, checkingIn)
	tapper := bottest.User{ID: 9841, FirstName: "Dara", LanguageCode: "km"}
	writer := bottest.User{ID: 9842, FirstName: "Min", LanguageCode: "ko"}
	var cases []*desk.Case
	var prompts []bottest.Message
	for _, u := range []bottest.User{tapper, writer} {
		c := h.sos(u)
		n := settled(h, officer.ID)
		h.api.SendText(officer, "/claim "+string(c.Ref))
		h.texts(officer.ID, n+1)
		cases, prompts = append(cases, c), append(prompts, h.checkIn(c, u, "1h"))
	}
	sup := settled(h, supervisor.ID)
	h.advance(16 * time.Minute)
	for _, c := range cases {
		h.until(supervisor.ID, sup, string(c.Ref)+" did not answer")
	}
	sup, off := settled(h, supervisor.ID), settled(h, officer.ID)

	h.api.SendCallback(tapper, prompts[0].ID, prompts[0].InlineKeyboard[0][0].CallbackData)
	contains(t, h.until(supervisor.ID, sup, string(cases[0].Ref)+" answered the").Text, "check-in after all: I'm OK")
	h.until(officer.ID, off, string(cases[0].Ref)+" 신고자가")
	contains(t, h.until(officer.ID, off, "뒤늦게 답했습니다: 괜찮아요").Text, string(cases[0].Ref))

	h.api.SendText(writer, "괜찮아요")
	contains(t, h.until(supervisor.ID, sup, string(cases[1].Ref)+" answered the").Text, "after all: answered by writing")
	contains(t, h.until(officer.ID, off, "뒤늦게 답했습니다: 메시지로 응답").Text, string(cases[1].Ref))

	late := 0
	for _, m := range h.api.BotMessages(supervisor.ID)[:settled(h, supervisor.ID)] {
		if strings.Contains(m.Text, "after all") {
			late++
		}
	}
	if late != 2 {
		t.Errorf("the supervisor got %d late-answer notices, want 2 (one each)", late)
	}
	for i, want := range []string{"started prompted missed ok", "started prompted missed wrote"} {
		if got := h.checkInEvents(cases[i].ID); got != want {
			t.Errorf("%s check-in timeline = %q, want %q", cases[i].Ref, got, want)
		}
	}
}

// TestHelpWrittenIsINeedHelp: the desk's check-in message asks reporters
// to answer "with one word: OK, or HELP". HELP written does what "I need
// help" tapped does: the case is urgent again, the officers on duty are
// alerted, the reporter is told so, and the word still reaches the
// officer on the case.
func TestHelpWrittenIsINeedHelp(t *testing.T) {
	t.Parallel()
	reporter := bottest.User{ID: 9843, FirstName: "Sokha", LanguageCode: "km"}
	h, c, _ := checkingInOn(t, reporter, "2h")
	n := settled(h, officer.ID)
	h.api.SendText(officer, "/claim "+string(c.Ref))
	h.api.SendText(officer, "/priority "+string(c.Ref)+" normal")
	h.texts(officer.ID, n+2)
	off, on := settled(h, officer.ID), settled(h, officer2.ID)
	r := settled(h, reporter.ID)
	h.api.SendText(reporter, "HELP!")
	contains(t, lastBot(t, h, reporter.ID, r+1).Text, "បុគ្គលិកបានទទួលដំណឹងហើយ")
	contains(t, h.until(officer2.ID, on, string(c.Ref)).Text, "ខ្ញុំត្រូវការជំនួយ")
	contains(t, h.until(officer.ID, off, "HELP!").Text, string(c.Ref))
	if p := h.caseOf(reporter.ID).Priority; p != desk.PriorityUrgent {
		t.Errorf("priority after HELP = %s, want urgent", p)
	}
	if got := h.checkInEvents(c.ID); got != "started prompted help" {
		t.Errorf("check-in timeline = %q, want started prompted help", got)
	}
}

// TestCheckInAnsweredByWritingThenForgotten: a reporter who answers a
// check-in by writing ("괜찮아요") and then clears the chat with /forget is
// not reported as having missed it. The escalator finds a written answer
// by its row in chat_messages; /forget deletes the rows of the messages it
// deletes, but not those that went to a case (ForgetMessages), and a
// message written outside a conversation by a reporter with check-ins
// always goes to their case. The timeline says they answered by writing,
// nobody at the desk hears of a missed check-in, and the next one comes
// on time.
func TestCheckInAnsweredByWritingThenForgotten(t *testing.T) {
	t.Parallel()
	h := withDesk(t, checkingIn)
	u := bottest.User{ID: 9969, FirstName: "Min", LanguageCode: "ko"}
	c := h.sos(u)
	n := settled(h, officer.ID)
	h.api.SendText(officer, "/claim "+string(c.Ref))
	h.texts(officer.ID, n+1)
	h.checkIn(c, u, "1h")
	h.step(u, func() { h.api.SendText(u, "괜찮아요") }, string(c.Ref))
	h.step(u, func() { h.api.SendText(u, "/forget") }, "✓")
	if n := h.count(`SELECT count(*) FROM chat_messages WHERE chat_id = $1 AND NOT from_bot AND case_id = $2`, u.ID, c.ID); n != 1 {
		t.Errorf("%d rows of the written answer are left after /forget, want its one, linked to the case", n)
	}
	sup, off := settled(h, supervisor.ID), settled(h, officer.ID)
	seen := settled(h, u.ID)
	h.advance(16 * time.Minute) // past the grace time
	h.advance(45 * time.Minute) // the next check-in: the escalator has passed
	h.until(u.ID, seen, string(c.Ref))
	for _, m := range append(h.api.BotMessages(supervisor.ID)[sup:], h.api.BotMessages(officer.ID)[off:]...) {
		if strings.Contains(m.Text, string(c.Ref)) {
			t.Errorf("the desk was told of %s, who wrote before /forget: %q", c.Ref, m.Text)
		}
	}
	if got := h.checkInEvents(c.ID); got != "started prompted wrote prompted" {
		t.Errorf("check-in timeline = %q, want started prompted wrote prompted", got)
	}
}
