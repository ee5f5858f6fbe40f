package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// TestTemplateReplyReachesAKhmerReporterInKhmer: a Korean officer sends
// #location_received; the Khmer reporter reads it in Khmer under the
// neutral header, with the officer's own words after it, and the officer
// sees what was sent in Korean.
func TestTemplateReplyReachesAKhmerReporterInKhmer(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9801, FirstName: "Dara", LanguageCode: "km"}
	c := h.sos(reporter)
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/reply "+string(c.Ref)+" #location_received 10분")
	got := lastBot(t, h, reporter.ID, 2)
	contains(t, got.Text, "💬 ចម្លើយ ("+string(c.Ref)+")")
	contains(t, got.Text, "យើងបានទទួលទីតាំងរបស់អ្នកហើយ។")
	contains(t, got.Text, "10분")
	if strings.Contains(got.Text, "위치를 받았어요") || strings.Contains(got.Text, "Korean Desk") {
		t.Errorf("the reporter got %q", got.Text)
	}
	if got.Silent {
		t.Errorf("the reply was silent for a reporter who did not ask for quiet")
	}
	mine := lastBot(t, h, officer.ID, n+1).Text
	contains(t, mine, "#location_received")
	contains(t, mine, "위치를 받았어요")
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'reply_out' AND data->>'template' = 'location_received'`, c.ID); n != 1 {
		t.Errorf("template replies on the timeline = %d, want 1", n)
	}
}

// TestTemplateReplyIsSilentForAReporterWhoCannotTalk: in a quiet chat
// (after "not safe to talk", /forget or check-ins), the desk's replies
// arrive without a sound: the chat's flag is the one rule.
func TestTemplateReplyIsSilentForAReporterWhoCannotTalk(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9802, FirstName: "Min", LanguageCode: "ko"}
	c := h.sos(reporter)
	if _, err := h.db.Exec(`UPDATE chats SET quiet = true WHERE chat_id = $1`, reporter.ID); err != nil {
		t.Fatal(err)
	}
	h.api.SendText(officer, "/reply "+string(c.Ref)+" #will_call")
	got := lastBot(t, h, reporter.ID, 2)
	contains(t, got.Text, "곧 텔레그램으로 전화드릴게요")
	if !got.Silent {
		t.Errorf("a reply to a reporter who cannot talk safely made a sound")
	}
}

// checkIn has the officer start check-ins on a case and returns the
// prompt the reporter got.
func (h *harness) checkIn(c *desk.Case, reporter bottest.User, every string) bottest.Message {
	h.t.Helper()
	n := len(h.api.BotMessages(reporter.ID))
	m := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/checkin "+string(c.Ref)+" "+every)
	prompt := lastBot(h.t, h, reporter.ID, n+1)
	contains(h.t, lastBot(h.t, h, officer.ID, m+1).Text, "🔔")
	if !prompt.Silent {
		h.t.Errorf("the check-in made a sound: %q", prompt.Text)
	}
	if len(prompt.InlineKeyboard) != 1 || len(prompt.InlineKeyboard[0]) != 2 {
		h.t.Fatalf("check-in buttons = %v", prompt.InlineKeyboard)
	}
	return prompt
}

func (h *harness) checkInEvents(caseID int64) string {
	h.t.Helper()
	var whats []string
	if err := h.db.Select(&whats, `SELECT data->>'checkin' FROM case_events WHERE case_id = $1 AND kind = 'checkin' ORDER BY id`, caseID); err != nil {
		h.t.Fatal(err)
	}
	return strings.Join(whats, " ")
}

// checkingInOn starts a desk with a reporter's urgent case under check-ins
// every interval, and returns the first prompt.
func checkingInOn(t *testing.T, reporter bottest.User, every string) (*harness, *desk.Case, bottest.Message) {
	t.Helper()
	h := withDesk(t)
	c := h.sos(reporter)
	return h, c, h.checkIn(c, reporter, every)
}

func TestCheckInAnsweredOK(t *testing.T) {
	t.Parallel()
	reporter := bottest.User{ID: 9811, FirstName: "Dara", LanguageCode: "km"}
	h, c, prompt := checkingInOn(t, reporter, "6h")
	contains(t, prompt.Text, "សួរសុខទុក្ខ ("+string(c.Ref)+")")
	if got := prompt.InlineKeyboard[0][0].Text; got != "🙂 ខ្ញុំមិនអីទេ" {
		t.Errorf("OK button = %q", got)
	}
	n := len(h.api.BotMessages(reporter.ID))
	h.api.SendCallback(reporter, prompt.ID, prompt.InlineKeyboard[0][0].CallbackData)
	thanks := lastBot(t, h, reporter.ID, n+1)
	contains(t, thanks.Text, "អរគុណ")
	if !thanks.Silent {
		t.Errorf("the thanks made a sound")
	}
	if got := h.checkInEvents(c.ID); got != "started prompted ok" {
		t.Errorf("check-in timeline = %q", got)
	}
	if n := h.count(`SELECT count(*) FROM checkins WHERE case_id = $1 AND prompted_at IS NULL`, c.ID); n != 1 {
		t.Errorf("the answered check-in still waits for an answer")
	}
	if p := h.caseOf(reporter.ID).Priority; p != desk.PriorityUrgent {
		t.Errorf("priority = %s", p)
	}
}

func TestCheckInNeedHelpReopensTheCaseAsUrgent(t *testing.T) {
	t.Parallel()
	reporter := bottest.User{ID: 9812, FirstName: "Min", LanguageCode: "ko"}
	h, c, prompt := checkingInOn(t, reporter, "2h")
	contains(t, prompt.Text, "안부 확인이에요")
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/priority "+string(c.Ref)+" normal")
	h.api.SendText(officer, "/close "+string(c.Ref)+" moved to a shelter")
	h.texts(officer.ID, n+2)
	if n := h.count(`SELECT count(*) FROM checkins WHERE case_id = $1`, c.ID); n != 0 {
		t.Fatalf("closing the case left its check-in running")
	}
	n2 := settled(h, officer2.ID)
	r := settled(h, reporter.ID) // the reporter has been told the case is closed
	h.api.SendCallback(reporter, prompt.ID, prompt.InlineKeyboard[0][1].CallbackData)
	contains(t, lastBot(t, h, reporter.ID, r+1).Text, "담당자에게 바로 알렸어요")
	alert := lastBot(t, h, officer2.ID, n2+1).Text
	contains(t, alert, string(c.Ref))
	contains(t, alert, "ខ្ញុំត្រូវការជំនួយ")
	after := h.caseOf(reporter.ID)
	if !after.Open() || after.Priority != desk.PriorityUrgent {
		t.Errorf("after “I need help”: %s, %s; want open and urgent", after.Status, after.Priority)
	}
	if got := h.checkInEvents(c.ID); got != "started prompted stopped help" {
		t.Errorf("check-in timeline = %q", got)
	}
}

func TestCheckInUnansweredEscalates(t *testing.T) {
	t.Parallel()
	h := withDesk(t, checkingIn)
	reporter := bottest.User{ID: 9813, FirstName: "Sophea", LanguageCode: "km"}
	c := h.sos(reporter)
	claimed := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/claim "+string(c.Ref))
	h.texts(officer.ID, claimed+1)
	prompt := h.checkIn(c, reporter, "1h")
	var promptedAt time.Time
	if err := h.db.Get(&promptedAt, `SELECT prompted_at FROM checkins WHERE case_id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	hhmm := promptedAt.In(desk.DefaultLocation()).Format("15:04")
	sup, off := len(h.api.BotMessages(supervisor.ID)), len(h.api.BotMessages(officer.ID))
	h.quiet(supervisor.ID, sup) // not before the grace time
	h.advance(16 * time.Minute)
	contains(t, lastBot(t, h, supervisor.ID, sup+1).Text, string(c.Ref)+" did not answer the "+hhmm+" check-in")
	contains(t, lastBot(t, h, officer.ID, off+1).Text, string(c.Ref)+" 신고자가 "+hhmm+" 안부 확인에 답하지 않았습니다")
	h.quiet(supervisor.ID, sup+1) // once
	r := len(h.api.BotMessages(reporter.ID))
	h.advance(45 * time.Minute)
	next := lastBot(t, h, reporter.ID, r+1)
	if !next.Silent || next.ID == prompt.ID {
		t.Errorf("the next check-in: silent %v, id %d", next.Silent, next.ID)
	}
	if got := h.checkInEvents(c.ID); got != "started prompted missed prompted" {
		t.Errorf("check-in timeline = %q", got)
	}
}

