package bot_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"
	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows/registry"
	"github.com/koreandesk/hotline/locales"
)

// deskTest is a harness that reads each chat's bot messages in order.
type deskTest struct {
	*harness
	seen map[int64]int
}

func newDeskTest(t *testing.T) *deskTest {
	return &deskTest{harness: newHarness(t), seen: map[int64]int{}}
}

// next waits for the chat's next n bot messages and returns them.
func (d *deskTest) next(chat int64, n int) []bottest.Message {
	d.t.Helper()
	msgs, err := d.api.WaitMessages(chat, d.seen[chat]+n, wait)
	if err != nil {
		d.t.Fatal(err)
	}
	out := msgs[d.seen[chat] : d.seen[chat]+n]
	d.seen[chat] += n
	return out
}

// ask sends text from u and returns the bot's one answer.
func (d *deskTest) ask(u bottest.User, text string) bottest.Message {
	d.t.Helper()
	d.api.SendText(u, text)
	return d.next(u.ID, 1)[0]
}

// press presses an inline button of message msgID and returns the answer.
func (d *deskTest) press(u bottest.User, msgID int, data string) bottest.Message {
	d.t.Helper()
	d.api.SendCallback(u, msgID, data)
	return d.next(u.ID, 1)[0]
}

// silent asserts that no chat got more bot messages than were read.
func (d *deskTest) silent(chats ...int64) {
	d.t.Helper()
	time.Sleep(700 * time.Millisecond)
	for _, c := range chats {
		if got := len(d.api.BotMessages(c)); got != d.seen[c] {
			d.t.Errorf("chat %d has %d bot messages, want %d", c, got, d.seen[c])
		}
	}
}

// open opens a case directly in the store, created age ago. The harness
// runs no escalation loop, so an old urgent case stays quiet.
func (d *deskTest) open(reporter int64, lang, name string, typ desk.Type, p desk.Priority, age time.Duration, answers map[string]string) *desk.Case {
	d.t.Helper()
	ctx := context.Background()
	c, err := d.store.Desk().OpenCase(ctx, desk.NewCase{Type: typ, Priority: p,
		ReporterUserID: reporter, ReporterChatID: reporter, ReporterLang: lang, ReporterName: name,
		Answers: answers}, d.clock.Now().Add(-age))
	if err != nil {
		d.t.Fatal(err)
	}
	return c
}

// eventually polls the database-side cond, which the emulator's WaitFor
// cannot see change.
func (d *deskTest) eventually(what string, cond func() bool) {
	d.t.Helper()
	for deadline := time.Now().Add(wait); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			d.t.Fatalf("%s: not within %v", what, wait)
		}
	}
}

func (d *deskTest) audits(action string) int {
	d.t.Helper()
	return d.count(`SELECT count(*) FROM audit_log WHERE action = $1`, action)
}

