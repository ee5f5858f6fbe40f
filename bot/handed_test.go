package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"testing"
	"time"

	tgmodels "github.com/go-telegram/bot/models"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

func rawMessage(updateID, chat int64, text string) json.RawMessage {
	return json.RawMessage(fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1,`+
		`"chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"T"},"text":%q}}`,
		updateID, updateID, chat, chat, text))
}

// TestAnUrgentUpdateLeftInTheInboxGoesBeforeHandedOnes: when a /sos comes
// while the workers' queue of updates stored claimed is full, it is stored
// unclaimed in the inbox; the next worker to look takes it before the
// ordinary updates waiting in the queue, not after them.
func TestAnUrgentUpdateLeftInTheInboxGoesBeforeHandedOnes(t *testing.T) {
	ctx := context.Background()
	store := postgres.New(pgtest.New(t))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	m := NewMetrics(prometheus.NewRegistry())
	q := newHanded(2)
	r := NewReceiver(store, m, log, time.Now, func() {})
	r.urgent = func(in flows.Input) bool { return in.Text == "/sos" }
	r.handed, r.lease = q, time.Minute
	r.release = func(context.Context, mailbox.Update) { t.Error("an update was handed back") }

	if _, err := r.Store(ctx, []json.RawMessage{rawMessage(1, 101, "hello"), rawMessage(2, 102, "hello")}); err != nil {
		t.Fatal(err)
	}
	if len(q.us) != 2 {
		t.Fatalf("queue holds %d updates, want the 2 stored claimed", len(q.us))
	}
	if _, err := r.Store(ctx, []json.RawMessage{rawMessage(3, 103, "/sos")}); err != nil {
		t.Fatal(err)
	}
	if len(q.us) != 2 {
		t.Fatalf("queue holds %d updates, want 2: the /sos came when it was full", len(q.us))
	}

	w := &Worker{inbox: store, log: log, now: time.Now, metrics: m, handed: q, idle: time.Hour,
		lease: time.Minute, polled: time.Now()}
	us, err := w.next(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(us) == 0 || us[0].ChatID != 103 || us[0].Priority != mailbox.PriorityUrgent {
		t.Fatalf("next = %v, want the /sos of chat 103 first", chats(us))
	}
	if us[0].Parsed != nil {
		t.Errorf("the /sos claimed in the inbox came decoded: %+v", us[0].Parsed)
	}
	if us, err = w.next(ctx); err != nil || len(us) != 2 || us[0].ChatID != 101 || us[1].ChatID != 102 {
		t.Fatalf("then next = %v (%v), want the queued updates of chats 101 and 102", chats(us), err)
	}
	// The queued ones come as the receiver decoded them: their payload.
	for _, u := range us {
		want, _ := parseUpdate(u.Payload)
		if got, ok := u.Parsed.(*tgmodels.Update); !ok || !reflect.DeepEqual(*got, want) {
			t.Errorf("update %d handed decoded as %+v, want its payload decoded, %+v", u.UpdateID, u.Parsed, want)
		}
	}
}

func chats(us []mailbox.Update) []int64 {
	out := make([]int64, len(us))
	for i, u := range us {
		out[i] = u.ChatID
	}
	return out
}

// The workers take up to takeBatch handed updates at once, but no more
// than claimBatch when the first is urgent: in a burst of /sos, smaller
// transactions commit sooner, and the desk's alerts go out sooner.
func TestUrgentUpdatesAreTakenInSmallerBatches(t *testing.T) {
	q := newHanded(100)
	var us []mailbox.Update
	for i := range 20 {
		us = append(us, mailbox.Update{UpdateID: int64(i + 1), ChatID: int64(i + 1), Priority: mailbox.PriorityNormal})
	}
	us[19].Priority = mailbox.PriorityUrgent
	q.put(us)
	if got := q.take(takeBatch); len(got) != claimBatch || got[0].UpdateID != 20 {
		t.Fatalf("took %v, want %d updates, the urgent one first", chats(got), claimBatch)
	}
	if got := q.take(takeBatch); len(got) != min(takeBatch, 12) {
		t.Fatalf("then took %d, want %d", len(got), min(takeBatch, 12))
	}
}
