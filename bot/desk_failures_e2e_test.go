package bot_test

import (
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tgmodels "github.com/go-telegram/bot/models"
	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// Failures that affect a person reach a person on the desk.

// broken is a flow with a bug on its first step until fixed is set.
type broken struct{ fixed *atomic.Bool }

func (broken) Name() string    { return "broken" }
func (broken) Initial() string { return "opened" }
func (broken) Events() fsm.Events {
	return fsm.Events{{Name: "noop", Src: []string{"opened"}, Dst: "opened"}}
}
func (broken) Event(*flows.Session, flows.Input) string { return "" }
func (broken) Callbacks(*flows.Turn) fsm.Callbacks      { return fsm.Callbacks{} }
func (broken) Prompt(*flows.Turn)                       {}
func (b broken) Begin(t *flows.Turn) {
	if !b.fixed.Load() {
		panic("a bug in the flow")
	}
	t.Say(flows.Reply{Text: flows.Literal("fixed and answered")})
	t.End()
}

// An update that fails on every attempt is set aside: one apology to the
// person, one alert to each supervisor naming the chat and the case;
// /failed lists it and, after a fix, /failed retry processes it.
func TestSetAsideReachesTheSupervisors(t *testing.T) {
	t.Parallel()
	fixed := &atomic.Bool{}
	h := newHarnessWith(t, bottest.New(), pgtest.New(t), harnessOpts{conversations: []flows.Conversation{broken{fixed}},
		maxAttempts: 2})
	h.staff(supervisor, desk.RoleSupervisor, "en")
	h.staff(officer, desk.RoleAgent, "ko")
	reporter := bottest.User{ID: 9701, FirstName: "Dara", LanguageCode: "km"}
	c := h.sos(reporter)
	n := len(h.api.BotMessages(supervisor.ID))
	h.api.SendText(reporter, "/broken")
	alert := h.until(supervisor.ID, n, "set aside")
	contains(t, alert.Text, "9701")
	contains(t, alert.Text, string(c.Ref))
	h.until(reporter.ID, 0, "ព្យាយាម") // the apology, in Khmer
	for _, m := range h.api.BotMessages(officer.ID) {
		if strings.Contains(m.Text, "set aside") || strings.Contains(m.Text, "보류") {
			t.Error("an agent got the supervisors' alert")
		}
	}

	n = len(h.api.BotMessages(supervisor.ID))
	h.api.SendText(supervisor, "/failed")
	list := h.until(supervisor.ID, n, "Messages set aside")
	contains(t, list.Text, string(c.Ref))
	var updateID int64
	if err := h.db.Get(&updateID, `SELECT update_id FROM inbox WHERE set_aside_at IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	contains(t, list.Text, "#"+strconv.FormatInt(updateID, 10))

	fixed.Store(true)
	n = len(h.api.BotMessages(supervisor.ID))
	h.api.SendText(supervisor, "/failed retry "+strconv.FormatInt(updateID, 10))
	h.until(supervisor.ID, n, "back in the queue")
	h.until(reporter.ID, 0, "fixed and answered")
	if k := h.count(`SELECT count(*) FROM audit_log WHERE action = 'failed.retry'`); k != 1 {
		t.Errorf("audit entries for the retry = %d, want 1", k)
	}

	// Agents may not run it.
	before := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/failed")
	time.Sleep(500 * time.Millisecond)
	for _, m := range h.api.BotMessages(officer.ID)[before:] {
		if strings.Contains(m.Text, "#") && strings.Contains(m.Text, "보류") {
			t.Errorf("an agent saw the list: %q", m.Text)
		}
	}
}

// A quarantined update (a NUL character) reaches the supervisors too.
func TestQuarantinedUpdateReachesTheSupervisors(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.staff(supervisor, desk.RoleSupervisor, "en")
	u := bottest.User{ID: 9711, FirstName: "Sok", LanguageCode: "en"}
	h.api.SendText(u, "help\x00me")
	alert := h.until(supervisor.ID, 0, "set aside")
	contains(t, alert.Text, "9711")
}

// The desk group refuses the bot (it was removed): the supervisors are
// told in private.
func TestDeskGroupRefusalReachesTheSupervisors(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	h.api.SetBlocked(deskGroup, true)
	h.sos(bottest.User{ID: 9720, FirstName: "Bora", LanguageCode: "ko"})
	alert := h.until(supervisor.ID, 0, "desk group")
	contains(t, alert.Text, strconv.FormatInt(deskGroup, 10))
	contains(t, alert.Text, "kicked")
}

// A group that refuses the bot refuses every alert: the supervisors hear
// of it once in 15 minutes, not once a message, and the time of the last
// alert is kept in the database.
func TestDeskGroupRefusalsAreReportedOnceInAWhile(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	h.api.SetBlocked(deskGroup, true)
	refusals := func() []string {
		var out []string
		for _, m := range h.api.BotMessages(supervisor.ID) {
			if strings.Contains(m.Text, "desk group") {
				out = append(out, m.Text)
			}
		}
		return out
	}
	h.sos(bottest.User{ID: 9721, FirstName: "Bora", LanguageCode: "ko"})
	h.until(supervisor.ID, 0, "desk group")
	h.sos(bottest.User{ID: 9722, FirstName: "Chan", LanguageCode: "ko"})
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'failed'`, deskGroup) == 2
	}, wait)
	if err != nil {
		t.Fatal("the group's second refusal was not recorded")
	}
	if n := h.count(`SELECT count(*) FROM alert_throttle WHERE key = $1`, "group_unreachable:"+strconv.FormatInt(deskGroup, 10)); n != 1 {
		t.Errorf("%d throttle records, want 1", n)
	}
	h.advance(16 * time.Minute)
	h.sos(bottest.User{ID: 9723, FirstName: "Dara", LanguageCode: "ko"})
	if err := h.api.WaitFor(func() bool { return len(refusals()) >= 2 }, wait); err != nil {
		t.Fatal("no new alert after the window")
	}
	settled(h, supervisor.ID)
	got := refusals()
	if len(got) != 2 {
		t.Errorf("%d alerts for 3 refusals over 16 minutes, want 2", len(got))
	}
	contains(t, got[0], "15 minutes")
}