func (d *deskTest) events(c *desk.Case, kind desk.EventKind) []desk.Event {
	d.t.Helper()
	evs, err := d.store.Desk().Timeline(context.Background(), c.ID, 100)
	if err != nil {
		d.t.Fatal(err)
	}
	var out []desk.Event
	for _, e := range evs {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

func (d *deskTest) caseNow(ref desk.Ref) *desk.Case {
	d.t.Helper()
	c, err := d.store.Desk().Case(context.Background(), ref)
	if err != nil {
		d.t.Fatal(err)
	}
	return c
}

func texts(msgs []bottest.Message) []string {
	out := make([]string, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, m.Text)
	}
	return out
}

func TestDeskCommandsAreUnknownToNonStaff(t *testing.T) {
	d := newDeskTest(t)
	u := bottest.User{ID: 10_001, FirstName: "Curious", LanguageCode: "en"}
	c := d.open(10_002, "ko", "Victim", desk.TypeDistress, desk.PriorityUrgent, time.Hour,
		map[string]string{"phone": "+855 12 345 678"})

	d.api.SendText(u, "/frobnicate")
	want := d.next(u.ID, 2) // "I don't know that command" and the menu
	contains(t, want[0].Text, "I don't know that command")

	args := map[string]string{"case": " " + string(c.Ref), "claim": " " + string(c.Ref), "reply": " " + string(c.Ref) + " hi",
		"note": " " + string(c.Ref) + " x", "priority": " " + string(c.Ref) + " low", "assign": " " + string(c.Ref) + " 10001",
		"close": " " + string(c.Ref), "reopen": " " + string(c.Ref), "find": " +855 12 345 678", "staff": " add 10001 supervisor",
		"block": " " + string(c.Ref), "queue": " all", "export": " 2020-01-01", "hold": " " + string(c.Ref) + " on"}
	var names []string
	for _, c := range staff.Commands() {
		if c.Menu != "" {
			names = append(names, strings.Fields(c.Name)[0])
		}
	}
	for _, name := range names {
		for _, text := range []string{"/" + name, "/" + name + args[name]} {
			d.api.SendText(u, text)
			got := d.next(u.ID, 2)
			if diff := cmp.Diff(texts(want), texts(got)); diff != "" {
				t.Errorf("%s (-unknown command +got):\n%s", text, diff)
			}
			if diff := cmp.Diff(want[1].InlineKeyboard, got[1].InlineKeyboard); diff != "" {
				t.Errorf("%s: menu differs (-want +got):\n%s", text, diff)
			}
		}
	}
	for _, data := range []string{"d:claim:" + string(c.Ref), "d:open:" + string(c.Ref), "d:close:" + string(c.Ref), "d:page:all:0"} {
		got := d.press(u, 1, data)
		contains(t, got.Text, "That button is no longer active.")
		d.next(u.ID, 1) // the menu
	}
	d.silent(u.ID, deskGroup, c.ReporterChatID)
	if n := d.count(`SELECT count(*) FROM audit_log`); n != 0 {
		t.Errorf("%d audit rows, want none", n)
	}
	if n := d.count(`SELECT count(*) FROM staff`); n != 0 {
		t.Errorf("%d staff rows, want none", n)
	}
	after := d.caseNow(c.Ref)
	if after.Status != desk.StatusNew || after.Priority != desk.PriorityUrgent || after.Blocked || len(d.events(c, desk.EventCreated)) != 1 {
		t.Errorf("case changed by non-staff: %+v", after)
	}
	if n := d.count(`SELECT count(*) FROM case_events WHERE case_id = $1`, c.ID); n != 1 {
		t.Errorf("case has %d events, want only created", n)
	}
}

func TestAgentCannotUseSupervisorCommands(t *testing.T) {
	d := newDeskTest(t)
	agent := bottest.User{ID: 11_001, FirstName: "Dara", LanguageCode: "km"}
	d.staff(agent, desk.RoleAgent, "en")
	for _, text := range []string{"/export", "/export 2026-01-01 2026-01-31", "/staff add 11002 agent", "/staff remove 11001", "/staff list", "/hold KD-7Q3M on"} {
		contains(t, d.ask(agent, text).Text, "Only supervisors can do that.")
	}
	contains(t, d.ask(agent, "/staff").Text, "Usage: /staff duty on|off")
	contains(t, d.ask(agent, "/staff duty off").Text, "You are off duty")
	d.silent(agent.ID)
	if n := d.count(`SELECT count(*) FROM audit_log WHERE action <> 'staff.duty'`); n != 0 {
		t.Errorf("%d audit rows for refused commands, want none", n)
	}
	if n := d.audits("staff.duty"); n != 1 {
		t.Errorf("staff.duty audit rows = %d, want 1", n)
	}
	if n := d.count(`SELECT count(*) FROM staff WHERE on_duty`); n != 0 {
		t.Errorf("agent still on duty")
	}
}

func TestQueueOrderFiltersAndPaging(t *testing.T) {
	d := newDeskTest(t)
	sup := bottest.User{ID: 12_001, FirstName: "Jisoo", LanguageCode: "en"}
	d.staff(sup, desk.RoleSupervisor, "en")
	ctx := context.Background()
	// 45 open cases: three urgent, the rest high, normal and low, of
	// different ages; every fifth claimed by the supervisor; and one
	// closed case that the queue never shows.
	var all []*desk.Case
	for i := range 45 {
		p := []desk.Priority{desk.PriorityHigh, desk.PriorityNormal, desk.PriorityLow}[i%3]
		if i == 7 || i == 21 || i == 40 {
			p = desk.PriorityUrgent
		}
		c := d.open(int64(20_000+i), []string{"ko", "km", "en"}[i%3], fmt.Sprintf("R%d", i), desk.TypeFamily, p,
			time.Duration(i+1)*time.Hour, map[string]string{"passport": fmt.Sprintf("M%08d", i)})
		if i%5 == 0 {
			var err error
			if c, err = d.store.Desk().Claim(ctx, c.Ref, sup.ID, d.clock.Now()); err != nil {
				t.Fatal(err)
			}
		}
		all = append(all, c)
	}
	closed := d.open(29_999, "ko", "Done", desk.TypeDistress, desk.PriorityUrgent, time.Minute, nil)
	if _, err := d.store.Desk().Close(ctx, closed.Ref, desk.StatusClosed, "", sup.ID, d.clock.Now()); err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(all)
	slices.SortStableFunc(want, func(a, b *desk.Case) int {
		if r := a.Priority.Rank() - b.Priority.Rank(); r != 0 {
			return r
		}
		return a.CreatedAt.Compare(b.CreatedAt)
	})
	var wantRefs []string
	for _, c := range want {
		wantRefs = append(wantRefs, string(c.Ref))
	}

	var gotRefs []string
	page := d.ask(sup, "/queue")
	for i, header := range []string{"1–20 of 45", "21–40 of 45", "41–45 of 45"} {
		lines := strings.Split(page.Text, "\n")
		contains(t, lines[0], "Open cases · all · "+header)
		var nav []string
		for _, row := range page.InlineKeyboard {
			for _, b := range row {
				if strings.HasPrefix(b.CallbackData, "d:open:") {
					gotRefs = append(gotRefs, b.Text)
					if b.CallbackData != "d:open:"+b.Text {
						t.Errorf("button %q opens %q", b.Text, b.CallbackData)
					}
				} else {
					nav = append(nav, b.Text+"="+b.CallbackData)
				}
			}
		}
		for _, l := range lines[1:] {
			if strings.Contains(l, "M000") {
				t.Errorf("queue shows a passport number: %q", l)
			}
		}
		wantNav := [][]string{{"Next ▶=d:page:all:20"}, {"◀ Previous=d:page:all:0", "Next ▶=d:page:all:40"},
			{"◀ Previous=d:page:all:20"}}[i]
		if diff := cmp.Diff(wantNav, nav); diff != "" {
			t.Errorf("page %d navigation (-want +got):\n%s", i+1, diff)
		}
		if i < 2 {
			page = d.press(sup, page.ID, strings.SplitN(nav[len(nav)-1], "=", 2)[1])
		}
	}
	if diff := cmp.Diff(wantRefs, gotRefs); diff != "" {
		t.Errorf("queue order over the pages (-want +got):\n%s", diff)
	}
	// The first line is the oldest urgent case: 41 hours old, Korean
	// reporter, claimed by nobody; its age is in the line.
	first := strings.Split(d.ask(sup, "/queue urgent").Text, "\n")
	if len(first) != 4 {
		t.Fatalf("urgent queue = %q, want a header and 3 cases", first)
	}
	if got, want := first[1], string(all[40].Ref)+" · urgent · Family inquiry · 1d · ខ្មែរ · Jisoo"; got != want {
		t.Errorf("first urgent line = %q, want %q", got, want)
	}
	if got, want := first[3], string(all[7].Ref)+" · urgent · Family inquiry · 8h · ខ្មែរ · —"; got != want {
		t.Errorf("last urgent line = %q, want %q", got, want)
	}
	contains(t, d.ask(sup, "/queue mine").Text, "Open cases · mine · 1–9 of 9")
	contains(t, d.ask(sup, "/queue new").Text, "Open cases · unclaimed · 1–20 of 36")
	contains(t, d.ask(sup, "/queue bogus").Text, "Usage: /queue [urgent|new|mine|all]")
	// Forged or damaged page buttons are refused; a page past the end
	// (cases closed since) shows the last page.
	for _, data := range []string{"d:page:all:7", "d:page:bogus:0", "d:page:all:-20", "d:page::0", "d:page:all"} {
		contains(t, d.press(sup, page.ID, data).Text, "That button is no longer active.")
	}
	contains(t, d.press(sup, page.ID, "d:page:urgent:60").Text, "1–3 of 3")
	// A case button opens the case.
	opened := d.press(sup, page.ID, "d:open:"+string(all[40].Ref))
	contains(t, opened.Text, string(all[40].Ref))
	d.silent(sup.ID)
	if n := d.audits("queue.view"); n != 7 {
		t.Errorf("queue.view audit rows = %d, want 7", n)
	}
}

func TestFindByNamePhoneAndPassport(t *testing.T) {
	d := newDeskTest(t)
	agent := bottest.User{ID: 13_001, FirstName: "Min", LanguageCode: "ko"}
	d.staff(agent, desk.RoleAgent, "en")
	kim := d.open(13_100, "ko", "Kim Minsu", desk.TypeFamily, desk.PriorityNormal, 2*time.Hour,
		map[string]string{"phone": "+855 12 345 678", "passport": "M12345678", "compound": "Golden Fortune"})
	d.open(13_101, "km", "Sok Dara", desk.TypeDistress, desk.PriorityUrgent, time.Hour, map[string]string{"phone": "+855 99 888 777"})

	for _, q := range []string{"minsu", "012 345 678", "M12345678", "golden fortune", strings.ToLower(string(kim.Ref))} {
		got := d.ask(agent, "/find "+q)
		lines := strings.Split(got.Text, "\n")
		if len(lines) != 2 || lines[0] != "🔎 Cases found: 1" || !strings.HasPrefix(lines[1], string(kim.Ref)+" · normal · Family inquiry · 2h · 한국어 · —") {
			t.Errorf("/find %s = %q", q, got.Text)
		}
		if strings.Contains(got.Text, "M12345678") || strings.Contains(got.Text, "345 678") {
			t.Errorf("/find %s shows the passport or phone: %q", q, got.Text)
		}
		if len(got.InlineKeyboard) != 1 || got.InlineKeyboard[0][0].CallbackData != "d:open:"+string(kim.Ref) {
			t.Errorf("/find %s buttons = %+v", q, got.InlineKeyboard)
		}
	}
	contains(t, d.ask(agent, "/find 855").Text, "Cases found: 2")
	contains(t, d.ask(agent, "/find nobody-like-this").Text, "No case matches")
	contains(t, d.ask(agent, "/find").Text, "Usage: /find text")
	contains(t, d.ask(agent, "/find "+strings.Repeat("x", 101)).Text, "100")
	d.silent(agent.ID)
	if n := d.audits(desk.ActionFind); n != 7 {
		t.Errorf("find audit rows = %d, want 7", n)
	}
	if n := d.count(`SELECT count(*) FROM audit_log WHERE detail LIKE '%345%' OR detail LIKE '%insu%'`); n != 0 {
		t.Errorf("the search text is in the audit log")
	}
}

func TestStatsFigures(t *testing.T) {
	d := newDeskTest(t)
	sup := bottest.User{ID: 14_001, FirstName: "Hana", LanguageCode: "en"}
	d.staff(sup, desk.RoleSupervisor, "en")
	ctx := context.Background()
	now := d.clock.Now()
	a := d.open(14_100, "ko", "A", desk.TypeDistress, desk.PriorityUrgent, 30*time.Minute, nil)
	b := d.open(14_101, "km", "B", desk.TypeDistress, desk.PriorityUrgent, 20*time.Minute, nil)
	c := d.open(14_102, "en", "C", desk.TypeFamily, desk.PriorityNormal, 48*time.Hour, nil)
	old := d.open(14_103, "en", "D", desk.TypeJobReport, desk.PriorityLow, 72*time.Hour, nil)
	if _, err := d.store.Desk().Claim(ctx, c.Ref, sup.ID, now); err != nil {
		t.Fatal(err)
	}
	if _, err := d.store.Desk().Close(ctx, old.Ref, desk.StatusClosed, "", sup.ID, now); err != nil {
		t.Fatal(err)
	}
	// One reply, 4m30s after the case opened.
	if _, err := d.store.Desk().AddEvent(ctx, a.ID, desk.Event{Kind: desk.EventReplyOut, ActorID: sup.ID, Text: "hi",
		At: a.CreatedAt.Add(4*time.Minute + 30*time.Second)}); err != nil {
		t.Fatal(err)
	}
	today := 0
	for _, x := range []*desk.Case{a, b, c, old} {
		if !x.CreatedAt.Before(desk.StartOfDay(now, nil)) {
			today++
		}
	}

	got := strings.Split(d.ask(sup, "/stats").Text, "\n")
	want := []string{
		"📊 Korean Desk statistics",
		"Open cases: 3 (unclaimed: 2)",
		"", "By type:", "• Help now: 2", "• Job offer check: 0", "• Recruiter report: 0", "• Family inquiry: 1",
		"", "By priority:", "• urgent: 2", "• high: 0", "• normal: 1", "• low: 0",
		"", fmt.Sprintf("New today (Phnom Penh time): %d", today),
		"Median time to the first reply (1 answered cases of the last 30 days): 4m 30s",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("/stats (-want +got):\n%s", diff)
	}
	// Then the chart: a PNG drawn in the bot, explained by its caption.
	chart := d.next(sup.ID, 1)[0]
	if chart.Kind != "photo" || chart.File == nil {
		t.Fatalf("after the figures: %s %q, want the chart", chart.Kind, chart.Text)
	}
	contains(t, chart.Text, "Chart of the last 30 days")
	contains(t, chart.Text, "D help now")
	img, err := png.Decode(bytes.NewReader(chart.File.Content))
	if err != nil {
		t.Fatalf("the chart is not a PNG: %v", err)
	}
	if size := img.Bounds().Size(); size.X < 1000 || size.Y < 1000 {
		t.Errorf("the chart is %v pixels", size)
	}
	if n := d.audits("stats.view"); n != 1 {
		t.Errorf("stats.view audit rows = %d, want 1", n)
	}
}

func TestExportCSVKeepsHangulAndKhmer(t *testing.T) {
	d := newDeskTest(t)
	sup := bottest.User{ID: 15_001, FirstName: "Eunji", LanguageCode: "ko"}
	d.staff(sup, desk.RoleSupervisor, "ko")
	ctx := context.Background()
	ko := d.open(15_100, "ko", "김민수", desk.TypeDistress, desk.PriorityUrgent, 2*time.Hour,
		map[string]string{"passport": "M12345678", "address": "시아누크빌 B동", "case_ref": "KD-XXXX"})
	km := d.open(15_101, "km", "សុខ ដារ៉ា", desk.TypeFamily, desk.PriorityNormal, 3*time.Hour,
		map[string]string{"address": "ខេត្តព្រះសីហនុ \"អគារ B\""})
	evil := d.open(15_102, "en", "=HYPERLINK(\"http://x\")", desk.TypeJobReport, desk.PriorityLow, time.Hour, nil)
	old := d.open(15_103, "en", "Old", desk.TypeJobCheck, desk.PriorityLow, 40*24*time.Hour, nil)
	if _, err := d.store.Desk().Claim(ctx, km.Ref, sup.ID, d.clock.Now()); err != nil {
		t.Fatal(err)
	}
	lat, lon := 10.627, 103.522
	if _, err := d.store.Desk().AddEvent(ctx, ko.ID, desk.Event{Kind: desk.EventLocation, Lat: &lat, Lon: &lon, At: d.clock.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.store.Desk().Close(ctx, evil.Ref, desk.StatusResolved, "-spam", sup.ID, d.clock.Now()); err != nil {
		t.Fatal(err)
	}

	loc := desk.DefaultLocation()
	today := d.clock.Now().In(loc).Format("2006-01-02")
	from := desk.StartOfDay(d.clock.Now(), loc).AddDate(0, 0, -29).Format("2006-01-02")
	d.api.SendText(sup, "/export")
	doc := d.next(sup.ID, 1)[0]
	if doc.Kind != bottest.KindDocument || doc.File == nil {
		t.Fatalf("/export sent %s %q, want a document", doc.Kind, doc.Text)
	}
	if want := "korean-desk-" + from + "-" + today + ".csv"; doc.File.Name != want {
		t.Errorf("file name = %q, want %q", doc.File.Name, want)
	}
	contains(t, doc.Text, "3건")
	rows := readCSV(t, doc.File.Content)
	header := []string{"ref", "type", "priority", "status", "created_at", "closed_at", "reporter_lang", "reporter_name",
		"assignee", "first_reply_at", "resolution", "answers", "last_lat", "last_lon", "indicators"}
	if diff := cmp.Diff(header, rows[0]); diff != "" {
		t.Fatalf("header (-want +got):\n%s", diff)
	}
	byRef := map[string][]string{}
	for _, r := range rows[1:] {
		byRef[r[0]] = r
	}
	if len(rows) != 4 || byRef[string(old.Ref)] != nil {
		t.Fatalf("rows = %q, want the three cases of the last 30 days", rows)
	}
	if r := byRef[string(ko.Ref)]; r[7] != "김민수" || r[11] != `{"address":"시아누크빌 B동","passport":"******678"}` ||
		r[12] != "10.627000" || r[13] != "103.522000" || r[2] != "urgent" || r[6] != "ko" || r[14] != "" {
		t.Errorf("Korean row = %q", r)
	}
	if r := byRef[string(km.Ref)]; r[7] != "សុខ ដារ៉ា" || r[11] != `{"address":"ខេត្តព្រះសីហនុ \"អគារ B\""}` ||
		r[8] != "Eunji (15001)" || r[3] != "claimed" {
		t.Errorf("Khmer row = %q", r)
	}
	if r := byRef[string(evil.Ref)]; r[7] != `'=HYPERLINK("http://x")` || r[10] != "'-spam" || r[5] == "" || r[3] != "resolved" {
		t.Errorf("formula row = %q", r)
	}
	if bytes.Contains(doc.File.Content, []byte("M12345678")) {
		t.Error("the export holds a full passport number")
	}

	// Explicit dates include the old case; bad ones are refused.
	d.api.SendText(sup, "/export 2020-01-01 "+today)
	if rows := readCSV(t, d.next(sup.ID, 1)[0].File.Content); len(rows) != 5 {
		t.Errorf("2020-01-01 to today: %d rows, want 4 cases", len(rows)-1)
	}
	contains(t, d.ask(sup, "/export 2026-13-01").Text, "날짜 형식이 아닙니다")
	contains(t, d.ask(sup, "/export 2026-02-01 2026-01-01").Text, "시작일(2026-02-01)이 종료일(2026-01-01)보다 늦습니다")
	contains(t, d.ask(sup, "/export 2001-01-01 2001-01-31").Text, "접수된 사건이 없습니다")
	contains(t, d.ask(sup, "/export a b c").Text, "사용법")

	// From the desk group the file goes to the supervisor's private chat,
	// and nothing to the group.
	d.api.SendTextInGroup(deskGroup, sup, "/export")
	if m := d.next(sup.ID, 1)[0]; m.Kind != bottest.KindDocument {
		t.Errorf("group export went to the private chat as %s", m.Kind)
	}
	d.silent(sup.ID, deskGroup)
	if n := d.audits(desk.ActionExport); n != 3 {
		t.Errorf("export audit rows = %d, want 3", n)
	}
}

// readCSV checks the UTF-8 byte order mark and parses the rest as CSV.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !ok {
		t.Fatalf("export does not start with a UTF-8 BOM: % x", data[:min(3, len(data))])
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestStaffAddListRemoveDuty(t *testing.T) {
	d := newDeskTest(t)
	sup := bottest.User{ID: 16_001, FirstName: "Boss", Username: "boss", LanguageCode: "en"}
	d.staff(sup, desk.RoleSupervisor, "en")
	newbie := bottest.User{ID: 16_002, FirstName: "Newbie", LanguageCode: "km"}
	d.api.AddUser(newbie)

	// Not staff yet: /queue is an unknown command.
	d.api.SendText(newbie, "/queue")
	contains(t, d.next(newbie.ID, 2)[0].Text, "ខ្ញុំមិនស្គាល់ពាក្យបញ្ជា")

	contains(t, d.ask(sup, "/staff add 16002 agent").Text, "is desk staff now, as agent")
	// The newcomer's chat gets the desk commands in its menu (an agent's: no /export).
	if err := d.api.WaitFor(func() bool {
		return len(d.api.Commands(&tgmodels.BotCommandScopeChat{ChatID: newbie.ID}, "")) > 0
	}, wait); err != nil {
		t.Fatal("no desk command menu for the new staff member")
	}
	for _, c := range d.api.Commands(&tgmodels.BotCommandScopeChat{ChatID: newbie.ID}, "") {
		if c.Command == "export" {
			t.Error("an agent's menu offers /export")
		}
	}
	contains(t, d.next(newbie.ID, 1)[0].Text, "코리안 데스크 직원(담당자)") // no desk language yet: Korean
	st, err := d.store.Desk().Staff(context.Background(), newbie.ID)
	if err != nil || st.Role != desk.RoleAgent || !st.OnDuty || st.AddedBy != sup.ID {
		t.Fatalf("new staff = %+v, %v", st, err)
	}
	contains(t, d.ask(newbie, "/queue").Text, "열린 사건이 없습니다")
	contains(t, d.ask(sup, "/staff add 16002 supervisor").Text, "as supervisor")
	contains(t, d.ask(sup, "/staff add 16001 agent").Text, "cannot change your own role")
	contains(t, d.ask(sup, "/staff remove 16001").Text, "cannot change your own role")
	contains(t, d.ask(sup, "/staff add x agent").Text, "Usage: /staff add ID agent|supervisor")
	contains(t, d.ask(sup, "/staff add 16003 boss").Text, "Usage: /staff add ID agent|supervisor")
	contains(t, d.ask(sup, "/staff frobnicate").Text, "Usage: /staff add ID")

	list := strings.Split(d.ask(sup, "/staff list").Text, "\n")
	want := []string{"👥 Desk staff: 2", "• Boss @boss · 16001 · supervisor · 🟢 on duty · English",
		"• Newbie · 16002 · supervisor · 🟢 on duty · —"}
	if diff := cmp.Diff(want, list); diff != "" {
		t.Errorf("/staff list (-want +got):\n%s", diff)
	}

	c := d.open(16_100, "ko", "R", desk.TypeDistress, desk.PriorityUrgent, time.Minute, nil)
	contains(t, d.ask(newbie, "/claim "+string(c.Ref)).Text, "사건을 담당합니다")
	contains(t, d.ask(sup, "/staff remove 16002").Text, "Newbie is no longer desk staff. Open cases they handled, now back in the queue: 1.")
	if err := d.api.WaitFor(func() bool {
		return len(d.api.Commands(&tgmodels.BotCommandScopeChat{ChatID: newbie.ID}, "")) == 0
	}, wait); err != nil {
		t.Error("the removed staff member keeps the desk menu")
	}
	if got := d.caseNow(c.Ref); got.Status != desk.StatusNew || got.AssigneeID != nil {
		t.Errorf("case of removed staff = %s, assignee %v", got.Status, got.AssigneeID)
	}
	d.api.SendText(newbie, "/queue")
	contains(t, d.next(newbie.ID, 2)[0].Text, "ខ្ញុំមិនស្គាល់ពាក្យបញ្ជា")
	contains(t, d.ask(sup, "/staff remove 16002").Text, "16002 is not active desk staff")

	contains(t, d.ask(sup, "/staff duty off").Text, "You are off duty")
	contains(t, d.ask(sup, "/staff duty maybe").Text, "Usage: /staff duty on|off")
	if n := d.count(`SELECT count(*) FROM staff WHERE on_duty`); n != 0 {
		t.Errorf("%d staff on duty, want none", n)
	}
	contains(t, d.ask(sup, "/staff duty on").Text, "You are on duty")
	d.silent(sup.ID, newbie.ID)
	for action, want := range map[string]int{"staff.add": 2, "staff.remove": 1, "staff.list": 1, "staff.duty": 2} {
		if n := d.audits(action); n != want {
			t.Errorf("%s audit rows = %d, want %d", action, n, want)
		}
	}
}

func TestBlockedReporterIsRecordedNotForwarded(t *testing.T) {
	d := newDeskTest(t)
	agent := bottest.User{ID: 17_001, FirstName: "Officer", LanguageCode: "en"}
	d.staff(agent, desk.RoleAgent, "en")
	rep := bottest.User{ID: 17_100, FirstName: "Troll", LanguageCode: "km"}
	c := d.open(rep.ID, "km", "Troll", desk.TypeJobReport, desk.PriorityNormal, time.Hour, nil)
	contains(t, d.ask(agent, "/claim "+string(c.Ref)).Text, "is yours now")

	contains(t, d.ask(rep, "hello 1").Text, string(c.Ref))
	contains(t, d.next(agent.ID, 1)[0].Text, "hello 1")

	contains(t, d.ask(agent, "/block "+string(c.Ref)).Text, "blocked: their messages stay on the case")
	contains(t, d.ask(rep, "hello 2").Text, string(c.Ref))
	d.silent(agent.ID)
	contains(t, d.ask(agent, "/case "+string(c.Ref)).Text, "Reporter blocked")

	contains(t, d.ask(agent, "/block "+string(c.Ref)+" sometimes").Text, "Usage: /block KD-7Q3M [off]")
	contains(t, d.ask(agent, "/block "+string(c.Ref)+" off").Text, "unblocked")
	d.ask(rep, "hello 3")
	contains(t, d.next(agent.ID, 1)[0].Text, "hello 3")

	var got []string
	for _, e := range d.events(c, desk.EventMessageIn) {
		got = append(got, e.Text)
	}
	if diff := cmp.Diff([]string{"hello 1", "hello 2", "hello 3"}, got); diff != "" {
		t.Errorf("timeline messages (-want +got):\n%s", diff)
	}
	if n := len(d.events(c, desk.EventBlock)); n != 2 {
		t.Errorf("block events = %d, want 2", n)
	}
	d.silent(agent.ID, rep.ID, deskGroup)
	if n := d.audits(desk.ActionCaseBlock); n != 2 {
		t.Errorf("case.block audit rows = %d, want 2", n)
	}
}

func TestAssignTellsTheAssignee(t *testing.T) {
	d := newDeskTest(t)
	sup := bottest.User{ID: 18_001, FirstName: "Lead", LanguageCode: "en"}
	d.staff(sup, desk.RoleSupervisor, "en")
	park := bottest.User{ID: 18_002, FirstName: "Park", Username: "park_b", LanguageCode: "ko"}
	d.staff(park, desk.RoleAgent, "ko")
	rep := bottest.User{ID: 18_100, FirstName: "Vanna", LanguageCode: "km"}
	d.api.AddUser(rep)
	c := d.open(rep.ID, "km", "Vanna", desk.TypeDistress, desk.PriorityUrgent, 10*time.Minute,
		map[string]string{"address": "Bavet", "passport": "N7654321"})

	contains(t, d.ask(sup, "/assign "+string(c.Ref)+" @PARK_B").Text, string(c.Ref)+" is now with Park (@park_b), who has been told.")
	note := d.next(park.ID, 1)[0]
	contains(t, note.Text, "📌 Lead 님이 "+string(c.Ref)+" 사건을 배정했습니다 · 긴급 도움")
	contains(t, note.Text, "Bavet")
	if strings.Contains(note.Text, "N7654321") {
		t.Error("the assignment message shows the passport number")
	}
	var buttons []string
	for _, b := range note.InlineKeyboard[0] {
		buttons = append(buttons, b.CallbackData)
	}
	if diff := cmp.Diff([]string{"d:open:" + string(c.Ref), "d:close:" + string(c.Ref)}, buttons); diff != "" {
		t.Errorf("assignment buttons (-want +got):\n%s", diff)
	}
	if got := d.caseNow(c.Ref); !got.AssignedTo(park.ID) || got.Status != desk.StatusClaimed {
		t.Errorf("case after assign: %s, assignee %v", got.Status, got.AssigneeID)
	}
	// Park's Telegram reply to the assignment answers the reporter, once
	// the dispatcher has recorded that message as the case's.
	d.eventually("the assignment message is linked to the case", func() bool {
		return d.count(`SELECT count(*) FROM chat_messages WHERE chat_id = $1 AND message_id = $2 AND case_id = $3`,
			park.ID, note.ID, c.ID) == 1
	})
	d.api.SendReply(park, note.ID, "곧 연락드리겠습니다")
	contains(t, d.next(park.ID, 1)[0].Text, "보냈습니다")
	contains(t, d.next(rep.ID, 1)[0].Text, "곧 연락드리겠습니다")

	contains(t, d.ask(sup, "/assign "+string(c.Ref)+" 18001").Text, "is yours now")
	contains(t, d.ask(sup, "/assign "+string(c.Ref)+" 99999").Text, "99999 is not active desk staff")
	contains(t, d.ask(sup, "/assign "+string(c.Ref)+" @nobody").Text, "@nobody is not active desk staff")
	contains(t, d.ask(sup, "/assign "+string(c.Ref)).Text, "Usage: /assign KD-7Q3M @username|id")
	d.ask(sup, "/close "+string(c.Ref)+" found safe")
	d.next(rep.ID, 1) // the reporter is told the case is closed
	contains(t, d.ask(sup, "/assign "+string(c.Ref)+" 18002").Text, "is closed")
	d.silent(sup.ID, park.ID, rep.ID)
	if n := d.audits(desk.ActionCaseAssign); n != 2 {
		t.Errorf("case.assign audit rows = %d, want 2", n)
	}
}

func TestNotePriorityReopen(t *testing.T) {
	d := newDeskTest(t)
	agent := bottest.User{ID: 19_001, FirstName: "Sora", LanguageCode: "en"}
	d.staff(agent, desk.RoleAgent, "km")
	rep := bottest.User{ID: 19_100, FirstName: "Rep", LanguageCode: "ko"}
	d.api.AddUser(rep)
	c := d.open(rep.ID, "ko", "Rep", desk.TypeFamily, desk.PriorityNormal, time.Hour, nil)
	ref := string(c.Ref)

	contains(t, d.ask(agent, "/note "+ref+" called the family, no answer").Text, "បានបន្ថែមកំណត់ចំណាំទៅ "+ref)
	if notes := d.events(c, desk.EventNote); len(notes) != 1 || notes[0].Text != "called the family, no answer" || notes[0].ActorID != agent.ID {
		t.Errorf("notes = %+v", notes)
	}
	contains(t, d.ask(agent, "/note "+ref).Text, "/note "+ref+" text")
	contains(t, d.ask(agent, "/note KD-ZZZZ hi").Text, "មិនមែនជាលេខករណីទេ")
	contains(t, d.ask(agent, "/note KD-7Q3M hi").Text, "គ្មានករណី KD-7Q3M ទេ")

	contains(t, d.ask(agent, "/priority "+ref+" HIGH").Text, "អាទិភាពនៃ "+ref+"៖ ខ្ពស់។")
	contains(t, d.ask(agent, "/priority "+ref+" extreme").Text, "/priority KD-7Q3M urgent|high|normal|low")
	if got := d.caseNow(c.Ref); got.Priority != desk.PriorityHigh {
		t.Errorf("priority = %s, want high", got.Priority)
	}

	contains(t, d.ask(agent, "/reopen "+ref).Text, "កំពុងបើករួចហើយ")
	contains(t, d.ask(agent, "/claim "+ref).Text, ref)
	d.ask(agent, "/close "+ref)
	d.next(rep.ID, 1) // closed, in Korean
	contains(t, d.ask(agent, "/reopen "+ref).Text, "ត្រឡប់ទៅ Sora វិញ")
	if got := d.caseNow(c.Ref); got.Status != desk.StatusClaimed || !got.AssignedTo(agent.ID) {
		t.Errorf("reopened case = %s, assignee %v", got.Status, got.AssigneeID)
	}
	d.silent(agent.ID, rep.ID, deskGroup) // notes and priorities never reach the reporter
	for action, want := range map[string]int{desk.ActionCaseNote: 1, desk.ActionCasePriority: 1, desk.ActionCaseReopen: 1} {
		if n := d.audits(action); n != want {
			t.Errorf("%s audit rows = %d, want %d", action, n, want)
		}
	}
}

func TestRegisterStaffCommands(t *testing.T) {
	h := newHarness(t)
	tg, err := tgbot.New(h.api.Token(), tgbot.WithServerURL(h.api.URL()), tgbot.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	cat, err := locales.Load(testLogger())
	if err != nil {
		t.Fatal(err)
	}
	staff := []desk.Staff{
		{UserID: 20_001, ChatID: 20_001, Role: desk.RoleAgent, Language: "km"},
		{UserID: 20_002, ChatID: 20_002, Role: desk.RoleSupervisor, Language: ""},
	}
	a := app.New(registry.New(nil), bot.NewRenderer(cat), testLogger(), time.Now)
	bot.RegisterStaffCommands(context.Background(), tg, a, staff, testLogger())
	menu := func(chat int64) map[string]string {
		out := map[string]string{}
		for _, c := range h.api.Commands(&tgmodels.BotCommandScopeChat{ChatID: chat}, "") {
			out[c.Command] = c.Description
		}
		return out
	}
	agent, sup := menu(20_001), menu(20_002)
	if _, ok := agent["export"]; ok {
		t.Error("the agent's menu offers /export")
	}
	if agent["queue"] != "ករណីកំពុងបើក (បន្ទាន់មុនគេ)" || agent["start"] == "" || agent["staff"] == "" {
		t.Errorf("agent menu = %v", agent)
	}
	if sup["export"] != "사건 목록 CSV 파일로 내보내기" || sup["failed"] == "" || sup["hold"] == "" || len(sup) != len(agent)+3 { // /export, /failed, /hold
		t.Errorf("supervisor menu = %v", sup)
	}
	if got := h.api.Commands(nil, ""); len(got) != 0 {
		t.Errorf("the default menu changed: %v", got)
	}
}
