package bottest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestPollingBotEndToEnd(t *testing.T) {
	srv := newServer(t)
	var mu sync.Mutex
	var seen []int64
	b := newBot(t, srv, bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {
		mu.Lock()
		seen = append(seen, u.ID)
		mu.Unlock()
		switch {
		case u.Message != nil:
			_, _ = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "echo: " + u.Message.Text,
				ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "닫기", CallbackData: "close"}}}}})
		case u.CallbackQuery != nil:
			m := u.CallbackQuery.Message.Message
			_, _ = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: u.CallbackQuery.ID, Text: "done"})
			_, _ = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: m.Chat.ID, MessageID: m.ID, Text: "closed"})
		}
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Start(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	srv.SendText(minsu, "안녕")
	msgs, err := srv.WaitMessages(minsu.ID, 1, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if msgs[0].Text != "echo: 안녕" || msgs[0].ID != 2 {
		t.Fatalf("reply = %+v", msgs[0])
	}
	cb := srv.SendCallback(minsu, msgs[0].ID, "close")
	if err := srv.WaitFor(func() bool {
		m, _ := srv.Message(minsu.ID, msgs[0].ID)
		return m.Edited
	}, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	m, _ := srv.Message(minsu.ID, msgs[0].ID)
	if m.Text != "closed" || m.InlineKeyboard != nil {
		t.Fatalf("edit without reply_markup must drop the keyboard: %+v", m)
	}
	if ans, ok := srv.CallbackAnswer(cb); !ok || ans.Text != "done" {
		t.Fatalf("callback answer = %+v %v", ans, ok)
	}
	if err := srv.WaitFor(func() bool { return srv.Pending() == 0 }, 5*time.Second); err != nil {
		t.Fatalf("updates never confirmed: %v", err)
	}
}

func TestSendValidation(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithSkipGetMe())
	ctx := context.Background()
	send := func(p *bot.SendMessageParams) error {
		_, err := b.SendMessage(ctx, p)
		return err
	}
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: 42, Text: "x"}), "Bad Request: chat not found")
	srv.AddUser(minsu)
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: " "}), "Bad Request: message text is empty")
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: strings.Repeat("가", 4097)}), "Bad Request: message is too long")
	if err := send(&bot.SendMessageParams{ChatID: minsu.ID, Text: strings.Repeat("가", 4096)}); err != nil {
		t.Fatalf("4096 chars must pass: %v", err)
	}
	long := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "x", CallbackData: strings.Repeat("d", 65)}}}}
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "x", ReplyMarkup: long}), "Bad Request: BUTTON_DATA_INVALID")
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "a < b", ParseMode: models.ParseModeHTML}), "can't parse entities")
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "<b>x</i>", ParseMode: models.ParseModeHTML}), "Unmatched end tag")
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "user_name", ParseMode: models.ParseModeMarkdownV1}), "Can't find end of the entity")
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "1.5", ParseMode: models.ParseModeMarkdown}), "Character '.' is reserved")
	if err := send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "*굵게* 1\\.5 [링크](https://a.b/c.d)", ParseMode: models.ParseModeMarkdown}); err != nil {
		t.Fatalf("valid MarkdownV2 rejected: %v", err)
	}
	if last, _ := srv.LastBotMessage(minsu.ID); last.Raw.Text != "굵게 1.5 링크" {
		t.Fatalf("rendered MarkdownV2 = %q", last.Raw.Text)
	}
	wantAPIError(t, send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "x", ReplyParameters: &models.ReplyParameters{MessageID: 99}}),
		"Bad Request: message to be replied not found")

	srv.SetBlocked(minsu.ID, true)
	err := send(&bot.SendMessageParams{ChatID: minsu.ID, Text: "x"})
	if !errors.Is(err, bot.ErrorForbidden) {
		t.Fatalf("blocked: %v", err)
	}
	wantAPIError(t, err, "Forbidden: bot was blocked by the user")
	srv.SetBlocked(minsu.ID, false)
	if len(srv.BotMessages(minsu.ID)) != 2 {
		t.Fatalf("failed sends stored messages: %+v", srv.BotMessages(minsu.ID))
	}
}

