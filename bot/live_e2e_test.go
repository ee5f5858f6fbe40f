package bot_test

import (
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
)

// livePin waits for the live pin the bot sent to chat after its first
// skip messages.
func (h *harness) livePin(chat int64, skip int) bottest.Message {
	h.t.Helper()
	var pin bottest.Message
	err := h.api.WaitFor(func() bool {
		msgs := h.api.BotMessages(chat)
		for i := skip; i < len(msgs); i++ {
			if l := msgs[i].Location; l != nil && l.LivePeriod > 0 {
				pin = msgs[i]
				return true
			}
		}
		return false
	}, wait)
	if err != nil {
		h.t.Fatalf("no live pin in chat %d", chat)
	}
	return pin
}

// pinsSent waits until n live pins of the reporter are recorded as sent:
// a position that comes while a pin is still on its way is skipped (the
// next one moves it).
func (h *harness) pinsSent(reporter int64, n int) {
	h.t.Helper()
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM live_pins p JOIN outbox o ON o.id = p.pin_outbox_id
			WHERE p.reporter_chat_id = $1 AND o.status = 'sent'`, reporter) == n
	}, wait)
	if err != nil {
		h.t.Fatalf("%d live pins never sent", n)
	}
}

// pinAt waits until the bot's message id in chat shows latitude lat.
func (h *harness) pinAt(chat int64, id int, lat float64) {
	h.t.Helper()
	err := h.api.WaitFor(func() bool {
		for _, m := range h.api.BotMessages(chat) {
			if m.ID == id && m.Location != nil && math.Abs(m.Location.Latitude-lat) < 1e-9 {
				return true
			}
		}
		return false
	}, wait)
	if err != nil {
		h.t.Fatalf("pin %d in chat %d never moved to %v", id, chat, lat)
	}
}

// liveEdits returns the times of the pin moves sent to chat.
func (h *harness) liveEdits(chat int64) []time.Time {
	var out []time.Time
	for _, c := range h.api.Calls("editMessageLiveLocation") {
		if c.Param("chat_id") == strconv.FormatInt(chat, 10) && c.Code == 200 {
			out = append(out, c.Time)
		}
	}
	return out
}

// A reporter's live location reaches the officer on the case as one pin
// that moves with them, a few seconds apart at most once, the latest
// position winning; the pin is kept in PostgreSQL, so it still moves
// after a restart, and it stops when the reporter stops sharing.
func TestLiveLocationIsOneMovingPin(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9811, FirstName: "Live", LanguageCode: "ko"}
	c := h.claimed(reporter)
	before := settled(h, officer.ID)
	_, msgID := h.api.SendLocation(reporter, 11.55, 104.91, 900)
	pin := h.livePin(officer.ID, before)
	if n := h.count(`SELECT count(*) FROM live_pins WHERE reporter_chat_id = $1 AND case_id = $2`, reporter.ID, c.ID); n != 1 {
		t.Fatalf("%d live pins recorded, want 1 (the officer's)", n)
	}
	h.pinsSent(reporter.ID, 1)
	for i := 1; i <= 5; i++ {
		h.api.EditLocation(reporter, msgID, 11.55+float64(i)*0.001, 104.91)
	}
	h.pinAt(officer.ID, pin.ID, 11.555)
	edits := h.liveEdits(officer.ID)
	if len(edits) == 0 || len(edits) >= 5 {
		t.Errorf("%d moves for 5 positions, want fewer (the latest wins)", len(edits))
	}
	for i := 1; i < len(edits); i++ {
		if gap := edits[i].Sub(edits[i-1]); gap < 2500*time.Millisecond {
			t.Errorf("moves %v apart, want one every 3 s at most", gap)
		}
	}
	if got := settled(h, officer.ID); got != before+2 { // the header and the pin, moved in place
		t.Errorf("the officer got %d messages for a live location, want 2", got-before)
	}

	h.restart()
	h.api.EditLocation(reporter, msgID, 11.56, 104.92)
	h.pinAt(officer.ID, pin.ID, 11.56)

	h.api.StopLocation(reporter, msgID)
	if err := h.api.WaitFor(func() bool { return len(h.api.Calls("stopMessageLiveLocation")) == 1 }, wait); err != nil {
		t.Fatal("the pin was not stopped when the reporter stopped sharing")
	}
	if n := h.count(`SELECT count(*) FROM live_pins WHERE reporter_chat_id = $1 AND live_until > now()`, reporter.ID); n != 0 {
		t.Errorf("%d pins still live after the reporter stopped", n)
	}
	if n := h.count(`SELECT count(*) FROM outbox WHERE status = 'failed'`); n != 0 {
		t.Errorf("%d sends refused", n)
	}
}

// On an unclaimed case the live location reaches every officer on duty,
// each as a pin of their own, and every pin moves.
func TestLiveLocationOfAnUnclaimedCaseMovesEveryPin(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	u := bottest.User{ID: 9812, FirstName: "Moving", LanguageCode: "en"}
	h.step(u, func() { h.api.SendText(u, "/sos") }, "Case number")
	chats := []int64{officer.ID, officer2.ID, supervisor.ID}
	before := map[int64]int{}
	for _, chat := range chats {
		before[chat] = settled(h, chat)
	}
	var msgID int
	h.step(u, func() { _, msgID = h.api.SendLocation(u, 10.62, 103.52, 3600) }, "talk safely")
	pins := map[int64]int{}
	for _, chat := range chats {
		pins[chat] = h.livePin(chat, before[chat]).ID
	}
	if n := h.count(`SELECT count(*) FROM live_pins WHERE reporter_chat_id = $1`, u.ID); n != 3 {
		t.Errorf("%d live pins recorded, want 3", n)
	}
	h.pinsSent(u.ID, 3)
	h.api.EditLocation(u, msgID, 10.63, 103.53)
	for _, chat := range chats {
		h.pinAt(chat, pins[chat], 10.63)
	}
}
