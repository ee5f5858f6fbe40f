package postgres_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// Another replica's commits wake this one: an update stored wakes the
// workers, a message queued wakes the dispatcher.
func TestListenHearsOtherReplicasCommits(t *testing.T) {
	url := pgtest.URL(t)
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	inbox, outbox := make(chan struct{}, 100), make(chan struct{}, 100)
	err = postgres.Listen(ctx, url, slog.New(slog.DiscardHandler),
		func() { inbox <- struct{}{} }, func() { outbox <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	s := postgres.New(db)
	if _, _, err := s.SaveUpdates(ctx, []mailbox.Update{{UpdateID: 1, ChatID: 5, Payload: []byte(`{}`)}}, t0, 0, 0); err != nil {
		t.Fatal(err)
	}
	select {
	case <-inbox:
	case <-time.After(10 * time.Second):
		t.Fatal("an update stored woke no one")
	}
	enqueue(t, s, mailbox.Message{ChatID: 5, Method: mailbox.MethodSendMessage, Payload: []byte(`{}`)})
	select {
	case <-outbox:
	case <-time.After(10 * time.Second):
		t.Fatal("a message queued woke no one")
	}
}
