package bottest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

var minsu = bottest.User{ID: 1001, FirstName: "Min", LanguageCode: "ko"}

func newServer(t *testing.T) *bottest.Server {
	t.Helper()
	srv := bottest.New()
	t.Cleanup(srv.Close)
	return srv
}

func newBot(t *testing.T, srv *bottest.Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	b, err := bot.New(srv.Token(), append([]bot.Option{bot.WithServerURL(srv.URL())}, opts...)...)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return b
}

type apiResp struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// post sends a raw request and decodes the Bot API answer.
func post(t *testing.T, srv *bottest.Server, method, contentType, body string) (int, apiResp) {
	t.Helper()
	resp, err := http.Post(srv.URL()+"/bot"+srv.Token()+"/"+method, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r apiResp
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("%s: answer is not JSON: %s", method, raw)
	}
	return resp.StatusCode, r
}

func postJSON(t *testing.T, srv *bottest.Server, method string, params any) apiResp {
	t.Helper()
	b, _ := json.Marshal(params)
	_, r := post(t, srv, method, "application/json", string(b))
	return r
}

func wantAPIError(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error = %v, want it to contain %q", err, want)
	}
}

func TestSendMessageInlineKeyboardRoundTrip(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	srv.SendText(minsu, "/start")
	ctx := context.Background()

	kb := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
		{{Text: "상담 시작", CallbackData: "start:1"}, {Text: "웹", URL: "https://example.com"}},
	}}
	msg, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "<b>안녕하세요</b>",
		ParseMode: models.ParseModeHTML, ReplyMarkup: kb})
	if err != nil {
		t.Fatal(err)
	}
	if msg.ID != 2 || msg.Chat.ID != minsu.ID || msg.From == nil || msg.From.ID != 123456 || !msg.From.IsBot {
		t.Fatalf("unexpected message %+v", msg)
	}
	if msg.Text != "안녕하세요" || msg.Date == 0 {
		t.Fatalf("text/date = %q/%d", msg.Text, msg.Date)
	}
	if msg.ReplyMarkup == nil || msg.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "start:1" {
		t.Fatalf("reply_markup not returned: %+v", msg.ReplyMarkup)
	}

	msgs := srv.Messages(minsu.ID)
	if len(msgs) != 2 || msgs[0].FromBot || msgs[0].Text != "/start" || !msgs[1].FromBot {
		t.Fatalf("history = %+v", msgs)
	}
	got := msgs[1]
	if got.Kind != bottest.KindText || got.Text != "<b>안녕하세요</b>" || got.ParseMode != "HTML" {
		t.Fatalf("stored %+v", got)
	}
	want := [][]tgapi.Button{{{Text: "상담 시작", CallbackData: "start:1"}, {Text: "웹", URL: "https://example.com"}}}
	if len(got.InlineKeyboard) != 1 || got.InlineKeyboard[0][0] != want[0][0] || got.InlineKeyboard[0][1] != want[0][1] {
		t.Fatalf("inline keyboard = %+v", got.InlineKeyboard)
	}

	// A reply keyboard is stored but, like Telegram, not echoed in message.reply_markup.
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "위치를 보내주세요",
		ReplyMarkup: &models.ReplyKeyboardMarkup{Keyboard: [][]models.KeyboardButton{{{Text: "📍", RequestLocation: true}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if kb := srv.CurrentKeyboard(minsu.ID); len(kb) != 1 || !kb[0][0].RequestLocation {
		t.Fatalf("current keyboard = %+v", kb)
	}
	if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "ok",
		ReplyMarkup: &models.ReplyKeyboardRemove{RemoveKeyboard: true}}); err != nil {
		t.Fatal(err)
	}
	if kb := srv.CurrentKeyboard(minsu.ID); kb != nil {
		t.Fatalf("keyboard not removed: %+v", kb)
	}
	if last, _ := srv.LastBotMessage(minsu.ID); !last.RemoveKeyboard {
		t.Fatalf("RemoveKeyboard not recorded: %+v", last)
	}
}

