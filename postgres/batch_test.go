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
)

// claimAll claims every ready update, as a worker's batch.
func claimAll(t *testing.T, s *postgres.Store) []mailbox.Update {
	t.Helper()
	us, err := s.ClaimUpdates(context.Background(), t0, time.Minute, 8)
	if err != nil {
		t.Fatal(err)
	}
	return us
}

func mustCall(t *testing.T, chat int64, text string) mailbox.Message {
	t.Helper()
	m, err := mailbox.New(chat, mailbox.PriorityHigh, mailbox.MethodSendMessage, mailbox.Call{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A batch's sessions, received messages and plain calls are written
// together, after its handlers: each turn still reads what an earlier
// one wrote, in the order written, and a chat's session is read once
// ahead and then from what the batch wrote.
func TestProcessAllReadsItsOwnWrites(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	for i, chat := range []int64{1, 2, 3} {
		mustSave(t, s, int64(60+i), chat, mailbox.PriorityNormal)
	}
	if err := s.Do(ctx, func(ctx context.Context, tx mailbox.Tx) error {
		s := &flows.Session{ChatID: 2, Flow: "distress", State: "asked", Answers: map[string]string{"k": "v"}}
		return tx.SaveSession(ctx, s, t0)
	}); err != nil {
		t.Fatal(err)
	}
	us := claimAll(t, s)
	if len(us) != 3 {
		t.Fatalf("claimed %d updates, want 3", len(us))
	}
	var seen []int64
	var states []string
	_, err := s.ProcessAll(ctx, us, t0, mailbox.HandOff{}, func(ctx context.Context, tx mailbox.Tx, u mailbox.Update) error {
		sess, err := tx.Session(ctx, u.ChatID)
		if err != nil {
			return err
		}
		states = append(states, sess.State)
		sess.State = "turned"
		if err := tx.SaveSession(ctx, sess, t0); err != nil {
			return err
		}
		if again, err := tx.Session(ctx, u.ChatID); err != nil || again.State != "turned" {
			t.Errorf("session %d read again = %+v, %v; want the state just saved", u.ChatID, again, err)
		}
		if err := tx.RecordMessage(ctx, u.ChatID, 100+u.ChatID, 0, t0); err != nil {
			return err
		}
		if err := tx.Enqueue(ctx, t0, mustCall(t, u.ChatID, "a"), mustCall(t, u.ChatID, "b")); err != nil {
			return err
		}
		if u.ChatID == 3 { // an ordinary read sees the earlier turns' writes
			seen, err = tx.ChatMessages(ctx, 1, t0)
			if err != nil {
				return err
			}
			return tx.Enqueue(ctx, t0, mustCall(t, 3, "c"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"", "asked", ""}, states); diff != "" {
		t.Errorf("sessions read ahead (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{101}, seen); diff != "" {
		t.Errorf("chat 1's messages seen by the third turn (-want +got):\n%s", diff)
	}
	var calls []struct {
		Chat int64  `db:"chat_id"`
		Text string `db:"text"`
	}
	if err := db.Select(&calls, `SELECT chat_id, payload->>'text' AS text FROM outbox ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		Chat int64  `db:"chat_id"`
		Text string `db:"text"`
	}{{1, "a"}, {1, "b"}, {2, "a"}, {2, "b"}, {3, "a"}, {3, "b"}, {3, "c"}}
	if diff := cmp.Diff(want, calls); diff != "" {
		t.Errorf("outbox in order (-want +got):\n%s", diff)
	}
	var turned, messages, pending int
	if err := db.Get(&turned, `SELECT count(*) FROM chats WHERE state = 'turned'`); err != nil || turned != 3 {
		t.Errorf("sessions saved = %d, %v; want 3", turned, err)
	}
	if err := db.Get(&messages, `SELECT count(*) FROM chat_messages`); err != nil || messages != 3 {
		t.Errorf("messages recorded = %d, %v; want 3", messages, err)
	}
	if err := db.Get(&pending, `SELECT count(*) FROM inbox WHERE processed_at IS NULL`); err != nil || pending != 0 {
		t.Errorf("updates pending = %d, %v; want 0", pending, err)
	}
}

// A failed turn keeps nothing of the batch, and the claims stay the
// caller's, to handle each update alone.
func TestProcessAllFailureKeepsNothing(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	mustSave(t, s, 70, 1, mailbox.PriorityNormal)
	mustSave(t, s, 71, 2, mailbox.PriorityNormal)
	us := claimAll(t, s)
	boom := errors.New("boom")
	_, err := s.ProcessAll(ctx, us, t0, mailbox.HandOff{}, func(ctx context.Context, tx mailbox.Tx, u mailbox.Update) error {
		if err := tx.Enqueue(ctx, t0, mustCall(t, u.ChatID, "x")); err != nil {
			return err
		}
		if u.ChatID == 2 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("ProcessAll = %v, want boom", err)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM outbox`); err != nil || n != 0 {
		t.Errorf("outbox rows = %d, %v; want 0", n, err)
	}
	for _, u := range us {
		if _, err := s.Process(ctx, u, t0, mailbox.HandOff{}, func(context.Context, mailbox.Tx, mailbox.Update) error { return nil }); err != nil {
			t.Errorf("update %d alone: %v", u.UpdateID, err)
		}
	}
}
