package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// The results of many sends are written together: one statement for each
// kind of outcome, all in one transaction, so a busy dispatcher commits
// once for a whole group of sends instead of once for each. Each statement
// also names its rows by id = ANY ($1), so that the outbox is read by its
// primary key whatever join the planner picks for the unnest, and writes
// its "still pending" check as (status = 'pending') IS TRUE, which the
// predicate of no partial index matches: in the generic plan a
// connection keeps, planned on statistics taken while nothing was
// pending, outbox_pending and outbox_ready look empty, and the "sent"
// update read all of outbox_pending instead (with the entries sent rows
// leave in it until a vacuum), id = ANY ($1) checked on each entry.

// markSentMany is markSent for many calls (see there).
const markSentMany = `
WITH sent AS (
    UPDATE outbox SET status = 'sent', sent_at = $3, sent_message_id = NULLIF(r.message_id, 0),
        leased_until = NULL, lease_token = NULL, payload = ` + scrubPayload + `
    FROM unnest($1::bigint[], $2::bigint[]) AS r(id, message_id)
    WHERE outbox.id = ANY ($1) AND outbox.id = r.id AND (outbox.status = 'pending') IS TRUE
    RETURNING outbox.chat_id, outbox.sent_message_id, outbox.case_id)
INSERT INTO chat_messages (chat_id, message_id, from_bot, case_id, at)
SELECT DISTINCT ON (chat_id, sent_message_id) chat_id, sent_message_id, true, case_id, $3
FROM sent WHERE sent_message_id IS NOT NULL
ON CONFLICT (chat_id, message_id) DO UPDATE SET case_id = COALESCE(EXCLUDED.case_id, chat_messages.case_id)`

// retryMany is retryOutgoing for many calls; it returns the ids whose
// lease was still the caller's.
const retryMany = `
UPDATE outbox SET not_before = r.at::timestamptz, leased_until = NULL, lease_token = NULL, last_error = r.err,
    errors = array_append(outbox.errors, r.attempt), ambiguous = outbox.ambiguous + r.amb
FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[])
    AS r(id, token, at, err, attempt, amb)
WHERE outbox.id = ANY ($1) AND outbox.id = r.id AND outbox.lease_token = r.token AND (outbox.status = 'pending') IS TRUE
RETURNING outbox.id`

// failMany is failOutgoing for many calls.
const failMany = `
UPDATE outbox SET status = 'failed', leased_until = NULL, lease_token = NULL, last_error = r.err,
    errors = array_append(outbox.errors, r.attempt), sent_at = $5, payload = ` + scrubPayload + `
FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS r(id, token, err, attempt)
WHERE outbox.id = ANY ($1) AND outbox.id = r.id AND outbox.lease_token = r.token AND (outbox.status = 'pending') IS TRUE
RETURNING outbox.id`

// releaseMany hands calls that were not tried back, their attempt not
// counted.
const releaseMany = `
UPDATE outbox SET leased_until = NULL, lease_token = NULL, attempts = greatest(outbox.attempts - 1, 0)
FROM unnest($1::bigint[], $2::bigint[]) AS r(id, token)
WHERE outbox.id = ANY ($1) AND outbox.id = r.id AND outbox.lease_token = r.token AND (outbox.status = 'pending') IS TRUE
RETURNING outbox.id`

// querier is a database or a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
}

// Record writes many results in one transaction.
func (s *Store) Record(ctx context.Context, results []mailbox.Result, now time.Time) ([]error, error) {
	var (
		sentIDs, sentMsg                 []int64
		retryIDs, retryTok, amb          []int64
		retryAt, retryErr, retryAtt      []string
		failIDs, failTok, relIDs, relTok []int64
		failErr, failAtt                 []string
		fenced                           = map[int64]bool{}
	)
	for _, r := range results {
		m := r.Message
		switch r.Outcome {
		case mailbox.OutcomeSent:
			sentIDs, sentMsg = append(sentIDs, m.ID), append(sentMsg, r.MessageID)
		case mailbox.OutcomeRetry:
			a := int64(0)
			if r.Ambiguous {
				a = 1
			}
			retryIDs, retryTok, amb = append(retryIDs, m.ID), append(retryTok, m.Token), append(amb, a)
			retryAt = append(retryAt, r.At.UTC().Format(time.RFC3339Nano))
			retryErr, retryAtt = append(retryErr, r.Cause.Error()), append(retryAtt, attemptError(m, now, r.Cause))
		case mailbox.OutcomeFail:
			failIDs, failTok = append(failIDs, m.ID), append(failTok, m.Token)
			failErr, failAtt = append(failErr, r.Cause.Error()), append(failAtt, attemptError(m, now, r.Cause))
		case mailbox.OutcomeRelease:
			relIDs, relTok = append(relIDs, m.ID), append(relTok, m.Token)
		}
	}
	// One kind of outcome is one statement, with no transaction around it
	// (one round trip); several are written together.
	kinds := 0
	for _, n := range []int{len(sentIDs), len(retryIDs), len(failIDs), len(relIDs)} {
		if n > 0 {
			kinds++
		}
	}
	write := func(t querier) error {
		if len(sentIDs) > 0 {
			if _, err := t.ExecContext(ctx, markSentMany, pq.Array(sentIDs), pq.Array(sentMsg), now); err != nil {
				return mapError(fmt.Errorf("mark %d outgoing sent: %w", len(sentIDs), err))
			}
		}
		for _, q := range []struct {
			what, sql string
			ids       []int64
			args      []any
		}{
			{"retry", retryMany, retryIDs, []any{pq.Array(retryIDs), pq.Array(retryTok), pq.Array(retryAt),
				pq.Array(retryErr), pq.Array(retryAtt), pq.Array(amb)}},
			{"fail", failMany, failIDs, []any{pq.Array(failIDs), pq.Array(failTok), pq.Array(failErr), pq.Array(failAtt), now}},
			{"release", releaseMany, relIDs, []any{pq.Array(relIDs), pq.Array(relTok)}},
		} {
			if len(q.ids) == 0 {
				continue
			}
			var done []int64
			if err := t.SelectContext(ctx, &done, q.sql, q.args...); err != nil {
				return mapError(fmt.Errorf("%s %d outgoing: %w", q.what, len(q.ids), err))
			}
			for _, id := range done {
				fenced[id] = true
			}
		}
		return nil
	}
	var err error
	if kinds == 1 {
		err = write(s.db)
	} else {
		err = s.inTx(ctx, func(t *sqlx.Tx) error { return write(t) })
	}
	if err != nil {
		return nil, err
	}
	errs := make([]error, len(results))
	for i, r := range results {
		if r.Outcome != mailbox.OutcomeSent && !fenced[r.Message.ID] {
			errs[i] = &flows.Error{Code: flows.EConflict, Err: fmt.Errorf("record outgoing %d: %w", r.Message.ID, mailbox.ErrLeaseLost)}
		}
	}
	return errs, nil
}

// record writes one result.
func (s *Store) record(ctx context.Context, r mailbox.Result, now time.Time) error {
	errs, err := s.Record(ctx, []mailbox.Result{r}, now)
	if err != nil {
		return err
	}
	return errs[0]
}
