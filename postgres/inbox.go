package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

const insertUpdate = `
INSERT INTO inbox (update_id, chat_id, priority, payload, received_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (update_id) DO NOTHING`

// SaveUpdate stores a received update; a redelivered update_id is ignored.
// Errors: invalid when PostgreSQL refuses the payload (see Quarantine).
func (s *Store) SaveUpdate(ctx context.Context, u mailbox.Update, now time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, insertUpdate, u.UpdateID, u.ChatID, u.Priority, u.Payload, now)
	if err != nil {
		return false, mapError(fmt.Errorf("save update %d: %w", u.UpdateID, err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, mapError(err)
	}
	return n == 1, nil
}

// insertUpdates stores a whole getUpdates batch (or webhook burst) in one
// statement, and so one commit; it returns the rows new to the inbox.
// With $6 > 0 it also claims up to $6 of them, most urgent first, as
// claimUpdates would (an attempt, lease until $7, token $8 + place in the
// batch): those that are the first of their chat in the batch while the
// chat has no update pending (as the statement's snapshot sees it). The
// payloads come as one JSON array ($4), as the calls' do (see
// insertOutgoingMany). Both checks are probes per row, of inbox_pending
// and inbox_update_id_key (OFFSET 0 keeps PostgreSQL from hashing them):
// the generic plan a connection keeps for the statement hashed them when
// the statistics were those of a small table, and then read every row of
// the inbox (the update_ids) and every pending one for each batch, 10-15
// ms a batch after eight seconds of the closed loop, and more as the
// inbox grows.
const insertUpdates = `
WITH u AS (
    SELECT u.update_id, u.chat_id, u.priority, $4::jsonb -> (u.ord - 1)::int AS payload, u.ord,
        u.ord = min(u.ord) OVER (PARTITION BY u.chat_id)
            AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.chat_id = u.chat_id AND e.processed_at IS NULL OFFSET 0)
            AND NOT EXISTS (SELECT 1 FROM inbox d WHERE d.update_id = u.update_id OFFSET 0) AS free
    FROM unnest($1::bigint[], $2::bigint[], $3::smallint[]) WITH ORDINALITY AS u(update_id, chat_id, priority, ord)),
c AS (
    SELECT u.*, u.free AND row_number() OVER (PARTITION BY u.free ORDER BY u.priority, u.ord) <= $6 AS claimed FROM u)
INSERT INTO inbox (update_id, chat_id, priority, payload, received_at, attempts, retry_at, claim_token)
SELECT c.update_id, c.chat_id, c.priority, c.payload, $5,
    CASE WHEN c.claimed THEN 1 ELSE 0 END, CASE WHEN c.claimed THEN $7::timestamptz END,
    CASE WHEN c.claimed THEN $8::bigint + c.ord END
FROM c ORDER BY c.ord
ON CONFLICT (update_id) DO NOTHING
RETURNING seq, update_id, COALESCE(claim_token, 0) AS claim_token`

// SaveUpdates stores received updates in one statement and returns the
// update_ids that were new, and claims up to claim of them (see
// insertUpdates). Errors: invalid when PostgreSQL refuses one payload
// (nothing is stored then; see Quarantine).
func (s *Store) SaveUpdates(ctx context.Context, us []mailbox.Update, now time.Time, claim int, lease time.Duration) ([]int64, []mailbox.Update, error) {
	ids, chats, prios := make([]int64, len(us)), make([]int64, len(us)), make([]int64, len(us))
	byID := make(map[int64]int, len(us))
	var payloads strings.Builder
	payloads.WriteByte('[')
	for i, u := range us {
		ids[i], chats[i], prios[i] = u.UpdateID, u.ChatID, int64(u.Priority)
		byID[u.UpdateID] = i
		if i > 0 {
			payloads.WriteByte(',')
		}
		payloads.Write(u.Payload)
	}
	payloads.WriteByte(']')
	var rows []struct {
		Seq      int64 `db:"seq"`
		UpdateID int64 `db:"update_id"`
		Token    int64 `db:"claim_token"`
	}
	err := s.db.SelectContext(ctx, &rows, insertUpdates, pq.Array(ids), pq.Array(chats), pq.Array(prios), payloads.String(), now,
		max(claim, 0), now.Add(lease), rand.Int64N(1<<61)+1)
	if err != nil {
		return nil, nil, mapError(fmt.Errorf("save %d updates: %w", len(us), err))
	}
	inserted := make([]int64, len(rows))
	var claimed []mailbox.Update
	for i, r := range rows {
		inserted[i] = r.UpdateID
		if r.Token != 0 {
			u := us[byID[r.UpdateID]]
			u.Seq, u.Attempts, u.Token, u.LastError = r.Seq, 1, r.Token, ""
			claimed = append(claimed, u)
		}
	}
	slices.SortFunc(claimed, func(a, b mailbox.Update) int {
		return cmp.Or(cmp.Compare(a.Priority, b.Priority), cmp.Compare(a.Seq, b.Seq))
	})
	return inserted, claimed, nil
}

// quarantineUpdate keeps an update that cannot be stored as it is: the raw
// bytes in a bytea, an empty payload, the reason, and set aside at once.
const quarantineUpdate = `
INSERT INTO inbox (update_id, chat_id, priority, payload, raw, quarantine_reason, received_at,
    processed_at, set_aside_at, last_error)
VALUES ($1, $2, $3, '{}', $4, $5, $6, $6, $6, $5)
ON CONFLICT (update_id) DO NOTHING`

// Quarantine stores an update that SaveUpdate refused, so that the
// offset moves on and no other chat waits for it.
func (s *Store) Quarantine(ctx context.Context, u mailbox.Update, raw []byte, reason string, now time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, quarantineUpdate, u.UpdateID, u.ChatID, u.Priority, raw, reason, now)
	if err != nil {
		return false, mapError(fmt.Errorf("quarantine update %d: %w", u.UpdateID, err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, mapError(err)
	}
	return n == 1, nil
}

// claimUpdates counts an attempt at the most urgent ready updates that
// are each the oldest pending one of its chat (so at most one a chat), and
// leases them: retry_at moves past the lease, so no other worker takes
// them meanwhile, and a later update of the chat stays behind (the min
// below) until it is processed. SKIP LOCKED lets several workers (and
// replicas) take different chats.
//
// The shape does not leave the plan to statistics, which for a queue are
// mostly stale (autovacuum samples a table of processed rows): the head
// check is a subplan probing inbox_pending (chat_id, seq) per candidate,
// never a join that could scan all pending rows per candidate, and the
// update finds its rows by seq = ANY (inbox_pkey), never by a join.
// TestHotQueriesUseIndexes checks the plan, and the pruning's.
const claimUpdates = `
UPDATE inbox SET attempts = attempts + 1, retry_at = $2, claim_token = $3
WHERE seq = ANY (ARRAY(
    SELECT seq FROM inbox i
    WHERE processed_at IS NULL
      AND (retry_at IS NULL OR retry_at <= $1)
      AND seq = (SELECT min(e.seq) FROM inbox e WHERE e.chat_id = i.chat_id AND e.processed_at IS NULL)
    ORDER BY priority, seq
    LIMIT $4
    FOR UPDATE SKIP LOCKED))
RETURNING seq, update_id, chat_id, priority, payload, attempts, claim_token, COALESCE(last_error, '') AS last_error`

type updateRow struct {
	Seq       int64  `db:"seq"`
	UpdateID  int64  `db:"update_id"`
	ChatID    int64  `db:"chat_id"`
	Priority  int    `db:"priority"`
	Payload   []byte `db:"payload"`
	Attempts  int    `db:"attempts"`
	Token     int64  `db:"claim_token"`
	LastError string `db:"last_error"`
}

// ClaimUpdates counts an attempt at up to n ready updates, of different
// chats, and leases them for lease, in a transaction of its own, before
// any handler runs: a process killed while handling them has still used
// the attempt. They come most urgent first; none when none is ready.
func (s *Store) ClaimUpdates(ctx context.Context, now time.Time, lease time.Duration, n int) ([]mailbox.Update, error) {
	var rows []updateRow
	err := s.db.SelectContext(ctx, &rows, claimUpdates, now, now.Add(lease), rand.Int64N(1<<62)+1, n)
	if err != nil {
		return nil, mapError(fmt.Errorf("claim updates: %w", err))
	}
	us := make([]mailbox.Update, len(rows))
	for i, r := range rows {
		us[i] = mailbox.Update{Seq: r.Seq, UpdateID: r.UpdateID, ChatID: r.ChatID, Priority: mailbox.Priority(r.Priority),
			Payload: r.Payload, Attempts: r.Attempts, Token: r.Token, LastError: r.LastError}
	}
	slices.SortFunc(us, func(a, b mailbox.Update) int {
		return cmp.Or(cmp.Compare(a.Priority, b.Priority), cmp.Compare(a.Seq, b.Seq))
	})
	return us, nil
}

// ClaimUpdate claims the next ready update (ClaimUpdates of one); ok is
// false when none is ready.
func (s *Store) ClaimUpdate(ctx context.Context, now time.Time, lease time.Duration) (mailbox.Update, bool, error) {
	us, err := s.ClaimUpdates(ctx, now, lease, 1)
	if err != nil || len(us) == 0 {
		return mailbox.Update{}, false, err
	}
	return us[0], true, nil
}

// markClaimed marks claimed updates processed as their transaction
// begins, those whose claim is still this worker's (token $2[i] for seq
// $1[i]): the row is held for the transaction as FOR UPDATE would hold
// it, in the version the commit keeps, so a lock and a second row version
// are saved for each; if the handler fails, the rollback undoes the mark.
// It tells whether an earlier update of the chat is pending: two
// receivers storing updates of one chat at once each claim theirs (each
// statement's snapshot misses the other's row, see insertUpdates), and
// the later must wait for the earlier. It also drops the update's
// content: what a person in danger wrote lives on in their case, not in
// a log of raw updates; the row stays only so a redelivered update_id is
// recognised.
//
// The update finds its rows by seq = ANY (inbox_pkey): its "not
// processed" check, (… IS NULL) IS TRUE, matches no partial index's
// predicate. A generic plan made on statistics of few pending rows read
// inbox_ready or inbox_pending whole instead, with the entries processed
// rows leave until a vacuum (13-260 buffer hits an update, not about 3).
const markClaimed = `
UPDATE inbox i SET processed_at = $3, payload = '{}', retry_at = NULL, claim_token = NULL
WHERE i.seq = ANY ($1::bigint[]) AND (i.processed_at IS NULL) IS TRUE
  AND i.claim_token = ($2::bigint[])[array_position($1::bigint[], i.seq)]
RETURNING i.seq,
    EXISTS (SELECT 1 FROM inbox e WHERE e.chat_id = i.chat_id AND e.processed_at IS NULL AND e.seq < i.seq) AS behind`

// markAll marks us processed in t (see markClaimed): it fails with
// conflict (ErrLeaseLost) when a claim was lost, and with errBehind when
// one of them is behind an earlier pending update of its chat.
func markAll(ctx context.Context, t *sqlx.Tx, us []mailbox.Update, now time.Time) error {
	seqs, tokens := make([]int64, len(us)), make([]int64, len(us))
	for i, u := range us {
		seqs[i], tokens[i] = u.Seq, u.Token
	}
	var held []struct {
		Seq    int64 `db:"seq"`
		Behind bool  `db:"behind"`
	}
	if err := t.SelectContext(ctx, &held, markClaimed, pq.Array(seqs), pq.Array(tokens), now); err != nil {
		return mapError(fmt.Errorf("mark %d updates processed: %w", len(us), err))
	}
	if len(held) != len(us) {
		return &flows.Error{Code: flows.EConflict, Err: fmt.Errorf("%d of %d updates: %w", len(us)-len(held), len(us), mailbox.ErrLeaseLost)}
	}
	for _, h := range held {
		if h.Behind {
			return errBehind
		}
	}
	return nil
}

// errBehind is a claimed update found behind an earlier pending one of
// its chat.
var errBehind = errors.New("an earlier update of its chat is pending")

// behind reports a claim found behind its chat's earlier update: it is
// handed back uncounted, to be claimed in its turn, and reported lost.
func (s *Store) behind(ctx context.Context, us []mailbox.Update) error {
	for _, u := range us {
		if err := s.ReleaseUpdate(ctx, u); err != nil {
			return err
		}
	}
	return &flows.Error{Code: flows.EConflict, Err: fmt.Errorf("%d updates handed back: %w: %w", len(us), errBehind, mailbox.ErrLeaseLost)}
}

// Process runs fn for a claimed update in one transaction and marks it
// processed; it hands off calls as offered (see handOff). Errors:
// conflict when the claim was lost (its lease ran out and another worker
// took the update).
func (s *Store) Process(ctx context.Context, u mailbox.Update, now time.Time, offer mailbox.HandOff,
	fn func(context.Context, mailbox.Tx, mailbox.Update) error) (mailbox.Queued, error) {
	ho := newHandOff([]mailbox.Update{u}, now, offer)
	err := s.inTx(ctx, func(t *sqlx.Tx) error {
		if err := markAll(ctx, t, []mailbox.Update{u}, now); err != nil {
			return err
		}
		if err := fn(ctx, &tx{t: query{Tx: t, ho: ho}}, u); err != nil {
			return fmt.Errorf("update %d: %w", u.UpdateID, err)
		}
		return nil
	})
	if errors.Is(err, errBehind) {
		err = s.behind(ctx, []mailbox.Update{u})
	}
	if err != nil {
		return mailbox.Queued{}, err
	}
	return ho.result(), nil
}

// ProcessAll runs fn for each of several claimed updates, in order, in
// one transaction, and marks them all processed: one commit for all. If
// fn fails for one, nothing is kept and the error is returned (the caller
// then processes each alone). It hands off calls as offered (see
// handOff). Errors: conflict (ErrLeaseLost) when a claim was lost.
func (s *Store) ProcessAll(ctx context.Context, us []mailbox.Update, now time.Time, offer mailbox.HandOff,
	fn func(context.Context, mailbox.Tx, mailbox.Update) error) (mailbox.Queued, error) {
	ho := newHandOff(us, now, offer)
	err := s.inTx(ctx, func(t *sqlx.Tx) error {
		if err := markAll(ctx, t, us, now); errors.Is(err, errBehind) {
			// Each alone, the caller's Process hands those back.
			return &flows.Error{Code: flows.EConflict, Err: fmt.Errorf("%d updates: %w: %w", len(us), errBehind, mailbox.ErrLeaseLost)}
		} else if err != nil {
			return err
		}
		k, chats := &kept{}, make([]int64, len(us))
		for i, u := range us {
			chats[i] = u.ChatID
		}
		if err := k.readAhead(ctx, t, chats); err != nil {
			return err
		}
		x := &tx{t: query{Tx: t, kept: k, ho: ho}}
		for _, u := range us {
			if err := fn(ctx, x, u); err != nil {
				return fmt.Errorf("update %d: %w", u.UpdateID, err)
			}
		}
		return x.t.flush(ctx)
	})
	if err != nil {
		return mailbox.Queued{}, err
	}
	return ho.result(), nil
}

// ProcessNext claims the next ready update and processes it; a failure
// leaves it pending and ready again at once (its attempt counted). It
// returns false when no update is ready. Tests and benchmarks use it; the
// workers claim and process in two steps to handle failures themselves.
func (s *Store) ProcessNext(ctx context.Context, now time.Time, fn func(context.Context, mailbox.Tx, mailbox.Update) error) (bool, error) {
	u, ok, err := s.ClaimUpdate(ctx, now, time.Minute)
	if err != nil || !ok {
		return ok, err
	}
	if _, err := s.Process(ctx, u, now, mailbox.HandOff{}, fn); err != nil {
		if _, rerr := s.db.ExecContext(ctx, retryUpdate, u.Seq, u.Token, now, err.Error()); rerr != nil {
			return true, mapError(fmt.Errorf("release update %d: %w", u.UpdateID, rerr))
		}
		return true, err
	}
	return true, nil
}

const retryUpdate = `
UPDATE inbox SET retry_at = $3, last_error = $4, claim_token = NULL
WHERE seq = $1 AND claim_token = $2 AND processed_at IS NULL`

// RetryUpdate records the failure of a claimed update's attempt and when
// to try again.
func (s *Store) RetryUpdate(ctx context.Context, u mailbox.Update, at time.Time, cause error) error {
	if _, err := s.db.ExecContext(ctx, retryUpdate, u.Seq, u.Token, at, cause.Error()); err != nil {
		return mapError(fmt.Errorf("retry update %d: %w", u.UpdateID, err))
	}
	return nil
}

const releaseUpdate = `
UPDATE inbox SET attempts = greatest(attempts - 1, 0), retry_at = NULL, claim_token = NULL
WHERE seq = $1 AND claim_token = $2 AND processed_at IS NULL`

// ReleaseUpdate hands back a claimed update whose attempt failed because
// the database was unavailable: the attempt is not counted, and the
// update is ready again at once. The claim token makes it idempotent.
func (s *Store) ReleaseUpdate(ctx context.Context, u mailbox.Update) error {
	if _, err := s.db.ExecContext(ctx, releaseUpdate, u.Seq, u.Token); err != nil {
		return mapError(fmt.Errorf("release update %d: %w", u.UpdateID, err))
	}
	return nil
}

const setAsideUpdate = `
UPDATE inbox SET processed_at = $2, set_aside_at = $2, last_error = $3, retry_at = NULL, claim_token = NULL
WHERE seq = $1 AND processed_at IS NULL`

// SetAside gives up on an update after its attempts: it is marked
// processed with its payload kept (set-aside rows are never pruned) so the
// desk can inspect and retry it, in a transaction in which fn may still
// tell the user and the desk.
func (s *Store) SetAside(ctx context.Context, u mailbox.Update, now time.Time, cause error, fn func(context.Context, mailbox.Tx) error) error {
	return s.inTx(ctx, func(t *sqlx.Tx) error {
		res, err := t.ExecContext(ctx, setAsideUpdate, u.Seq, now, cause.Error())
		if err != nil {
			return mapError(fmt.Errorf("set aside update %d: %w", u.UpdateID, err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // processed or set aside meanwhile
		}
		return fn(ctx, &tx{t: query{Tx: t}})
	})
}

// The prunes use inbox_processed, outbox_done and chat_messages_at.
const pruneInbox = `DELETE FROM inbox WHERE processed_at < $1 AND set_aside_at IS NULL`

const pruneOutbox = `DELETE FROM outbox WHERE status <> 'pending' AND created_at < $1`

// Chat messages without a case are needed only by /forget (48 hours);
// those of a case let staff reply to an alert for as long as the case is.
const pruneMessages = `DELETE FROM chat_messages WHERE case_id IS NULL AND at < $1`

// Prune deletes processed updates received before inboxBefore and
// finished outbox rows created before outboxBefore. Both hold message
// text, so they are kept no longer than deduplication and /forget need.
func (s *Store) Prune(ctx context.Context, inboxBefore, outboxBefore time.Time) (int64, error) {
	var total int64
	for _, q := range []struct {
		sql    string
		before time.Time
	}{{pruneInbox, inboxBefore}, {pruneOutbox, outboxBefore}, {pruneMessages, inboxBefore}, {pruneLivePins, inboxBefore}} {
		res, err := s.db.ExecContext(ctx, q.sql, q.before)
		if err != nil {
			return total, mapError(fmt.Errorf("prune: %w", err))
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
}
