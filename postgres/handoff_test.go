package postgres_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// A getUpdates batch is stored with the first update of each chat that
// has nothing pending already claimed (an attempt counted, a lease and a
// token, as ClaimUpdates does), most urgent first; the rest wait in the
// inbox for a claim, behind them.
func TestSaveUpdatesClaimsTheFirstOfEachFreeChat(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	mustSave(t, s, 1, 30, mailbox.PriorityNormal) // chat 30 has an update pending
	mustSave(t, s, 2, 40, mailbox.PriorityNormal) // a duplicate below
	batch := []mailbox.Update{
		{UpdateID: 10, ChatID: 10, Priority: mailbox.PriorityNormal, Payload: []byte(`{"n": 10}`)},
		{UpdateID: 11, ChatID: 10, Priority: mailbox.PriorityNormal, Payload: []byte(`{"n": 11}`)},
		{UpdateID: 12, ChatID: 20, Priority: mailbox.PriorityUrgent, Payload: []byte(`{"n": 12}`)},
		{UpdateID: 13, ChatID: 30, Priority: mailbox.PriorityNormal, Payload: []byte(`{"n": 13}`)},
		{UpdateID: 2, ChatID: 40, Priority: mailbox.PriorityNormal, Payload: []byte(`{}`)},
	}
	inserted, claimed, err := s.SaveUpdates(ctx, batch, t0, 8, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(inserted) != 4 {
		t.Errorf("inserted %v, want the four new ones", inserted)
	}
	var got []int64
	for _, u := range claimed {
		got = append(got, u.UpdateID)
		if u.Attempts != 1 || u.Token == 0 || u.Seq == 0 {
			t.Errorf("claimed %+v: want attempt 1, a token and its seq", u)
		}
	}
	if diff := cmp.Diff([]int64{12, 10}, got); diff != "" {
		t.Errorf("claimed (-want +got):\n%s", diff)
	}
	if string(claimed[1].Payload) != `{"n": 10}` {
		t.Errorf("payload %s", claimed[1].Payload)
	}
	var stored []string
	if err := db.Select(&stored, `SELECT payload->>'n' FROM inbox WHERE update_id BETWEEN 10 AND 13 ORDER BY update_id`); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"10", "11", "12", "13"}, stored); diff != "" {
		t.Errorf("payloads stored (-want +got):\n%s", diff)
	}
	// The others are claimed as usual: those pending before; chat 10's
	// second waits for its first, chat 30's new one for the older.
	left := claimAll(t, s)
	if len(left) != 2 || left[0].UpdateID != 1 || left[1].UpdateID != 2 {
		t.Errorf("then claimed %+v, want updates 1 and 2", left)
	}
	if _, err := s.ProcessAll(ctx, claimed, t0, mailbox.HandOff{}, func(context.Context, mailbox.Tx, mailbox.Update) error {
		return nil
	}); err != nil {
		t.Fatalf("process the claimed ones: %v", err)
	}
	if next := claimAll(t, s); len(next) != 1 || next[0].UpdateID != 11 {
		t.Errorf("after they were processed, claimed %+v, want update 11", next)
	}
	// With no room, nothing is claimed.
	if _, claimed, err := s.SaveUpdates(ctx, []mailbox.Update{{UpdateID: 50, ChatID: 50, Payload: []byte(`{}`)}}, t0, 0, time.Minute); err != nil || len(claimed) != 0 {
		t.Errorf("no room: claimed %v, %v", claimed, err)
	}
}

