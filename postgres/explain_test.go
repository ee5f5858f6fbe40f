package postgres_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestHotQueriesUseIndexes plans the hot queries on tables of a realistic
// shape (a long history of processed updates and sent messages, a backlog
// of pending ones) and checks each uses its index, not a scan of the
// whole table.
func TestHotQueriesUseIndexes(t *testing.T) {
	db := pgtest.New(t)
	for _, q := range []string{
		// 30,000 processed updates of the last 73 hours (the hourly
		// prune deletes the oldest hour) and 300 pending, of 100 chats;
		// the outbox the same over 7 days and an hour.
		`INSERT INTO inbox (update_id, chat_id, priority, payload, received_at, processed_at)
		 SELECT g, g % 100, 2, '{}', now() - g * interval '73 hours' / 30000, now() - g * interval '73 hours' / 30000
		 FROM generate_series(1, 30000) g`,
		`INSERT INTO inbox (update_id, chat_id, priority, payload, received_at)
		 SELECT 100000 + g, g % 100, 2, '{}', now() FROM generate_series(1, 300) g`,
		`INSERT INTO outbox (chat_id, priority, method, payload, status, not_before, created_at, sent_at)
		 SELECT g % 100, 2, 'sendMessage', '{}', 'sent', now(), now() - g * interval '169 hours' / 30000, now()
		 FROM generate_series(1, 30000) g`,
		`INSERT INTO outbox (chat_id, priority, method, payload, not_before, created_at)
		 SELECT g % 100, g % 4, 'sendMessage', '{}', now(), now() FROM generate_series(1, 300) g`,
		`INSERT INTO chat_messages (chat_id, message_id, from_bot, at)
		 SELECT g % 100, g, true, now() - g * interval '73 hours' / 30000 FROM generate_series(1, 30000) g`,
		`ANALYZE`,
	} {
		db.MustExec(q)
	}
	now, old, week := time.Now(), time.Now().Add(-72*time.Hour), time.Now().Add(-7*24*time.Hour)
	for _, tc := range []struct {
		name  string
		args  []any
		index []string // each must appear in the plan
	}{
		{"claimUpdates", []any{now, now.Add(time.Minute), 1, 8}, []string{"inbox_ready", "inbox_pending"}},
		{"claimOutgoing", []any{now, now.Add(time.Minute), 50, 1, 4}, []string{"outbox_ready", "outbox_pending"}},
		// A getUpdates batch stored and handed off, and a transaction's
		// calls queued and handed off: the pending checks probe the
		// chats' pending rows, never all of them.
		{"insertUpdates", []any{pq.Array([]int64{900001, 900002}), pq.Array([]int64{7, 8}), pq.Array([]int64{2, 2}),
			`[{}, {}]`, now, 8, now.Add(time.Minute), 1}, []string{"inbox_pending", "inbox_update_id_key"}},
		// A transaction's claimed updates marked processed as it begins:
		// found by their seq, each chat's earlier pending ones probed.
		{"markClaimed", []any{pq.Array([]int64{100001, 100002}), pq.Array([]int64{1, 2}), now},
			[]string{"inbox_pkey", "inbox_pending"}},
		{"insertCalls", []any{pq.Array([]int64{7, 7}), pq.Array([]int64{2, 2}), pq.Array([]string{"sendMessage", "sendMessage"}),
			`[{}, {}]`, pq.Array([]int64{0, 0}), pq.Array([]string{"", ""}), pq.Array([]string{"", ""}),
			pq.Array([]string{now.Format(time.RFC3339Nano), now.Format(time.RFC3339Nano)}), now.Add(time.Minute), 1,
			pq.Array([]int64{7}), pq.Array([]int64{}), pq.Array([]int64{})}, []string{"outbox_pending"}},
		{"pruneInbox", []any{old}, []string{"inbox_processed"}},
		{"pruneOutbox", []any{week}, []string{"outbox_done"}},
		{"pruneMessages", []any{old}, []string{"chat_messages_at"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []string
			if err := db.Select(&lines, "EXPLAIN "+postgres.HotQueries[tc.name], tc.args...); err != nil {
				t.Fatal(err)
			}
			plan := strings.Join(lines, "\n")
			for _, ix := range tc.index {
				if !strings.Contains(plan, ix) {
					t.Errorf("plan does not use %s:\n%s", ix, plan)
				}
			}
			for _, table := range []string{"inbox", "outbox", "chat_messages"} {
				if strings.Contains(plan, "Seq Scan on "+table+" ") || strings.HasSuffix(plan, "Seq Scan on "+table) {
					t.Errorf("plan scans all of %s:\n%s", table, plan)
				}
			}
		})
	}
}
