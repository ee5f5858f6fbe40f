package bot

import (
	"strings"
	"testing"
	"unicode/utf8"

	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// FuzzUpdate feeds arbitrary bytes through what every received update
// goes through before a conversation sees it: parsing, the chat and
// priority the inbox stores, the conversion to an Input, command parsing.
// None may panic, and what comes out must hold its invariants.
func FuzzUpdate(f *testing.F) {
	for _, seed := range []string{
		`{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"first_name":"A"},"text":"/start@KoreanDeskBot sos","entities":[{"type":"bot_command","offset":0,"length":21}]}}`,
		`{"update_id":2,"edited_message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"from":{"id":5},"location":{"latitude":10.6,"longitude":103.5,"live_period":900}}}`,
		`{"update_id":3,"callback_query":{"id":"q","from":{"id":5},"data":"go:sos","message":{"message_id":2,"date":0,"chat":{"id":5,"type":"private"}}}}`,
		`{"update_id":4,"message":{"message_id":1,"date":1,"chat":{"id":-100,"type":"group"},"text":"help\u0000me"}}`,
		`{"update_id":5,"message":{"message_id":1,"chat":{"id":5,"type":"private"},"from":{"id":5},"photo":[{"file_id":"a"},{"file_id":"b"}],"caption":"😀"}}`,
		`[]`, `"x"`, `{"update_id":-1}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		u, ok := parseUpdate(raw)
		if !ok {
			return
		}
		chat := updateChat(u)
		p := updatePriority(u, func(in flows.Input) bool { return in.Command == "sos" })
		if p != mailbox.PriorityUrgent && p != mailbox.PriorityNormal {
			t.Fatalf("priority %d", p)
		}
		in, ok := toInput(u)
		if !ok {
			return
		}
		if in.ChatID != chat {
			t.Fatalf("input chat %d, stored chat %d", in.ChatID, chat)
		}
		if in.Kind == flows.KindCommand {
			if in.Command == "" || in.Command != strings.ToLower(in.Command) || !utf8.ValidString(in.Command) || len(in.Command) > 32 {
				t.Fatalf("command %q", in.Command)
			}
			if strings.ContainsAny(in.Command, " @") {
				t.Fatalf("command %q holds a space or the bot's name", in.Command)
			}
		}
	})
}

// FuzzCommand checks command parsing on any text and entity.
func FuzzCommand(f *testing.F) {
	f.Add("/start sos", 0, 6)
	f.Add("/reply@KoreanDeskBot KD-7Q3M 안녕하세요", 0, 20)
	f.Add("/", 0, 1)
	f.Add("hello /sos", 6, 4)
	f.Fuzz(func(t *testing.T, text string, offset, length int) {
		m := &tgmodels.Message{Text: text, Entities: []tgmodels.MessageEntity{{Type: tgmodels.MessageEntityTypeBotCommand, Offset: offset, Length: length}}}
		cmd, args, ok := command(m)
		if !ok {
			return
		}
		if !strings.HasPrefix(text, "/") || offset != 0 {
			t.Fatalf("%q (entity at %d) parsed as command %q", text, offset, cmd)
		}
		if cmd == "" || strings.ContainsAny(cmd, " @") || args != strings.TrimSpace(args) {
			t.Fatalf("command %q args %q", cmd, args)
		}
	})
}
