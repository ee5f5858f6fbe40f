package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest"
)

// deployed sets the environment of a deployment against an emulated Bot
// API and a fresh database, and returns the API, the (webhook) HTTP
// address and the metrics address.
func deployed(t *testing.T) (api *bottest.Server, addr, metrics string) {
	t.Helper()
	api = bottest.New()
	t.Cleanup(api.Close)
	addr, metrics = freeAddr(t), freeAddr(t)
	t.Setenv("TELEGRAM_BOT_TOKEN", api.Token())
	t.Setenv("TELEGRAM_API_URL", api.URL())
	t.Setenv("DATABASE_URL", freshDB(t))
	t.Setenv("DATA_KEY", newDataKey(t))
	t.Setenv("HTTP_ADDR", addr)
	t.Setenv("METRICS_ADDR", metrics)
	return api, addr, metrics
}

// newDataKey is a fresh DATA_KEY: the base64 of 32 random bytes.
func newDataKey(t *testing.T) string {
	t.Helper()
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(b)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestServe runs the program as deployed: configuration from the
// environment, migrations, command menus, health and metrics, polling, and
// a graceful stop that still delivers the answer to the last update.
func TestServe(t *testing.T) {
	api, _, metrics := deployed(t)
	t.Setenv("DESK_ADMIN_IDS", "42")
	t.Setenv("EMERGENCY_CONTACTS", "police=117,Embassy hotline=+855 00 000 000")

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil) }()

	u := bottest.User{ID: 77, FirstName: "Hana", LanguageCode: "ko"}
	api.SendText(u, "/start")
	msgs, err := api.WaitMessages(u.ID, 2, 15*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	api.SendCallback(u, msgs[1].ID, "go:contacts")
	msgs, err = api.WaitMessages(u.ID, 3, 15*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"캄보디아 경찰 (불법 감금 신고도 받아요): 117", "Embassy hotline: +855 00 000 000"} {
		if !strings.Contains(msgs[2].Text, want) {
			t.Errorf("contacts %q lack %q", msgs[2].Text, want)
		}
	}
	for _, lang := range []string{"", "ko", "km", "en"} {
		cmds := api.Commands(&tgmodels.BotCommandScopeDefault{}, lang)
		if len(cmds) == 0 {
			t.Errorf("no command menu for language %q", lang)
		}
	}
	if ko := api.Commands(&tgmodels.BotCommandScopeDefault{}, "ko"); len(ko) > 0 && ko[0].Description != "처음 메뉴" {
		t.Errorf("Korean /start description = %q", ko[0].Description)
	}
	get := func(path string) string {
		resp, err := http.Get("http://" + metrics + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d %s", path, resp.StatusCode, body)
		}
		return string(body)
	}
	get("/healthz")
	// A reply can reach the chat before its worker counts the update (the dispatcher is woken
	// by the commit), so the counter is awaited, not read once.
	var body string
	deadline := time.Now().Add(10 * time.Second)
	for body = get("/metrics"); !strings.Contains(body, "hotline_updates_processed_total 2") && time.Now().Before(deadline); body = get("/metrics") {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(body, "hotline_updates_processed_total 2") {
		t.Errorf("metrics lack the processed updates:\n%.500s", body)
	}

	// SIGTERM right after an update arrives: the reply still goes out.
	api.SendText(u, "/help")
	if err := api.WaitFor(func() bool { return api.Pending() == 0 }, 15*time.Second); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run returned %v, want a clean exit", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no clean exit within 20 s of the signal")
	}
	if got := len(api.BotMessages(u.ID)); got < 4 {
		t.Errorf("after shutdown the chat has %d bot messages, want the /help answer too", got)
	}
}

