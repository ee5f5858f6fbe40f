package bot_test

import (
	"math"
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// until waits for a bot message in chat containing want, newer than the
// first skip bot messages, and returns it.
func (h *harness) until(chat int64, skip int, want string) bottest.Message {
	h.t.Helper()
	var found bottest.Message
	err := h.api.WaitFor(func() bool {
		msgs := h.api.BotMessages(chat)
		for i := len(msgs) - 1; i >= skip && i >= 0; i-- {
			if strings.Contains(msgs[i].Text, want) {
				found = msgs[i]
				return true
			}
		}
		return false
	}, wait)
	if err != nil {
		var got []string
		for _, m := range h.api.BotMessages(chat) {
			got = append(got, m.Text)
		}
		h.t.Fatalf("chat %d: no message containing %q; bot said:\n%s", chat, want, strings.Join(got, "\n---\n"))
	}
	return found
}

// tap presses the newest inline button with that callback data.
func (h *harness) tap(u bottest.User, data string) {
	h.t.Helper()
	msgs := h.api.BotMessages(u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, row := range msgs[i].InlineKeyboard {
			for _, b := range row {
				if b.CallbackData == data {
					h.api.SendCallback(u, msgs[i].ID, data)
					return
				}
			}
		}
	}
	h.t.Fatalf("no button %q in chat %d", data, u.ID)
}

// waitButton waits until the bot has offered an inline button.
func (h *harness) waitButton(u bottest.User, data string) { h.t.Helper(); h.waitButtons(u, data, 1) }

// waitButtons waits until n bot messages offer the button.
func (h *harness) waitButtons(u bottest.User, data string, n int) {
	h.t.Helper()
	err := h.api.WaitFor(func() bool {
		found := 0
		for _, m := range h.api.BotMessages(u.ID) {
			for _, row := range m.InlineKeyboard {
				for _, b := range row {
					if b.CallbackData == data {
						found++
					}
				}
			}
		}
		return found >= n
	}, wait)
	if err != nil {
		h.t.Fatalf("chat %d: the bot never offered %q", u.ID, data)
	}
}

// step sends something and waits for the answer containing want.
func (h *harness) step(u bottest.User, send func(), want string) bottest.Message {
	h.t.Helper()
	n := len(h.api.BotMessages(u.ID))
	send()
	return h.until(u.ID, n, want)
}

func TestDistressWholeFlowInEachLanguage(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	tests := []struct {
		lang                                                   string
		opened, askSafe, askPeople, askExtra, thankYou, honest string
	}{
		{"ko", "접수번호", "안전하게", "몇 명", "더 알아야", "감사", "도움을 요청하는 것은 범죄가 아니에요"},
		{"km", "លេខករណី", "សុវត្ថិភាព", "ប៉ុន្មាននាក់", "ផ្សេងទៀត", "អរគុណ", "ការសុំជំនួយមិនមែនជាបទល្មើសទេ"},
		{"en", "Case number", "talk safely", "How many people", "Anything else", "This is what the desk has", "Asking for help is not a crime"},
	}
	for i, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			u := bottest.User{ID: int64(9800 + i), FirstName: "Reporter " + tt.lang, LanguageCode: tt.lang}
			h.step(u, func() { h.api.SendText(u, "/sos") }, tt.opened)
			c := h.caseOf(u.ID)
			loc := h.until(u.ID, 0, "📍")
			if kb := h.api.CurrentKeyboard(u.ID); len(kb) == 0 || !kb[0][0].RequestLocation {
				t.Fatalf("no location button in the reply keyboard: %+v (%q)", kb, loc.Text)
			}
			h.step(u, func() { h.api.SendLocation(u, 10.6275, 103.5221, 0) }, tt.askSafe)
			h.tap(u, "distress:safe:yes")
			h.until(u.ID, 0, tt.askPeople)
			h.waitButton(u, "distress:skip:people")
			h.api.SendText(u, "3")
			h.waitButton(u, "distress:injured:no")
			h.tap(u, "distress:injured:no")
			h.waitButton(u, "distress:passport:yes")
			h.tap(u, "distress:passport:yes")
			h.waitButton(u, "distress:skip:compound")
			h.api.SendText(u, "Golden Fortune, building 7")
			h.waitButton(u, "distress:nationality:korean")
			h.tap(u, "distress:nationality:korean")
			h.until(u.ID, 0, tt.askExtra)
			h.step(u, func() { h.api.SendPhoto(u, "window") }, "")
			h.waitButtons(u, "distress:done", 2)
			h.step(u, func() { h.tap(u, "distress:done") }, tt.thankYou)
			contains(t, h.until(u.ID, 0, tt.honest).Text, string(c.Ref)) // with the case number, after the report

			got := h.caseOf(u.ID)
			for k, want := range map[string]string{"safe_to_talk": "yes", "people": "3", "injured": "no",
				"passport_taken": "yes", "compound": "Golden Fortune, building 7", "nationality": "korean"} {
				if got.Answers[k] != want {
					t.Errorf("answer %s = %q, want %q", k, got.Answers[k], want)
				}
			}
			if got.LastLocation == nil || got.LastLocation.Lat != 10.6275 {
				t.Errorf("last location = %+v", got.LastLocation)
			}
			if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment'`, c.ID); n != 1 {
				t.Errorf("attachments on the timeline = %d, want the photo", n)
			}
			if n := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND flow = ''`, u.ID); n != 1 {
				t.Error("the flow did not end")
			}
		})
	}
}

func TestDistressVanishAfterFirstTap(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9901, FirstName: "Gone", LanguageCode: "ko"}
	h.api.SendText(u, "/start sos") // the poster's deep link
	first := h.until(u.ID, 0, "접수번호")
	// Someone who taps once and goes learns at once what /forget does, and
	// the answer, which may reach a locked phone, does not name the desk.
	contains(t, first.Text, "/forget")
	contains(t, first.Text, "48시간")
	contains(t, first.Text, "미리보기")
	if strings.Contains(first.Text, "코리안 데스크") || strings.Contains(first.Text, "경찰") {
		t.Errorf("the first answer names the desk: %q", first.Text)
	}
	c := h.caseOf(u.ID)
	if c.Priority != desk.PriorityUrgent || c.Type != desk.TypeDistress {
		t.Errorf("case = %s %s", c.Priority, c.Type)
	}
	h.until(officer.ID, 0, string(c.Ref))
	h.until(deskGroup, 0, string(c.Ref))
}

// Someone with seconds to spare types what matters after /sos itself:
// those words go on the case and reach the officers, like any follow-up,
// and a second /sos with words adds them to the same case.
func TestWordsAfterSOSReachTheCase(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9902, FirstName: "Hurry", LanguageCode: "en"}
	h.api.SendText(u, "/sos locked in building C, 12 of us")
	h.until(u.ID, 0, "Case number")
	c := h.caseOf(u.ID)
	got := h.until(officer.ID, 0, "locked in building C, 12 of us")
	contains(t, got.Text, string(c.Ref))
	h.api.SendText(u, "/sos they took our phones at 6")
	h.until(officer2.ID, 0, "they took our phones at 6")
	var texts []string
	if err := h.db.Select(&texts, `SELECT text FROM case_events WHERE case_id = $1 AND kind = 'message_in' ORDER BY id`, c.ID); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts, " | "); got != "locked in building C, 12 of us | they took our phones at 6" {
		t.Errorf("timeline messages = %q", got)
	}
	if n := h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, u.ID); n != 1 {
		t.Errorf("%d cases, want the one", n)
	}
}

// A place sent before anything else is someone asking for help: it opens
// an urgent case with the place as its first answer, the officers hear of
// it, and the conversation goes on to the next question. It was answered
// "I didn't understand" and the place was dropped.
func TestLocationFirstOpensACaseWithIt(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9903, FirstName: "Pin", LanguageCode: "en"}
	h.api.SendLocation(u, 10.6275, 103.5221, 0)
	h.until(u.ID, 0, "Case number")
	h.until(u.ID, 0, "talk safely")
	c := h.caseOf(u.ID)
	if c.Priority != desk.PriorityUrgent || c.LastLocation == nil || c.LastLocation.Lat != 10.6275 {
		t.Errorf("case: priority %s, location %+v; want urgent at 10.6275", c.Priority, c.LastLocation)
	}
	if c.Answers["location"] != "10.6275,103.5221" {
		t.Errorf("location answer = %q", c.Answers["location"])
	}
	h.until(officer.ID, 0, string(c.Ref))
	for _, m := range h.api.BotMessages(u.ID) {
		if strings.Contains(m.Text, "understand") {
			t.Errorf("the reporter was told %q", m.Text)
		}
	}
}

func TestDistressLiveLocationKeepsTheCaseCurrent(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9902, FirstName: "Live", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "Case number")
	var msgID int
	h.step(u, func() { _, msgID = h.api.SendLocation(u, 11.55, 104.91, 900) }, "talk safely")
	c := h.caseOf(u.ID)
	for i := 1; i <= 5; i++ {
		h.api.EditLocation(u, msgID, 11.55+float64(i)*0.001, 104.91)
	}
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'location'`, c.ID) == 6
	}, wait)
	if err != nil {
		t.Fatalf("location points on the timeline: %d, want 6", h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'location'`, c.ID))
	}
	if got := h.caseOf(u.ID).LastLocation; got == nil || math.Abs(got.Lat-11.555) > 1e-9 {
		t.Errorf("newest point = %+v, want 11.555", got)
	}
	// The officer's /case shows the newest point as a map pin.
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/case "+string(c.Ref))
	h.until(officer.ID, n, string(c.Ref))
	if err := h.api.WaitFor(func() bool {
		m, ok := h.api.LastBotMessage(officer.ID)
		return ok && m.Location != nil && math.Abs(m.Location.Latitude-11.555) < 1e-6
	}, wait); err != nil {
		t.Error("no map pin at the newest point in /case")
	}
}

func TestDistressNotSafeStopsAsking(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9903, FirstName: "Quiet", LanguageCode: "km"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "លេខករណី")
	h.until(u.ID, 0, "📍")
	h.step(u, func() { h.api.SendText(u, h.api.CurrentKeyboard(u.ID)[1][0].Text) }, "") // "I can't share"
	h.step(u, func() { h.api.SendText(u, "ភូមិ ៣ ក្បែរផ្សារ") }, "សុវត្ថិភាព")
	n := len(h.api.BotMessages(u.ID))
	h.tap(u, "distress:safe:no")
	h.until(u.ID, n, "/forget")
	c := h.caseOf(u.ID)
	if c.Answers["safe_to_talk"] != "no" || c.Answers["address"] != "ភូមិ ៣ ក្បែរផ្សារ" || !c.Open() {
		t.Errorf("case after 'not safe': open %v, answers %v", c.Open(), c.Answers)
	}
	h.quiet(u.ID, len(h.api.BotMessages(u.ID)))
}

func TestForgetDeletesTheChat(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9904, FirstName: "Hidden", LanguageCode: "ko"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "접수번호")
	h.step(u, func() { h.api.SendLocation(u, 10.6, 103.5, 0) }, "안전하게")
	// A person reading the question takes seconds; by then the bot has
	// recorded every message it sent.
	if err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM chat_messages WHERE chat_id = $1 AND from_bot`, u.ID) == len(h.api.BotMessages(u.ID))
	}, wait); err != nil {
		t.Fatal("sent messages were not recorded")
	}
	h.step(u, func() { h.api.SendText(u, "/forget") }, "✓")
	err := h.api.WaitFor(func() bool {
		for _, m := range h.api.Messages(u.ID) {
			if !m.Deleted && m.Text != "✓" {
				return false
			}
		}
		return true
	}, wait)
	if err != nil {
		for _, m := range h.api.Messages(u.ID) {
			if !m.Deleted {
				t.Errorf("still in the chat: %s %q", m.Kind, m.Text)
			}
		}
	}
	if kb := h.api.CurrentKeyboard(u.ID); len(kb) != 0 {
		t.Errorf("a reply keyboard is still shown: %+v", kb)
	}
	if c := h.caseOf(u.ID); !c.Open() {
		t.Error("the desk lost the case")
	}
}

