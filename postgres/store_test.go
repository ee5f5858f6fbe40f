package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
	"github.com/koreandesk/hotline/postgres/schema"
)

var t0 = pgtest.T0

func TestMigrateTwiceIsANoop(t *testing.T) {
	db := pgtest.New(t)
	applied, err := schema.Migrate(context.Background(), db.DB)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 0 {
		t.Errorf("second migration applied %v, want nothing", applied)
	}
}

func mustSave(t *testing.T, s *postgres.Store, id, chat int64, p mailbox.Priority) {
	t.Helper()
	ok, err := s.SaveUpdate(context.Background(), mailbox.Update{UpdateID: id, ChatID: chat, Priority: p, Payload: []byte(`{}`)}, t0)
	if err != nil || !ok {
		t.Fatalf("SaveUpdate(%d) = %v, %v", id, ok, err)
	}
}

func TestSaveUpdateIgnoresDuplicates(t *testing.T) {
	s := postgres.New(pgtest.New(t))
	mustSave(t, s, 7, 1, mailbox.PriorityNormal)
	ok, err := s.SaveUpdate(context.Background(), mailbox.Update{UpdateID: 7, ChatID: 1, Payload: []byte(`{}`)}, t0)
	if err != nil || ok {
		t.Errorf("second SaveUpdate = %v, %v; want false, nil", ok, err)
	}
}

// next returns the update ProcessNext hands out, processing it.
func next(t *testing.T, s *postgres.Store) int64 {
	t.Helper()
	var got int64
	found, err := s.ProcessNext(context.Background(), t0, func(_ context.Context, _ mailbox.Tx, u mailbox.Update) error {
		got = u.UpdateID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		return 0
	}
	return got
}

func TestProcessNextOrder(t *testing.T) {
	s := postgres.New(pgtest.New(t))
	mustSave(t, s, 10, 1, mailbox.PriorityNormal)
	mustSave(t, s, 11, 2, mailbox.PriorityNormal)
	mustSave(t, s, 12, 1, mailbox.PriorityUrgent) // urgent, but chat 1 has 10 first
	mustSave(t, s, 13, 3, mailbox.PriorityUrgent)
	var got []int64
	for id := next(t, s); id != 0; id = next(t, s) {
		got = append(got, id)
	}
	want := []int64{13, 10, 12, 11}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("processing order (-want +got):\n%s", diff)
	}
}

func TestProcessNextRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	mustSave(t, s, 20, 1, mailbox.PriorityNormal)
	boom := errors.New("boom")
	_, err := s.ProcessNext(ctx, t0, func(ctx context.Context, tx mailbox.Tx, u mailbox.Update) error {
		sess, err := tx.Session(ctx, 1)
		if err != nil {
			return err
		}
		sess.Flow = "distress"
		if err := tx.SaveSession(ctx, sess, t0); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("ProcessNext error = %v, want boom", err)
	}
	// The update is still pending and the session change is gone.
	var flow string
	found, err := s.ProcessNext(ctx, t0, func(ctx context.Context, tx mailbox.Tx, u mailbox.Update) error {
		sess, err := tx.Session(ctx, 1)
		flow = sess.Flow
		return err
	})
	if err != nil || !found || flow != "" {
		t.Errorf("after rollback: found %v, flow %q, err %v; want the update again with no flow", found, flow, err)
	}
}

func TestRetryUpdateDelaysTheChat(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	mustSave(t, s, 30, 1, mailbox.PriorityNormal)
	mustSave(t, s, 31, 1, mailbox.PriorityNormal)
	mustSave(t, s, 32, 2, mailbox.PriorityNormal)
	u, ok, err := s.ClaimUpdate(ctx, t0, time.Minute)
	if err != nil || !ok || u.UpdateID != 30 {
		t.Fatalf("ClaimUpdate = %+v, %v, %v; want update 30", u, ok, err)
	}
	if err := s.RetryUpdate(ctx, u, t0.Add(time.Minute), errors.New("boom")); err != nil {
		t.Fatal(err)
	}
	if got := next(t, s); got != 32 {
		t.Errorf("next = %d, want 32 (chat 1 waits for its retry)", got)
	}
	if got := next(t, s); got != 0 {
		t.Errorf("next = %d, want none before the retry time", got)
	}
}