func TestConfigErrorsNameTheVariable(t *testing.T) {
	t.Setenv("TELEGRAM_BOT_TOKEN", "not-a-token")
	t.Setenv("DATABASE_URL", "postgres://localhost/hotline")
	t.Setenv("DESK_ADMIN_IDS", "12,abc")
	t.Setenv("EMERGENCY_CONTACTS", "police")
	t.Setenv("WORKERS", "0")
	t.Setenv("WEBHOOK_URL", "https://desk.example.org/telegram/webhook")
	t.Setenv("WEBHOOK_SECRET", "short-secret")
	t.Setenv("DATA_KEY", "not-a-key")
	t.Setenv("CASE_RETENTION", "forever")
	t.Setenv("CASE_DAILY_CAP", "-1")
	t.Setenv("DESK_CHAT_ID", "501") // a person's private chat, not a group
	_, err := loadConfig(modeRun)
	if err == nil {
		t.Fatal("loadConfig accepted a broken environment")
	}
	for _, name := range []string{"TELEGRAM_BOT_TOKEN", "sslmode", "DESK_ADMIN_IDS", "EMERGENCY_CONTACTS", "WORKERS",
		"WEBHOOK_SECRET", "DATA_KEY", "CASE_RETENTION", "CASE_DAILY_CAP", "DESK_CHAT_ID"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

func TestDefaultContacts(t *testing.T) {
	got, err := parseContacts(defaultContacts)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"contacts.police": "117", "contacts.ambulance": "119", "contacts.fire": "118", "contacts.consular": "+82-2-3210-0404"}
	if len(got) != len(want) {
		t.Fatalf("got %d contacts, want %d", len(got), len(want))
	}
	for _, c := range got {
		if want[c.Label.ID] != c.Number {
			t.Errorf("contact %s = %s, want %s", c.Label.ID, c.Number, want[c.Label.ID])
		}
	}
}

func TestWebhookMode(t *testing.T) {
	api, addr, metrics := deployed(t)
	t.Setenv("WEBHOOK_URL", "https://desk.example.org/telegram/webhook")
	t.Setenv("WEBHOOK_SECRET", webhookSecret)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil) }()

	u := bottest.User{ID: 88, FirstName: "Vanna", LanguageCode: "km"}
	api.AddUser(u)
	update := `{"update_id": 5001, "message": {"message_id": 1, "date": 1800000000,
		"chat": {"id": 88, "type": "private"}, "from": {"id": 88, "is_bot": false, "first_name": "Vanna", "language_code": "km"},
		"text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}`
	post := func(secret string) int {
		t.Helper()
		var code int
		// The server may still be starting: retry the connection briefly.
		for range 100 {
			req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/telegram/webhook", strings.NewReader(update))
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				time.Sleep(50 * time.Millisecond)
				continue
			}
			resp.Body.Close()
			code = resp.StatusCode
			break
		}
		return code
	}
	if code := post("wrong"); code != http.StatusForbidden {
		t.Errorf("wrong secret: HTTP %d, want 403", code)
	}
	if code := post(webhookSecret); code != http.StatusOK {
		t.Fatalf("right secret: HTTP %d, want 200", code)
	}
	if code := post(webhookSecret); code != http.StatusOK { // Telegram retrying
		t.Fatalf("redelivery: HTTP %d, want 200", code)
	}
	msgs, err := api.WaitMessages(u.ID, 2, 15*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msgs[0].Text, "សួស្តី") {
		t.Errorf("welcome = %q, want Khmer", msgs[0].Text)
	}
	if info := api.Webhook(); info.URL != "https://desk.example.org/telegram/webhook" {
		t.Errorf("webhook URL at the Bot API = %q", info.URL)
	}
	time.Sleep(500 * time.Millisecond)
	if got := len(api.BotMessages(u.ID)); got != 2 {
		t.Errorf("bot sent %d messages, want 2 (the redelivered update is ignored)", got)
	}
	// The public listener serves the webhook only; health and metrics are
	// on METRICS_ADDR, which serves no webhook.
	for _, tt := range []struct {
		method, url string
		want        int
	}{
		{http.MethodGet, "http://" + addr + "/metrics", http.StatusNotFound},
		{http.MethodGet, "http://" + addr + "/healthz", http.StatusNotFound},
		{http.MethodGet, "http://" + metrics + "/healthz", http.StatusOK},
		{http.MethodGet, "http://" + metrics + "/metrics", http.StatusOK},
		{http.MethodPost, "http://" + metrics + "/telegram/webhook", http.StatusNotFound},
	} {
		req, _ := http.NewRequest(tt.method, tt.url, strings.NewReader(update))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", webhookSecret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s %s = %d, want %d", tt.method, tt.url, resp.StatusCode, tt.want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// webhookSecret is a valid WEBHOOK_SECRET: 32 characters or more.
const webhookSecret = "s3cret-token-of-at-least-32-characters"
