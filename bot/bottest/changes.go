package bottest

import (
	"slices"
	"strconv"

	"github.com/go-telegram/bot/models"
)

// bump gives m the next change sequence number; s.mu held.
func (s *Server) bump(m *Message) {
	s.seq++
	m.Seq = s.seq
}

// Changes returns the messages of every chat stored, edited or deleted
// after the change numbered since (0: all of them), ordered by Seq, each
// in its current state (deleted ones with Deleted set), and the last
// change number, to pass as since next time. A client that follows a
// conversation live (the browser simulator) waits on Changed and then
// asks for the Changes since the last call.
func (s *Server) Changes(since int64) ([]Message, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, c := range s.chats {
		for _, m := range c.msgs {
			if m.Seq > since {
				out = append(out, m.clone())
			}
		}
	}
	slices.SortFunc(out, func(a, b Message) int { return int(a.Seq - b.Seq) })
	return out, s.seq
}

// Changed returns a channel that is closed at the next state change of the
// Server (an update queued or confirmed, an API call served, a message
// stored, edited or deleted, ...). Take a new channel after each wake-up.
func (s *Server) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

// Chat returns a known chat as the Bot API describes it.
func (s *Server) Chat(chatID int64) (models.Chat, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.chats[chatID]; c != nil {
		return c.wire, true
	}
	return models.Chat{}, false
}

// MenuFor returns the command menu user userID, whose Telegram language
// is lang, sees in chat chatID, resolved the way Telegram clients do: the
// narrowest scope that has commands wins (chat member, chat, then all
// private or all group chats, then default), and within a scope the
// user's language before the list without a language.
func (s *Server) MenuFor(chatID, userID int64, lang string) []models.BotCommand {
	chat := strconv.FormatInt(chatID, 10)
	scopes := []string{"chat_member|" + chat + "|" + strconv.FormatInt(userID, 10), "chat|" + chat + "|0"}
	if chatID > 0 {
		scopes = append(scopes, "all_private_chats||0")
	} else {
		scopes = append(scopes, "all_group_chats||0")
	}
	scopes = append(scopes, "default||0")
	langs := []string{lang}
	if base := baseLang(lang); base != lang {
		langs = append(langs, base)
	}
	langs = append(langs, "")
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sc := range scopes {
		for _, l := range langs {
			if cmds := s.commands[sc+"|"+l]; len(cmds) > 0 {
				return slices.Clone(cmds)
			}
		}
	}
	return nil
}

// baseLang is "ko" for "ko-KR".
func baseLang(lang string) string {
	for i := range len(lang) {
		if lang[i] == '-' || lang[i] == '_' {
			return lang[:i]
		}
	}
	return lang
}
