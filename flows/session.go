package flows

// Session is what the bot remembers about one chat between updates. It is
// loaded, changed by one Engine step and saved in the same transaction.
type Session struct {
	ChatID int64
	UserID int64
	// Language is the language the user chose ("ko", "km", "en"), or ""
	// when they have not chosen one yet.
	Language string
	// TelegramLanguage is the language_code Telegram last reported.
	TelegramLanguage string
	// Flow and State name the conversation in progress and its FSM
	// state; both are empty when the chat is idle at the main menu.
	Flow  string
	State string
	// Answers holds what the current conversation has collected.
	Answers map[string]string
}

// Idle reports whether no conversation is in progress.
func (s *Session) Idle() bool { return s.Flow == "" }

// Reset ends the current conversation, forgetting its answers.
func (s *Session) Reset() {
	s.Flow, s.State = "", ""
	s.Answers = map[string]string{}
}

// Set stores one answer of the current conversation.
func (s *Session) Set(key, value string) {
	if s.Answers == nil {
		s.Answers = map[string]string{}
	}
	s.Answers[key] = value
}