// An officer's /reply that the reporter's Telegram refuses (they blocked
// the bot) is reported to that officer, in their language, on the case.
func TestUndeliveredReplyTellsTheOfficer(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9730, FirstName: "Chan", LanguageCode: "km"}
	c := h.sos(reporter)
	h.api.SetBlocked(reporter.ID, true)
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/reply "+string(c.Ref)+" 지금 어디에 계세요?")
	got := h.until(officer.ID, n, "전달하지 못했습니다")
	contains(t, got.Text, string(c.Ref))
	contains(t, got.Text, "blocked")
}

// An officer on duty whose private chat refuses the bot (blocked, or
// never started) misses every alert: the supervisors are told who, once
// in a while, not once an alert; the officer is not written to again. A
// message Telegram refuses for what it holds (a 400) says nothing of the
// chat, and tells nobody that the officer is unreachable.
func TestUnreachableOfficerReachesTheSupervisors(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	h.api.SetBlocked(officer2.ID, true)
	n := len(h.api.BotMessages(supervisor.ID))
	for i, id := range []int64{9750, 9751} {
		reporter := bottest.User{ID: id, FirstName: "Vanna", LanguageCode: "km"}
		h.api.SendText(reporter, "/panic")
		h.texts(reporter.ID, 1)
		ref := string(h.caseOf(reporter.ID).Ref)
		h.until(supervisor.ID, 0, ref)
		if i == 0 {
			h.until(officer.ID, 0, ref)
			got := h.until(supervisor.ID, n, "Officer Sok")
			contains(t, got.Text, "blocked")
			h.api.FailChat(officer.ID, "sendMessage", 1, tgapi.Failure{Code: 400, Description: "Bad Request: message text is empty"})
		}
	}
	if err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'failed'`, officer.ID) == 1
	}, wait); err != nil {
		t.Fatal("the alert Telegram refused was not given up")
	}
	h.quiet(supervisor.ID, len(h.api.BotMessages(supervisor.ID)))
	var notices int
	for _, m := range h.api.BotMessages(supervisor.ID) {
		if strings.Contains(m.Text, "Officer Sok") {
			notices++
		}
		if strings.Contains(m.Text, "Officer Kim") {
			t.Errorf("supervisor told Officer Kim is unreachable after a 400: %s", m.Text)
		}
	}
	if notices != 1 {
		t.Errorf("supervisor told %d times that Officer Sok is unreachable, want once", notices)
	}
	for _, m := range h.api.BotMessages(officer.ID) {
		if strings.Contains(m.Text, "Officer Sok") {
			t.Error("an agent got the supervisors' notice")
		}
	}
}

// At night nobody may be on duty: a reporter's follow-up on a case nobody
// has then reaches the supervisors, in private, rather than nobody. (Duty
// is about new-case alerts; an urgent case nobody claims reaches the
// supervisors by its escalation.)
func TestFollowUpWithNobodyOnDutyReachesTheSupervisors(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9770, FirstName: "Sreyneang", LanguageCode: "km"}
	c := h.sos(reporter)
	if _, err := h.db.Exec(`UPDATE staff SET on_duty = false`); err != nil {
		t.Fatal(err)
	}
	n := settled(h, supervisor.ID)
	h.api.SendText(reporter, "They are moving us to another building now")
	got := h.until(supervisor.ID, n, "They are moving us")
	contains(t, got.Text, string(c.Ref))
	if m := h.api.BotMessages(deskGroup); strings.Contains(m[len(m)-1].Text, "They are moving us") {
		t.Error("the follow-up went to the desk group")
	}
}

// An officer's Telegram reply to an alert with a photo and a caption is
// refused whole, saying so: the reporter would otherwise get the caption
// alone, and the officer be told it was sent.
func TestTelegramReplyWithAPhotoIsRefusedNotCutToItsCaption(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9760, FirstName: "Mina", LanguageCode: "ko"}
	alert := h.alertTo(reporter, supervisor.ID)
	before := len(h.api.BotMessages(reporter.ID))
	n := len(h.api.BotMessages(supervisor.ID))
	h.api.SendMessageAs(supervisor.ID, supervisor, tgmodels.Message{Caption: "Is this your building?",
		Photo: []tgmodels.PhotoSize{{FileID: "photo-of-a-building", Width: 800, Height: 600}}, ReplyToMessage: &alert.Raw})
	got := h.until(supervisor.ID, n, "only text")
	contains(t, got.Text, "not sent")
	h.quiet(reporter.ID, before)
}

// An edited text reaches the case as a new timeline entry marked as an
// edit, and the officer handling it sees it; an officer's edited /reply
// is not sent again.
func TestEditedMessagesAreKeptAndRelayed(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9740, FirstName: "Bopha", LanguageCode: "ko"}
	c := h.sos(reporter)
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/claim "+string(c.Ref))
	h.until(officer.ID, n, string(c.Ref))
	n = len(h.api.BotMessages(officer.ID))
	_, msgID := h.api.SendMessageAs(reporter.ID, reporter, tgmodels.Message{Text: "3층에 있어요"})
	h.until(officer.ID, n, "3층에 있어요")
	n = len(h.api.BotMessages(officer.ID))
	h.api.EditText(reporter, msgID, "4층에 있어요")
	h.until(officer.ID, n, "✏️ 4층에 있어요")
	var texts []string
	if err := h.db.Select(&texts, `SELECT text FROM case_events WHERE case_id = $1 AND kind = 'message_in' ORDER BY id`, c.ID); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(texts, " | "); !strings.Contains(got, "3층에 있어요 | ✏️ 4층에 있어요") {
		t.Errorf("timeline texts = %q, want the message then its edit", got)
	}

	before := len(h.api.BotMessages(reporter.ID))
	_, replyID := h.api.SendMessageAs(officer.ID, officer, tgmodels.Message{Text: "/reply " + string(c.Ref) + " 곧 연락드릴게요",
		Entities: []tgmodels.MessageEntity{{Type: tgmodels.MessageEntityTypeBotCommand, Offset: 0, Length: 6}}})
	h.until(reporter.ID, before, "곧 연락드릴게요")
	h.api.EditText(officer, replyID, "/reply "+string(c.Ref)+" 곧 연락드리겠습니다")
	h.quiet(reporter.ID, before+1)
}
