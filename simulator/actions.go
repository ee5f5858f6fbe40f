package simulator

import (
	"slices"
	"strings"

	"github.com/go-telegram/bot/models"
)

func (s *Simulator) postPerson(a action) (any, error) {
	return s.AddPerson(Person{Name: a.Name, Lang: a.Lang, Role: a.Role})
}

func (s *Simulator) patchPerson(a action) (any, error) {
	return s.UpdatePerson(a.ID, a.Name, a.Lang)
}

func (s *Simulator) deletePerson(a action) (any, error) {
	return map[string]bool{"ok": true}, s.RemovePerson(a.ID)
}

// sender finds the person acting and the chat they act in (their private
// chat unless they name another of theirs).
func (s *Simulator) sender(a action) (Person, int64, error) {
	p, err := s.person(a.Person)
	if err != nil {
		return Person{}, 0, err
	}
	chat := a.Chat
	if chat == 0 {
		chat = p.ID
	}
	if !slices.Contains(s.chats(p), chat) {
		return Person{}, 0, badRequest("this person is not in that chat")
	}
	return p, chat, nil
}

// updateResult is what an endpoint that queues an update answers.
type updateResult struct {
	UpdateID  int64 `json:"update_id"`
	MessageID int   `json:"message_id,omitempty"`
}

// postSend sends a text message, a reply when reply_to is set. Deep links
// arrive this way too: t.me/<bot>?start=sos opens the chat and sends
// "/start sos".
func (s *Simulator) postSend(a action) (any, error) {
	p, chat, err := s.sender(a)
	if err != nil {
		return nil, err
	}
	text := strings.TrimSpace(a.Text)
	if text == "" || len([]rune(text)) > 4096 {
		return nil, badRequest("a message of 1 to 4096 characters is needed")
	}
	m := models.Message{Text: text, Entities: commandEntity(text)}
	if a.ReplyTo != 0 {
		orig, ok := s.api.Message(chat, a.ReplyTo)
		if !ok || orig.Deleted {
			return nil, badRequest("the message replied to is gone")
		}
		w := orig.Raw
		w.ReplyToMessage = nil
		m.ReplyToMessage = &w
	}
	upd, id := s.api.SendMessageAs(chat, p.user(), m)
	return updateResult{upd, id}, nil
}

func (s *Simulator) postCallback(a action) (any, error) {
	p, chat, err := s.sender(a)
	if err != nil {
		return nil, err
	}
	if a.Data == "" || len(a.Data) > 64 {
		return nil, badRequest("callback data of 1 to 64 bytes is needed")
	}
	return updateResult{UpdateID: s.api.SendCallbackInGroup(chat, p.user(), a.MessageID, a.Data)}, nil
}

func (s *Simulator) postLocation(a action) (any, error) {
	if a.Lat == nil || a.Lon == nil {
		return nil, badRequest("lat and lon are needed")
	}
	id, err := s.ShareLocation(a.Person, *a.Lat, *a.Lon, a.Live)
	if err != nil {
		return nil, err
	}
	return updateResult{MessageID: id}, nil
}

func (s *Simulator) postStopLive(a action) (any, error) {
	if _, err := s.person(a.Person); err != nil {
		return nil, err
	}
	s.StopLive(a.Person)
	return map[string]bool{"ok": true}, nil
}

// postPhoto sends a stand-in photo: the page has no camera, and the bot
// only keeps the file id.
func (s *Simulator) postPhoto(a action) (any, error) {
	p, err := s.person(a.Person)
	if err != nil {
		return nil, err
	}
	return updateResult{UpdateID: s.api.SendPhoto(p.user(), strings.TrimSpace(a.Text))}, nil
}