func TestEditSemantics(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithSkipGetMe())
	ctx := context.Background()
	srv.SendText(minsu, "hi")
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "a", CallbackData: "a"}}}}
	msg, _ := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "v1", ReplyMarkup: kb})

	_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: minsu.ID, MessageID: 77, Text: "x"})
	wantAPIError(t, err, "Bad Request: message to edit not found")
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: minsu.ID, MessageID: msg.ID, Text: "v1", ReplyMarkup: kb})
	wantAPIError(t, err, "Bad Request: message is not modified")
	_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: minsu.ID, MessageID: 1, Text: "x"})
	wantAPIError(t, err, "Bad Request: message can't be edited")

	edited, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: minsu.ID, MessageID: msg.ID, Text: "v2", ReplyMarkup: kb})
	if err != nil || edited.Text != "v2" || edited.EditDate == 0 || edited.ReplyMarkup == nil {
		t.Fatalf("edit: %+v %v", edited, err)
	}
	if _, err := b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: minsu.ID, MessageID: msg.ID}); err != nil {
		t.Fatal(err)
	}
	_, err = b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: minsu.ID, MessageID: msg.ID})
	wantAPIError(t, err, "message is not modified")
	if m, _ := srv.Message(minsu.ID, msg.ID); !m.Edited || m.InlineKeyboard != nil || m.Text != "v2" {
		t.Fatalf("stored %+v", m)
	}

	// Live location: editable while live, not after stop.
	loc, err := b.SendLocation(ctx, &bot.SendLocationParams{ChatID: minsu.ID, Latitude: 37.5, Longitude: 127, LivePeriod: 600})
	if err != nil || loc.Location.LivePeriod != 600 {
		t.Fatalf("sendLocation: %+v %v", loc, err)
	}
	moved, err := b.EditMessageLiveLocation(ctx, &bot.EditMessageLiveLocationParams{ChatID: minsu.ID, MessageID: loc.ID, Latitude: 37.6, Longitude: 127})
	if err != nil || moved.Location.Latitude != 37.6 {
		t.Fatalf("edit live: %+v %v", moved, err)
	}
	if _, err := b.StopMessageLiveLocation(ctx, &bot.StopMessageLiveLocationParams{ChatID: minsu.ID, MessageID: loc.ID}); err != nil {
		t.Fatal(err)
	}
	_, err = b.EditMessageLiveLocation(ctx, &bot.EditMessageLiveLocationParams{ChatID: minsu.ID, MessageID: loc.ID, Latitude: 1, Longitude: 1})
	wantAPIError(t, err, "message can't be edited")

	if ok, err := b.DeleteMessages(ctx, &bot.DeleteMessagesParams{ChatID: minsu.ID, MessageIDs: []int{msg.ID, 999}}); !ok || err != nil {
		t.Fatalf("deleteMessages: %v %v", ok, err)
	}
	if m, _ := srv.Message(minsu.ID, msg.ID); !m.Deleted {
		t.Fatal("deleteMessages did not delete")
	}
}

func TestUserInjection(t *testing.T) {
	srv := newServer(t)
	srv.Group(-1001234567890, "상담 데스크")
	_, locID := srv.SendLocation(minsu, 37.5, 127.0, 900)
	srv.EditLocation(minsu, locID, 37.51, 127.01)
	srv.SendPhoto(minsu, "사진")
	srv.SendVoice(minsu, 3)
	srv.SendSticker(minsu, "👍")
	srv.SendDocument(minsu, "a.txt", []byte("abc"))
	srv.SendContact(minsu, "+821012345678")
	srv.SendReply(minsu, locID, "위치입니다")
	srv.SendTextInGroup(-1001234567890, minsu, "/done@KoreanDeskTestBot")
	raw, err := srv.SendRawUpdate([]byte(`{"message":{"message_id":"oops"}}`))
	if err != nil || raw == 0 {
		t.Fatalf("raw update: %d %v", raw, err)
	}
	if _, err := srv.SendRawUpdate([]byte(`{broken`)); err == nil {
		t.Fatal("invalid JSON accepted")
	}

	r := postJSON(t, srv, "getUpdates", map[string]any{})
	var ups []json.RawMessage
	_ = json.Unmarshal(r.Result, &ups)
	if len(ups) != 10 {
		t.Fatalf("got %d updates", len(ups))
	}
	var parsed []models.Update
	for _, u := range ups[:9] {
		var up models.Update
		if err := json.Unmarshal(u, &up); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		parsed = append(parsed, up)
	}
	if e := parsed[1].EditedMessage; e == nil || e.ID != locID || e.Location.Latitude != 37.51 || e.Location.LivePeriod != 900 {
		t.Fatalf("edited_message = %+v", parsed[1])
	}
	if p := parsed[2].Message; len(p.Photo) == 0 || p.Caption != "사진" {
		t.Fatalf("photo = %+v", p)
	}
	if rp := parsed[7].Message; rp.ReplyToMessage == nil || rp.ReplyToMessage.ID != locID {
		t.Fatalf("reply = %+v", rp)
	}
	if g := parsed[8].Message; g.Chat.Type != models.ChatTypeSupergroup || g.Chat.Title != "상담 데스크" || g.ID != 1 {
		t.Fatalf("group message = %+v", g)
	}
	kinds := []string{}
	for _, m := range srv.Messages(minsu.ID) {
		kinds = append(kinds, m.Kind)
	}
	if got := strings.Join(kinds, ","); got != "location,photo,voice,sticker,document,contact,text" {
		t.Fatalf("kinds = %s", got)
	}
}

