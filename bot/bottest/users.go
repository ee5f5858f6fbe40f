package bottest

import (
	"fmt"
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// User is an emulated Telegram user. Its private chat with the bot has chat id == ID.
type User struct {
	ID           int64
	FirstName    string
	LastName     string
	Username     string
	LanguageCode string
}

func (u User) model() models.User {
	return models.User{ID: u.ID, FirstName: u.FirstName, LastName: u.LastName,
		Username: u.Username, LanguageCode: u.LanguageCode}
}

func (u User) privateChat() models.Chat {
	return models.Chat{ID: u.ID, Type: models.ChatTypePrivate, FirstName: u.FirstName,
		LastName: u.LastName, Username: u.Username}
}

// AddUser makes the user's private chat known without sending anything, as
// for a user who started the bot earlier. Chats also become known when the
// user sends anything; until then the bot gets "chat not found".
func (s *Server) AddUser(u User) {
	s.mu.Lock()
	s.addChat(u.privateChat())
	s.notify()
	s.mu.Unlock()
}

// SetBlocked marks a chat as having blocked (private) or kicked (group) the
// bot: sending to it answers 403. Users writing to the bot do not unblock it.
func (s *Server) SetBlocked(chatID int64, blocked bool) {
	s.mu.Lock()
	if c := s.chats[chatID]; c != nil {
		c.blocked = blocked
	} else if blocked {
		s.addChat(models.Chat{ID: chatID, Type: models.ChatTypePrivate}).blocked = true
	}
	s.notify()
	s.mu.Unlock()
}

// Group registers a group chat (chatID must be negative; ids at or below
// -1000000000000 are supergroups) in which the bot is a member.
func (s *Server) Group(chatID int64, title string) {
	s.mu.Lock()
	s.group(chatID, title)
	s.notify()
	s.mu.Unlock()
}

// MigrateGroup turns a group into a supergroup with a new id, as Telegram
// does: from then on every sending method aimed at the old id is answered
// 400 with parameters.migrate_to_chat_id.
func (s *Server) MigrateGroup(oldID, newID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.group(oldID, "")
	c := s.addChat(models.Chat{ID: newID, Type: models.ChatTypeSupergroup, Title: old.wire.Title})
	c.wire.Title = old.wire.Title
	old.migratedTo = newID
	s.notify()
}

func (s *Server) group(chatID int64, title string) *chat {
	typ := models.ChatTypeGroup
	if chatID <= -1000000000000 {
		typ = models.ChatTypeSupergroup
	}
	c := s.addChat(models.Chat{ID: chatID, Type: typ, Title: title})
	if title != "" {
		c.wire.Title = title
	}
	return c
}

// chatOf returns the chat a user writes in: the private chat when chatID is
// the user's id, otherwise a group (created on demand); s.mu held.
func (s *Server) chatOf(chatID int64, u User) *chat {
	if chatID == u.ID {
		return s.addChat(u.privateChat())
	}
	return s.group(chatID, "")
}

// userSend stores m as sent by u and queues it as a message update; s.mu held.
func (s *Server) userSend(chatID int64, u User, m *Message) (updateID int64, msgID int) {
	c := s.chatOf(chatID, u)
	s.store(c, m, u.model())
	w := m.Raw
	return s.enqueue(&models.Update{Message: &w}), m.ID
}

func textMessage(text string) *Message {
	m := &Message{Kind: KindText, Text: text}
	m.Raw.Text = text
	if strings.HasPrefix(text, "/") {
		cmd, _, _ := strings.Cut(strings.Fields(text + " ")[0], "\n")
		m.Raw.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: tgapi.UTF16Len(cmd)}}
	}
	return m
}

// SendText queues a text message from u in its private chat and returns the
// update_id. Text starting with '/' carries a bot_command entity.
func (s *Server) SendText(u User, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, _ := s.userSend(u.ID, u, textMessage(text))
	return id
}

// SendTextInGroup queues a text message from u in a group chat (registered on
// demand) and returns the update_id.
func (s *Server) SendTextInGroup(chatID int64, u User, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, _ := s.userSend(chatID, u, textMessage(text))
	return id
}

// SendReply queues a text message from u replying to message replyTo of its
// private chat (e.g. answering a force_reply prompt) and returns the update_id.
func (s *Server) SendReply(u User, replyTo int, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := textMessage(text)
	m.ReplyToMessageID = replyTo
	if c := s.chats[u.ID]; c != nil && c.byID[replyTo] != nil {
		w := c.byID[replyTo].Raw
		w.ReplyToMessage = nil
		m.Raw.ReplyToMessage = &w
	}
	id, _ := s.userSend(u.ID, u, m)
	return id
}

// SendMessageAs queues an arbitrary message from u in chatID (the user's id
// for the private chat, a group id otherwise). message_id, date, chat and from
// are filled in; the content fields of m are kept. Returns update and message ids.
func (s *Server) SendMessageAs(chatID int64, u User, m models.Message) (updateID int64, msgID int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := &Message{Kind: tgapi.KindOf(&m), Text: m.Text + m.Caption, Raw: m,
		Location: m.Location, Venue: m.Venue, Contact: m.Contact}
	if m.ReplyToMessage != nil {
		rec.ReplyToMessageID = m.ReplyToMessage.ID
	}
	return s.userSend(chatID, u, rec)
}

