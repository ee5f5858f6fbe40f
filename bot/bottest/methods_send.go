package bottest

import (
	"encoding/json"

	"github.com/go-telegram/bot/models"
)

// send resolves the target chat, lets fill set the content, applies
// reply_markup and reply_parameters, and stores the bot message; s.mu held.
func (s *Server) send(rq *request, kind string, fill func(m *Message) *apiError) (*Message, *apiError) {
	c, err := s.writableChat(rq.p)
	if err != nil {
		return nil, err
	}
	m := &Message{FromBot: true, Kind: kind, Silent: rq.p.bool("disable_notification")}
	if err := fill(m); err != nil {
		return nil, err
	}
	mk, err := parseMarkup(rq.p)
	if err != nil {
		return nil, err
	}
	mk.apply(m)
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
func (s *Server) applyReply(c *chat, m *Message, p params) *apiError {
	var rp struct {
		MessageID int             `json:"message_id"`
		ChatID    json.RawMessage `json:"chat_id"`
		Allow     bool            `json:"allow_sending_without_reply"`
	}
	rp.MessageID, rp.Allow = p.int("reply_to_message_id"), p.bool("allow_sending_without_reply")
	if _, err := p.decode("reply_parameters", &rp); err != nil {
		return badRequest("can't parse reply parameters JSON object")
	}
	if rp.MessageID == 0 {
		return nil
	}
	target := c
	if id, ok := jsonText(rp.ChatID); ok {
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
		return badRequest("message to be replied not found")
	}
	if target == c {
		m.ReplyToMessageID = rp.MessageID
		w := orig.Raw
		w.ReplyToMessage = nil
		m.Raw.ReplyToMessage = &w
	}
	return nil
}

func (s *Server) apiSendMessage(rq *request) (any, *apiError) {
	m, err := s.send(rq, KindText, func(m *Message) *apiError {
		text, mode := rq.p.str("text"), rq.p.str("parse_mode")
		plain, err := checkText(text, mode)
		if err != nil {
			return err
		}
		m.Text, m.ParseMode, m.Raw.Text = text, mode, plain
		if mode == "" {
			_, _ = rq.p.decode("entities", &m.Raw.Entities)
		}
		var lpo models.LinkPreviewOptions
		if ok, _ := rq.p.decode("link_preview_options", &lpo); ok {
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
func location(p params) (*models.Location, *apiError) {
	if !p.has("latitude") || !p.has("longitude") {
		return nil, badRequest("wrong latitude or longitude specified")
	}
	loc := &models.Location{Latitude: p.float("latitude"), Longitude: p.float("longitude"),
		HorizontalAccuracy: p.float("horizontal_accuracy"), LivePeriod: p.int("live_period"),
		Heading: p.int("heading"), ProximityAlertRadius: p.int("proximity_alert_radius")}
	if loc.Latitude < -90 || loc.Latitude > 90 || loc.Longitude < -180 || loc.Longitude > 180 {
		return nil, badRequest("wrong latitude or longitude specified")
	}
	if lp := loc.LivePeriod; lp != 0 && lp != 0x7FFFFFFF && (lp < 60 || lp > 86400) {
		return nil, badRequest("wrong live period specified")
	}
	return loc, nil
}

func (s *Server) apiSendLocation(rq *request) (any, *apiError) {
	m, err := s.send(rq, KindLocation, func(m *Message) *apiError {
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

func (s *Server) apiSendVenue(rq *request) (any, *apiError) {
	m, err := s.send(rq, KindVenue, func(m *Message) *apiError {
		loc, err := location(rq.p)
		if err != nil {
			return err
		}
		loc.LivePeriod, loc.Heading, loc.ProximityAlertRadius = 0, 0, 0
		if rq.p.str("title") == "" || rq.p.str("address") == "" {
			return badRequest("venue title and address must be non-empty")
		}
		v := &models.Venue{Location: *loc, Title: rq.p.str("title"), Address: rq.p.str("address"),
			FoursquareID: rq.p.str("foursquare_id"), GooglePlaceID: rq.p.str("google_place_id")}
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
func mediaMethod(kind string) func(*Server, *request) (any, *apiError) {
	return func(s *Server, rq *request) (any, *apiError) {
		m, err := s.send(rq, kind, func(m *Message) *apiError {
			return s.fillMedia(rq.p, kind, m)
		})
		if err != nil {
			return nil, err
		}
		return wire(m), nil
	}
}

func (s *Server) fillMedia(p params, kind string, m *Message) *apiError {
	caption, mode := p.str("caption"), p.str("parse_mode")
	plain, err := checkCaption(caption, mode)
	if err != nil {
		return err
	}
	f, err := s.inputFile(p, kind, kind)
	if err != nil {
		return err
	}
	m.Text, m.ParseMode, m.File, m.Raw.Caption = caption, mode, f, plain
	setMedia(&m.Raw, kind, f, p.int("duration"))
	return nil
}

// source finds the message a copy or forward refers to; s.mu held.
func (s *Server) source(p params, verb string) (*Message, *apiError) {
	c, err := s.knownChat(p, "from_chat_id")
	if err != nil {
		return nil, err
	}
	m := c.byID[p.int("message_id")]
	if m == nil || m.Deleted {
		return nil, badRequest("message to %s not found", verb)
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

func (s *Server) apiCopyMessage(rq *request) (any, *apiError) {
	src, err := s.source(rq.p, "copy")
	if err != nil {
		return nil, err
	}
	m, err := s.send(rq, src.Kind, func(m *Message) *apiError {
		copyContent(m, src)
		if rq.p.has("caption") && src.Kind != KindText {
			plain, err := checkCaption(rq.p.str("caption"), rq.p.str("parse_mode"))
			if err != nil {
				return err
			}
			m.Text, m.ParseMode, m.Raw.Caption = rq.p.str("caption"), rq.p.str("parse_mode"), plain
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &models.MessageID{ID: m.ID}, nil
}

func (s *Server) apiForwardMessage(rq *request) (any, *apiError) {
	src, err := s.source(rq.p, "forward")
	if err != nil {
		return nil, err
	}
	m, err := s.send(rq, src.Kind, func(m *Message) *apiError {
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
