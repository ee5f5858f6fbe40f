package bottest

import (
	"slices"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// applyMarkup sets the markup on a message being sent.
func applyMarkup(mk *tgapi.Markup, m *Message) {
	if mk == nil {
		return
	}
	m.InlineKeyboard, m.ReplyKeyboard = mk.Inline, mk.Keyboard
	m.RemoveKeyboard, m.ForceReply = mk.Remove, mk.ForceReply
	m.Raw.ReplyMarkup = mk.WireInline // only inline keyboards appear in message.reply_markup
}

// applyMarkupEdit sets the inline keyboard of an edited message: edits replace the
// keyboard, and an edit without reply_markup removes it, as Telegram does.
// Reply keyboards are ignored in edits.
func applyMarkupEdit(mk *tgapi.Markup, m *Message) {
	if mk == nil || mk.WireInline == nil {
		m.InlineKeyboard, m.Raw.ReplyMarkup = nil, nil
		return
	}
	m.InlineKeyboard, m.Raw.ReplyMarkup = mk.Inline, mk.WireInline
}

// sameInline compares an edit's keyboard with the message's current one.
func sameInline(mk *tgapi.Markup, m *Message) bool {
	var next [][]tgapi.Button
	if mk != nil && mk.WireInline != nil {
		next = mk.Inline
	}
	if len(next) != len(m.InlineKeyboard) {
		return false
	}
	for i := range next {
		if !slices.Equal(next[i], m.InlineKeyboard[i]) {
			return false
		}
	}
	return true
}