// TestIndicatorsPrefilledTickedAndExported: the reporter's "passport
// taken" pre-fills an indicator; an officer ticks another with a button;
// /case counts them, the export lists them, and the reporter hears
// nothing of it.
func TestIndicatorsPrefilledTickedAndExported(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9821, FirstName: "Dara", LanguageCode: "km"}
	c := h.sos(reporter)
	if _, err := h.db.Exec(`UPDATE cases SET answers = answers || '{"passport_taken":"yes"}' WHERE id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	quiet := len(h.api.BotMessages(reporter.ID))
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/indicators "+string(c.Ref))
	view := lastBot(t, h, officer.ID, n+1)
	contains(t, view.Text, "11개 중 1개 기록")
	contains(t, view.Text, "☑ 신분증(여권) 압수 (documents): passport_taken=yes · 신고자 답변에서")
	var debt string
	for _, row := range view.InlineKeyboard {
		for _, b := range row {
			if strings.HasPrefix(b.CallbackData, "d:ind:debt:") {
				debt = b.CallbackData
			}
		}
	}
	if debt == "" {
		t.Fatalf("no debt button in %v", view.InlineKeyboard)
	}
	h.api.SendCallback(officer, view.ID, debt)
	contains(t, lastBot(t, h, officer.ID, n+2).Text, "☑ 채무 속박 (debt)")
	h.api.SendText(officer, "/case "+string(c.Ref))
	contains(t, lastBot(t, h, officer.ID, n+3).Text, "🧾 지표 11개 중 2개 기록")
	s := len(h.api.BotMessages(supervisor.ID))
	h.api.SendText(supervisor, "/export")
	doc := lastBot(t, h, supervisor.ID, s+1)
	if doc.File == nil {
		t.Fatalf("/export sent %q", doc.Text)
	}
	rows := readCSV(t, doc.File.Content)
	if got := rows[1][len(rows[1])-1]; rows[0][len(rows[0])-1] != "indicators" || got != "documents;debt" {
		t.Errorf("export: %q = %q, want indicators = documents;debt", rows[0][len(rows[0])-1], got)
	}
	h.quiet(reporter.ID, quiet)
}

// A reporter pressing "I need help" again and again alerts the desk once
// in a while, like a repeated /sos, not once a press; each press is still
// answered and on the timeline.
func TestCheckInNeedHelpPressedAgainAlertsOnce(t *testing.T) {
	t.Parallel()
	reporter := bottest.User{ID: 9815, FirstName: "Nary", LanguageCode: "km"}
	h, c, prompt := checkingInOn(t, reporter, "2h")
	n := settled(h, officer2.ID)
	for i := 0; i < 4; i++ {
		r := settled(h, reporter.ID)
		h.api.SendCallback(reporter, prompt.ID, prompt.InlineKeyboard[0][1].CallbackData)
		h.texts(reporter.ID, r+1)
	}
	if got := settled(h, officer2.ID) - n; got != 1 {
		t.Errorf("four presses of “I need help” sent %d alerts to an officer on duty, want 1", got)
	}
	if got := h.checkInEvents(c.ID); got != "started prompted help help help help" {
		t.Errorf("check-in timeline = %q", got)
	}

	// A blocked reporter's press is recorded, and alerts nobody.
	s := settled(h, supervisor.ID)
	h.api.SendText(supervisor, "/block "+string(c.Ref))
	h.until(supervisor.ID, s, string(c.Ref))
	h.advance(11 * time.Minute)
	n = settled(h, officer2.ID)
	r := settled(h, reporter.ID)
	h.api.SendCallback(reporter, prompt.ID, prompt.InlineKeyboard[0][1].CallbackData)
	h.texts(reporter.ID, r+1)
	if got := settled(h, officer2.ID) - n; got != 0 {
		t.Errorf("a blocked reporter's “I need help” sent %d alerts, want none", got)
	}
}
