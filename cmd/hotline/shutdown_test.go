package main

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// The documented bound holds even when the Bot API hangs on every send
// at the moment of SIGTERM.
func TestShutdownBoundHoldsWithAHungBotAPI(t *testing.T) {
	api, _, _ := deployed(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil) }()
	u := bottest.User{ID: 91, FirstName: "Hana", LanguageCode: "en"}
	api.SendText(u, "/start")
	if _, err := api.WaitMessages(u.ID, 2, 15*time.Second); err != nil {
		t.Fatal(err)
	}
	api.FailNext("sendMessage", 100, tgapi.Failure{Delay: time.Minute})
	api.SendText(u, "/help")
	db, err := sqlx.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	inFlight := func() bool { // the /help answer is claimed, its send hanging
		var n int
		_ = db.Get(&n, `SELECT count(*) FROM outbox WHERE status = 'pending' AND attempts > 0`)
		return n > 0
	}
	for deadline := time.Now().Add(15 * time.Second); !inFlight(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the answer was never sent")
		}
	}
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	cancel()
	select {
	case <-done:
		t.Logf("stopped in %s", time.Since(start).Round(time.Millisecond))
	case <-time.After(shutdownBound):
		t.Fatalf("still running %s after the signal", shutdownBound)
	}
}

// A second signal exits at once; so does a stop that overruns its bound.
func TestSecondSignalForcesExit(t *testing.T) {
	for _, tt := range []struct {
		name    string
		signals int
		bound   time.Duration
	}{
		{"second signal", 2, time.Hour},
		{"overrun", 1, 50 * time.Millisecond},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sigs := make(chan os.Signal, 2)
			for range tt.signals {
				sigs <- syscall.SIGTERM
			}
			stopped := make(chan struct{})
			exited := make(chan int, 1)
			go forceExit(sigs, func() { close(stopped) }, tt.bound, func(code int) { exited <- code })
			select {
			case code := <-exited:
				if code == 0 {
					t.Error("forced exit with status 0")
				}
			case <-time.After(5 * time.Second):
				t.Fatal("no forced exit")
			}
			select {
			case <-stopped:
			default:
				t.Error("the graceful stop was not started first")
			}
		})
	}
}
