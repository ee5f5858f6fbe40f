package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
	"github.com/koreandesk/hotline/desk"
)

// heldDocument waits until the chat's document has failed a first attempt
// and waits in the outbox for its retry, and returns the pending row's
// payload: what a backup taken then would hold.
func (h *harness) heldDocument(chat int64) string {
	h.t.Helper()
	var payload string
	err := h.eventually(func() bool {
		return h.db.Get(&payload, `SELECT payload::text FROM outbox WHERE chat_id = $1 AND method = 'sendDocument'
			AND status = 'pending' AND cardinality(errors) > 0`, chat) == nil
	}, wait)
	if err != nil {
		h.t.Fatalf("no document of chat %d held back in the outbox", chat)
	}
	return payload
}

// nextDocument waits for a document newer than the chat's first n.
func (h *harness) nextDocument(chat int64, n int) bottest.Message {
	h.t.Helper()
	if err := h.api.WaitFor(func() bool { return len(h.documents(chat)) > n }, wait); err != nil {
		h.t.Fatalf("chat %d: no document after %d", chat, n)
	}
	return h.documents(chat)[n]
}

// notIn fails when the outbox row's payload holds any of the file's
// content.
func notIn(t *testing.T, payload string, content ...string) {
	t.Helper()
	for _, s := range content {
		if strings.Contains(payload, s) {
			t.Errorf("the outbox row holds %q: %s", s, payload)
		}
	}
	if strings.Contains(payload, "file_data") || !strings.Contains(payload, `"document"`) {
		t.Errorf("the outbox row is not a document's recipe: %s", payload)
	}
}

// TestDocumentsAreMadeWhenSent: /export's CSV file and a referral's
// summary never sit in the outbox. Held back by Telegram (a 429), the
// pending row is a recipe without a word of the file; the retry makes the
// file anew from the case tables. A file Telegram refuses is given up and
// its asker told in their language; so is one that may no longer be made
// for them (a supervisor no longer).
func TestDocumentsAreMadeWhenSent(t *testing.T) {
	t.Parallel()
	h := withDesk(t, referring)
	mother := bottest.User{ID: 9740, FirstName: "Mother", LanguageCode: "en"}
	c := h.family(mother, familyInputs{relationship: "child", name: "Park Seojun", latin: "PARK SEOJUN", birth: "1995-03-07",
		passport: "M87654321", situation: "compound", phone: "010-9876-5432", consent: "yes"},
		[]string{"Who is the person to you", "What is their name"})
	const masked = "******321" // the passport number as files that leave the bot show it
	content := []string{string(c.Ref), "Park", "PARK", masked, "87654321", "Mother"}

	// Held back: the pending row is the recipe; the retry sends the file.
	docs := len(h.documents(supervisor.ID))
	h.api.FailChat(supervisor.ID, "sendDocument", 1, tgapi.TooManyRequests(3))
	h.api.SendText(supervisor, "/export")
	notIn(t, h.heldDocument(supervisor.ID), content...)
	if n := h.count(`SELECT count(*) FROM outbox WHERE payload ? 'file_data'`); n != 0 {
		t.Errorf("%d outbox rows hold a file", n)
	}
	doc := h.nextDocument(supervisor.ID, docs)
	csv := string(doc.File.Content)
	for _, want := range []string{string(c.Ref), "Park Seojun", masked} {
		contains(t, csv, want)
	}
	if strings.Contains(csv, "M87654321") {
		t.Error("the export holds the passport number in full")
	}

	// Refused by Telegram: given up, the supervisor told in English.
	n := settled(h, supervisor.ID)
	h.api.FailChat(supervisor.ID, "sendDocument", 1, tgapi.Failure{Code: 400, Description: "Bad Request: file must be non-empty"})
	h.api.SendText(supervisor, "/export")
	told := h.until(supervisor.ID, n, "could not be sent to you")
	contains(t, told.Text, "Your export of the cases from")
	contains(t, told.Text, "Send /export again")
	if got := len(h.documents(supervisor.ID)); got != docs+1 {
		t.Errorf("%d documents, want %d", got, docs+1)
	}
	if n := h.count(`SELECT count(*) FROM outbox WHERE method = 'sendDocument' AND status = 'failed' AND payload ? 'document'`); n != 0 {
		t.Errorf("%d failed documents keep their recipe", n)
	}

	// A summary held back: its row names the referral, not its content
	// (its caption names the case, as every desk message does).
	ask := h.refer(officer, c, mother, "shelter")
	h.api.FailChat(officer.ID, "sendDocument", 1, tgapi.TooManyRequests(3))
	h.api.SendCallback(mother, ask.ID, ask.InlineKeyboard[0][0].CallbackData) // Yes
	notIn(t, h.heldDocument(officer.ID), content[1:]...)
	summary := string(h.nextDocument(officer.ID, 0).File.Content)
	contains(t, summary, "Case referral summary: "+string(c.Ref))
	contains(t, summary, masked+" (masked)")

	// No longer a supervisor when the export is sent: not made, and told.
	n = settled(h, supervisor.ID)
	h.api.FailChat(supervisor.ID, "sendDocument", 1, tgapi.TooManyRequests(3))
	h.api.SendText(supervisor, "/export")
	h.heldDocument(supervisor.ID)
	if _, err := h.store.Desk().AddStaff(context.Background(), desk.Staff{UserID: supervisor.ID, ChatID: supervisor.ID,
		Name: supervisor.FirstName, Role: desk.RoleAgent, OnDuty: true, Language: "en"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	contains(t, h.until(supervisor.ID, n, "could not be sent to you").Text, "no longer a supervisor")
	if got := len(h.documents(supervisor.ID)); got != docs+1 {
		t.Errorf("%d documents after the demotion, want %d", got, docs+1)
	}
}
