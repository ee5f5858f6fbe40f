package bot_test

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
)

// claimed opens a reporter's urgent case and has officer claim it, so
// that the reporter's follow-ups go to officer alone.
func (h *harness) claimed(reporter bottest.User) *desk.Case {
	h.t.Helper()
	c := h.sos(reporter)
	n := settled(h, officer.ID)
	h.api.SendText(officer, "/claim "+string(c.Ref))
	h.until(officer.ID, n, "사건을 담당합니다")
	return c
}

// Videos, video notes, audio files and documents are kept on the case and
// shown to the officer, like photos and voice notes; the reporter is told
// each went to their case.
func TestEveryKindOfFileReachesTheOfficer(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9801, FirstName: "Mony", LanguageCode: "ko"}
	c := h.claimed(reporter)
	tests := []struct {
		name  string
		send  func()
		kinds []string // what the officer gets
		text  string   // in the last of them, with the case reference
	}{
		{"video", func() { h.api.SendFile(reporter, bottest.KindVideo, "복도 영상") }, []string{bottest.KindVideo}, "복도 영상"},
		{"video note", func() { h.api.SendFile(reporter, bottest.KindVideoNote, "") }, []string{bottest.KindText, bottest.KindVideoNote}, ""},
		{"audio", func() { h.api.SendFile(reporter, bottest.KindAudio, "녹음") }, []string{bottest.KindAudio}, "녹음"},
		{"document", func() { h.api.SendDocument(reporter, "contract.pdf", []byte("%PDF")) }, []string{bottest.KindDocument}, ""},
	}
	for _, tt := range tests {
		before := settled(h, officer.ID)
		answers := len(h.api.BotMessages(reporter.ID))
		tt.send()
		msgs, err := h.api.WaitMessages(officer.ID, before+len(tt.kinds), wait)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for i, want := range tt.kinds {
			if got := msgs[before+i].Kind; got != want {
				t.Errorf("%s: message %d to the officer is a %s, want a %s", tt.name, i, got, want)
			}
		}
		contains(t, msgs[before].Text, string(c.Ref))
		contains(t, msgs[before+len(tt.kinds)-1].Text, tt.text)
		contains(t, h.until(reporter.ID, answers, string(c.Ref)).Text, "추가했어요")
	}
	var kinds []string
	err := h.db.Select(&kinds, `SELECT file_kind FROM case_events WHERE case_id = $1 AND kind = 'attachment' ORDER BY id`, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(kinds, " "), "video video_note audio document"; got != want {
		t.Errorf("attachments on the case = %q, want %q", got, want)
	}
	if n := h.count(`SELECT count(*) FROM outbox WHERE status = 'failed'`); n != 0 {
		t.Errorf("%d sends refused", n)
	}
}

// An album reaches the officer as one album (one sendMediaGroup, headed
// by the case), the reporter is answered once, and its items are kept
// together on the case.
func TestAlbumIsOneRelayAndOneAnswer(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9802, FirstName: "Vanna", LanguageCode: "km"}
	c := h.claimed(reporter)
	before := settled(h, officer.ID)
	answers := len(h.api.BotMessages(reporter.ID))
	h.api.SendAlbum(reporter, bottest.AlbumItem{Kind: bottest.KindPhoto, Caption: "អគារ"},
		bottest.AlbumItem{Kind: bottest.KindVideo}, bottest.AlbumItem{Kind: bottest.KindPhoto, Caption: "ផ្លូវ"})
	msgs, err := h.api.WaitMessages(officer.ID, before+3, wait)
	if err != nil {
		t.Fatal(err)
	}
	album := msgs[before:]
	for i, want := range []string{bottest.KindPhoto, bottest.KindVideo, bottest.KindPhoto} {
		if album[i].Kind != want || album[i].Raw.MediaGroupID == "" || album[i].Raw.MediaGroupID != album[0].Raw.MediaGroupID {
			t.Errorf("item %d: %s in group %q, want a %s of one album", i, album[i].Kind, album[i].Raw.MediaGroupID, want)
		}
	}
	contains(t, album[0].Text, string(c.Ref))
	contains(t, album[0].Text, "អគារ")
	contains(t, album[2].Text, "ផ្លូវ")
	if n := len(h.api.Calls("sendMediaGroup")); n != 1 {
		t.Errorf("%d sendMediaGroup calls, want 1", n)
	}
	h.until(reporter.ID, answers, "អាល់ប៊ុម")
	if got := settled(h, reporter.ID); got != answers+1 {
		t.Errorf("the reporter got %d answers to one album, want 1", got-answers)
	}
	if got := settled(h, officer.ID); got != before+3 {
		t.Errorf("the officer got %d messages for one album of 3, want 3", got-before)
	}
	n := h.count(`SELECT count(DISTINCT data->>'album') FROM case_events
		WHERE case_id = $1 AND kind = 'attachment' AND data ? 'album' HAVING count(*) = 3`, c.ID)
	if n != 1 {
		t.Error("the album's 3 items are not kept together on the case")
	}
}

// In a conversation, an album is answered once too: the distress flow
// says it received the album, and asks its question once again.
func TestAlbumInTheDistressFlowIsAnsweredOnce(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9803, FirstName: "Album", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "Case number")
	c := h.caseOf(u.ID)
	n := settled(h, u.ID)
	h.api.SendAlbum(u, bottest.AlbumItem{Kind: bottest.KindPhoto}, bottest.AlbumItem{Kind: bottest.KindPhoto})
	h.until(u.ID, n, "whole album")
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'attachment'`, c.ID) == 2
	}, wait)
	if err != nil {
		t.Fatal("the album's items are not both on the case")
	}
	if got := settled(h, u.ID); got != n+2 { // received, and the question again
		t.Errorf("the reporter got %d messages for one album, want 2", got-n)
	}
}