// The plain calls an update's transaction queues into its own chat are
// queued already leased to the dispatcher that offered to take them, when
// the chat has nothing pending that the dispatcher does not hold; the
// others wait for a claim. Their results are fenced by their token like
// a claim's.
func TestCallsAreHandedOffWhileTheChatIsFree(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	offer := mailbox.HandOff{Lease: time.Minute}
	process := func(id, chat int64, offer mailbox.HandOff, calls ...mailbox.Message) mailbox.Queued {
		t.Helper()
		mustSave(t, s, id, chat, mailbox.PriorityNormal)
		u, ok, err := s.ClaimUpdate(ctx, t0, time.Minute)
		if err != nil || !ok {
			t.Fatalf("claim update %d: %v, %v", id, ok, err)
		}
		q, err := s.Process(ctx, u, t0, offer, func(ctx context.Context, tx mailbox.Tx, u mailbox.Update) error {
			return tx.Enqueue(ctx, t0, calls...)
		})
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	q := process(1, 7, offer, mustCall(t, 7, "one"), mustCall(t, 7, "two"), mustCall(t, 8, "alert"))
	if len(q.Leased) != 2 || !q.Others {
		t.Fatalf("queued %+v, want chat 7's two calls leased and chat 8's for a claim", q)
	}
	for i, m := range q.Leased {
		if m.ChatID != 7 || m.Token == 0 || m.Attempts != 1 || !m.ClaimedAt.Equal(t0) || len(m.Payload) == 0 {
			t.Errorf("leased call %d: %+v", i, m)
		}
	}
	if q.Leased[0].ID > q.Leased[1].ID {
		t.Errorf("leased out of order: %d, %d", q.Leased[0].ID, q.Leased[1].ID)
	}
	// A claim takes only chat 8's call: chat 7's are leased.
	claimed, err := s.Claim(ctx, t0, 10, 4, time.Minute)
	if err != nil || len(claimed) != 1 || claimed[0].ChatID != 8 {
		t.Fatalf("claimed %+v, %v: want chat 8's call alone", claimed, err)
	}
	// The lease is fenced: a wrong token is refused, the right one not.
	stale := q.Leased[0]
	stale.Token++
	if errs, err := s.Record(ctx, []mailbox.Result{{Message: stale, Outcome: mailbox.OutcomeRelease}}, t0); err != nil || !errors.Is(errs[0], mailbox.ErrLeaseLost) {
		t.Errorf("release under a wrong token: %v, %v", errs, err)
	}
	// While chat 7's calls are pending, the next update's calls are
	// handed off only to the dispatcher holding them.
	if q := process(2, 7, offer, mustCall(t, 7, "three")); len(q.Leased) != 0 || !q.Others {
		t.Errorf("chat busy, nothing held: queued %+v, want a call for a claim", q)
	}
	held := mailbox.HandOff{Lease: time.Minute, Held: q.Leased}
	if errs, err := s.Record(ctx, []mailbox.Result{{Message: q.Leased[0], Outcome: mailbox.OutcomeSent, MessageID: 1},
		{Message: q.Leased[1], Outcome: mailbox.OutcomeSent, MessageID: 2}}, t0); err != nil || errs[0] != nil || errs[1] != nil {
		t.Fatalf("record sent: %v, %v", errs, err)
	}
	// "three" (not leased) is still pending in chat 7: not held, so no
	// hand-off; once it is claimed and held, the next calls are.
	if q := process(3, 7, held, mustCall(t, 7, "four")); len(q.Leased) != 0 {
		t.Errorf("chat 7 has a call nobody holds: queued %+v", q)
	}
	three, err := s.Claim(ctx, t0, 10, 4, time.Minute)
	if err != nil || len(three) != 2 {
		t.Fatalf("claimed %+v, %v: want three and four", three, err)
	}
	if q := process(4, 7, mailbox.HandOff{Lease: time.Minute, Held: three}, mustCall(t, 7, "five")); len(q.Leased) != 1 || q.Others {
		t.Errorf("chat 7's pending calls are all held: queued %+v, want five leased", q)
	}
	// A held call whose lease was handed back no longer counts as held.
	if errs, err := s.Record(ctx, []mailbox.Result{{Message: three[1], Outcome: mailbox.OutcomeRelease}}, t0); err != nil || errs[0] != nil {
		t.Fatalf("release: %v, %v", errs, err)
	}
	if q := process(5, 7, mailbox.HandOff{Lease: time.Minute, Held: three}, mustCall(t, 7, "six")); len(q.Leased) != 0 {
		t.Errorf("a held call was handed back: queued %+v, want nothing leased", q)
	}
	// Only as far as the chat's first call's priority goes: a second
	// message of a lower class waits for a claim, behind other chats'
	// urgent ones.
	ack := mustCall(t, 10, "ack")
	ack.Priority = mailbox.PriorityUrgent
	if q := process(7, 10, offer, ack, mustCall(t, 10, "more"), ack); len(q.Leased) != 1 || q.Leased[0].Priority != mailbox.PriorityUrgent || !q.Others {
		t.Errorf("urgent then high: queued %+v, want the urgent one leased, the rest for a claim", q)
	}
	// No offer, no hand-off.
	if q := process(6, 9, mailbox.HandOff{}, mustCall(t, 9, "seven")); len(q.Leased) != 0 || !q.Others {
		t.Errorf("no offer: queued %+v", q)
	}
}

// A chat with a call leased after one that is not (a hand-off whose
// transaction committed before another that queued an earlier call) is
// claimed by no one until the leased call is done, so the chat never has
// two senders.
func TestClaimSkipsAChatWithALaterCallLeased(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	if err := s.Do(ctx, func(ctx context.Context, tx mailbox.Tx) error {
		return tx.Enqueue(ctx, t0, mustCall(t, 7, "earlier"), mustCall(t, 7, "later"))
	}); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`UPDATE outbox SET leased_until = $1, lease_token = 99 WHERE id = (SELECT max(id) FROM outbox)`, t0.Add(time.Minute))
	if got, err := s.Claim(ctx, t0, 10, 4, time.Minute); err != nil || len(got) != 0 {
		t.Errorf("claimed %+v, %v: want nothing while the later call is leased", got, err)
	}
	if got, err := s.Claim(ctx, t0.Add(2*time.Minute), 10, 4, time.Minute); err != nil || len(got) != 2 {
		t.Errorf("after the lease ran out, claimed %+v, %v: want both, in order", got, err)
	}
}