func TestSendDocumentUploadIsReadable(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithSkipGetMe())
	srv.AddUser(minsu)
	csv := "id,name\n1,민수\n"
	msg, err := b.SendDocument(context.Background(), &bot.SendDocumentParams{ChatID: minsu.ID,
		Document: &models.InputFileUpload{Filename: "report.csv", Data: strings.NewReader(csv)}, Caption: "주간 보고"})
	if err != nil {
		t.Fatal(err)
	}
	if msg.Document == nil || msg.Document.FileName != "report.csv" || msg.Document.FileSize != int64(len(csv)) || msg.Caption != "주간 보고" {
		t.Fatalf("document = %+v caption %q", msg.Document, msg.Caption)
	}
	last, ok := srv.LastBotMessage(minsu.ID)
	if !ok || last.Kind != bottest.KindDocument || last.File == nil {
		t.Fatalf("stored %+v", last)
	}
	if last.File.Name != "report.csv" || string(last.File.Content) != csv || last.File.MimeType != "text/csv" {
		t.Fatalf("file = %+v %q", last.File, last.File.Content)
	}

	// Re-sending by file_id reuses the stored file; getFile + download serves it.
	if _, err := b.SendDocument(context.Background(), &bot.SendDocumentParams{ChatID: minsu.ID,
		Document: &models.InputFileString{Data: msg.Document.FileID}}); err != nil {
		t.Fatal(err)
	}
	f, err := b.GetFile(context.Background(), &bot.GetFileParams{FileID: msg.Document.FileID})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(b.FileDownloadLink(f))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != csv {
		t.Fatalf("download = %q", body)
	}
	_, err = b.SendDocument(context.Background(), &bot.SendDocumentParams{ChatID: minsu.ID,
		Document: &models.InputFileString{Data: "no-such-file"}})
	wantAPIError(t, err, "wrong file identifier/HTTP URL specified")
}

func TestGetUpdatesOffsetSemantics(t *testing.T) {
	srv := newServer(t)
	u1 := srv.SendText(minsu, "/start")
	u2 := srv.SendText(minsu, "hello")
	if u2 != u1+1 {
		t.Fatalf("update ids %d, %d", u1, u2)
	}
	get := func(params map[string]any) []models.Update {
		t.Helper()
		r := postJSON(t, srv, "getUpdates", params)
		if !r.OK {
			t.Fatalf("getUpdates: %+v", r)
		}
		var ups []models.Update
		if err := json.Unmarshal(r.Result, &ups); err != nil {
			t.Fatal(err)
		}
		return ups
	}

	ups := get(map[string]any{})
	if len(ups) != 2 || ups[0].ID != u1 || ups[1].ID != u2 {
		t.Fatalf("updates = %+v", ups)
	}
	cmd := ups[0].Message
	if cmd.Text != "/start" || len(cmd.Entities) != 1 || cmd.Entities[0].Type != models.MessageEntityTypeBotCommand ||
		cmd.Entities[0].Length != 6 || cmd.From.ID != minsu.ID || cmd.Chat.Type != models.ChatTypePrivate || cmd.ID != 1 {
		t.Fatalf("message = %+v", cmd)
	}
	if again := get(map[string]any{"limit": 1}); len(again) != 1 || again[0].ID != u1 {
		t.Fatalf("unconfirmed updates must be redelivered: %+v", again)
	}
	if rest := get(map[string]any{"offset": u1 + 1}); len(rest) != 1 || rest[0].ID != u2 {
		t.Fatalf("offset %d: %+v", u1+1, rest)
	}
	if srv.Pending() != 1 {
		t.Fatalf("pending = %d", srv.Pending())
	}
	if none := get(map[string]any{"offset": u2 + 1}); len(none) != 0 || srv.Pending() != 0 {
		t.Fatalf("confirmed updates came back: %+v", none)
	}

	// A long poll returns as soon as an update arrives.
	go func() {
		time.Sleep(50 * time.Millisecond)
		srv.SendText(minsu, "late")
	}()
	start := time.Now()
	ups = get(map[string]any{"offset": u2 + 1, "timeout": 5})
	if len(ups) != 1 || ups[0].Message.Text != "late" || time.Since(start) > 3*time.Second {
		t.Fatalf("long poll: %+v after %v", ups, time.Since(start))
	}
	// An empty long poll lasts the timeout.
	start = time.Now()
	if ups := get(map[string]any{"offset": ups[0].ID + 1, "timeout": 1}); len(ups) != 0 || time.Since(start) < 900*time.Millisecond {
		t.Fatalf("empty long poll: %+v after %v", ups, time.Since(start))
	}

	// Duplicate delivery keeps the update_id.
	if !srv.Redeliver(u1) {
		t.Fatal("Redeliver failed")
	}
	if dup := get(map[string]any{"offset": 1000}); len(dup) != 1 || dup[0].ID != u1 {
		t.Fatalf("redelivered = %+v", dup)
	}
}

func TestGetUpdatesLongPollHonoursCancellation(t *testing.T) {
	srv := newServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL()+"/bot"+srv.Token()+"/getUpdates?timeout=30", nil)
	start := time.Now()
	_, err := http.DefaultClient.Do(req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	// The handler must notice and return; Close would otherwise block.
	if err := srv.WaitFor(func() bool { return len(srv.Calls("getUpdates")) == 1 }, 2*time.Second); err != nil {
		t.Fatalf("long poll did not end after cancellation: %v (%v)", err, time.Since(start))
	}
}

