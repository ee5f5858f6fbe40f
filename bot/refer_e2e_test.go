package bot_test

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// testPartners: a police unit reading Khmer, to which the first officer
// (by id) and supervisors may refer, and a shelter reading English, open
// to every agent.
var testPartners = desk.Partners{
	{Key: "khpolice", Name: "Anti-Trafficking Police (test)", Kind: desk.PartnerPolice, Lang: "km",
		Staff: []int64{officer.ID}, Roles: []desk.Role{desk.RoleSupervisor}},
	{Key: "shelter", Name: "Example Shelter", Kind: desk.PartnerShelter, Lang: "en", Roles: []desk.Role{desk.RoleAgent}},
}

func referring(h *harness) { h.partners = testPartners }

// refer has the officer ask for a referral; the reporter first gets a
// message that holds only the case reference and a Show button (what a
// lock screen may show names no partner), taps it, and gets the question,
// which refer returns.
func (h *harness) refer(by bottest.User, c *desk.Case, reporter bottest.User, partner string) bottest.Message {
	h.t.Helper()
	n, m := settled(h, reporter.ID), settled(h, by.ID)
	h.api.SendText(by, "/refer "+string(c.Ref)+" "+partner)
	contains(h.t, lastBot(h.t, h, by.ID, m+1).Text, "📨 "+string(c.Ref))
	teaser := lastBot(h.t, h, reporter.ID, n+1)
	contains(h.t, teaser.Text, string(c.Ref))
	for _, p := range testPartners {
		if strings.Contains(teaser.Text, p.Name) || strings.Contains(teaser.Text, p.Key) {
			h.t.Errorf("the first referral message names the partner: %q", teaser.Text)
		}
	}
	if len(teaser.InlineKeyboard) != 1 || len(teaser.InlineKeyboard[0]) != 1 {
		h.t.Fatalf("referral teaser buttons = %v (%q)", teaser.InlineKeyboard, teaser.Text)
	}
	h.api.SendCallback(reporter, teaser.ID, teaser.InlineKeyboard[0][0].CallbackData) // Show
	ask := lastBot(h.t, h, reporter.ID, n+2)
	if len(ask.InlineKeyboard) != 1 || len(ask.InlineKeyboard[0]) != 2 {
		h.t.Fatalf("referral question buttons = %v (%q)", ask.InlineKeyboard, ask.Text)
	}
	return ask
}

// documents are the documents the bot sent to a chat.
func (h *harness) documents(chat int64) []bottest.Message {
	var docs []bottest.Message
	for _, m := range h.api.BotMessages(chat) {
		if m.Kind == "document" {
			docs = append(docs, m)
		}
	}
	return docs
}

func (h *harness) referralEvents(caseID int64) string {
	h.t.Helper()
	var whats []string
	if err := h.db.Select(&whats, `SELECT (data->>'referral') || ' ' || (data->>'partner') || ' ' || actor_id FROM case_events
		WHERE case_id = $1 AND kind = 'referral' ORDER BY id`, caseID); err != nil {
		h.t.Fatal(err)
	}
	return strings.Join(whats, ", ")
}

