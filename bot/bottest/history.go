package bottest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// Message kinds, the value of Message.Kind.
const (
	KindText      = "text"
	KindLocation  = "location"
	KindVenue     = "venue"
	KindDocument  = "document"
	KindPhoto     = "photo"
	KindVoice     = "voice"
	KindAudio     = "audio"
	KindVideo     = "video"
	KindVideoNote = "video_note"
	KindSticker   = "sticker"
	KindContact   = "contact"
	KindOther     = "other"
)

// File is a file known to the Server: uploaded by the bot, sent by a user, or
// referenced by URL. Content is shared between copies; do not modify it.
type File struct {
	ID       string `json:"file_id"`
	UniqueID string `json:"file_unique_id"`
	// Kind is the message kind the file was first sent as (document, photo, ...).
	Kind     string `json:"kind"`
	Name     string `json:"file_name,omitempty"`
	MimeType string `json:"mime_type,omitempty"`
	Size     int    `json:"file_size"`
	Content  []byte `json:"-"`
	// URL is set when the bot sent the file by HTTP URL; Content is then empty.
	URL string `json:"url,omitempty"`
	// Path is the getFile file_path, served at /file/bot<token>/<Path>.
	Path string `json:"file_path,omitempty"`
}

// Message is one message of a chat's history, sent by the bot or injected as a user's.
type Message struct {
	ID      int   `json:"message_id"`
	ChatID  int64 `json:"chat_id"`
	FromBot bool  `json:"from_bot"`
	// FromID is the sender's user id (the bot's id for bot messages).
	FromID int64  `json:"from_id"`
	Kind   string `json:"kind"`
	// Text is the text or caption as sent, before parse_mode is applied
	// (Raw.Text / Raw.Caption hold the rendered plain text).
	Text      string `json:"text,omitempty"`
	ParseMode string `json:"parse_mode,omitempty"`

	InlineKeyboard [][]tgapi.Button    `json:"inline_keyboard,omitempty"`
	ReplyKeyboard  [][]tgapi.KeyButton `json:"reply_keyboard,omitempty"`
	RemoveKeyboard bool                `json:"remove_keyboard,omitempty"`
	ForceReply     bool                `json:"force_reply,omitempty"`
	// Silent is set when the bot sent it with disable_notification.
	Silent bool `json:"silent,omitempty"`

	Location *models.Location `json:"location,omitempty"`
	Venue    *models.Venue    `json:"venue,omitempty"`
	Contact  *models.Contact  `json:"contact,omitempty"`
	// File is the attachment of document, photo, voice, audio, video and sticker messages.
	File *File `json:"file,omitempty"`

	ReplyToMessageID int `json:"reply_to_message_id,omitempty"`

	// Seq orders changes across all chats: it is set from a Server-wide
	// counter when the message is stored, edited or deleted (see Changes).
	Seq int64 `json:"seq"`

	Deleted  bool      `json:"deleted,omitempty"`
	Edited   bool      `json:"edited,omitempty"`
	Sent     time.Time `json:"sent"`
	EditedAt time.Time `json:"edited_at,omitzero"`

	// Raw is the message in wire form, as last returned to or delivered to the
	// bot. Treat it as read-only.
	Raw models.Message `json:"-"`

	liveStopped bool // stopMessageLiveLocation was called
}

// clone copies the message so callers cannot race with later edits.
func (m *Message) clone() Message {
	c := *m
	c.InlineKeyboard = cloneRows(m.InlineKeyboard)
	c.ReplyKeyboard = cloneRows(m.ReplyKeyboard)
	return c
}

func cloneRows[T any](rows [][]T) [][]T {
	if rows == nil {
		return nil
	}
	out := make([][]T, len(rows))
	for i, r := range rows {
		out[i] = append([]T(nil), r...)
	}
	return out
}

// chat is the Server's state for one chat.
type chat struct {
	wire    models.Chat
	blocked bool
	// migratedTo is the supergroup a group became (MigrateGroup).
	migratedTo int64
	msgs       []*Message
	byID       map[int]*Message
	lastID     int
	sendTimes  []time.Time
	keyboard   [][]tgapi.KeyButton
}

func (s *Server) addChat(wire models.Chat) *chat {
	c := s.chats[wire.ID]
	if c == nil {
		c = &chat{wire: wire, byID: map[int]*Message{}}
		s.chats[wire.ID] = c
	}
	return c
}

