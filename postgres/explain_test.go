package postgres_test

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestHotQueriesUseIndexes plans the hot queries on tables of a realistic
// shape (a long history of processed updates and sent messages, a backlog
// of pending ones) and checks each uses its index, not a scan of the
// whole table: as planned for one execution, and in the generic plan a
// connection keeps for a statement it runs often (postgres/internal/
// prepared).
func TestHotQueriesUseIndexes(t *testing.T) {
	db := hotTables(t, 30000, false)
	now, old, week := time.Now(), time.Now().Add(-72*time.Hour), time.Now().Add(-7*24*time.Hour)
	for _, tc := range []struct {
		name  string
		args  []any
		index []string // each must appear in the plan
		not   []string // none may
	}{
		{"claimUpdates", []any{now, now.Add(time.Minute), 1, 8}, []string{"inbox_ready", "inbox_pending"}, nil},
		{"claimOutgoing", []any{now, now.Add(time.Minute), 50, 1, 4}, []string{"outbox_ready", "outbox_pending"}, nil},
		// A getUpdates batch stored and handed off, and a transaction's
		// calls queued and handed off: the pending checks probe the
		// chats' pending rows, never all of them.
		{"insertUpdates", []any{pq.Array([]int64{900001, 900002}), pq.Array([]int64{7, 8}), pq.Array([]int64{2, 2}),
			`[{}, {}]`, now, 8, now.Add(time.Minute), 1}, []string{"inbox_pending", "inbox_update_id_key"}, nil},
		// A transaction's claimed updates marked processed as it begins:
		// found by their seq, each chat's earlier pending ones probed; and
		// the dispatcher's sent calls, found by their id.
		{"markClaimed", []any{pq.Array([]int64{100001, 100002}), pq.Array([]int64{1, 2}), now},
			[]string{"inbox_pkey", "inbox_pending"}, []string{"inbox_ready"}},
		{"markSent", []any{pq.Array([]int64{30001, 30002}), pq.Array([]int64{1, 2}), now},
			[]string{"outbox_pkey"}, []string{"outbox_pending", "outbox_ready"}},
		{"insertCalls", []any{pq.Array([]int64{7, 7}), pq.Array([]int64{2, 2}), pq.Array([]string{"sendMessage", "sendMessage"}),
			`[{}, {}]`, pq.Array([]int64{0, 0}), pq.Array([]string{"", ""}), pq.Array([]string{"", ""}),
			pq.Array([]string{now.Format(time.RFC3339Nano), now.Format(time.RFC3339Nano)}), now.Add(time.Minute), 1,
			pq.Array([]int64{7}), pq.Array([]int64{}), pq.Array([]int64{})}, []string{"outbox_pending"}, []string{"outbox_ready"}},
		{"pruneInbox", []any{old}, []string{"inbox_processed"}, nil},
		{"pruneOutbox", []any{week}, []string{"outbox_done"}, nil},
		{"pruneMessages", []any{old}, []string{"chat_messages_at"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, generic := range []bool{false, true} {
				plan := explain(t, db, postgres.HotQueries[tc.name], tc.args, generic)
				for _, ix := range tc.index {
					if !strings.Contains(plan, ix) {
						t.Errorf("generic %t: plan does not use %s:\n%s", generic, ix, plan)
					}
				}
				for _, table := range []string{"inbox", "outbox", "chat_messages"} {
					if strings.Contains(plan, "Seq Scan on "+table+" ") || strings.HasSuffix(plan, "Seq Scan on "+table) {
						t.Errorf("generic %t: plan scans all of %s:\n%s", generic, table, plan)
					}
				}
				if strings.Contains(plan, "hashed SubPlan") {
					t.Errorf("generic %t: plan hashes a subplan (reads all its rows):\n%s", generic, plan)
				}
				for _, ix := range tc.not {
					if strings.Contains(plan, ix) {
						t.Errorf("generic %t: plan reads %s:\n%s", generic, ix, plan)
					}
				}
			}
		})
	}
}