// TestReferralRefused: a Korean officer asks to refer a Khmer reporter's
// case; the reporter, whose chat is quiet, is asked in Khmer without a
// sound, says no, and nothing is shared: no document, the officer told,
// the refusal on the timeline and in the audit log. A later tap on Yes,
// and a forged button from another chat, are refused.
func TestReferralRefused(t *testing.T) {
	t.Parallel()
	h := withDesk(t, referring)
	reporter := bottest.User{ID: 9831, FirstName: "Dara", LanguageCode: "km"}
	c := h.sos(reporter)
	if _, err := h.db.Exec(`UPDATE chats SET quiet = true WHERE chat_id = $1`, reporter.ID); err != nil {
		t.Fatal(err)
	}
	ask := h.refer(officer, c, reporter, "shelter")
	contains(t, ask.Text, "អំពីករណីលេខ "+string(c.Ref))
	contains(t, ask.Text, "Example Shelter")
	contains(t, ask.Text, "លាក់") // the passport number would be hidden
	if !ask.Silent {
		t.Errorf("the referral question made a sound in a quiet chat")
	}
	if strings.Contains(ask.Text, "Korean Desk") {
		t.Errorf("the referral question names the desk: %q", ask.Text)
	}
	o := len(h.api.BotMessages(officer.ID))
	r := len(h.api.BotMessages(reporter.ID))
	h.api.SendCallback(reporter, ask.ID, ask.InlineKeyboard[0][1].CallbackData) // No
	contains(t, lastBot(t, h, reporter.ID, r+1).Text, "មិនបញ្ជូនករណីរបស់អ្នក")
	contains(t, lastBot(t, h, officer.ID, o+1).Text, "🚫 "+string(c.Ref))

	h.api.SendCallback(reporter, ask.ID, ask.InlineKeyboard[0][0].CallbackData) // Yes, too late
	contains(t, lastBot(t, h, reporter.ID, r+2).Text, "ប៊ូតុងនោះលែងប្រើបានហើយ")
	stranger := bottest.User{ID: 9832, FirstName: "Eve", LanguageCode: "en"}
	h.api.AddUser(stranger)
	h.api.SendCallback(stranger, 0, ask.InlineKeyboard[0][0].CallbackData) // forged: another chat
	contains(t, lastBot(t, h, stranger.ID, 1).Text, "no longer active")
	h.quiet(officer.ID, o+1)
	if docs := h.documents(officer.ID); len(docs) != 0 {
		t.Errorf("a refused referral sent %d documents", len(docs))
	}
	if got, want := h.referralEvents(c.ID), "asked shelter 501, refused shelter 0"; got != want {
		t.Errorf("referral timeline = %q, want %q", got, want)
	}
	if n := h.count(`SELECT count(*) FROM referrals WHERE case_id = $1 AND status = 'refused'`, c.ID); n != 1 {
		t.Errorf("refused referrals = %d", n)
	}
	if n := h.count(`SELECT count(*) FROM audit_log WHERE case_id = $1 AND (action = 'case.refer' AND actor_id = $2
		OR action = 'case.refer_answer' AND actor_id = $3 AND detail LIKE '%consent=false')`, c.ID, officer.ID, reporter.ID); n != 2 {
		t.Errorf("audit entries of the referral = %d, want 2", n)
	}
}

// TestReferralConsented: the summary reaches the officer only after the
// reporter's yes, as a text document in the partner's language; a
// shelter's has the passport number masked, the police's has it in full;
// neither stays in the outbox once sent. An agent who may not refer to
// the police is refused, and that is audited.
func TestReferralConsented(t *testing.T) {
	t.Parallel()
	h := withDesk(t, referring)
	reporter := bottest.User{ID: 9833, FirstName: "Min", LanguageCode: "ko"}
	c := h.sos(reporter)
	ctx := context.Background()
	sealed, err := h.sealer.Seal("M12345678")
	if err != nil {
		t.Fatal(err)
	}
	if err := h.store.Desk().SetPassport(ctx, c.ID, sealed, h.sealer.Hash("M12345678"), time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := h.store.Desk().UpdateAnswers(ctx, c.ID, map[string]string{"passport_number": desk.MaskPassport("M12345678"),
		"compound": "KB Tower 3"}, time.Now()); err != nil {
		t.Fatal(err)
	}

	o2 := len(h.api.BotMessages(officer2.ID))
	h.api.SendText(officer2, "/refer "+string(c.Ref)+" khpolice")
	contains(t, lastBot(t, h, officer2.ID, o2+1).Text, "Anti-Trafficking Police (test)")
	if n := h.count(`SELECT count(*) FROM audit_log WHERE case_id = $1 AND action = 'case.refused' AND actor_id = $2`, c.ID, officer2.ID); n != 1 {
		t.Errorf("refused referral audit entries = %d, want 1", n)
	}

	ask := h.refer(officer, c, reporter, "shelter")
	contains(t, ask.Text, "접수번호 "+string(c.Ref))
	contains(t, ask.Text, "Example Shelter")
	if ask.Silent {
		t.Errorf("the referral question was silent in a chat that is not quiet")
	}
	h.quiet(officer.ID, len(h.api.BotMessages(officer.ID)))
	if docs := h.documents(officer.ID); len(docs) != 0 {
		t.Fatalf("a summary was sent before the reporter's consent")
	}
	o := len(h.api.BotMessages(officer.ID))
	h.api.SendCallback(reporter, ask.ID, ask.InlineKeyboard[0][0].CallbackData) // Yes
	doc := lastBot(t, h, officer.ID, o+1)
	if doc.Kind != "document" || doc.File == nil {
		t.Fatalf("the officer got %s %q, want the summary document", doc.Kind, doc.Text)
	}
	contains(t, doc.Text, "✅ "+string(c.Ref))
	contains(t, doc.Text, "여권 번호는 가려져")
	summary := string(doc.File.Content)
	for _, want := range []string{"Case referral summary: " + string(c.Ref), "For: Example Shelter (shelter)",
		"Help now", "KB Tower 3", "******678 (masked)", "Timeline (essentials):"} {
		contains(t, summary, want)
	}
	if strings.Contains(summary, "M12345678") {
		t.Errorf("the shelter's summary has the passport number in full")
	}

	ask = h.refer(officer, c, reporter, "khpolice")
	contains(t, ask.Text, "여권 번호도")
	o = len(h.api.BotMessages(officer.ID))
	h.api.SendCallback(reporter, ask.ID, ask.InlineKeyboard[0][0].CallbackData)
	doc = lastBot(t, h, officer.ID, o+1)
	if doc.File == nil {
		t.Fatalf("the officer got %q, want the police summary", doc.Text)
	}
	contains(t, doc.Text, "여권 번호 전체")
	police := string(doc.File.Content)
	contains(t, police, "សេចក្តីសង្ខេបនៃការបញ្ជូនករណី៖ "+string(c.Ref))
	contains(t, police, "M12345678")
	if strings.Contains(police, "shelter") {
		t.Errorf("the police summary tells of the referral to another partner")
	}
	if got, want := h.referralEvents(c.ID), "asked shelter 501, consented shelter 0, summary shelter 501, "+
		"asked khpolice 501, consented khpolice 0, summary khpolice 501"; got != want {
		t.Errorf("referral timeline = %q, want %q", got, want)
	}
	if n := h.count(`SELECT count(*) FROM audit_log WHERE case_id = $1 AND action = 'case.refer_summary'`, c.ID); n != 2 {
		t.Errorf("summary audit entries = %d, want 2", n)
	}
	// The outbox drops a call's content once it is sent: poll until the
	// dispatcher has recorded both sends.
	for deadline := time.Now().Add(wait); ; time.Sleep(50 * time.Millisecond) {
		clear := h.count(`SELECT count(*) FROM outbox WHERE method = 'sendDocument' AND (status <> 'sent' OR payload ? 'file_data' OR payload ? 'text')`)
		if clear == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d summaries stayed in the outbox in the clear", clear)
		}
	}
}

