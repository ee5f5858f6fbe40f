package bot_test

import (
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// attachments counts a case's files on its timeline.
func (h *harness) attachments(c *desk.Case) int {
	return h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment' AND file_id <> ''`, c.ID)
}

// TestAlbumSentFirstGoesToTheDistressCase: someone in a compound sends an
// album without a caption before any word: the bot answers once, in their
// language, with its menu, keeps every item, and "/sos" opens the case with
// them all, forwarded to the officers as an album headed by the case.
func TestAlbumSentFirstGoesToTheDistressCase(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9961, FirstName: "Gate", LanguageCode: "ko"}
	n := len(h.api.BotMessages(u.ID))
	h.api.SendAlbum(u, bottest.AlbumItem{Kind: bottest.KindPhoto}, bottest.AlbumItem{Kind: bottest.KindPhoto},
		bottest.AlbumItem{Kind: bottest.KindVideo})
	got := h.until(u.ID, n, "사진이나 파일을 받았어요")
	h.waitButton(u, "go:sos")
	time.Sleep(300 * time.Millisecond) // the album's later items, if they were answered
	if all := h.api.BotMessages(u.ID); len(all) != n+1 {
		t.Errorf("the bot answered the album %d times, want once: %+v", len(all)-n, all[n:])
	}
	contains(t, got.Text, "무엇이 필요하신가요")
	h.step(u, func() { h.api.SendText(u, "/sos") }, "접수번호")
	c := h.caseOfType(u.ID, desk.TypeDistress)
	if err := h.eventually(func() bool { return h.attachments(c) == 3 }, wait); err != nil {
		t.Errorf("the distress case keeps %d files, want the album's 3", h.attachments(c))
	}
	for _, chat := range []int64{officer.ID, officer2.ID} {
		err := h.api.WaitFor(func() bool {
			n := 0
			for _, m := range h.api.BotMessages(chat) {
				if m.Raw.MediaGroupID != "" && m.Kind != bottest.KindText {
					n++
				}
			}
			return n == 3
		}, wait)
		if err != nil {
			t.Errorf("officer %d did not get the album's 3 items", chat)
		}
	}
}

// TestPhotoSentFirstGoesToTheFamilyInquiry: a photo of the missing
// relative, sent before choosing anything, is on the inquiry's case once
// the case exists.
func TestPhotoSentFirstGoesToTheFamilyInquiry(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9962, FirstName: "Mother", LanguageCode: "en"}
	h.step(u, func() { h.api.SendPhoto(u, "") }, "Got your photo or file")
	h.waitButton(u, "go:family")
	h.step(u, func() { h.tap(u, "go:family") }, "")
	h.waitButton(u, "family:relationship:parent")
	h.step(u, func() { h.tap(u, "family:relationship:child") }, "")
	h.step(u, func() { h.api.SendText(u, "Park Seojun") }, "KD-")
	c := h.caseOfType(u.ID, desk.TypeFamily)
	if err := h.eventually(func() bool { return h.attachments(c) == 1 }, wait); err != nil {
		t.Errorf("the inquiry keeps %d files, want the photo sent first", h.attachments(c))
	}
}

// TestPhotoSentFirstThenSOSWithWords: a photo, then "/sos <words>": the
// case keeps both, the photo as well as the words.
func TestPhotoSentFirstThenSOSWithWords(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9964, FirstName: "Window", LanguageCode: "en"}
	h.step(u, func() { h.api.SendPhoto(u, "") }, "Got your photo or file")
	h.step(u, func() { h.api.SendText(u, "/sos locked in building C") }, "Case number")
	c := h.caseOfType(u.ID, desk.TypeDistress)
	if err := h.eventually(func() bool { return h.attachments(c) == 1 }, wait); err != nil {
		t.Errorf("the case keeps %d files, want the photo sent first", h.attachments(c))
	}
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'message_in' AND text = $2`, c.ID, "locked in building C"); n != 1 {
		t.Errorf("the words of /sos are on the case %d times, want once", n)
	}
}
