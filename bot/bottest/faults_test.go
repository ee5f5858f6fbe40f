package bottest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

func TestFaults(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithSkipGetMe())
	srv.AddUser(minsu)
	ctx := context.Background()
	send := func() error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: minsu.ID, Text: "x"})
		return err
	}

	srv.FailNext("sendMessage", 1, tgapi.BadGateway())
	wantAPIError(t, send(), "502 Bad Gateway") // the client cannot decode the HTML body
	srv.FailNext("*", 1, tgapi.InternalError())
	wantAPIError(t, send(), "500 Internal Server Error")

	srv.FailNext("sendMessage", 1, tgapi.Failure{Code: 500, Applied: true})
	if err := send(); err == nil {
		t.Fatal("applied failure must still fail")
	}
	if n := len(srv.BotMessages(minsu.ID)); n != 1 {
		t.Fatalf("applied failure must store the message, have %d", n)
	}

	srv.SetDown(true)
	if err := send(); err == nil || !strings.Contains(err.Error(), "error do request") {
		t.Fatalf("down: %v", err)
	}
	srv.SetDown(false)
	if err := send(); err != nil {
		t.Fatalf("back up: %v", err)
	}

	srv.SetChatRateLimit(2)
	srv.SetClock(func() time.Time { return time.Unix(1_700_000_000, 0) })
	if err := errors.Join(send(), send()); err != nil {
		t.Fatal(err)
	}
	var tmr *bot.TooManyRequestsError
	if err := send(); !errors.As(err, &tmr) || tmr.RetryAfter != 1 {
		t.Fatalf("rate limit: %v", err)
	}
	srv.SetClock(func() time.Time { return time.Unix(1_700_000_002, 0) })
	if err := send(); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

func TestWebhookAndPollerConflicts(t *testing.T) {
	srv := newServer(t)
	if r := postJSON(t, srv, "setWebhook", map[string]any{"url": "https://example.com/hook"}); !r.OK {
		t.Fatal(r)
	}
	if r := postJSON(t, srv, "getUpdates", nil); r.ErrorCode != http.StatusConflict {
		t.Fatalf("getUpdates with webhook: %+v", r)
	}
	if srv.Webhook().URL != "https://example.com/hook" {
		t.Fatal("webhook not stored")
	}
	postJSON(t, srv, "deleteWebhook", nil)

	first := make(chan apiResp, 1)
	go func() { first <- postJSON(t, srv, "getUpdates", map[string]any{"timeout": 10}) }()
	// A newer getUpdates terminates the running long poll with 409. Keep
	// polling briefly until the first one has started and been terminated.
	deadline := time.After(3 * time.Second)
	for {
		postJSON(t, srv, "getUpdates", nil)
		select {
		case r := <-first:
			if r.ErrorCode != http.StatusConflict || !strings.Contains(r.Description, "terminated by other getUpdates") {
				t.Fatalf("older poll: %+v", r)
			}
			return
		case <-deadline:
			t.Fatal("older long poll was not terminated")
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func TestDownDropsLongPollAndCloseIsPrompt(t *testing.T) {
	srv := bottest.New()
	poll := func(offset int64) chan error {
		ch := make(chan error, 1)
		go func() {
			resp, err := http.Get(fmt.Sprintf("%s/bot%s/getUpdates?timeout=30&offset=%d", srv.URL(), srv.Token(), offset))
			if err == nil {
				resp.Body.Close()
				err = fmt.Errorf("answered %d", resp.StatusCode)
			}
			ch <- err
		}()
		return ch
	}
	// The sleeps only let a poll reach the server; if one has not yet, the
	// request fails anyway and the test still holds.
	done := poll(0)
	time.Sleep(50 * time.Millisecond)
	srv.SetDown(true)
	select {
	case err := <-done:
		if err == nil || strings.Contains(err.Error(), "answered") {
			t.Fatalf("down must drop the long poll, got %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("long poll not dropped")
	}
	srv.SetDown(false)

	id := srv.SendUpdate(models.Update{Message: &models.Message{Chat: models.Chat{ID: 5, Type: models.ChatTypePrivate}, Text: "raw"}})
	if m, ok := srv.Message(5, 1); !ok || m.Text != "raw" || id == 0 {
		t.Fatalf("SendUpdate: %d %+v %v", id, m, ok)
	}

	done = poll(0) // returns at once with the queued update
	if err := <-done; err == nil || !strings.Contains(err.Error(), "answered 200") {
		t.Fatalf("poll: %v", err)
	}
	done = poll(id + 1) // confirms it and waits
	if err := srv.WaitFor(func() bool { return srv.Pending() == 0 }, 3*time.Second); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	srv.Close()
	if time.Since(start) > 2*time.Second {
		t.Fatalf("Close took %v with a pending long poll", time.Since(start))
	}
	if err := <-done; err == nil || strings.Contains(err.Error(), "answered") {
		t.Fatalf("long poll after Close: %v", err)
	}
}
