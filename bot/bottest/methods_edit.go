package bottest

import (
	"time"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// deleteWindow is how long after sending a message can still be deleted for everyone.
const deleteWindow = 48 * time.Hour

const notModified = "message is not modified: specified new message content and reply markup " +
	"are exactly the same as a current content and reply markup of the message"

// editTarget finds the bot message an edit method refers to; s.mu held.
func (s *Server) editTarget(p tgapi.Params) (*Message, *tgapi.Error) {
	if p.Str("inline_message_id") != "" && p.Str("chat_id") == "" {
		return nil, tgapi.BadRequest("inline messages are not emulated by bottest")
	}
	c, err := s.writableChat(p)
	if err != nil {
		return nil, err
	}
	id := p.Int("message_id")
	if id == 0 {
		return nil, tgapi.BadRequest("message identifier is not specified")
	}
	m := c.byID[id]
	if m == nil || m.Deleted {
		return nil, tgapi.BadRequest("message to edit not found")
	}
	if !m.FromBot {
		return nil, tgapi.BadRequest("message can't be edited")
	}
	return m, nil
}

// markEdited stamps an edit; s.mu held.
func (s *Server) markEdited(m *Message) {
	now := s.now()
	m.Edited, m.EditedAt, m.Raw.EditDate = true, now, int(now.Unix())
	s.bump(m)
	s.notify()
}

// apiEditMessageText edits a text message. Like Telegram, an edit without
// reply_markup removes the inline keyboard.
func (s *Server) apiEditMessageText(rq *request) (any, *tgapi.Error) {
	m, err := s.editTarget(rq.p)
	if err != nil {
		return nil, err
	}
	if m.Kind != KindText {
		return nil, tgapi.BadRequest("there is no text in the message to edit")
	}
	text, mode := rq.p.Str("text"), rq.p.Str("parse_mode")
	plain, err := tgapi.CheckText(text, mode)
	if err != nil {
		return nil, err
	}
	mk, err := tgapi.ParseMarkup(rq.p)
	if err != nil {
		return nil, err
	}
	if text == m.Text && plain == m.Raw.Text && sameInline(mk, m) {
		return nil, tgapi.BadRequest(notModified)
	}
	m.Text, m.ParseMode, m.Raw.Text = text, mode, plain
	applyMarkupEdit(mk, m)
	s.markEdited(m)
	return wire(m), nil
}

func (s *Server) apiEditMessageReplyMarkup(rq *request) (any, *tgapi.Error) {
	m, err := s.editTarget(rq.p)
	if err != nil {
		return nil, err
	}
	mk, err := tgapi.ParseMarkup(rq.p)
	if err != nil {
		return nil, err
	}
	if sameInline(mk, m) {
		return nil, tgapi.BadRequest(notModified)
	}
	applyMarkupEdit(mk, m)
	s.markEdited(m)
	return wire(m), nil
}

// liveTarget finds a bot live location that can still be updated; s.mu held.
func (s *Server) liveTarget(p tgapi.Params) (*Message, *tgapi.Error) {
	m, err := s.editTarget(p)
	if err != nil {
		return nil, err
	}
	if m.Location == nil || m.Venue != nil || m.Location.LivePeriod == 0 || m.liveStopped {
		return nil, tgapi.BadRequest("message can't be edited")
	}
	if lp := m.Location.LivePeriod; lp != 0x7FFFFFFF && !s.now().Before(m.Sent.Add(time.Duration(lp)*time.Second)) {
		return nil, tgapi.BadRequest("message can't be edited")
	}
	return m, nil
}

func (s *Server) apiEditMessageLiveLocation(rq *request) (any, *tgapi.Error) {
	m, err := s.liveTarget(rq.p)
	if err != nil {
		return nil, err
	}
	loc := *m.Location
	loc.Latitude, loc.Longitude = rq.p.Float("latitude"), rq.p.Float("longitude")
	loc.HorizontalAccuracy, loc.Heading = rq.p.Float("horizontal_accuracy"), rq.p.Int("heading")
	loc.ProximityAlertRadius = rq.p.Int("proximity_alert_radius")
	if lp := rq.p.Int("live_period"); lp != 0 {
		loc.LivePeriod = lp
	}
	mk, err := tgapi.ParseMarkup(rq.p)
	if err != nil {
		return nil, err
	}
	if loc == *m.Location && sameInline(mk, m) {
		return nil, tgapi.BadRequest(notModified)
	}
	m.Location, m.Raw.Location = &loc, &loc
	applyMarkupEdit(mk, m)
	s.markEdited(m)
	return wire(m), nil
}

func (s *Server) apiStopMessageLiveLocation(rq *request) (any, *tgapi.Error) {
	m, err := s.liveTarget(rq.p)
	if err != nil {
		return nil, err
	}
	mk, err := tgapi.ParseMarkup(rq.p)
	if err != nil {
		return nil, err
	}
	m.liveStopped = true
	applyMarkupEdit(mk, m)
	s.markEdited(m)
	return wire(m), nil
}

// deletable checks one message for deletion; s.mu held.
func (s *Server) deletable(c *chat, id int) (*Message, *tgapi.Error) {
	m := c.byID[id]
	if m == nil || m.Deleted {
		return nil, tgapi.BadRequest("message to delete not found")
	}
	if s.now().Sub(m.Sent) >= deleteWindow {
		return nil, tgapi.BadRequest("message can't be deleted for everyone")
	}
	return m, nil
}

// apiDeleteMessage deletes a bot or user message younger than 48 hours (by
// the Server clock).
func (s *Server) apiDeleteMessage(rq *request) (any, *tgapi.Error) {
	c, err := s.writableChat(rq.p)
	if err != nil {
		return nil, err
	}
	m, err := s.deletable(c, rq.p.Int("message_id"))
	if err != nil {
		return nil, err
	}
	m.Deleted = true
	s.bump(m)
	s.notify()
	return true, nil
}

// apiDeleteMessages deletes what it can and, as documented, skips messages
// that cannot be found (or are too old).
func (s *Server) apiDeleteMessages(rq *request) (any, *tgapi.Error) {
	c, err := s.writableChat(rq.p)
	if err != nil {
		return nil, err
	}
	var ids []int
	if ok, derr := rq.p.Decode("message_ids", &ids); !ok || derr != nil || len(ids) == 0 {
		return nil, tgapi.BadRequest("message identifiers are not specified")
	}
	if len(ids) > 100 {
		return nil, tgapi.BadRequest("too many message identifiers specified")
	}
	for _, id := range ids {
		if m, err := s.deletable(c, id); err == nil {
			m.Deleted = true
			s.bump(m)
		}
	}
	s.notify()
	return true, nil
}
