package bottest

import (
	"encoding/json"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// send resolves the target chat, lets fill set the content, applies
// reply_markup and reply_parameters, and stores the bot message; s.mu held.
func (s *Server) send(rq *request, kind string, fill func(m *Message) *tgapi.Error) (*Message, *tgapi.Error) {
	c, err := s.writableChat(rq.p)
	if err != nil {
		return nil, err
	}
	m := &Message{FromBot: true, Kind: kind, Silent: rq.p.Bool("disable_notification")}
	if err := fill(m); err != nil {
		return nil, err
	}
	mk, err := tgapi.ParseMarkup(rq.p)
	if err != nil {
		return nil, err
	}
	applyMarkup(mk, m)
	if err := s.applyReply(c, m, rq.p); err != nil {
		return nil, err
	}
	return s.store(c, m, s.bot), nil
}

// wire returns a copy of the message's wire form for an answer.
func wire(m *Message) *models.Message {
	w := m.Raw
	return &w
}

// applyReply handles reply_parameters and the legacy reply_to_message_id.
func (s *Server) applyReply(c *chat, m *Message, p tgapi.Params) *tgapi.Error {
	var rp struct {
		MessageID int             `json:"message_id"`
		ChatID    json.RawMessage `json:"chat_id"`
		Allow     bool            `json:"allow_sending_without_reply"`
	}
	rp.MessageID, rp.Allow = p.Int("reply_to_message_id"), p.Bool("allow_sending_without_reply")
	if _, err := p.Decode("reply_parameters", &rp); err != nil {
		return tgapi.BadRequest("can't parse reply parameters JSON object")
	}
	if rp.MessageID == 0 {
		return nil
	}
	target := c
	if id, ok := tgapi.JSONText(rp.ChatID); ok {
		target = s.chats[s.resolveChatID(id)]
	}
	var orig *Message
	if target != nil {
		orig = target.byID[rp.MessageID]
	}
	if orig == nil || orig.Deleted {
		if rp.Allow {
			return nil
		}
		return tgapi.BadRequest("message to be replied not found")
	}
	if target == c {
		m.ReplyToMessageID = rp.MessageID
		w := orig.Raw
		w.ReplyToMessage = nil
		m.Raw.ReplyToMessage = &w
	}
	return nil
}

func (s *Server) apiSendMessage(rq *request) (any, *tgapi.Error) {
	m, err := s.send(rq, KindText, func(m *Message) *tgapi.Error {
		text, mode := rq.p.Str("text"), rq.p.Str("parse_mode")
		plain, err := tgapi.CheckText(text, mode)
		if err != nil {
			return err
		}
		m.Text, m.ParseMode, m.Raw.Text = text, mode, plain
		if mode == "" {
			_, _ = rq.p.Decode("entities", &m.Raw.Entities)
		}
		var lpo models.LinkPreviewOptions
		if ok, _ := rq.p.Decode("link_preview_options", &lpo); ok {
			m.Raw.LinkPreviewOptions = &lpo
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return wire(m), nil
}

// location reads latitude/longitude and the optional live location fields.
func location(p tgapi.Params) (*models.Location, *tgapi.Error) {
	if !p.Has("latitude") || !p.Has("longitude") {
		return nil, tgapi.BadRequest("wrong latitude or longitude specified")
	}
	loc := &models.Location{Latitude: p.Float("latitude"), Longitude: p.Float("longitude"),
		HorizontalAccuracy: p.Float("horizontal_accuracy"), LivePeriod: p.Int("live_period"),
		Heading: p.Int("heading"), ProximityAlertRadius: p.Int("proximity_alert_radius")}
	if loc.Latitude < -90 || loc.Latitude > 90 || loc.Longitude < -180 || loc.Longitude > 180 {
		return nil, tgapi.BadRequest("wrong latitude or longitude specified")
	}
	if lp := loc.LivePeriod; lp != 0 && lp != 0x7FFFFFFF && (lp < 60 || lp > 86400) {
		return nil, tgapi.BadRequest("wrong live period specified")
	}
	return loc, nil
}

func (s *Server) apiSendLocation(rq *request) (any, *tgapi.Error) {
	m, err := s.send(rq, KindLocation, func(m *Message) *tgapi.Error {
		loc, err := location(rq.p)
		if err != nil {
			return err
		}
		m.Location, m.Raw.Location = loc, loc
		return nil
	})
	if err != nil {
		return nil, err
	}
	return wire(m), nil
}

func (s *Server) apiSendVenue(rq *request) (any, *tgapi.Error) {
	m, err := s.send(rq, KindVenue, func(m *Message) *tgapi.Error {
		loc, err := location(rq.p)
		if err != nil {
			return err
		}
		loc.LivePeriod, loc.Heading, loc.ProximityAlertRadius = 0, 0, 0
		if rq.p.Str("title") == "" || rq.p.Str("address") == "" {
			return tgapi.BadRequest("venue title and address must be non-empty")
		}
		v := &models.Venue{Location: *loc, Title: rq.p.Str("title"), Address: rq.p.Str("address"),
			FoursquareID: rq.p.Str("foursquare_id"), GooglePlaceID: rq.p.Str("google_place_id")}
		m.Location, m.Venue, m.Text = loc, v, v.Title
		m.Raw.Location, m.Raw.Venue = loc, v // Telegram sets both
		return nil
	})
	if err != nil {
		return nil, err
	}
	return wire(m), nil
}

// mediaMethod implements sendDocument, sendPhoto, sendVoice, sendAudio and
// sendVideo; the file parameter is named like the kind.
func mediaMethod(kind string) func(*Server, *request) (any, *tgapi.Error) {
	return func(s *Server, rq *request) (any, *tgapi.Error) {
		m, err := s.send(rq, kind, func(m *Message) *tgapi.Error {
			return s.fillMedia(rq.p, kind, m)
		})
		if err != nil {
			return nil, err
		}
		return wire(m), nil
	}
}

func (s *Server) fillMedia(p tgapi.Params, kind string, m *Message) *tgapi.Error {
	caption, mode := p.Str("caption"), p.Str("parse_mode")
	plain, err := tgapi.CheckCaption(caption, mode)
	if err != nil {
		return err
	}
	f, err := s.inputFile(p, kind, kind)
	if err != nil {
		return err
	}
	m.Text, m.ParseMode, m.File, m.Raw.Caption = caption, mode, f, plain
	setMedia(&m.Raw, kind, f, p.Int("duration"))
	return nil
}

// source finds the message a copy or forward refers to; s.mu held.
func (s *Server) source(p tgapi.Params, verb string) (*Message, *tgapi.Error) {
	c, err := s.knownChat(p, "from_chat_id")
	if err != nil {
		return nil, err
	}
	m := c.byID[p.Int("message_id")]
	if m == nil || m.Deleted {
		return nil, tgapi.BadRequest("message to %s not found", verb)
	}
	return m, nil
}

// copyContent copies what a message shows, not its identity or keyboard.
func copyContent(dst, src *Message) {
	dst.Kind, dst.Text, dst.ParseMode, dst.File = src.Kind, src.Text, src.ParseMode, src.File
	dst.Location, dst.Venue, dst.Contact = src.Location, src.Venue, src.Contact
	r, w := &dst.Raw, src.Raw
	r.Text, r.Entities, r.Caption, r.CaptionEntities = w.Text, w.Entities, w.Caption, w.CaptionEntities
	r.Document, r.Photo, r.Voice, r.Audio, r.Video = w.Document, w.Photo, w.Voice, w.Audio, w.Video
	r.Sticker, r.Location, r.Venue, r.Contact = w.Sticker, w.Location, w.Venue, w.Contact
	r.LinkPreviewOptions = w.LinkPreviewOptions
}

func (s *Server) apiCopyMessage(rq *request) (any, *tgapi.Error) {
	src, err := s.source(rq.p, "copy")
	if err != nil {
		return nil, err
	}
	m, err := s.send(rq, src.Kind, func(m *Message) *tgapi.Error {
		copyContent(m, src)
		if rq.p.Has("caption") && src.Kind != KindText {
			plain, err := tgapi.CheckCaption(rq.p.Str("caption"), rq.p.Str("parse_mode"))
			if err != nil {
				return err
			}
			m.Text, m.ParseMode, m.Raw.Caption = rq.p.Str("caption"), rq.p.Str("parse_mode"), plain
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &models.MessageID{ID: m.ID}, nil
}

func (s *Server) apiForwardMessage(rq *request) (any, *tgapi.Error) {
	src, err := s.source(rq.p, "forward")
	if err != nil {
		return nil, err
	}
	m, err := s.send(rq, src.Kind, func(m *Message) *tgapi.Error {
		copyContent(m, src)
		sender := s.bot
		if src.Raw.From != nil {
			sender = *src.Raw.From
		}
		m.Raw.ForwardOrigin = &models.MessageOrigin{Type: models.MessageOriginTypeUser,
			MessageOriginUser: &models.MessageOriginUser{Type: models.MessageOriginTypeUser, Date: src.Raw.Date, SenderUser: sender}}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return wire(m), nil
}
