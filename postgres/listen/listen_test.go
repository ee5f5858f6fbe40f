package listen_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/listen"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// Another replica's commits wake this one: an update stored wakes the
// workers, a message queued wakes the dispatcher. Its own commits do not
// (they wake it in memory).
func TestListenHearsOtherReplicasCommits(t *testing.T) {
	url := pgtest.URL(t)
	open := func(url string) *sqlx.DB {
		db, err := sqlx.Open("postgres", url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	db := open(url)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	inbox, outbox := make(chan struct{}, 100), make(chan struct{}, 100)
	mine, replica := listen.WithReplica(url)
	if replica == "" {
		t.Fatalf("no replica id on %s", url)
	}
	err := listen.Listen(ctx, url, replica, slog.New(slog.DiscardHandler),
		func() { inbox <- struct{}{} }, func() { outbox <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	// Notifications arrive in commit order: once the other replica's
	// message has woken the dispatcher, our own update, committed before
	// it, would have woken the workers first.
	if _, _, err := postgres.New(open(mine)).SaveUpdates(ctx, []mailbox.Update{{UpdateID: 9, ChatID: 5, Payload: []byte(`{}`)}}, pgtest.T0, 0, 0); err != nil {
		t.Fatal(err)
	}
	enqueueAndWait(ctx, t, postgres.New(db), outbox)
	if len(inbox) != 0 {
		t.Fatal("this replica's own update woke its workers through the database")
	}
	s := postgres.New(db)
	if _, _, err := s.SaveUpdates(ctx, []mailbox.Update{{UpdateID: 1, ChatID: 5, Payload: []byte(`{}`)}}, pgtest.T0, 0, 0); err != nil {
		t.Fatal(err)
	}
	woken(t, inbox, "an update stored woke no one")
	enqueueAndWait(ctx, t, s, outbox)
}

// enqueueAndWait queues a message through s and waits for the listener to
// wake the dispatcher (outbox).
func enqueueAndWait(ctx context.Context, t *testing.T, s *postgres.Store, outbox <-chan struct{}) {
	t.Helper()
	if err := s.Do(ctx, func(ctx context.Context, tx mailbox.Tx) error {
		return tx.Enqueue(ctx, pgtest.T0, mailbox.Message{ChatID: 5, Method: mailbox.MethodSendMessage, Payload: []byte(`{}`)})
	}); err != nil {
		t.Fatal(err)
	}
	woken(t, outbox, "a message queued woke no one")
}

// woken waits for a wake-up on ch, failing with msg if none comes.
func woken(t *testing.T, ch <-chan struct{}, msg string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal(msg)
	}
}
