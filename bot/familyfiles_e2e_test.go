package bot_test

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// TestFamilyFilesReachTheOfficerWhoTakesTheInquiry: the photos and
// documents a family sends during an inquiry reach the desk as a distress
// report's do. A photo of the relative sent before the name (there is no
// case yet) is kept, said so in the family's language, and put on the case
// when the name opens it, forwarded to the officers on duty; a document
// sent later goes there too. The officer who then takes the case, off
// duty while the family wrote, gets every file of it with the case's
// header when they claim it; the timeline keeps them all.
func TestFamilyFilesReachTheOfficerWhoTakesTheInquiry(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	late := bottest.User{ID: 9968, FirstName: "Officer Late", Username: "late_desk", LanguageCode: "en"}
	h.staff(late, desk.RoleAgent, "en")
	if _, err := h.db.Exec(`UPDATE staff SET on_duty = false WHERE user_id = $1`, late.ID); err != nil {
		t.Fatal(err)
	}
	u := bottest.User{ID: 9967, FirstName: "Mother", LanguageCode: "ko"}
	h.step(u, func() { h.api.SendText(u, "/family") }, "어떤 관계")
	h.waitButton(u, "family:relationship:parent")
	h.step(u, func() { h.api.SendPhoto(u, "아들 사진") }, "보관해 두었다가")
	h.step(u, func() { h.tap(u, "family:relationship:child") }, "이름")
	h.step(u, func() { h.api.SendText(u, "박서준") }, "KD-")
	c := h.caseOfType(u.ID, desk.TypeFamily)
	photo := h.until(officer.ID, 0, "아들 사진")
	if photo.Kind != bottest.KindPhoto || !strings.Contains(photo.Text, string(c.Ref)) {
		t.Errorf("the officer on duty got a %s %q, want the photo sent first, headed by %s", photo.Kind, photo.Text, c.Ref)
	}
	h.waitButton(u, "family:skip:name_latin")
	h.step(u, func() { h.api.SendDocument(u, "passport-copy.pdf", []byte("%PDF")) }, "문의에 추가했습니다")
	if err := h.eventually(func() bool { return h.attachments(c) == 2 }, wait); err != nil {
		t.Fatalf("the inquiry keeps %d files, want the photo and the document", h.attachments(c))
	}
	if n := len(h.api.BotMessages(late.ID)); n != 0 {
		t.Fatalf("the officer off duty got %d messages before taking the case", n)
	}
	h.api.SendText(late, "/claim "+string(c.Ref))
	msgs, err := h.api.WaitMessages(late.ID, 3, wait)
	if err != nil {
		t.Fatalf("the officer who took the case got %d messages, want the claim and the 2 files: %v", len(h.api.BotMessages(late.ID)), err)
	}
	kinds := map[string]int{}
	for _, m := range msgs {
		if m.Kind != bottest.KindText {
			kinds[m.Kind]++
			contains(t, m.Text, string(c.Ref))
		}
	}
	if kinds[bottest.KindPhoto] != 1 || kinds[bottest.KindDocument] != 1 {
		t.Errorf("the officer who took the case got files %v, want the photo and the document", kinds)
	}
}
