package bot_test

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
)

// TestTemplateReplyReachesAKhmerReporterInKhmer: a Korean officer sends
// #location_received; the Khmer reporter reads it in Khmer under the
// neutral header, with the officer's own words after it, and the officer
// sees what was sent in Korean.
func TestTemplateReplyReachesAKhmerReporterInKhmer(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9801, FirstName: "Dara", LanguageCode: "km"}
	c := h.sos(reporter)
	n := len(h.api.BotMessages(officer.ID))
	h.api.SendText(officer, "/reply "+string(c.Ref)+" #location_received 10분")
	got := lastBot(t, h, reporter.ID, 2)
	contains(t, got.Text, "💬 ចម្លើយ ("+string(c.Ref)+")")
	contains(t, got.Text, "យើងបានទទួលទីតាំងរបស់អ្នកហើយ។")
	contains(t, got.Text, "10분")
	if strings.Contains(got.Text, "위치를 받았어요") || strings.Contains(got.Text, "Korean Desk") {
		t.Errorf("the reporter got %q", got.Text)
	}
	if got.Silent {
		t.Errorf("the reply was silent for a reporter who did not ask for quiet")
	}
	mine := lastBot(t, h, officer.ID, n+1).Text
	contains(t, mine, "#location_received")
	contains(t, mine, "위치를 받았어요")
	if n := h.count(`SELECT count(*) FROM case_events WHERE case_id = $1 AND kind = 'reply_out' AND data->>'template' = 'location_received'`, c.ID); n != 1 {
		t.Errorf("template replies on the timeline = %d, want 1", n)
	}
}

// TestTemplateReplyIsSilentForAReporterWhoCannotTalk: after "not safe to
// talk", the desk's replies arrive without a sound.
func TestTemplateReplyIsSilentForAReporterWhoCannotTalk(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9802, FirstName: "Min", LanguageCode: "ko"}
	c := h.sos(reporter)
	if _, err := h.db.Exec(`UPDATE cases SET answers = answers || '{"safe_to_talk":"no"}' WHERE id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	h.api.SendText(officer, "/reply "+string(c.Ref)+" #will_call")
	got := lastBot(t, h, reporter.ID, 2)
	contains(t, got.Text, "곧 텔레그램으로 전화드릴게요")
	if !got.Silent {
		t.Errorf("a reply to a reporter who cannot talk safely made a sound")
	}
}
