package bot_test

import (
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// TestScreenshotOfAnAdIsKeptOnTheJobCheck: during a job check, a photo of
// the ad with no words (a screenshot, the commonest way an ad is shared)
// is no "not understood": the bot keeps it, says in the person's language
// that only text is checked automatically and asks for the words; an album
// of screenshots is answered once; the check's case keeps every image.
func TestScreenshotOfAnAdIsKeptOnTheJobCheck(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9963, FirstName: "Screens", LanguageCode: "km"}
	h.step(u, func() { h.api.SendText(u, "/job") }, "")
	h.waitButton(u, "job:already:no")
	h.step(u, func() { h.tap(u, "job:already:no") }, "")
	h.step(u, func() { h.api.SendPhoto(u, "") }, "មានតែអត្ថបទប៉ុណ្ណោះ")
	n := len(h.api.BotMessages(u.ID))
	h.api.SendAlbum(u, bottest.AlbumItem{Kind: bottest.KindPhoto}, bottest.AlbumItem{Kind: bottest.KindPhoto})
	h.until(u.ID, n, "មានតែអត្ថបទប៉ុណ្ណោះ")
	time.Sleep(300 * time.Millisecond) // the album's second item, if it were answered
	if all := h.api.BotMessages(u.ID); len(all) != n+1 {
		t.Errorf("the bot answered the album %d times, want once", len(all)-n)
	}
	h.step(u, func() { h.api.SendText(u, scamAd) }, "")
	h.waitButtons(u, "job:check", 1)
	h.step(u, func() { h.tap(u, "job:check") }, "🔴")
	check := h.caseOfType(u.ID, desk.TypeJobCheck)
	if err := h.eventually(func() bool { return h.attachments(check) == 3 }, wait); err != nil {
		t.Errorf("the job check keeps %d images, want the 3 screenshots", h.attachments(check))
	}
}
