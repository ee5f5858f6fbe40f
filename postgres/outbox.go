package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// claimOutgoing leases the head call of each chat that is ready, most
// urgent first, under a new lease token, and with it the calls that follow
// it in its chat (up to $5 of them) while they are ready and of the same
// priority, so that a reply of several messages leaves in one round, in
// order. A chat whose head is leased or waiting (429 retry_after) sends
// nothing else meanwhile, which keeps its messages in order, while other
// chats go on; so does a chat with a later call leased (a hand-off, see
// handOff: its calls may be queued after an earlier call that another
// transaction committed later). The heads are locked with SKIP LOCKED;
// the followers are locked too, waiting for a claim that leased them
// and reading them as it left them. A follower may be another claim's
// head all the same: a call queued with a lower id that committed later
// is missed by that claim's snapshot and seen by this one's, and
// followers chosen from the snapshot alone were taken over from the
// other claim once it committed, and sent twice (a desk alert went out
// twice in TestTwoReplicas; TestAClaimDoesNotTakeAFollowerAnotherClaimLeased).
// A follower leased
// meanwhile ends the followers there, as any call not ready does, so no
// later call of the chat goes past it; the update rechecks each lease
// as well (READ COMMITTED rechecks its WHERE on the row's newest
// version).
//
// Plan: an index scan of outbox_ready (priority, id) over the pending
// rows, each checked to be its chat's first pending row by a probe of
// outbox_pending (chat_id, id); the followers by outbox_pending too; the
// update finds its rows by id = ANY (outbox_pkey). The head check is a
// subplan and the update no join, so that the plan does not hang on the
// table's statistics, mostly stale for a queue (a join chosen for a
// table thought small scanned every pending row per head, and the whole
// table per claim). TestHotQueriesUseIndexes checks it.
const claimOutgoing = `
WITH heads AS (
    SELECT o.id, o.chat_id, o.priority FROM outbox o
    WHERE o.status = 'pending' AND o.not_before <= $1
      AND (o.leased_until IS NULL OR o.leased_until <= $1)
      AND o.id = (SELECT min(p.id) FROM outbox p WHERE p.chat_id = o.chat_id AND p.status = 'pending')
      AND NOT EXISTS (SELECT 1 FROM outbox p
          WHERE p.chat_id = o.chat_id AND p.status = 'pending' AND p.id > o.id AND p.leased_until > $1)
    ORDER BY o.priority, o.id
    LIMIT $3
    FOR UPDATE SKIP LOCKED),
followers AS (
    SELECT f.id FROM heads h
    CROSS JOIN LATERAL (
        SELECT l.id, bool_and(l.priority = h.priority AND l.not_before <= $1
                   AND (l.leased_until IS NULL OR l.leased_until <= $1)) OVER (ORDER BY l.id) AS ready
        FROM (SELECT o.id, o.priority, o.not_before, o.leased_until FROM outbox o
            WHERE o.chat_id = h.chat_id AND o.status = 'pending' AND o.id > h.id
            ORDER BY o.id
            LIMIT $5
            FOR UPDATE) l) f
    WHERE f.ready)
UPDATE outbox SET leased_until = $2, attempts = attempts + 1, lease_token = $4 + id
WHERE id = ANY (ARRAY(SELECT id FROM heads UNION ALL SELECT id FROM followers))
  AND status = 'pending' AND (leased_until IS NULL OR leased_until <= $1)
RETURNING id, chat_id, priority, method, payload, attempts, ambiguous, lease_token, created_at,
    COALESCE(case_id, 0) AS case_id, kind`

type outgoingRow struct {
	ID        int64     `db:"id"`
	ChatID    int64     `db:"chat_id"`
	Priority  int       `db:"priority"`
	Method    string    `db:"method"`
	Payload   []byte    `db:"payload"`
	Attempts  int       `db:"attempts"`
	Ambiguous int       `db:"ambiguous"`
	Token     int64     `db:"lease_token"`
	CreatedAt time.Time `db:"created_at"`
	CaseID    int64     `db:"case_id"`
	Kind      string    `db:"kind"`
}