func enqueue(t *testing.T, s *postgres.Store, out ...mailbox.Message) {
	t.Helper()
	mustSave(t, s, time.Now().UnixNano(), 0, mailbox.PriorityNormal)
	_, err := s.ProcessNext(context.Background(), t0, func(ctx context.Context, tx mailbox.Tx, _ mailbox.Update) error {
		return tx.Enqueue(ctx, t0, out...)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func ids(out []mailbox.Message) []int64 {
	var r []int64
	for _, o := range out {
		r = append(r, o.ID)
	}
	return r
}

func TestClaimOneHeadPerChatMostUrgentFirst(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	msg := func(chat int64, p mailbox.Priority) mailbox.Message {
		return mailbox.Message{ChatID: chat, Priority: p, Method: "sendMessage", Payload: []byte(`{}`)}
	}
	enqueue(t, s, msg(1, mailbox.PriorityNormal), msg(1, mailbox.PriorityUrgent), msg(2, mailbox.PriorityNormal), msg(3, mailbox.PriorityUrgent))
	got, err := s.Claim(ctx, t0, 10, 0, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{4, 1, 3}, ids(got)); diff != "" {
		t.Errorf("first claim (-want +got):\n%s", diff)
	}
	// Leased heads block their chats; nothing else is ready.
	if again, _ := s.Claim(ctx, t0, 10, 0, time.Minute); len(again) != 0 {
		t.Errorf("second claim = %v, want none while leased", ids(again))
	}
	// Chat 1's head is retried later (429): its second message waits too.
	byID := map[int64]mailbox.Message{}
	for _, c := range got {
		byID[c.ID] = c
	}
	if err := s.Retry(ctx, byID[1], t0.Add(5*time.Second), errors.New("429"), false); err != nil {
		t.Fatal(err)
	}
	if err := s.Sent(ctx, byID[3], 99, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.Fail(ctx, byID[4], errors.New("bot was blocked"), t0); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Claim(ctx, t0.Add(time.Second), 10, 0, time.Minute); len(got) != 0 {
		t.Errorf("claim during retry_after = %v, want none", ids(got))
	}
	got, err = s.Claim(ctx, t0.Add(6*time.Second), 10, 0, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{1}, ids(got)); diff != "" {
		t.Errorf("claim after retry_after (-want +got):\n%s", diff)
	}
	if got[0].Attempts != 2 {
		t.Errorf("attempts = %d, want 2", got[0].Attempts)
	}
}

func TestSessionRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	want := &flows.Session{ChatID: 5, UserID: 5, Language: "km", TelegramLanguage: "en",
		Flow: "family", State: "ask_name", Answers: map[string]string{"name": "김민수"}}
	enqueueFn := func(fn func(context.Context, mailbox.Tx) error) {
		mustSave(t, s, time.Now().UnixNano(), 5, mailbox.PriorityNormal)
		if _, err := s.ProcessNext(ctx, t0, func(ctx context.Context, tx mailbox.Tx, _ mailbox.Update) error { return fn(ctx, tx) }); err != nil {
			t.Fatal(err)
		}
	}
	enqueueFn(func(ctx context.Context, tx mailbox.Tx) error { return tx.SaveSession(ctx, want, t0) })
	var got *flows.Session
	enqueueFn(func(ctx context.Context, tx mailbox.Tx) error {
		var err error
		got, err = tx.Session(ctx, 5)
		return err
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("session (-want +got):\n%s", diff)
	}
}

func TestPruneKeepsAbandonedUpdates(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	mustSave(t, s, 40, 1, mailbox.PriorityNormal)
	mustSave(t, s, 41, 2, mailbox.PriorityNormal)
	next(t, s) // 40 processed
	u, _, err := s.ClaimUpdate(ctx, t0, time.Minute)
	if err != nil || u.UpdateID != 41 {
		t.Fatalf("ClaimUpdate = %+v, %v", u, err)
	}
	if err := s.SetAside(ctx, u, t0, errors.New("bug"), func(context.Context, mailbox.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	n, err := s.Prune(ctx, t0.Add(time.Hour), t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("pruned %d rows, want 1 (the abandoned update stays)", n)
	}
}

func TestProcessedUpdatesKeepNoContent(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	ok, err := s.SaveUpdate(ctx, mailbox.Update{UpdateID: 50, ChatID: 1, Payload: []byte(`{"message": {"text": "M12345678"}}`)}, t0)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	next(t, s)
	var payload string
	if err := db.Get(&payload, `SELECT payload::text FROM inbox WHERE update_id = 50`); err != nil {
		t.Fatal(err)
	}
	if payload != "{}" {
		t.Errorf("processed update still holds %s", payload)
	}
}
