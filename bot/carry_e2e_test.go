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

// TestAlbumWithALongCaptionOpensADistressCaseWithTheAlbum: an album whose
// first item's long caption the bot offers to check as an ad, and which
// is a cry for help: "I need help now" puts every item on the case, with
// its caption, and the officers get them as one album headed by the case,
// as an album sent later in the case would reach them. None is dropped.
func TestAlbumWithALongCaptionOpensADistressCaseWithTheAlbum(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9957, FirstName: "Rooms", LanguageCode: "en"}
	caption := "Please help, they beat us and keep 12 of us in building C, these are the rooms and the guards at the gate"
	n := len(h.api.BotMessages(u.ID))
	h.api.SendAlbum(u, bottest.AlbumItem{Kind: bottest.KindPhoto, Caption: caption},
		bottest.AlbumItem{Kind: bottest.KindPhoto}, bottest.AlbumItem{Kind: bottest.KindVideo, Caption: "the gate"})
	h.until(u.ID, n, "Shall I check it")
	h.waitButton(u, "go:sos")
	h.step(u, func() { h.tap(u, "go:sos") }, "Case number")
	c := h.caseOfType(u.ID, desk.TypeDistress)
	for _, chat := range []int64{officer.ID, officer2.ID} {
		got := h.until(chat, 0, "guards at the gate")
		msgs, err := h.api.WaitMessages(chat, len(h.api.BotMessages(chat)), wait)
		if err != nil {
			t.Fatal(err)
		}
		var album []bottest.Message
		for _, m := range msgs {
			if m.Raw.MediaGroupID != "" && m.Raw.MediaGroupID == got.Raw.MediaGroupID {
				album = append(album, m)
			}
		}
		if len(album) != 3 || album[0].Kind != bottest.KindPhoto || album[2].Kind != bottest.KindVideo {
			t.Fatalf("chat %d got %d items of one album, want the 3 (photo, photo, video)", chat, len(album))
		}
		contains(t, album[0].Text, string(c.Ref))
		contains(t, album[2].Text, "the gate")
	}
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment' AND data ? 'album'`, c.ID); n != 3 {
		t.Errorf("%d of the album's 3 items are on the case", n)
	}
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment' AND text = $2`, c.ID, caption); n != 1 {
		t.Errorf("the caption is on %d items, want the first", n)
	}
}

// TestPhotoOfAnAdIsOnTheJobCheck: a photo of a job ad, with the ad's words
// as its caption, checked from the bot's "shall I check it?": the check's
// case keeps the photo (staff need the ad itself, not only its words), and
// so does the report made of the check. The photo sent once the check has
// begun is kept too.
func TestPhotoOfAnAdIsOnTheJobCheck(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9958, FirstName: "Seeker", LanguageCode: "en"}
	h.step(u, func() { h.api.SendPhoto(u, scamAd) }, "Shall I check it")
	h.step(u, func() { h.tap(u, "go:job") }, "I have the message you sent")
	h.waitButton(u, "job:already:no")
	h.step(u, func() { h.tap(u, "job:already:no") }, "")
	h.step(u, func() { h.api.SendPhoto(u, "Contact the manager on Telegram @fastjob_kh for the visa") }, "")
	h.waitButtons(u, "job:check", 2)
	h.step(u, func() { h.tap(u, "job:check") }, "🔴")
	check := h.caseOfType(u.ID, desk.TypeJobCheck)
	files := func(c *desk.Case) int {
		return h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment' AND file_kind = 'photo'
			AND file_id <> ''`, c.ID)
	}
	if n := files(check); n != 2 {
		t.Errorf("the job check keeps %d photos, want the 2 of the ad", n)
	}
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment' AND text = $2`, check.ID, scamAd); n != 1 {
		t.Errorf("the ad's first photo is on the check %d times with its caption, want once", n)
	}
	h.waitButton(u, "job:report")
	h.step(u, func() { h.tap(u, "job:report") }, "KD-")
	report := h.caseOfType(u.ID, desk.TypeJobReport)
	if err := h.eventually(func() bool { return files(report) == 2 }, wait); err != nil {
		t.Errorf("the report keeps %d photos, want the 2 of the check", files(report))
	}
}