// Claim leases the head calls of up to limit chats, each with up to
// follow more calls of its chat.
func (s *Store) Claim(ctx context.Context, now time.Time, limit, follow int, lease time.Duration) ([]mailbox.Message, error) {
	var rows []outgoingRow
	// One random base per claim; each row's token is base + id.
	base := rand.Int64N(1 << 61)
	if err := s.db.SelectContext(ctx, &rows, claimOutgoing, now, now.Add(lease), limit, base, max(follow, 0)); err != nil {
		return nil, mapError(fmt.Errorf("claim outbox: %w", err))
	}
	out := make([]mailbox.Message, 0, len(rows))
	for _, r := range rows {
		out = append(out, mailbox.Message{ID: r.ID, ChatID: r.ChatID, Priority: mailbox.Priority(r.Priority),
			Method: r.Method, Payload: r.Payload, Attempts: r.Attempts, Ambiguous: r.Ambiguous, Token: r.Token,
			CreatedAt: r.CreatedAt, CaseID: r.CaseID, Kind: r.Kind, ClaimedAt: now})
	}
	// By chat, its head's priority and id first; in each chat by id.
	head := map[int64]mailbox.Message{}
	for _, m := range out {
		if h, ok := head[m.ChatID]; !ok || m.ID < h.ID {
			head[m.ChatID] = m
		}
	}
	sort.Slice(out, func(i, j int) bool {
		hi, hj := head[out[i].ChatID], head[out[j].ChatID]
		switch {
		case hi.ChatID != hj.ChatID && hi.Priority != hj.Priority:
			return hi.Priority < hj.Priority
		case hi.ChatID != hj.ChatID:
			return hi.ID < hj.ID
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// extendLeases pushes the leases of the calls still held by their
// tokens to at least $3, never shortening one (a send's own longer lease
// stays), and returns the ids it extended.
const extendLeases = `
UPDATE outbox SET leased_until = greatest(outbox.leased_until, $3)
FROM unnest($1::bigint[], $2::bigint[]) AS r(id, token)
WHERE outbox.id = r.id AND outbox.lease_token = r.token AND outbox.status = 'pending'
RETURNING outbox.id`

// Extend keeps the leases of calls in hand from running out, in one
// statement for all of them: while they wait for the pace, and across a
// send, so no other dispatcher takes a call its holder is still about to
// send. It returns the ids no longer held.
func (s *Store) Extend(ctx context.Context, ms []mailbox.Message, now time.Time, lease time.Duration) ([]int64, error) {
	if len(ms) == 0 {
		return nil, nil
	}
	ids, tokens := make([]int64, len(ms)), make([]int64, len(ms))
	for i, m := range ms {
		ids[i], tokens[i] = m.ID, m.Token
	}
	var held []int64
	if err := s.db.SelectContext(ctx, &held, extendLeases, pq.Array(ids), pq.Array(tokens), now.Add(lease)); err != nil {
		return nil, mapError(fmt.Errorf("extend %d outgoing leases: %w", len(ms), err))
	}
	kept := make(map[int64]bool, len(held))
	for _, id := range held {
		kept[id] = true
	}
	var lost []int64
	for _, id := range ids {
		if !kept[id] {
			lost = append(lost, id)
		}
	}
	return lost, nil
}

// fenced runs a result update that must find the caller's lease.
func (s *Store) fenced(ctx context.Context, c mailbox.Message, what, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return mapError(fmt.Errorf("%s outgoing %d: %w", what, c.ID, err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &flows.Error{Code: flows.EConflict, Err: fmt.Errorf("%s outgoing %d: %w", what, c.ID, mailbox.ErrLeaseLost)}
	}
	return nil
}

// scrubPayload is what a finished call keeps of its parameters: the chat
// and message ids, never the text, buttons or document it carried.
const scrubPayload = `jsonb_strip_nulls(jsonb_build_object(
        'chat_id', payload -> 'chat_id', 'message_id', payload -> 'message_id'))`

// markSent also records the bot's message in chat_messages, with its case,
// and drops the call's content: a message's text (a decrypted passport
// number in /case, a reply to a person in danger) is not kept at rest. A
// delivery is the truth whoever made it: a holder whose lease ran out
// still marks its delivered call sent (so no one sends it again), but only
// while it is pending, so nothing else is overwritten.
const markSent = `
WITH sent AS (
    UPDATE outbox SET status = 'sent', sent_at = $3, sent_message_id = NULLIF($2, 0),
        leased_until = NULL, lease_token = NULL, payload = ` + scrubPayload + `
    WHERE id = $1 AND status = 'pending'
    RETURNING chat_id, sent_message_id, case_id)
INSERT INTO chat_messages (chat_id, message_id, from_bot, case_id, at)
SELECT chat_id, sent_message_id, true, case_id, $3 FROM sent WHERE sent_message_id IS NOT NULL
ON CONFLICT (chat_id, message_id) DO UPDATE SET case_id = COALESCE(EXCLUDED.case_id, chat_messages.case_id)`

// Sent marks a call delivered.
func (s *Store) Sent(ctx context.Context, c mailbox.Message, messageID int64, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, markSent, c.ID, messageID, now); err != nil {
		return mapError(fmt.Errorf("mark outgoing %d sent: %w", c.ID, err))
	}
	return nil
}

// attemptError is how one attempt's error is kept in outbox.errors.
func attemptError(c mailbox.Message, now time.Time, cause error) string {
	return fmt.Sprintf("%s attempt %d: %s", now.UTC().Format(time.RFC3339), c.Attempts, cause)
}

const retryOutgoing = `
UPDATE outbox SET not_before = $3, leased_until = NULL, lease_token = NULL, last_error = $4,
    errors = array_append(errors, $5), ambiguous = ambiguous + $6
WHERE id = $1 AND lease_token = $2 AND status = 'pending'`

// Retry releases a call to be tried again at.
func (s *Store) Retry(ctx context.Context, c mailbox.Message, at time.Time, cause error, ambiguous bool) error {
	amb := 0
	if ambiguous {
		amb = 1
	}
	return s.fenced(ctx, c, "retry", retryOutgoing, c.ID, c.Token, at, cause.Error(),
		attemptError(c, time.Now(), cause), amb)
}

// failOutgoing gives up on a call and drops its content, as markSent does.
const failOutgoing = `
UPDATE outbox SET status = 'failed', leased_until = NULL, lease_token = NULL, last_error = $3,
    errors = array_append(errors, $4), sent_at = $5, payload = ` + scrubPayload + `
WHERE id = $1 AND lease_token = $2 AND status = 'pending'`

// Fail gives up on a call for good.
func (s *Store) Fail(ctx context.Context, c mailbox.Message, cause error, now time.Time) error {
	return s.fenced(ctx, c, "fail", failOutgoing, c.ID, c.Token, cause.Error(), attemptError(c, now, cause), now)
}

const (
	recordMigration = `
INSERT INTO chat_migrations (old_chat_id, new_chat_id, migrated_at) VALUES ($1, $2, $3)
ON CONFLICT (old_chat_id) DO UPDATE SET new_chat_id = EXCLUDED.new_chat_id, migrated_at = EXCLUDED.migrated_at`
	// Chats that had moved to the old chat now move on to the new one.
	chainMigrations = `UPDATE chat_migrations SET new_chat_id = $2 WHERE new_chat_id = $1`
	moveOutgoing    = `
UPDATE outbox SET chat_id = $2, leased_until = NULL, lease_token = NULL, not_before = $3,
    errors = CASE WHEN id = $4 THEN array_append(errors, $5) ELSE errors END
WHERE chat_id = $1 AND status = 'pending'`
)

// Migrate records that a group became a supergroup and moves this call
// and every pending one of the old chat to the new chat, ready at once.
// Calls queued later for the old chat go to the new one (see Enqueue).
func (s *Store) Migrate(ctx context.Context, c mailbox.Message, newChat int64, now time.Time) error {
	return s.inTx(ctx, func(t *sqlx.Tx) error {
		var token int64
		err := t.GetContext(ctx, &token, `SELECT COALESCE(lease_token, 0) FROM outbox WHERE id = $1 FOR UPDATE`, c.ID)
		if err != nil {
			return mapError(fmt.Errorf("migrate outgoing %d: %w", c.ID, err))
		}
		if token != c.Token {
			return &flows.Error{Code: flows.EConflict, Err: fmt.Errorf("migrate outgoing %d: %w", c.ID, mailbox.ErrLeaseLost)}
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{recordMigration, []any{c.ChatID, newChat, now}},
			{chainMigrations, []any{c.ChatID, newChat}},
			{moveOutgoing, []any{c.ChatID, newChat, now, c.ID,
				attemptError(c, now, fmt.Errorf("chat moved to %d", newChat))}},
		} {
			if _, err := t.ExecContext(ctx, q.sql, q.args...); err != nil {
				return mapError(fmt.Errorf("migrate chat %d: %w", c.ChatID, err))
			}
		}
		return nil
	})
}
