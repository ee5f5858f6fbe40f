package app

import (
	"time"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// A reporter's live location reaches each officer who hears the case as
// one pin that moves: a live location of their own (sendLocation with a
// live period), moved as the reporter's position updates arrive, at most
// once every liveEvery, until the reporter stops sharing or the period
// ends. The pins are kept in PostgreSQL (mailbox.Tx.PinLive, MoveLive),
// so a restart goes on moving them.

// liveData marks, in a timeline event, a point of a live location.
const liveData = "live"

// liveEvery is how often an officer's pin moves at most: Telegram allows
// about one message a second to a chat, and an officer's other messages
// wait behind a move.
const liveEvery = 3 * time.Second

// Telegram's live periods: 60 s to 24 h, or "until stopped".
const (
	liveMin     = 60
	liveMax     = 86400
	liveForever = 0x7FFFFFFF
)

// pinLive sends an officer the reporter's live location as a live pin,
// for what is left of the reporter's period, and records it so that the
// reporter's updates move it; a period nearly over gets a fixed pin.
func (h *Handler) pinLive(t *turn, r staff.Chat, c *desk.Case, pin mailbox.Call) error {
	loc := t.in.Location
	until := t.in.At.Add(time.Duration(loc.Period) * time.Second)
	left := int(until.Sub(t.now).Seconds())
	switch {
	case loc.Period == liveForever:
		pin.LivePeriod, until = liveForever, t.now.AddDate(100, 0, 0)
	case left < liveMin || t.in.MessageID == 0:
		return t.queue(r.ID, t.prio, mailbox.MethodSendLocation, pin, c.ID)
	default:
		pin.LivePeriod = min(left, liveMax)
	}
	m, err := mailbox.New(r.ID, t.prio, mailbox.MethodSendLocation, pin)
	if err != nil {
		return err
	}
	m.CaseID = c.ID
	// What was queued before goes first (the header above the pin).
	if err := t.tx.Enqueue(t.ctx, t.now, t.out...); err != nil {
		return err
	}
	t.out = nil
	return t.tx.PinLive(t.ctx, m, mailbox.LivePin{ReporterChat: t.in.ChatID, ReporterMessage: int64(t.in.MessageID),
		CaseID: c.ID, Until: until}, t.now)
}

// liveLocation keeps an open case's location current while the reporter
// shares a live location: every point goes on the timeline, the desk sees
// the newest one in /case, and the officers' pins move to it. An update
// without a live period means the reporter stopped sharing: the pins
// stop there.
func (h *Handler) liveLocation(t *turn, s *flows.Session) error {
	if t.in.Location == nil || !t.in.Location.Valid() {
		return nil
	}
	c, err := openCase(t, "")
	if c == nil || err != nil {
		return err
	}
	lat, lon := t.in.Location.Lat, t.in.Location.Lon
	_, err = t.desk.AddEvent(t.ctx, c.ID, desk.Event{Kind: desk.EventLocation, Lat: &lat, Lon: &lon, At: t.now,
		Data: map[string]string{liveData: "true"}})
	if err != nil {
		return err
	}
	_, err = t.tx.MoveLive(t.ctx, mailbox.LiveMove{ReporterChat: t.in.ChatID, ReporterMessage: int64(t.in.MessageID),
		Lat: lat, Lon: lon, Every: liveEvery, Stop: !t.in.Location.Live}, t.now)
	return err
}
