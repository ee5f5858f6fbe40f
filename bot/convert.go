package bot

import (
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// envelope is the part of an update needed to store it: its id and chat.
type envelope struct {
	UpdateID int64 `json:"update_id"`
}

// parseUpdate decodes a raw update. ok is false for JSON that is not an
// update at all.
func parseUpdate(raw []byte) (tgmodels.Update, bool) {
	var u tgmodels.Update
	if err := json.Unmarshal(raw, &u); err != nil || u.ID == 0 {
		return u, false
	}
	return u, true
}

// decoded is u's payload decoded: as the receiver decoded it, if it did.
func decoded(u mailbox.Update) (tgmodels.Update, bool) {
	if p, ok := u.Parsed.(*tgmodels.Update); ok {
		return *p, true
	}
	return parseUpdate(u.Payload)
}

// updateChat returns the chat an update belongs to, or 0.
func updateChat(u tgmodels.Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.EditedMessage != nil:
		return u.EditedMessage.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message.Message != nil:
		return u.CallbackQuery.Message.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message.InaccessibleMessage != nil:
		return u.CallbackQuery.Message.InaccessibleMessage.Chat.ID
	case u.CallbackQuery != nil:
		return u.CallbackQuery.From.ID
	}
	return 0
}

// updatePriority is the inbox priority of an update: a person asking for
// help now (an urgent conversation's entry, as urgent tells) is answered
// before everyone else.
func updatePriority(u tgmodels.Update, urgent func(flows.Input) bool) mailbox.Priority {
	if in, ok := toInput(u); ok && urgent != nil && urgent(in) {
		return mailbox.PriorityUrgent
	}
	return mailbox.PriorityNormal
}

// toInput converts an update into what a conversation sees. ok is false
// for updates the bot does not act on (channel posts, a callback with no
// chat); they are logged and acknowledged.
func toInput(u tgmodels.Update) (in flows.Input, ok bool) {
	switch {
	case u.Message != nil:
		return messageInput(u.Message, false), u.Message.From != nil
	case u.EditedMessage != nil:
		// A live location's moves, and edited texts and captions.
		return messageInput(u.EditedMessage, true), u.EditedMessage.From != nil
	case u.CallbackQuery != nil:
		return callbackInput(u.CallbackQuery)
	}
	return flows.Input{}, false
}

func messageInput(m *tgmodels.Message, edited bool) flows.Input {
	in := flows.Input{
		ChatID: m.Chat.ID, MessageID: m.ID, Private: m.Chat.Type == tgmodels.ChatTypePrivate,
		At: time.Unix(int64(m.Date), 0), Edited: edited, Kind: flows.KindUnsupported,
	}
	if m.From != nil {
		in.UserID, in.LanguageCode = m.From.ID, m.From.LanguageCode
	}
	in.Forwarded = m.ForwardOrigin != nil
	switch {
	case m.Text != "":
		in.Kind, in.Text = flows.KindText, m.Text
		if cmd, args, ok := command(m); ok {
			in.Kind, in.Command, in.Args = flows.KindCommand, cmd, args
		}
	case m.Location != nil:
		in.Kind = flows.KindLocation
		in.Location = &flows.Location{Lat: m.Location.Latitude, Lon: m.Location.Longitude,
			Live: m.Location.LivePeriod > 0, Period: m.Location.LivePeriod}
	case m.Contact != nil:
		in.Kind, in.Phone = flows.KindContact, m.Contact.PhoneNumber
	default:
		mediaInput(m, &in)
	}
	return in
}

// mediaInput fills in the file a message carries, its caption and its
// album; a message with none stays unsupported (a sticker, a poll).
func mediaInput(m *tgmodels.Message, in *flows.Input) {
	switch {
	case len(m.Photo) > 0:
		in.Kind, in.FileID = flows.KindPhoto, m.Photo[len(m.Photo)-1].FileID
	case m.Video != nil:
		in.Kind, in.FileID = flows.KindVideo, m.Video.FileID
	case m.VideoNote != nil:
		in.Kind, in.FileID = flows.KindVideoNote, m.VideoNote.FileID
	case m.Voice != nil:
		in.Kind, in.FileID = flows.KindVoice, m.Voice.FileID
	case m.Audio != nil:
		in.Kind, in.FileID = flows.KindAudio, m.Audio.FileID
	case m.Document != nil:
		// An animation (GIF) comes with its document too.
		in.Kind, in.FileID = flows.KindDocument, m.Document.FileID
	default:
		return
	}
	in.Text, in.MediaGroup = m.Caption, m.MediaGroupID
}

// command splits "/start@KoreanDeskBot sos" into "start" and "sos". Only a
// bot_command entity at offset 0 makes a command, as in Telegram clients;
// a message that merely starts with a slash is still text.
func command(m *tgmodels.Message) (cmd, args string, ok bool) {
	if !strings.HasPrefix(m.Text, "/") {
		return "", "", false
	}
	hasEntity := len(m.Entities) == 0 // hand-made updates may omit entities
	for _, e := range m.Entities {
		if e.Type == tgmodels.MessageEntityTypeBotCommand && e.Offset == 0 {
			hasEntity = true
		}
	}
	if !hasEntity {
		return "", "", false
	}
	word, rest, _ := strings.Cut(m.Text[1:], " ")
	word, _, _ = strings.Cut(word, "@")
	if word == "" || !utf8.ValidString(word) || len(word) > 32 {
		return "", "", false
	}
	return strings.ToLower(word), strings.TrimSpace(rest), true
}

func callbackInput(q *tgmodels.CallbackQuery) (flows.Input, bool) {
	in := flows.Input{Kind: flows.KindCallback, UserID: q.From.ID, LanguageCode: q.From.LanguageCode, Data: q.Data}
	switch m := q.Message; {
	case m.Message != nil:
		in.ChatID, in.MessageID = m.Message.Chat.ID, m.Message.ID
		in.Private = m.Message.Chat.Type == tgmodels.ChatTypePrivate
	case m.InaccessibleMessage != nil:
		in.ChatID, in.MessageID = m.InaccessibleMessage.Chat.ID, m.InaccessibleMessage.MessageID
		in.Private = m.InaccessibleMessage.Chat.ID == q.From.ID
	default:
		return in, false
	}
	return in, true
}