func TestFailNextTooManyRequests(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithSkipGetMe())
	srv.AddUser(minsu)
	srv.FailNext("sendMessage", 1, tgapi.TooManyRequests(7))
	_, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: minsu.ID, Text: "hi"})
	var tmr *bot.TooManyRequestsError
	if !errors.As(err, &tmr) || tmr.RetryAfter != 7 {
		t.Fatalf("err = %#v", err)
	}
	if len(srv.Messages(minsu.ID)) != 0 {
		t.Fatal("a failed call must not store a message")
	}
	if _, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: minsu.ID, Text: "hi"}); err != nil {
		t.Fatalf("second call: %v", err)
	}
	calls := srv.Calls("SENDMESSAGE")
	if len(calls) != 2 || calls[0].Code != 429 || calls[1].Code != 200 || calls[1].Param("text") != "hi" {
		t.Fatalf("calls = %+v", calls)
	}
}

func TestDeleteAfter48HoursFails(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithSkipGetMe())
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	srv.SetClock(func() time.Time { return now })
	srv.AddUser(minsu)
	ctx := context.Background()
	old, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "old"})
	if err != nil {
		t.Fatal(err)
	}
	if old.Date != int(now.Unix()) {
		t.Fatalf("date %d, want clock time", old.Date)
	}
	fresh, _ := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "fresh"})

	later := now.Add(48*time.Hour + time.Second)
	srv.SetClock(func() time.Time { return later })
	_, err = b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: minsu.ID, MessageID: old.ID})
	wantAPIError(t, err, "Bad Request: message can't be deleted for everyone")
	if !errors.Is(err, bot.ErrorBadRequest) {
		t.Fatalf("not a bad request: %v", err)
	}

	srv.SetClock(func() time.Time { return now.Add(time.Hour) })
	if ok, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: minsu.ID, MessageID: fresh.ID}); !ok || err != nil {
		t.Fatalf("delete fresh: %v %v", ok, err)
	}
	_, err = b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: minsu.ID, MessageID: fresh.ID})
	wantAPIError(t, err, "Bad Request: message to delete not found")
	if m, _ := srv.Message(minsu.ID, fresh.ID); !m.Deleted {
		t.Fatal("Deleted flag not set")
	}
}

func TestFormAndJSONBodies(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(minsu)
	markup := `{"inline_keyboard":[[{"text":"예","callback_data":"yes"}]]}`

	form := url.Values{"chat_id": {"1001"}, "text": {"form body"}, "reply_markup": {markup}}
	code, r := post(t, srv, "sendmessage", "application/x-www-form-urlencoded", form.Encode())
	if code != 200 || !r.OK {
		t.Fatalf("form: %d %+v", code, r)
	}
	var m models.Message
	_ = json.Unmarshal(r.Result, &m)
	if m.Text != "form body" || m.ReplyMarkup == nil || m.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "yes" {
		t.Fatalf("form result %+v", m)
	}

	// JSON with a nested object and with the markup as a JSON string.
	for _, rm := range []any{json.RawMessage(markup), markup} {
		r = postJSON(t, srv, "sendMessage", map[string]any{"chat_id": 1001, "text": "json body", "reply_markup": rm,
			"reply_parameters": map[string]any{"message_id": m.ID}})
		if !r.OK {
			t.Fatalf("json: %+v", r)
		}
	}
	// Query string.
	resp, err := http.Get(srv.URL() + "/bot" + srv.Token() + "/sendMessage?chat_id=1001&text=query")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("query: %v %v", err, resp)
	}
	resp.Body.Close()

	msgs := srv.BotMessages(minsu.ID)
	if len(msgs) != 4 || msgs[1].ReplyToMessageID != m.ID || msgs[2].InlineKeyboard[0][0].CallbackData != "yes" || msgs[3].Text != "query" {
		t.Fatalf("messages = %+v", msgs)
	}
	for i, msg := range msgs {
		if msg.ID != i+1 {
			t.Fatalf("ids not sequential: %+v", msgs)
		}
	}
}

func TestRoutingErrors(t *testing.T) {
	srv := newServer(t)
	resp, err := http.Post(srv.URL()+"/bot999:wrong/getMe", "application/json", bytes.NewReader(nil))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 401 || string(raw) != `{"ok":false,"error_code":401,"description":"Unauthorized"}` {
		t.Fatalf("wrong token: %d %s", resp.StatusCode, raw)
	}
	code, r := post(t, srv, "noSuchMethod", "application/json", "{}")
	if code != 404 || r.Description != "Not Found: method not found" || r.ErrorCode != 404 {
		t.Fatalf("unknown method: %d %+v", code, r)
	}
	code, r = post(t, srv, "GETME", "", "")
	if code != 200 || !strings.Contains(string(r.Result), bottest.DefaultBotUsername) {
		t.Fatalf("getMe: %d %s", code, r.Result)
	}
}
