package flows

import "strings"

// Languages the Korean Desk serves, in menu order. English is the reference
// catalogue and the fallback.
var Languages = []string{"ko", "km", "en"}

// DefaultLanguage is used when neither the user nor Telegram says better.
const DefaultLanguage = "en"

// MatchLanguage maps a Telegram language_code ("ko", "ko-KR", "km") to a
// served language, or "" when it is none of them.
func MatchLanguage(code string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(code)), "-")
	for _, l := range Languages {
		if base == l {
			return l
		}
	}
	return ""
}

// Lang is the language to speak to this chat: the user's choice, else
// Telegram's language_code, else English.
func (s *Session) Lang() string {
	if l := MatchLanguage(s.Language); l != "" {
		return l
	}
	if l := MatchLanguage(s.TelegramLanguage); l != "" {
		return l
	}
	return DefaultLanguage
}
