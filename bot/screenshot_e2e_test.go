package bot_test

import (
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/jobcheck"
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
	n := h.screenshots(u, "/job", "មានតែអត្ថបទប៉ុណ្ណោះ")
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

// screenshots begins a job check with command (not yet travelled), sends
// a screenshot and an album of two with no words, waits for the answers
// saying want, and returns how many messages the bot had sent before the
// album.
func (h *harness) screenshots(u bottest.User, command, want string) int {
	h.t.Helper()
	h.step(u, func() { h.api.SendText(u, command) }, "")
	h.waitButton(u, "job:already:no")
	h.step(u, func() { h.tap(u, "job:already:no") }, "")
	h.step(u, func() { h.api.SendPhoto(u, "") }, want)
	n := len(h.api.BotMessages(u.ID))
	h.api.SendAlbum(u, bottest.AlbumItem{Kind: bottest.KindPhoto}, bottest.AlbumItem{Kind: bottest.KindPhoto})
	h.until(u.ID, n, want)
	return n
}

// TestOnlyScreenshotsThenCheckNowKeepsThemWithACase: a person who sends a
// job check only screenshots of the ad, no words, and taps "Check now"
// gets no silent "paste the ad" again: the bot says in their language
// that it cannot read words in pictures, a job_check case keeps every
// image (no alert: a check alerts nobody), and Report is offered. The
// words sent then are checked onto that same case.
func TestOnlyScreenshotsThenCheckNowKeepsThemWithACase(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9965, FirstName: "Pictures", LanguageCode: "en"}
	h.screenshots(u, "/check", "only text can be checked")
	got := h.step(u, func() { h.tap(u, "job:check") }, "can't read words in pictures")
	check := h.caseOfType(u.ID, desk.TypeJobCheck)
	contains(t, got.Text, string(check.Ref))
	if err := h.eventually(func() bool { return h.attachments(check) == 3 }, wait); err != nil {
		t.Errorf("the check keeps %d images, want the 3 screenshots", h.attachments(check))
	}
	if check.Answers["ad_as_images"] != "yes" || check.Answers[jobcheck.AnswerRiskLevel] != "" {
		t.Errorf("the images-only check's answers are %v, want ad_as_images and no verdict", check.Answers)
	}
	h.waitButton(u, "job:report")
	h.step(u, func() { h.api.SendText(u, scamAd) }, "")
	h.waitButtons(u, "job:check", 2)
	h.step(u, func() { h.tap(u, "job:check") }, "🔴")
	if n := h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, u.ID); n != 1 {
		t.Errorf("the person has %d cases, want the one check with the images and the verdict", n)
	}
	c := h.caseOfType(u.ID, desk.TypeJobCheck)
	if c.Answers[jobcheck.AnswerRiskLevel] != "high" || h.attachments(c) != 3 {
		t.Errorf("the check has level %q and %d images, want high and the 3", c.Answers[jobcheck.AnswerRiskLevel], h.attachments(c))
	}
	if n := h.toStaff(c.ID, u.ID); n != 0 {
		t.Errorf("%d messages about a job check went to staff, want none", n)
	}
}

// toStaff counts the outbox's messages about a case to anyone but its
// reporter: a job check alerts nobody and forwards nothing.
func (h *harness) toStaff(caseID, reporter int64) int {
	return h.count(`SELECT count(*) FROM outbox WHERE case_id = $1 AND chat_id <> $2`, caseID, reporter)
}

// TestScreenshotAfterAVerdictIsKeptWithTheCheck: a screenshot with no
// caption sent right after a verdict is no "not understood": it goes on
// the check's case at once (forwarded to nobody: a check alerts nobody),
// and the person is told so with the check's number and how to check
// another ad. An album there is answered once and kept whole.
func TestScreenshotAfterAVerdictIsKeptWithTheCheck(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9966, FirstName: "After", LanguageCode: "ko"}
	h.step(u, func() { h.api.SendText(u, "/check "+scamAd) }, "")
	h.waitButton(u, "job:already:no")
	h.step(u, func() { h.tap(u, "job:already:no") }, "")
	h.step(u, func() { h.tap(u, "job:check") }, "🔴")
	check := h.caseOfType(u.ID, desk.TypeJobCheck)
	got := h.step(u, func() { h.api.SendPhoto(u, "") }, "이 이미지는 확인 내용과 함께 보관했어요")
	contains(t, got.Text, string(check.Ref))
	n := len(h.api.BotMessages(u.ID))
	answers := h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1`, u.ID)
	h.api.SendAlbum(u, bottest.AlbumItem{Kind: bottest.KindPhoto}, bottest.AlbumItem{Kind: bottest.KindPhoto})
	h.until(u.ID, n, "이 이미지는 확인 내용과 함께 보관했어요")
	if err := h.eventually(func() bool { return h.attachments(check) == 3 }, wait); err != nil {
		t.Errorf("the check keeps %d images, want the 3 sent after its verdict", h.attachments(check))
	}
	// Each item's answer, if any, is in the outbox with the item's file.
	if now := h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1`, u.ID); now != answers+1 {
		t.Errorf("the bot answered the album %d times, want once", now-answers)
	}
	if n := h.toStaff(check.ID, u.ID); n != 0 {
		t.Errorf("%d messages about a job check went to staff, want none", n)
	}
	if n := h.count(`SELECT count(*) FROM cases WHERE reporter_chat_id = $1`, u.ID); n != 1 {
		t.Errorf("the person has %d cases, want the one check", n)
	}
}
