package tgapi

import (
	"encoding/json"
	"net/url"
	"slices"

	"github.com/go-telegram/bot/models"
)

// Button is an inline keyboard button.
type Button struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	URL          string `json:"url,omitempty"`
}

// KeyButton is a reply keyboard button.
type KeyButton struct {
	Text            string `json:"text"`
	RequestLocation bool   `json:"request_location,omitempty"`
	RequestContact  bool   `json:"request_contact,omitempty"`
}

// Markup is a parsed reply_markup parameter.
type Markup struct {
	Inline     [][]Button
	WireInline *models.InlineKeyboardMarkup
	Keyboard   [][]KeyButton
	Remove     bool
	ForceReply bool
}

// ParseMarkup parses and validates reply_markup; nil when absent.
func ParseMarkup(p Params) (*Markup, *Error) {
	raw := p.Str("reply_markup")
	if raw == "" {
		return nil, nil
	}
	var top map[string]json.RawMessage
	if json.Unmarshal([]byte(raw), &top) != nil {
		return nil, BadRequest("can't parse reply keyboard markup JSON object")
	}
	mk := &Markup{}
	switch {
	case top["inline_keyboard"] != nil:
		var rows [][]models.InlineKeyboardButton
		if json.Unmarshal(top["inline_keyboard"], &rows) != nil {
			return nil, BadRequest(`field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays`)
		}
		for _, row := range rows {
			var out []Button
			for _, b := range row {
				if err := validateInlineButton(b); err != nil {
					return nil, err
				}
				out = append(out, Button{Text: b.Text, CallbackData: b.CallbackData, URL: b.URL})
			}
			mk.Inline = append(mk.Inline, out)
		}
		if mk.Inline == nil {
			mk.Inline = [][]Button{}
		}
		mk.WireInline = &models.InlineKeyboardMarkup{InlineKeyboard: rows}
	case top["keyboard"] != nil:
		var rows [][]json.RawMessage
		if json.Unmarshal(top["keyboard"], &rows) != nil {
			return nil, BadRequest(`field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays`)
		}
		mk.Keyboard = [][]KeyButton{}
		for _, row := range rows {
			var out []KeyButton
			for _, rb := range row {
				var kb models.KeyboardButton
				if json.Unmarshal(rb, &kb.Text) != nil && json.Unmarshal(rb, &kb) != nil {
					return nil, BadRequest("can't parse keyboard button")
				}
				if kb.Text == "" {
					return nil, BadRequest("keyboard button text is empty")
				}
				out = append(out, KeyButton{Text: kb.Text, RequestLocation: kb.RequestLocation, RequestContact: kb.RequestContact})
			}
			mk.Keyboard = append(mk.Keyboard, out)
		}
	case top["remove_keyboard"] != nil:
		mk.Remove = true
	case top["force_reply"] != nil:
		mk.ForceReply = true
	default:
		return nil, BadRequest("can't parse reply keyboard markup JSON object")
	}
	return mk, nil
}

func validateInlineButton(b models.InlineKeyboardButton) *Error {
	if len(b.CallbackData) > 64 {
		return BadRequest("BUTTON_DATA_INVALID")
	}
	if b.URL != "" {
		u, err := url.Parse(b.URL)
		if err != nil || !slices.Contains([]string{"http", "https", "tg", "ftp"}, u.Scheme) || (u.Scheme != "tg" && u.Host == "") {
			return BadRequest("BUTTON_URL_INVALID")
		}
	}
	if b.URL == "" && b.CallbackData == "" && b.WebApp == nil && b.LoginURL == nil &&
		b.SwitchInlineQuery == nil && b.SwitchInlineQueryCurrentChat == nil &&
		b.SwitchInlineQueryChosenChat == nil && b.CopyText == nil && b.CallbackGame == nil && !b.Pay {
		return BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	}
	return nil
}