func TestDistressRestartMidFlow(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9905, FirstName: "Steady", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "Case number")
	h.step(u, func() { h.api.SendLocation(u, 10.6, 103.5, 0) }, "talk safely")
	h.restart()
	h.step(u, func() { h.tap(u, "distress:safe:yes") }, "How many people")
	h.step(u, func() { h.api.SendText(u, "2") }, "hurt")
	if got := h.caseOf(u.ID).Answers["people"]; got != "2" {
		t.Errorf("people = %q after the restart", got)
	}
}

func TestDistressGarbageAtEveryStep(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9906, FirstName: "Messy", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "Case number")
	garbage := []struct {
		name string
		send func()
		want string
	}{
		{"sticker", func() { h.api.SendSticker(u, "🙂") }, "can't read"},
		{"10,000 characters", func() { h.api.SendText(u, strings.Repeat("x", 10000)) }, "too long"},
		{"implausible coordinates", func() { h.api.SendLocation(u, 0, 0, 0) }, "does not look right"},
	}
	for _, g := range garbage {
		h.step(u, g.send, g.want)
	}
	h.step(u, func() { h.api.SendLocation(u, 10.6, 103.5, 0) }, "talk safely")
	h.step(u, func() { h.api.SendText(u, "hello?") }, "talk safely") // text where a button is expected
	h.step(u, func() { h.tap(u, "distress:safe:yes") }, "How many")
	h.step(u, func() { h.api.SendText(u, "many, I think") }, "just a number")
	h.step(u, func() { h.api.SendLocation(u, 10.61, 103.51, 0) }, "How many") // a location where text was expected
	h.step(u, func() { h.api.SendSticker(u, "🙂") }, "How many")
	h.step(u, func() { h.api.SendText(u, "4") }, "hurt")
	c := h.caseOf(u.ID)
	if c.Answers["people"] != "4" || c.LastLocation == nil || c.LastLocation.Lat != 10.61 {
		t.Errorf("case after garbage: answers %v, location %+v", c.Answers, c.LastLocation)
	}
}

func TestStatusListsTheReportersCases(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9907, FirstName: "Asks", LanguageCode: "ko"}
	h.step(u, func() { h.api.SendText(u, "/status") }, "접수하신 내역이 없어요")
	h.step(u, func() { h.api.SendText(u, "/sos") }, "접수번호")
	c := h.caseOf(u.ID)
	m := h.step(u, func() { h.api.SendText(u, "/status") }, string(c.Ref))
	contains(t, m.Text, "긴급 도움")
	contains(t, m.Text, "접수됨")
}
