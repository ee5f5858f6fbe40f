package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/tgcall"
	"github.com/koreandesk/hotline/mailbox"
)

// Sender makes one Bot API call of an outbox row (its call decoded, see
// mailbox.Message.Call) and returns the id of the message it created, if
// any. *TelegramSender is the real one.
type Sender interface {
	Send(ctx context.Context, chatID int64, method string, c mailbox.Call) (messageID int64, err error)
}

// TelegramSender sends outbox calls with go-telegram/bot.
type TelegramSender struct {
	b *tgbot.Bot
}

var _ Sender = (*TelegramSender)(nil)

// TelegramClient is the HTTP client for the Bot API: it keeps as many idle
// connections as the dispatcher has chats in flight (net/http keeps 2), so
// a send reuses one instead of opening a connection (and TLS) each time.
func TelegramClient(timeout time.Duration) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Timeout: timeout, Transport: t}
}

// NewTelegramSender wraps a go-telegram/bot client.
func NewTelegramSender(b *tgbot.Bot) *TelegramSender { return &TelegramSender{b: b} }

// Send makes the call.
func (s *TelegramSender) Send(ctx context.Context, chatID int64, method string, c mailbox.Call) (int64, error) {
	switch method {
	case mailbox.MethodSendMessage:
		m, err := s.b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chatID, Text: c.Text, ReplyMarkup: tgcall.Markup(c),
			DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodSendLocation:
		m, err := s.b.SendLocation(ctx, &tgbot.SendLocationParams{ChatID: chatID, Latitude: c.Latitude, Longitude: c.Longitude,
			LivePeriod: c.LivePeriod, DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodEditLive:
		m, err := s.b.EditMessageLiveLocation(ctx, &tgbot.EditMessageLiveLocationParams{ChatID: chatID, MessageID: c.MessageID,
			Latitude: c.Latitude, Longitude: c.Longitude})
		return messageID(m, err)
	case mailbox.MethodStopLive:
		m, err := s.b.StopMessageLiveLocation(ctx, &tgbot.StopMessageLiveLocationParams{ChatID: chatID, MessageID: c.MessageID})
		return messageID(m, err)
	case mailbox.MethodAnswerCallback:
		_, err := s.b.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: c.CallbackQueryID, Text: c.Text})
		return 0, err
	case mailbox.MethodDeleteMessages:
		_, err := s.b.DeleteMessages(ctx, &tgbot.DeleteMessagesParams{ChatID: chatID, MessageIDs: c.MessageIDs})
		return 0, err
	case mailbox.MethodChatCommands:
		scope := &tgmodels.BotCommandScopeChat{ChatID: chatID}
		if len(c.Commands) == 0 {
			_, err := s.b.DeleteMyCommands(ctx, &tgbot.DeleteMyCommandsParams{Scope: scope})
			return 0, err
		}
		cmds := make([]tgmodels.BotCommand, 0, len(c.Commands))
		for _, cmd := range c.Commands {
			cmds = append(cmds, tgmodels.BotCommand{Command: cmd.Command, Description: cmd.Description})
		}
		_, err := s.b.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: cmds, Scope: scope})
		return 0, err
	case mailbox.MethodSendPhoto:
		m, err := s.b.SendPhoto(ctx, &tgbot.SendPhotoParams{ChatID: chatID, Photo: tgcall.File(c),
			Caption: c.Text, ReplyMarkup: tgcall.Markup(c), DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodSendVoice:
		m, err := s.b.SendVoice(ctx, &tgbot.SendVoiceParams{ChatID: chatID, Voice: &tgmodels.InputFileString{Data: c.FileID},
			Caption: c.Text, ReplyMarkup: tgcall.Markup(c), DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodSendVideo:
		m, err := s.b.SendVideo(ctx, &tgbot.SendVideoParams{ChatID: chatID, Video: &tgmodels.InputFileString{Data: c.FileID},
			Caption: c.Text, ReplyMarkup: tgcall.Markup(c), DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodSendVideoNote:
		m, err := s.b.SendVideoNote(ctx, &tgbot.SendVideoNoteParams{ChatID: chatID, VideoNote: &tgmodels.InputFileString{Data: c.FileID},
			ReplyMarkup: tgcall.Markup(c), DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodSendAudio:
		m, err := s.b.SendAudio(ctx, &tgbot.SendAudioParams{ChatID: chatID, Audio: &tgmodels.InputFileString{Data: c.FileID},
			Caption: c.Text, ReplyMarkup: tgcall.Markup(c), DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodSendMediaGroup:
		if len(c.Media) == 1 { // Telegram's albums have two items at least
			it := c.Media[0]
			return s.Send(ctx, chatID, tgcall.SingleMedia[it.Kind], mailbox.Call{FileID: it.FileID, Text: it.Caption, Silent: c.Silent})
		}
		ms, err := s.b.SendMediaGroup(ctx, &tgbot.SendMediaGroupParams{ChatID: chatID, Media: tgcall.Media(c.Media),
			DisableNotification: c.Silent})
		if err != nil || len(ms) == 0 {
			return 0, err
		}
		return messageID(ms[0], nil)
	case mailbox.MethodSendDocument:
		var doc tgmodels.InputFile = &tgmodels.InputFileString{Data: c.FileID}
		if c.FileName != "" {
			doc = &tgmodels.InputFileUpload{Filename: c.FileName, Data: bytes.NewReader(c.FileData)}
		}
		m, err := s.b.SendDocument(ctx, &tgbot.SendDocumentParams{ChatID: chatID, Document: doc, Caption: c.Text, ReplyMarkup: tgcall.Markup(c),
			DisableNotification: c.Silent})
		return messageID(m, err)
	}
	return 0, permanent(fmt.Errorf("unknown outbox method %q", method))
}

func messageID(m *tgmodels.Message, err error) (int64, error) {
	if err != nil || m == nil {
		return 0, err
	}
	return int64(m.ID), nil
}

// permanentError marks a call that will never succeed as it is.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

func permanent(err error) error { return permanentError{err} }

// verdict is what the dispatcher does after a failed call.
type verdict int

const (
	retrySafe      verdict = iota // Telegram surely did not apply it: back off and try again
	retryAmbiguous                // Telegram may have applied it (timeout, 5xx): a few more tries at most
	giveUp                        // permanent: record it and move on to the chat's next call
	treatAsSent                   // the effect is there ("message is not modified", ok:true)
	migrate                       // the group became a supergroup: send to chatID instead
)

// outcome is classify's answer.
type outcome struct {
	verdict    verdict
	retryAfter int   // seconds, for a 429
	chatID     int64 // for migrate
}

// classify decides what a failed call's error means. Telegram's 403 (bot
// blocked, kicked), 400 (chat not found, message can't be deleted, bad
// request) and 404 (method not found) never succeed on retry; a 400 with
// migrate_to_chat_id names the group's new id. A refused connection, a
// 429, 401 and 409 were surely not applied; a timeout, a connection cut
// after the request went out, or a 5xx from the Bot API may have been. A
// result that could not be decoded after ok:true was applied.
func classify(err error) outcome {
	var tooMany *tgbot.TooManyRequestsError
	var mig *tgbot.MigrateError
	var perm permanentError
	var op *net.OpError
	var notMade unsent
	msg := err.Error()
	switch {
	case errors.As(err, &notMade):
		return outcome{verdict: retrySafe}
	case errors.As(err, &tooMany):
		return outcome{verdict: retrySafe, retryAfter: max(tooMany.RetryAfter, 1)}
	case errors.As(err, &mig) && mig.MigrateToChatID != 0:
		return outcome{verdict: migrate, chatID: int64(mig.MigrateToChatID)}
	case errors.As(err, &perm), errors.As(err, &mig):
		return outcome{verdict: giveUp}
	case errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(msg, "message is not modified"):
		return outcome{verdict: treatAsSent}
	case errors.Is(err, tgbot.ErrorForbidden), errors.Is(err, tgbot.ErrorBadRequest), errors.Is(err, tgbot.ErrorNotFound):
		return outcome{verdict: giveUp}
	case errors.Is(err, tgbot.ErrorUnauthorized), errors.Is(err, tgbot.ErrorConflict):
		return outcome{verdict: retrySafe}
	case strings.Contains(msg, "error decode response result"):
		return outcome{verdict: treatAsSent}
	case errors.As(err, &op) && op.Op == "dial":
		return outcome{verdict: retrySafe}
	case strings.Contains(msg, "error decode response body") && !strings.Contains(msg, "504"):
		// Not a Bot API answer: a proxy in front (e.g. nginx's 502
		// page) answered without reaching it.
		return outcome{verdict: retrySafe}
	}
	return outcome{verdict: retryAmbiguous}
}