// TestCheckInKeepsTheReportersQuietOff: /checkin puts a chat in quiet
// mode, the one rule for every message, unless the reporter turned quiet
// mode off themselves: their choice stands, and the prompt rings.
func TestCheckInKeepsTheReportersQuietOff(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9834, FirstName: "Hana", LanguageCode: "en"}
	c := h.sos(reporter)
	n := settled(h, reporter.ID)
	h.api.SendText(reporter, "/quiet off")
	contains(t, lastBot(t, h, reporter.ID, n+1).Text, "Quiet mode is off")
	h.api.SendText(officer, "/checkin "+string(c.Ref)+" 6h")
	if prompt := lastBot(t, h, reporter.ID, n+2); prompt.Silent {
		t.Errorf("the check-in was silent for a reporter who turned quiet mode off")
	}
	if n := h.count(`SELECT count(*) FROM chats WHERE chat_id = $1 AND quiet`, reporter.ID); n != 0 {
		t.Errorf("/checkin overrode the reporter's /quiet off")
	}
}

// TestStatsChartForAKoreanOfficer: over the emulated Bot API, /stats
// brings the figures and then the chart, a PNG uploaded with sendPhoto,
// whose caption explains its Latin codes in Korean; it is not kept in the
// outbox once sent.
func TestStatsChartForAKoreanOfficer(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	h.sos(bottest.User{ID: 9835, FirstName: "Sophea", LanguageCode: "km"})
	n := settled(h, officer.ID)
	h.api.SendText(officer, "/stats")
	msgs, err := h.api.WaitMessages(officer.ID, n+2, wait)
	if err != nil {
		t.Fatal(err)
	}
	contains(t, msgs[n].Text, "코리안 데스크 통계")
	chart := msgs[n+1]
	if chart.Kind != "photo" || chart.File == nil {
		t.Fatalf("after the figures: %s %q, want the chart", chart.Kind, chart.Text)
	}
	contains(t, chart.Text, "최근 30일 차트")
	contains(t, chart.Text, "D 긴급 도움")
	if _, err := png.Decode(bytes.NewReader(chart.File.Content)); err != nil {
		t.Fatalf("the chart is not a PNG: %v", err)
	}
	for deadline := time.Now().Add(wait); ; time.Sleep(50 * time.Millisecond) {
		if h.count(`SELECT count(*) FROM outbox WHERE method = 'sendPhoto' AND (status <> 'sent' OR payload ? 'file_data')`) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the chart stayed in the outbox")
		}
	}
}
