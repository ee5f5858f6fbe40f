package bottest

import (
	"encoding/json"
	"net/url"
	"slices"

	"github.com/go-telegram/bot/models"
)

// markup is a parsed reply_markup parameter.
type markup struct {
	inline     [][]Button
	wireInline *models.InlineKeyboardMarkup
	keyboard   [][]KeyButton
	remove     bool
	forceReply bool
}

// parseMarkup parses and validates reply_markup; nil when absent.
func parseMarkup(p params) (*markup, *apiError) {
	raw := p.str("reply_markup")
	if raw == "" {
		return nil, nil
	}
	var top map[string]json.RawMessage
	if json.Unmarshal([]byte(raw), &top) != nil {
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	mk := &markup{}
	switch {
	case top["inline_keyboard"] != nil:
		var rows [][]models.InlineKeyboardButton
		if json.Unmarshal(top["inline_keyboard"], &rows) != nil {
			return nil, badRequest(`field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays`)
		}
		for _, row := range rows {
			var out []Button
			for _, b := range row {
				if err := validateInlineButton(b); err != nil {
					return nil, err
				}
				out = append(out, Button{Text: b.Text, CallbackData: b.CallbackData, URL: b.URL})
			}
			mk.inline = append(mk.inline, out)
		}
		if mk.inline == nil {
			mk.inline = [][]Button{}
		}
		mk.wireInline = &models.InlineKeyboardMarkup{InlineKeyboard: rows}
	case top["keyboard"] != nil:
		var rows [][]json.RawMessage
		if json.Unmarshal(top["keyboard"], &rows) != nil {
			return nil, badRequest(`field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays`)
		}
		mk.keyboard = [][]KeyButton{}
		for _, row := range rows {
			var out []KeyButton
			for _, rb := range row {
				var kb models.KeyboardButton
				if json.Unmarshal(rb, &kb.Text) != nil && json.Unmarshal(rb, &kb) != nil {
					return nil, badRequest("can't parse keyboard button")
				}
				if kb.Text == "" {
					return nil, badRequest("keyboard button text is empty")
				}
				out = append(out, KeyButton{Text: kb.Text, RequestLocation: kb.RequestLocation, RequestContact: kb.RequestContact})
			}
			mk.keyboard = append(mk.keyboard, out)
		}
	case top["remove_keyboard"] != nil:
		mk.remove = true
	case top["force_reply"] != nil:
		mk.forceReply = true
	default:
		return nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	return mk, nil
}

func validateInlineButton(b models.InlineKeyboardButton) *apiError {
	if len(b.CallbackData) > 64 {
		return badRequest("BUTTON_DATA_INVALID")
	}
	if b.URL != "" {
		u, err := url.Parse(b.URL)
		if err != nil || !slices.Contains([]string{"http", "https", "tg", "ftp"}, u.Scheme) || (u.Scheme != "tg" && u.Host == "") {
			return badRequest("BUTTON_URL_INVALID")
		}
	}
	if b.URL == "" && b.CallbackData == "" && b.WebApp == nil && b.LoginURL == nil &&
		b.SwitchInlineQuery == nil && b.SwitchInlineQueryCurrentChat == nil &&
		b.SwitchInlineQueryChosenChat == nil && b.CopyText == nil && b.CallbackGame == nil && !b.Pay {
		return badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	}
	return nil
}

// apply sets the markup on a message being sent.
func (mk *markup) apply(m *Message) {
	if mk == nil {
		return
	}
	m.InlineKeyboard, m.ReplyKeyboard = mk.inline, mk.keyboard
	m.RemoveKeyboard, m.ForceReply = mk.remove, mk.forceReply
	m.Raw.ReplyMarkup = mk.wireInline // only inline keyboards appear in message.reply_markup
}

// applyEdit sets the inline keyboard of an edited message: edits replace the
// keyboard, and an edit without reply_markup removes it, as Telegram does.
// Reply keyboards are ignored in edits.
func (mk *markup) applyEdit(m *Message) {
	if mk == nil || mk.wireInline == nil {
		m.InlineKeyboard, m.Raw.ReplyMarkup = nil, nil
		return
	}
	m.InlineKeyboard, m.Raw.ReplyMarkup = mk.inline, mk.wireInline
}

// sameInline compares an edit's keyboard with the message's current one.
func (mk *markup) sameInline(m *Message) bool {
	var next [][]Button
	if mk != nil && mk.wireInline != nil {
		next = mk.inline
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
