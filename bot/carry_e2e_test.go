package bot_test

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// TestPhotoWithALongCaptionOpensADistressCaseWithThePhoto: a photo whose
// long caption looks like an ad ("shall I check it?") and is a cry for
// help: "I need help now" opens the case with the photo, not only its
// caption. The officers get the photo itself under the case's header with
// the caption, as they get a photo sent later, and the timeline keeps its
// file.
func TestPhotoWithALongCaptionOpensADistressCaseWithThePhoto(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9956, FirstName: "Window", LanguageCode: "en"}
	caption := "I need help now, they took my passport and locked us in building C. This is the view from our window"
	h.step(u, func() { h.api.SendPhoto(u, caption) }, "Shall I check it")
	h.waitButton(u, "go:sos")
	h.step(u, func() { h.tap(u, "go:sos") }, "Case number")
	c := h.caseOfType(u.ID, desk.TypeDistress)
	for _, chat := range []int64{officer.ID, officer2.ID} {
		got := h.until(chat, 0, "view from our window")
		if got.Kind != bottest.KindPhoto || got.File == nil || !strings.Contains(string(got.File.Content), "bottest photo") {
			t.Fatalf("chat %d got the caption as a %s (file %v), want the photo", chat, got.Kind, got.File)
		}
		contains(t, got.Text, string(c.Ref))
		if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment' AND file_kind = 'photo'
			AND file_id = $2 AND text = $3`, c.ID, got.File.ID, caption); n != 1 {
			t.Errorf("the photo is on the timeline %d times, want once", n)
		}
	}
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'message_in'`, c.ID); n != 0 {
		t.Errorf("the caption is also on the timeline as %d text message(s)", n)
	}
}
