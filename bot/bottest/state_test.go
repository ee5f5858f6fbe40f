package bottest_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest"
)

func TestChangesFollowNewEditedAndDeletedMessages(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	srv.SendText(minsu, "/start")
	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "hello"})
	if err != nil {
		t.Fatal(err)
	}
	all, seq := srv.Changes(0)
	if len(all) != 2 || all[0].Text != "/start" || all[1].Text != "hello" || seq != all[1].Seq {
		t.Fatalf("Changes(0) = %+v (seq %d), want /start then hello", all, seq)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: minsu.ID, MessageID: sent.ID, Text: "hi"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: minsu.ID, MessageID: 1}); err != nil {
		t.Fatal(err)
	}
	got, next := srv.Changes(seq)
	if len(got) != 2 || got[0].Text != "hi" || !got[0].Edited || !got[1].Deleted || got[1].ID != 1 || next != seq+2 {
		t.Fatalf("Changes(%d) = %+v (seq %d), want the edit, then the deletion", seq, got, next)
	}
	if rest, _ := srv.Changes(next); len(rest) != 0 {
		t.Errorf("Changes(%d) = %+v, want nothing", next, rest)
	}
}

func TestMenuForResolvesLikeTelegram(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	set := func(scope models.BotCommandScope, lang, cmd string) {
		t.Helper()
		_, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Scope: scope, LanguageCode: lang,
			Commands: []models.BotCommand{{Command: cmd, Description: cmd}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	set(&models.BotCommandScopeDefault{}, "", "start")
	set(&models.BotCommandScopeDefault{}, "ko", "start_ko")
	set(&models.BotCommandScopeChat{ChatID: 7}, "", "queue")
	set(&models.BotCommandScopeAllGroupChats{}, "", "group")
	tests := []struct {
		chat int64
		lang string
		want string
	}{
		{1001, "en", "start"},
		{1001, "ko", "start_ko"},
		{1001, "ko-KR", "start_ko"},
		{7, "ko", "queue"},
		{-100, "ko", "group"},
	}
	for _, tt := range tests {
		got := srv.MenuFor(tt.chat, tt.chat, tt.lang)
		if len(got) != 1 || got[0].Command != tt.want {
			t.Errorf("MenuFor(%d, %q) = %+v, want /%s", tt.chat, tt.lang, got, tt.want)
		}
	}
}

func TestSnapshotRestoresChatsFilesAndCounters(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	srv.SendText(minsu, "/export")
	doc, err := b.SendDocument(ctx, &bot.SendDocumentParams{ChatID: minsu.ID,
		Document:    &models.InputFileUpload{Filename: "cases.csv", Data: strings.NewReader("ref\nKD-7Q3M\n")},
		ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "ok", CallbackData: "ok"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(srv.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var st bottest.State
	if err := json.Unmarshal(raw, &st); err != nil {
		t.Fatal(err)
	}
	again := bottest.New(bottest.WithState(st))
	defer again.Close()
	if got := again.Pending(); got != 1 {
		t.Errorf("pending updates after restore = %d, want the unconfirmed /export", got)
	}
	msgs := again.Messages(minsu.ID)
	if len(msgs) != 2 || msgs[1].File == nil || msgs[1].Raw.Document == nil || len(msgs[1].InlineKeyboard) != 1 {
		t.Fatalf("restored history = %+v", msgs)
	}
	if f, ok := again.File(doc.Document.FileID); !ok || string(f.Content) != "ref\nKD-7Q3M\n" {
		t.Errorf("restored file = %+v", f)
	}
	if id := again.SendText(minsu, "/start"); id != 2 {
		t.Errorf("next update_id = %d, want 2", id)
	}
	if _, id := again.SendLocation(minsu, 10.6, 103.5, 0); id != 4 {
		t.Errorf("next message id = %d, want 4", id)
	}
}

func TestWithNextUpdateID(t *testing.T) {
	srv := bottest.New(bottest.WithNextUpdateID(1_700_000_000))
	defer srv.Close()
	if id := srv.SendText(minsu, "/start"); id != 1_700_000_000 {
		t.Errorf("update_id = %d", id)
	}
}