// SendLocation queues a location from u; livePeriod > 0 (seconds) makes it a
// live location that EditLocation can move. Returns update and message ids.
func (s *Server) SendLocation(u User, lat, lon float64, livePeriod int) (updateID int64, msgID int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	loc := &models.Location{Latitude: lat, Longitude: lon, LivePeriod: livePeriod}
	m := &Message{Kind: KindLocation, Location: loc}
	m.Raw.Location = loc
	return s.userSend(u.ID, u, m)
}

// EditLocation moves u's live location message msgID and queues the
// edited_message update; returns the update_id. An unknown msgID still
// produces the update, built from scratch.
func (s *Server) EditLocation(u User, msgID int, lat, lon float64) int64 {
	return s.editLocation(u, msgID, func(l *models.Location) { l.Latitude, l.Longitude = lat, lon })
}

// StopLocation has u stop sharing live location msgID: the edited_message
// update carries the location without live_period.
func (s *Server) StopLocation(u User, msgID int) int64 {
	return s.editLocation(u, msgID, func(l *models.Location) { l.LivePeriod = 0 })
}

func (s *Server) editLocation(u User, msgID int, edit func(*models.Location)) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatOf(u.ID, u)
	now := s.now()
	m := c.byID[msgID]
	if m == nil {
		from := u.model()
		m = &Message{ID: msgID, Kind: KindLocation, Location: &models.Location{}}
		m.Raw = models.Message{ID: msgID, Chat: c.wire, From: &from, Date: int(now.Unix())}
	}
	loc := models.Location{}
	if m.Location != nil {
		loc = *m.Location
	}
	edit(&loc)
	m.Location, m.Edited, m.EditedAt = &loc, true, now
	s.bump(m)
	m.Raw.Location, m.Raw.EditDate = &loc, int(now.Unix())
	w := m.Raw
	s.notify()
	return s.enqueue(&models.Update{EditedMessage: &w})
}

// EditText has u edit their message msgID to text (its caption, for a
// media message) and queues the edited_message update.
func (s *Server) EditText(u User, msgID int, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatOf(u.ID, u)
	now := s.now()
	m := c.byID[msgID]
	if m == nil {
		from := u.model()
		m = &Message{ID: msgID, Kind: KindText}
		m.Raw = models.Message{ID: msgID, Chat: c.wire, From: &from, Date: int(now.Unix())}
	}
	m.Text, m.Edited, m.EditedAt = text, true, now
	if m.Kind == KindText {
		m.Raw.Text = text
	} else {
		m.Raw.Caption = text
	}
	s.bump(m)
	m.Raw.EditDate = int(now.Unix())
	w := m.Raw
	s.notify()
	return s.enqueue(&models.Update{EditedMessage: &w})
}

// SendPhoto queues a photo (placeholder JPEG bytes) with a caption from u.
func (s *Server) SendPhoto(u User, caption string) int64 {
	return s.sendMedia(u, media{kind: KindPhoto, name: "photo.jpg", mime: "image/jpeg",
		data: []byte("\xff\xd8\xff\xe0 bottest photo"), caption: caption}, nil)
}

// SendVoice queues a voice note of the given length from u.
func (s *Server) SendVoice(u User, seconds int) int64 {
	return s.sendMedia(u, media{kind: KindVoice, name: "voice.ogg", mime: "audio/ogg",
		data: []byte("OggS bottest voice"), seconds: seconds}, nil)
}

// SendSticker queues a sticker with the given emoji from u.
func (s *Server) SendSticker(u User, emoji string) int64 {
	return s.sendMedia(u, media{kind: KindSticker, name: "sticker.webp", mime: "image/webp",
		data: []byte("RIFF bottest sticker")}, func(m *models.Message) { m.Sticker.Emoji = emoji })
}

// SendDocument queues a document named name with the given content from u.
func (s *Server) SendDocument(u User, name string, content []byte) int64 {
	return s.sendMedia(u, media{kind: KindDocument, name: name, mime: tgapi.MimeOf(&tgapi.Upload{Name: name}), data: content}, nil)
}

// media is an attachment a user sends.
type media struct {
	kind, name, mime string
	data             []byte
	caption          string
	seconds          int
}

// sendMedia stores the attachment as a file and queues the message; extra
// sets what is particular to one kind.
func (s *Server) sendMedia(u User, md media, extra func(*models.Message)) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.newFile(md.kind, md.name, md.mime, md.data)
	m := &Message{Kind: md.kind, Text: md.caption, File: f}
	m.Raw.Caption = md.caption
	setMedia(&m.Raw, md.kind, f, md.seconds)
	if extra != nil {
		extra(&m.Raw)
	}
	id, _ := s.userSend(u.ID, u, m)
	return id
}

// SendContact queues u sharing its own contact (as a request_contact button does).
func (s *Server) SendContact(u User, phone string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ct := &models.Contact{PhoneNumber: phone, FirstName: u.FirstName, LastName: u.LastName, UserID: u.ID}
	m := &Message{Kind: KindContact, Contact: ct}
	m.Raw.Contact = ct
	id, _ := s.userSend(u.ID, u, m)
	return id
}

// chatInstance is a stable per-chat value for callback_query.chat_instance.
func chatInstance(chatID int64) string { return fmt.Sprintf("%d", chatID*7919+104729) }