// store assigns the next message id of the chat and appends m; s.mu held.
func (s *Server) store(c *chat, m *Message, from models.User) *Message {
	c.lastID++
	now := s.now()
	m.ID, m.ChatID, m.FromID, m.Sent = c.lastID, c.wire.ID, from.ID, now
	m.Raw.ID, m.Raw.Date, m.Raw.Chat, m.Raw.From = m.ID, int(now.Unix()), c.wire, &from
	c.msgs = append(c.msgs, m)
	c.byID[m.ID] = m
	s.bump(m)
	if m.FromBot {
		switch {
		case m.ReplyKeyboard != nil:
			c.keyboard = cloneRows(m.ReplyKeyboard)
		case m.RemoveKeyboard:
			c.keyboard = nil
		}
	}
	s.notify()
	return m
}

// resolveChatID parses a chat_id parameter: a number or "@username". 0 if unknown.
func (s *Server) resolveChatID(v string) int64 {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "@") {
		for id, c := range s.chats {
			if strings.EqualFold(c.wire.Username, v[1:]) {
				return id
			}
		}
		return 0
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	return id
}

// knownChat finds the chat named by the parameter key; s.mu held.
func (s *Server) knownChat(p tgapi.Params, key string) (*chat, *tgapi.Error) {
	if strings.TrimSpace(p.Str(key)) == "" {
		return nil, tgapi.BadRequest("%s is empty", key)
	}
	c := s.chats[s.resolveChatID(p.Str(key))]
	if c == nil {
		return nil, tgapi.BadRequest("chat not found")
	}
	return c, nil
}

// writableChat is knownChat plus the blocked-bot check.
func (s *Server) writableChat(p tgapi.Params) (*chat, *tgapi.Error) {
	c, err := s.knownChat(p, "chat_id")
	if err != nil {
		return nil, err
	}
	if c.migratedTo != 0 {
		return nil, &tgapi.Error{Code: http.StatusBadRequest, Desc: "Bad Request: group chat was upgraded to a supergroup chat",
			MigrateTo: c.migratedTo}
	}
	if c.blocked {
		if c.wire.Type == models.ChatTypePrivate {
			return nil, tgapi.Forbidden("bot was blocked by the user")
		}
		return nil, tgapi.Forbidden("bot was kicked from the group chat")
	}
	return c, nil
}

// Messages returns the chat's history in order: bot-sent and user-sent
// messages, deleted ones included (with Deleted set). nil for an unknown chat.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(chatID, false)
}

// BotMessages is Messages restricted to the messages the bot sent.
func (s *Server) BotMessages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(chatID, true)
}

func (s *Server) messagesLocked(chatID int64, botOnly bool) []Message {
	c := s.chats[chatID]
	if c == nil {
		return nil
	}
	out := make([]Message, 0, len(c.msgs))
	for _, m := range c.msgs {
		if !botOnly || m.FromBot {
			out = append(out, m.clone())
		}
	}
	return out
}

// Message returns one message of a chat by id.
func (s *Server) Message(chatID int64, id int) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.chats[chatID]; c != nil && c.byID[id] != nil {
		return c.byID[id].clone(), true
	}
	return Message{}, false
}

// LastBotMessage returns the newest message the bot sent to the chat, deleted or not.
func (s *Server) LastBotMessage(chatID int64) (Message, bool) {
	msgs := s.BotMessages(chatID)
	if len(msgs) == 0 {
		return Message{}, false
	}
	return msgs[len(msgs)-1], true
}

// CurrentKeyboard is the reply keyboard the user currently sees in the chat:
// the last one the bot sent, nil after a remove_keyboard.
func (s *Server) CurrentKeyboard(chatID int64) [][]tgapi.KeyButton {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.chats[chatID]; c != nil {
		return cloneRows(c.keyboard)
	}
	return nil
}

// WaitMessages waits until the bot has sent at least n messages to the chat
// and returns all bot-sent messages. Messages deleted afterwards still count
// (they are returned with Deleted set), so send-then-delete flows do not hang.
// On timeout it returns what was sent so far and an error.
func (s *Server) WaitMessages(chatID int64, n int, timeout time.Duration) ([]Message, error) {
	var got []Message
	err := s.WaitFor(func() bool {
		got = s.BotMessages(chatID)
		return len(got) >= n
	}, timeout)
	if err != nil {
		return got, fmt.Errorf("bottest: chat %d: want %d bot messages, got %d: %w", chatID, n, len(got), err)
	}
	return got, nil
}