func TestCommandsAndMisc(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := context.Background()
	cmds := []models.BotCommand{{Command: "start", Description: "시작"}, {Command: "help", Description: "도움말"}}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: cmds, LanguageCode: "ko",
		Scope: &models.BotCommandScopeAllPrivateChats{}}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Commands(&models.BotCommandScopeAllPrivateChats{}, "ko"); len(got) != 2 || got[1].Command != "help" {
		t.Fatalf("commands = %+v", got)
	}
	if got := srv.Commands(nil, "ko"); got != nil {
		t.Fatalf("default scope must be separate: %+v", got)
	}
	got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{Scope: &models.BotCommandScopeAllPrivateChats{}, LanguageCode: "ko"})
	if err != nil || len(got) != 2 {
		t.Fatalf("getMyCommands: %+v %v", got, err)
	}
	_, err = b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Bad-Cmd", Description: "x"}}})
	wantAPIError(t, err, "BOT_COMMAND_INVALID")
	if _, err := b.DeleteMyCommands(ctx, &bot.DeleteMyCommandsParams{Scope: &models.BotCommandScopeAllPrivateChats{}, LanguageCode: "ko"}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Commands(&models.BotCommandScopeAllPrivateChats{}, "ko"); got != nil {
		t.Fatalf("not deleted: %+v", got)
	}

	srv.SendText(minsu, "hi")
	if ok, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: minsu.ID, Action: models.ChatActionTyping}); !ok || err != nil {
		t.Fatalf("chat action: %v", err)
	}
	chat, err := b.GetChat(ctx, &bot.GetChatParams{ChatID: minsu.ID})
	if err != nil || chat.ID != minsu.ID || chat.FirstName != "Min" {
		t.Fatalf("getChat: %+v %v", chat, err)
	}
	srv.Group(-100, "desk")
	if _, err := b.ForwardMessage(ctx, &bot.ForwardMessageParams{ChatID: -100, FromChatID: minsu.ID, MessageID: 1}); err != nil {
		t.Fatal(err)
	}
	id, err := b.CopyMessage(ctx, &bot.CopyMessageParams{ChatID: -100, FromChatID: minsu.ID, MessageID: 1})
	if err != nil || id.ID != 2 {
		t.Fatalf("copy: %+v %v", id, err)
	}
	group := srv.Messages(-100)
	if len(group) != 2 || group[0].Raw.ForwardOrigin == nil || group[1].Text != "hi" {
		t.Fatalf("group = %+v", group)
	}
	_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: "nope"})
	wantAPIError(t, err, "query is too old")
}

func TestConcurrentSendsGetDistinctIDs(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithSkipGetMe())
	srv.AddUser(minsu)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: minsu.ID, Text: fmt.Sprint(i)})
		}()
		go srv.SendText(minsu, "user")
	}
	wg.Wait()
	msgs, err := srv.WaitMessages(minsu.ID, 20, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_ = srv.WaitFor(func() bool { return len(srv.Messages(minsu.ID)) == 40 }, 5*time.Second)
	all := srv.Messages(minsu.ID)
	for i, m := range all {
		if m.ID != i+1 {
			t.Fatalf("ids not dense and ordered at %d: %d", i, m.ID)
		}
	}
	if len(msgs) != 20 || len(all) != 40 {
		t.Fatalf("bot %d, all %d", len(msgs), len(all))
	}
}
