// Package tgcall turns a stored call's parts (mailbox.Call) into
// go-telegram/bot's parameters: its keyboard, its file, an album's items.
package tgcall

import (
	"bytes"

	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/mailbox"
)

// SingleMedia is the method that sends an album's only item on its own.
var SingleMedia = map[string]string{mailbox.MediaPhoto: mailbox.MethodSendPhoto, mailbox.MediaVideo: mailbox.MethodSendVideo,
	mailbox.MediaDocument: mailbox.MethodSendDocument, mailbox.MediaAudio: mailbox.MethodSendAudio}

// Media makes an album's items, each sent again by its file id.
func Media(items []mailbox.Media) []tgmodels.InputMedia {
	out := make([]tgmodels.InputMedia, 0, len(items))
	for _, it := range items {
		switch it.Kind {
		case mailbox.MediaVideo:
			out = append(out, &tgmodels.InputMediaVideo{Media: it.FileID, Caption: it.Caption})
		case mailbox.MediaAudio:
			out = append(out, &tgmodels.InputMediaAudio{Media: it.FileID, Caption: it.Caption})
		case mailbox.MediaDocument:
			out = append(out, &tgmodels.InputMediaDocument{Media: it.FileID, Caption: it.Caption})
		default:
			out = append(out, &tgmodels.InputMediaPhoto{Media: it.FileID, Caption: it.Caption})
		}
	}
	return out
}

// File is a call's file: uploaded when it carries the bytes (the
// /stats chart), else re-sent by Telegram's file id.
func File(c mailbox.Call) tgmodels.InputFile {
	if c.FileName != "" {
		return &tgmodels.InputFileUpload{Filename: c.FileName, Data: bytes.NewReader(c.FileData)}
	}
	return &tgmodels.InputFileString{Data: c.FileID}
}

// Markup is a call's keyboard: inline buttons, a reply keyboard, or the
// reply keyboard removed; nil for none.
func Markup(c mailbox.Call) tgmodels.ReplyMarkup {
	switch {
	case len(c.Inline) > 0:
		return &tgmodels.InlineKeyboardMarkup{InlineKeyboard: rows(c.Inline, func(b mailbox.Button) tgmodels.InlineKeyboardButton {
			return tgmodels.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data}
		})}
	case len(c.Keyboard) > 0:
		return &tgmodels.ReplyKeyboardMarkup{Keyboard: rows(c.Keyboard, func(b mailbox.Key) tgmodels.KeyboardButton {
			return tgmodels.KeyboardButton{Text: b.Text, RequestLocation: b.RequestLocation}
		}), ResizeKeyboard: true, OneTimeKeyboard: true}
	case c.RemoveKeyboard:
		return &tgmodels.ReplyKeyboardRemove{RemoveKeyboard: true}
	}
	return nil
}

// rows converts a keyboard's rows of buttons, button by button.
func rows[B, T any](in [][]B, conv func(B) T) [][]T {
	out := make([][]T, 0, len(in))
	for _, row := range in {
		r := make([]T, 0, len(row))
		for _, b := range row {
			r = append(r, conv(b))
		}
		out = append(out, r)
	}
	return out
}
