package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/mailbox"
)

// Sender makes one Bot API call from an outbox row and returns the id of
// the message it created, if any. *TelegramSender is the real one.
type Sender interface {
	Send(ctx context.Context, chatID int64, method string, payload []byte) (messageID int64, err error)
}

// TelegramSender sends outbox calls with go-telegram/bot.
type TelegramSender struct {
	b *tgbot.Bot
}

var _ Sender = (*TelegramSender)(nil)

// NewTelegramSender wraps a go-telegram/bot client.
func NewTelegramSender(b *tgbot.Bot) *TelegramSender { return &TelegramSender{b: b} }

// Send decodes the stored call and makes it.
func (s *TelegramSender) Send(ctx context.Context, chatID int64, method string, payload []byte) (int64, error) {
	var c mailbox.Call
	if err := json.Unmarshal(payload, &c); err != nil {
		return 0, permanent(fmt.Errorf("decode %s payload: %w", method, err))
	}
	switch method {
	case mailbox.MethodSendMessage:
		m, err := s.b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chatID, Text: c.Text, ReplyMarkup: markup(c),
			DisableNotification: c.Silent})
		return messageID(m, err)
	case mailbox.MethodSendLocation:
		m, err := s.b.SendLocation(ctx, &tgbot.SendLocationParams{ChatID: chatID, Latitude: c.Latitude, Longitude: c.Longitude,
			DisableNotification: c.Silent})
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
		m, err := s.b.SendPhoto(ctx, &tgbot.SendPhotoParams{ChatID: chatID, Photo: &tgmodels.InputFileString{Data: c.FileID},
			Caption: c.Text, ReplyMarkup: markup(c)})
		return messageID(m, err)
	case mailbox.MethodSendVoice:
		m, err := s.b.SendVoice(ctx, &tgbot.SendVoiceParams{ChatID: chatID, Voice: &tgmodels.InputFileString{Data: c.FileID},
			Caption: c.Text, ReplyMarkup: markup(c)})
		return messageID(m, err)
	case mailbox.MethodSendDocument:
		var doc tgmodels.InputFile = &tgmodels.InputFileString{Data: c.FileID}
		if c.FileName != "" {
			doc = &tgmodels.InputFileUpload{Filename: c.FileName, Data: bytes.NewReader(c.FileData)}
		}
		m, err := s.b.SendDocument(ctx, &tgbot.SendDocumentParams{ChatID: chatID, Document: doc, Caption: c.Text, ReplyMarkup: markup(c)})
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

func markup(c mailbox.Call) tgmodels.ReplyMarkup {
	switch {
	case len(c.Inline) > 0:
		rows := make([][]tgmodels.InlineKeyboardButton, 0, len(c.Inline))
		for _, row := range c.Inline {
			r := make([]tgmodels.InlineKeyboardButton, 0, len(row))
			for _, b := range row {
				r = append(r, tgmodels.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data})
			}
			rows = append(rows, r)
		}
		return &tgmodels.InlineKeyboardMarkup{InlineKeyboard: rows}
	case len(c.Keyboard) > 0:
		rows := make([][]tgmodels.KeyboardButton, 0, len(c.Keyboard))
		for _, row := range c.Keyboard {
			r := make([]tgmodels.KeyboardButton, 0, len(row))
			for _, b := range row {
				r = append(r, tgmodels.KeyboardButton{Text: b.Text, RequestLocation: b.RequestLocation})
			}
			rows = append(rows, r)
		}
		return &tgmodels.ReplyKeyboardMarkup{Keyboard: rows, ResizeKeyboard: true, OneTimeKeyboard: true}
	case c.RemoveKeyboard:
		return &tgmodels.ReplyKeyboardRemove{RemoveKeyboard: true}
	}
	return nil
}

// permanentError marks a call that will never succeed as it is.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

func permanent(err error) error { return permanentError{err} }

// verdict is what the dispatcher does after a failed call.
type verdict int

const (
	retryLater  verdict = iota // transient: back off and try again
	giveUp                     // permanent: log and move on to the chat's next call
	treatAsSent                // the effect is already there ("message is not modified")
)

// classify decides whether a failed call is worth retrying. Telegram's
// 403 (bot blocked, kicked), 400 (chat not found, message can't be
// deleted, bad request) and 404 (method not found) never succeed on retry;
// network errors, 5xx, 401 and 409 may.
func classify(err error) (verdict, int) {
	var tooMany *tgbot.TooManyRequestsError
	var migrate *tgbot.MigrateError
	var perm permanentError
	switch {
	case errors.As(err, &tooMany):
		return retryLater, max(tooMany.RetryAfter, 1)
	case errors.As(err, &perm), errors.As(err, &migrate):
		return giveUp, 0
	case errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "message is not modified"):
		return treatAsSent, 0
	case errors.Is(err, tgbot.ErrorForbidden), errors.Is(err, tgbot.ErrorBadRequest), errors.Is(err, tgbot.ErrorNotFound):
		return giveUp, 0
	}
	return retryLater, 0
}