// hotTables returns a database with n processed updates of the last 73
// hours (the hourly prune deletes the oldest hour) and 300 pending, of 100
// chats, the outbox the same over 7 days and an hour, and the chats'
// messages; analyzed with the pending rows, or before they were added
// (stale).
func hotTables(t *testing.T, n int, stale bool) *sqlx.DB {
	db := pgtest.New(t)
	pending := []string{
		`INSERT INTO inbox (update_id, chat_id, priority, payload, received_at)
		 SELECT 100000 + g, g % 100, 2, '{}', now() FROM generate_series(1, 300) g`,
		`INSERT INTO outbox (chat_id, priority, method, payload, not_before, created_at)
		 SELECT g % 100, g % 4, 'sendMessage', '{}', now(), now() FROM generate_series(1, 300) g`,
	}
	analyze := []string{`ANALYZE`}
	if stale {
		analyze, pending = append(analyze, pending...), nil
	}
	for _, q := range []string{
		`INSERT INTO inbox (update_id, chat_id, priority, payload, received_at, processed_at)
		 SELECT g, g % 100, 2, '{}', now() - g * interval '73 hours' / $1, now() - g * interval '73 hours' / $1
		 FROM generate_series(1, $1) g`,
		`INSERT INTO outbox (chat_id, priority, method, payload, status, not_before, created_at, sent_at)
		 SELECT g % 100, 2, 'sendMessage', '{}', 'sent', now(), now() - g * interval '169 hours' / $1, now()
		 FROM generate_series(1, $1) g`,
		`INSERT INTO chat_messages (chat_id, message_id, from_bot, at)
		 SELECT g % 100, g, true, now() - g * interval '73 hours' / $1 FROM generate_series(1, $1) g`,
	} {
		db.MustExec(q, n)
	}
	for _, q := range append(pending, analyze...) {
		db.MustExec(q)
	}
	return db
}

// TestHotWritesWithStaleStatistics checks the generic plans of the
// statements that write a batch of updates or results when the
// statistics were taken while nothing was pending, the usual state of a
// queue that keeps up: the partial indexes of pending rows then look
// empty, whatever they hold, and a plan that reads one of them whole looks
// cheap. The marks find their rows by key, and the batch's insert probes
// rather than hashes (which read the whole inbox for each batch).
func TestHotWritesWithStaleStatistics(t *testing.T) {
	// A young inbox (2,000 processed updates: the generic plan of the
	// batch's insert hashed its checks on a table this small) and an old.
	dbs := map[int]*sqlx.DB{2000: hotTables(t, 2000, true), 30000: hotTables(t, 30000, true)}
	now := time.Now()
	for _, tc := range []struct {
		name  string
		args  []any
		index []string // each must appear in the plan
		not   []string // none may
	}{
		{"insertUpdates", []any{pq.Array([]int64{900001, 900002}), pq.Array([]int64{7, 8}), pq.Array([]int64{2, 2}),
			`[{}, {}]`, now, 8, now.Add(time.Minute), 1}, []string{"inbox_update_id_key"}, []string{"Seq Scan", "hashed"}},
		{"markClaimed", []any{pq.Array([]int64{30001, 30002}), pq.Array([]int64{1, 2}), now},
			[]string{"Index Scan using inbox_pkey on inbox i"}, []string{"Seq Scan"}},
		{"markSent", []any{pq.Array([]int64{30001, 30002}), pq.Array([]int64{1, 2}), now},
			[]string{"outbox_pkey"}, []string{"outbox_pending", "outbox_ready", "Seq Scan"}},
	} {
		for n, db := range dbs {
			t.Run(fmt.Sprintf("%s/%d processed", tc.name, n), func(t *testing.T) {
				plan := explain(t, db, postgres.HotQueries[tc.name], tc.args, true)
				for _, ix := range tc.index {
					if !strings.Contains(plan, ix) {
						t.Errorf("plan does not use %s:\n%s", ix, plan)
					}
				}
				for _, ix := range tc.not {
					if strings.Contains(plan, ix) {
						t.Errorf("plan has %s:\n%s", ix, plan)
					}
				}
			})
		}
	}
}

// explain returns the plan of query with args: planned for these args, or
// the generic plan a connection keeps for a prepared statement.
func explain(t *testing.T, db *sqlx.DB, query string, args []any, generic bool) string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	if !generic {
		if err := db.SelectContext(ctx, &lines, "EXPLAIN "+query, args...); err != nil {
			t.Fatal(err)
		}
		return strings.Join(lines, "\n")
	}
	conn, err := db.Connx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	defer conn.ExecContext(ctx, `DEALLOCATE hot; RESET plan_cache_mode`)
	params := make([]string, len(args))
	for i, a := range args {
		params[i] = literal(t, a)
	}
	if _, err := conn.ExecContext(ctx, `SET plan_cache_mode = force_generic_plan`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "PREPARE hot AS "+query); err != nil {
		t.Fatal(err)
	}
	if err := conn.SelectContext(ctx, &lines, "EXPLAIN EXECUTE hot("+strings.Join(params, ", ")+")"); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// literal is a as an SQL literal, for EXECUTE.
func literal(t *testing.T, a any) string {
	t.Helper()
	if v, ok := a.(driver.Valuer); ok {
		var err error
		if a, err = v.Value(); err != nil {
			t.Fatal(err)
		}
	}
	switch v := a.(type) {
	case int, int64:
		return fmt.Sprint(v)
	case time.Time:
		return pq.QuoteLiteral(v.Format(time.RFC3339Nano))
	case string:
		return pq.QuoteLiteral(v)
	}
	t.Fatalf("no literal for %T", a)
	return ""
}