// Two receivers (webhook requests, replicas) store updates of one chat at
// once: each statement's snapshot misses the other's uncommitted row, so
// each finds the chat free and may claim its update. The claim of an
// update that is not its chat's oldest pending one must not be processed
// (it would go before, or beside, the chat's earlier update): Process and
// ProcessAll hand it back uncounted, and it is claimed in its turn.
func TestAClaimBehindItsChatsEarlierUpdateIsNotProcessed(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	// The other receiver's statement: update 1 of chat 10, not committed
	// when this receiver stores update 2.
	other, err := db.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.ExecContext(ctx, `INSERT INTO inbox (update_id, chat_id, priority, payload, received_at)
		VALUES (1, 10, $1, '{}', $2)`, mailbox.PriorityNormal, t0); err != nil {
		t.Fatal(err)
	}
	_, claimed, err := s.SaveUpdates(ctx, []mailbox.Update{
		{UpdateID: 2, ChatID: 10, Priority: mailbox.PriorityUrgent, Payload: []byte(`{}`)},
		{UpdateID: 3, ChatID: 20, Priority: mailbox.PriorityNormal, Payload: []byte(`{}`)},
	}, t0, 8, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Commit(); err != nil {
		t.Fatal(err)
	}
	var ran []int64
	fn := func(_ context.Context, _ mailbox.Tx, u mailbox.Update) error {
		ran = append(ran, u.UpdateID)
		return nil
	}
	for _, u := range claimed {
		if u.UpdateID != 2 {
			continue
		}
		if _, err := s.ProcessAll(ctx, claimed, t0, mailbox.HandOff{}, fn); !errors.Is(err, mailbox.ErrLeaseLost) {
			t.Errorf("ProcessAll with update 2 behind update 1: %v, want ErrLeaseLost", err)
		}
		ran = nil
		if _, err := s.Process(ctx, u, t0, mailbox.HandOff{}, fn); !errors.Is(err, mailbox.ErrLeaseLost) {
			t.Errorf("Process update 2 behind update 1: %v, want ErrLeaseLost", err)
		}
	}
	if len(ran) != 0 {
		t.Fatalf("processed %v while update 1 of its chat was pending", ran)
	}
	// Update 1 goes first, then update 2, its attempt not counted.
	next := claimAll(t, s)
	if len(next) == 0 || next[0].UpdateID != 1 {
		t.Fatalf("claimed %+v, want update 1 of chat 10", next)
	}
	if _, err := s.ProcessAll(ctx, next, t0, mailbox.HandOff{}, fn); err != nil {
		t.Fatal(err)
	}
	next = claimAll(t, s)
	if len(next) != 1 || next[0].UpdateID != 2 || next[0].Attempts != 1 {
		t.Fatalf("then claimed %+v, want update 2 on its first attempt", next)
	}
}

// A call handed off goes to the dispatcher as the outbox row stores it:
// its call (mailbox.Message.Call) is the stored payload decoded, made
// silent for a quiet chat, and in the order queued.
func TestHandedCallsAreTheStoredCalls(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s := postgres.New(db)
	for _, chat := range []int64{7, 8} {
		mustSave(t, s, chat, chat, mailbox.PriorityNormal)
		u, ok, err := s.ClaimUpdate(ctx, t0, time.Minute)
		if err != nil || !ok {
			t.Fatalf("claim update %d: %v, %v", chat, ok, err)
		}
		q, err := s.Process(ctx, u, t0, mailbox.HandOff{Lease: time.Minute}, func(ctx context.Context, tx mailbox.Tx, u mailbox.Update) error {
			if err := tx.SetQuiet(ctx, 8, true, t0); err != nil {
				return err
			}
			inline := mailbox.Call{Text: "two <&>", Inline: [][]mailbox.Button{{{Text: "a", Data: "b"}}}}
			return tx.Enqueue(ctx, t0, mustCall(t, chat, "one"), mustNew(t, chat, inline), mustNew(t, chat, mailbox.Call{Text: "bad \xff"}))
		})
		if err != nil || len(q.Leased) != 3 {
			t.Fatalf("chat %d: queued %+v, %v", chat, q, err)
		}
		for _, m := range q.Leased {
			var stored []byte
			if err := db.GetContext(ctx, &stored, `SELECT payload FROM outbox WHERE id = $1`, m.ID); err != nil {
				t.Fatal(err)
			}
			var want mailbox.Call
			if err := json.Unmarshal(stored, &want); err != nil {
				t.Fatal(err)
			}
			got, err := m.Call()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" || got.Silent != (chat == 8) {
				t.Errorf("chat %d, call %d: (-stored +handed)\n%s", chat, m.ID, diff)
			}
		}
		if a, b, c := q.Leased[0], q.Leased[1], q.Leased[2]; a.ID > b.ID || b.ID > c.ID {
			t.Errorf("chat %d: out of order: %d, %d, %d", chat, a.ID, b.ID, c.ID)
		}
	}
}

func mustNew(t *testing.T, chat int64, c mailbox.Call) mailbox.Message {
	t.Helper()
	m, err := mailbox.New(chat, mailbox.PriorityHigh, mailbox.MethodSendMessage, c)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
