package bot_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

var (
	officer    = bottest.User{ID: 501, FirstName: "Officer Kim", Username: "kim_desk", LanguageCode: "ko"}
	officer2   = bottest.User{ID: 502, FirstName: "Officer Sok", Username: "sok_desk", LanguageCode: "km"}
	supervisor = bottest.User{ID: 503, FirstName: "Chief Lee", Username: "lee_desk", LanguageCode: "en"}
)

// withDesk starts a harness with two officers on duty and a supervisor.
func withDesk(t *testing.T, opts ...func(*harness)) *harness {
	h := newHarness(t, opts...)
	h.staff(officer, desk.RoleAgent, "ko")
	h.staff(officer2, desk.RoleAgent, "km")
	h.staff(supervisor, desk.RoleSupervisor, "en")
	return h
}

// sos has a reporter open an urgent case and waits until every staff
// member on duty has its alert, so that a test counting a staff chat's
// messages afterwards never counts before an alert still on its way.
func (h *harness) sos(u bottest.User) *desk.Case {
	h.t.Helper()
	h.api.SendText(u, "/panic")
	h.texts(u.ID, len(h.api.BotMessages(u.ID))+1)
	c := h.caseOf(u.ID)
	var onDuty []int64
	if err := h.db.Select(&onDuty, `SELECT chat_id FROM staff WHERE active AND on_duty ORDER BY chat_id`); err != nil {
		h.t.Fatal(err)
	}
	for _, chat := range onDuty {
		h.until(chat, 0, string(c.Ref))
	}
	// And until the alerts are recorded sent: a test that moves the clock
	// on next would otherwise see a lease run out on an alert delivered a
	// moment ago and get it again (at least once, as promised).
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM outbox WHERE status = 'pending' AND chat_id = ANY($1)`, pq.Array(onDuty)) == 0
	}, wait)
	if err != nil {
		h.t.Fatal("the alerts were never recorded sent")
	}
	return c
}

// alertTo has reporter open an urgent case and returns its alert to the
// staff chat, once the alert is linked to the case (a Telegram reply to it
// answers the reporter).
func (h *harness) alertTo(reporter bottest.User, chat int64) bottest.Message {
	h.t.Helper()
	h.sos(reporter)
	alert := lastBot(h.t, h, chat, 1)
	h.linked(chat, alert.ID)
	return alert
}

func lastBot(t *testing.T, h *harness, chat int64, n int) bottest.Message {
	t.Helper()
	msgs, err := h.api.WaitMessages(chat, n, wait)
	if err != nil {
		t.Fatal(err)
	}
	return msgs[n-1]
}

func TestUrgentCaseAlertsEveryoneOnDutyAtOnce(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9101, FirstName: "Dara", LanguageCode: "km"}
	c := h.sos(reporter)
	if c.Priority != desk.PriorityUrgent || c.Status != desk.StatusNew || c.Type != desk.TypeDistress {
		t.Errorf("case = %s/%s/%s, want urgent new distress", c.Priority, c.Status, c.Type)
	}
	contains(t, h.texts(reporter.ID, 1)[0], string(c.Ref))
	for _, tt := range []struct {
		chat int64
		want string
	}{
		{officer.ID, "새 사건 " + string(c.Ref)},
		{officer2.ID, "ករណីថ្មី " + string(c.Ref)},
		{deskGroup, string(c.Ref) + " · 긴급 도움 · 긴급"}, // the group gets the least
	} {
		m := lastBot(t, h, tt.chat, 1)
		contains(t, m.Text, tt.want)
		if tt.chat == deskGroup {
			if strings.Contains(m.Text, "Building B") {
				t.Errorf("the group's alert shows an answer: %q", m.Text)
			}
		} else {
			contains(t, m.Text, "ខ្មែរ") // the reporter's language
			contains(t, m.Text, "Building B")
		}
		var data []string
		for _, b := range m.InlineKeyboard[0] {
			data = append(data, b.CallbackData)
		}
		if got, want := strings.Join(data, " "), "d:claim:"+string(c.Ref)+" d:open:"+string(c.Ref)+" d:close:"+string(c.Ref); got != want {
			t.Errorf("alert buttons in %d = %q, want %q", tt.chat, got, want)
		}
	}
}

func TestTwoOfficersClaimAtOnce(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9201, FirstName: "Min", LanguageCode: "ko"}
	c := h.sos(reporter)
	a1 := lastBot(t, h, officer.ID, 1)
	a2 := lastBot(t, h, officer2.ID, 1)
	var wg sync.WaitGroup
	wg.Go(func() { h.api.SendCallback(officer, a1.ID, "d:claim:"+string(c.Ref)) })
	wg.Go(func() { h.api.SendCallback(officer2, a2.ID, "d:claim:"+string(c.Ref)) })
	wg.Wait()
	r1 := lastBot(t, h, officer.ID, 2).Text
	r2 := lastBot(t, h, officer2.ID, 2).Text
	won1 := strings.Contains(r1, "사건을 담당합니다")
	won2 := strings.Contains(r2, "ឥឡូវជារបស់អ្នក")
	if won1 == won2 {
		t.Fatalf("exactly one officer must win: %q / %q", r1, r2)
	}
	if won1 {
		contains(t, r2, "Officer Kim")
	} else {
		contains(t, r1, "Officer Sok")
	}
	if got := h.caseOf(reporter.ID); got.Status != desk.StatusClaimed || got.AssigneeID == nil {
		t.Errorf("case after the race: %s, assignee %v", got.Status, got.AssigneeID)
	}
}

func TestReplyReachesTheReporterInTheirLanguage(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	tests := []struct {
		lang, header string
	}{
		{"ko", "💬 답장 (KD-"},
		{"km", "💬 ចម្លើយ (KD-"},
		{"en", "💬 Reply (KD-"},
	}
	for i, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			reporter := bottest.User{ID: int64(9300 + i), FirstName: "R", LanguageCode: tt.lang}
			c := h.sos(reporter)
			n := len(h.api.BotMessages(officer.ID))
			h.api.SendText(officer, "/reply "+strings.ToLower(string(c.Ref))+" 경찰과 함께 갑니다. Stay where you are.")
			got := lastBot(t, h, reporter.ID, 2).Text
			contains(t, got, tt.header)
			if strings.Contains(got, "Korean Desk") || strings.Contains(got, "코리안 데스크") || strings.Contains(got, "🇰🇷") {
				t.Errorf("the reply names the desk on a lock screen: %q", got)
			}
			contains(t, got, "경찰과 함께 갑니다. Stay where you are.")
			contains(t, lastBot(t, h, officer.ID, n+1).Text, string(c.Ref))
			after := h.caseOf(reporter.ID)
			if after.FirstReplyAt == nil || !after.AssignedTo(officer.ID) {
				t.Errorf("after the reply: first reply %v, assignee %v", after.FirstReplyAt, after.AssigneeID)
			}
		})
	}
	if n := h.count(`SELECT count(*) FROM audit_log WHERE action = 'case.reply'`); n != 3 {
		t.Errorf("audited replies = %d, want 3", n)
	}
}

func TestTelegramReplyToAnAlertAnswersTheReporter(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9401, FirstName: "Jin", LanguageCode: "ko"}
	alert := h.alertTo(reporter, officer.ID)
	h.api.SendReply(officer, alert.ID, "지금 계신 건물 이름을 알려 주세요.")
	contains(t, lastBot(t, h, reporter.ID, 2).Text, "지금 계신 건물 이름을 알려 주세요.")
}

func TestFollowUpWithAPhotoReachesTheOfficer(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9501, FirstName: "Bora", LanguageCode: "ko"}
	c := h.sos(reporter)
	h.until(deskGroup, 0, string(c.Ref)) // the alert
	groupBefore := len(h.api.BotMessages(deskGroup))
	officerBefore := len(h.api.BotMessages(officer2.ID))
	// Unclaimed: the follow-up goes to the officers on duty, in private,
	// never to the desk group.
	h.api.SendPhoto(reporter, "창문 밖 풍경")
	m := lastBot(t, h, officer2.ID, officerBefore+1)
	if m.Kind != bottest.KindPhoto {
		t.Fatalf("the officer on duty got a %s, want the photo", m.Kind)
	}
	if n := len(h.api.BotMessages(deskGroup)); n != groupBefore {
		t.Errorf("the follow-up went to the desk group too (%d new messages)", n-groupBefore)
	}
	contains(t, m.Text, string(c.Ref))
	contains(t, m.Text, "창문 밖 풍경")
	contains(t, lastBot(t, h, reporter.ID, 2).Text, string(c.Ref))

	// Claimed: the officer is shown the case's files again (whoever heard
	// of them as they came), then follow-ups go to them, and their
	// Telegram reply answers.
	n := settled(h, officer.ID)
	h.api.SendText(officer, "/claim "+string(c.Ref))
	contains(t, h.until(officer.ID, n, "사건을 담당합니다").Text, string(c.Ref))
	if again := lastBot(t, h, officer.ID, n+2); again.Kind != bottest.KindPhoto || !strings.Contains(again.Text, "창문 밖 풍경") {
		t.Errorf("on claiming, the officer got a %s %q, want the case's photo", again.Kind, again.Text)
	}
	h.api.SendText(reporter, "3층에 있어요")
	fwd := lastBot(t, h, officer.ID, n+3)
	contains(t, fwd.Text, "3층에 있어요")
	h.linked(officer.ID, fwd.ID)
	h.api.SendReply(officer, fwd.ID, "알겠습니다.")
	contains(t, lastBot(t, h, reporter.ID, 4).Text, "알겠습니다.")

	var kinds []string
	if err := h.db.Select(&kinds, `SELECT kind FROM case_events WHERE case_id = $1 ORDER BY id`, c.ID); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(kinds, " ")
	for _, want := range []string{"created", "attachment", "message_in", "reply_out"} {
		if !strings.Contains(got, want) {
			t.Errorf("timeline %q lacks %s", got, want)
		}
	}
}

func TestUnclaimedUrgentCaseEscalatesOnce(t *testing.T) {
	t.Parallel()
	h := withDesk(t, escalating)
	reporter := bottest.User{ID: 9601, FirstName: "Sophea", LanguageCode: "km"}
	c := h.sos(reporter)
	const before = 1 // the new-case alert
	lastBot(t, h, supervisor.ID, before)
	h.advance(6 * time.Minute)
	m := lastBot(t, h, supervisor.ID, before+1)
	contains(t, m.Text, "Nobody has claimed urgent case "+string(c.Ref))
	h.advance(6 * time.Minute)
	h.quiet(supervisor.ID, before+1)
	if got := h.caseOf(reporter.ID); got.EscalatedAt == nil {
		t.Error("case not marked escalated")
	}
}

func TestCloseTellsTheReporterAndSecondSOSAddsToTheCase(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9701, FirstName: "Hana", LanguageCode: "en"}
	c := h.sos(reporter)
	h.api.SendText(reporter, "/panic")
	if again := lastBot(t, h, reporter.ID, 2); !strings.Contains(again.Text, string(c.Ref)) {
		t.Errorf("second /sos answered %q, want the same case %s", again.Text, c.Ref)
	}
	if n := h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, reporter.ID); n != 1 {
		t.Errorf("reporter has %d cases, want 1", n)
	}
	h.api.SendText(officer, "/close "+string(c.Ref)+" 대사관 인계")
	contains(t, lastBot(t, h, reporter.ID, 3).Text, "Your case "+string(c.Ref)+" has been closed")
	var status, resolution string
	if err := h.db.QueryRow(`SELECT status, resolution FROM cases WHERE id = $1`, c.ID).Scan(&status, &resolution); err != nil {
		t.Fatal(err)
	}
	if status != "resolved" || resolution != "대사관 인계" {
		t.Errorf("case = %s %q, want resolved with the resolution", status, resolution)
	}
}

// linked waits until the bot has recorded that a message it sent belongs
// to a case (right after Telegram confirms it), as a person replying to it
// seconds later would find.
func (h *harness) linked(chat int64, msgID int) {
	h.t.Helper()
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM chat_messages WHERE chat_id = $1 AND message_id = $2 AND case_id IS NOT NULL`, chat, msgID) == 1
	}, wait)
	if err != nil {
		h.t.Fatalf("message %d in %d never linked to its case", msgID, chat)
	}
}

func TestClaimButtonOnAClosedCase(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9702, FirstName: "Old", LanguageCode: "ko"}
	c := h.sos(reporter)
	alert := lastBot(t, h, officer2.ID, 1)
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/close "+string(c.Ref))
	h.until(officer.ID, n, string(c.Ref))
	m := h.step(officer2, func() { h.api.SendCallback(officer2, alert.ID, "d:claim:"+string(c.Ref)) }, string(c.Ref))
	contains(t, m.Text, "/reopen")
}
