package postgres

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/mailbox"
)

// handOff is an update transaction's promise to its dispatcher (see
// mailbox.HandOff): the plain calls it queues into its updates' own chats
// (processed one update at a time, so no other transaction hands off into
// them meanwhile) are inserted already leased (the claim's lease, token
// and attempt, in the same row version) and handed over after commit,
// which saves a claim statement and a row version each. Another
// dispatcher claims them only when the lease runs out, results are fenced
// by the token, and a chat with a leased call is claimed by no one.
type handOff struct {
	chats, held, tokens []int64
	now, until          time.Time
	queued              mailbox.Queued
}

func newHandOff(us []mailbox.Update, now time.Time, offer mailbox.HandOff) *handOff {
	if offer.Lease <= 0 {
		return nil
	}
	ho := &handOff{now: now, until: now.Add(offer.Lease)}
	for _, u := range us {
		if !slices.Contains(ho.chats, u.ChatID) {
			ho.chats = append(ho.chats, u.ChatID)
		}
	}
	for _, m := range offer.Held {
		ho.held, ho.tokens = append(ho.held, m.ID), append(ho.tokens, m.Token)
	}
	return ho
}

// others records calls queued for a claim.
func (ho *handOff) others() {
	if ho != nil {
		ho.queued.Others = true
	}
}

// result is what the transaction queued, once it has committed.
func (ho *handOff) result() mailbox.Queued {
	if ho == nil {
		return mailbox.Queued{Others: true}
	}
	return ho.queued
}

// insertOutgoingMany is insertOutgoing for many calls in one statement,
// in order (the ids follow the rows' order). With $9 (the lease's end)
// set, the calls into a chat of $11 whose pending calls (as the
// statement's snapshot sees them: the calls it inserts are not) are all
// held by the dispatcher (ids $12 under tokens $13), none held back
// (not_before), are inserted leased, each with token $10 + its place in
// the statement, as far as they are of the chat's first call's priority
// (as a claim takes a chat's calls, so that in a burst a second message
// does not go before other people's first answers); the others as before. It returns what a dispatcher needs
// of the leased ones, and of the others their id alone. The pending check
// is a probe of outbox_pending per row (OFFSET 0 keeps PostgreSQL from
// hashing it instead): hashed, it read every pending row through a bitmap
// scan of outbox_ready, which never marks the entries of sent rows dead,
// about 900 index entries and 130 pages per statement in the closed loop.
// The payloads come as one JSON array ($4), not a text[]: a text array
// escapes every quote of every payload on the way (lib/pq's array
// encoding was 9 % of the closed loop's allocations) and PostgreSQL
// unescapes them before it parses each payload. A leased call's payload
// comes back only when silent (as a quiet chat's are made here); the
// others go with the payload they came with, which decodes to the same
// call, and the call itself (mailbox.Message.Call), not decoded again.
const insertOutgoingMany = `
WITH m AS (
    SELECT m.chat_id AS queued_to,
        COALESCE((SELECT new_chat_id FROM chat_migrations WHERE old_chat_id = m.chat_id), m.chat_id) AS chat_id,
        m.priority, m.method, $4::jsonb -> (m.ord - 1)::int AS payload, m.case_id, m.kind,
        COALESCE(NULLIF(m.not_before, '')::timestamptz, m.at::timestamptz) AS not_before, m.at::timestamptz AS at, m.ord
    FROM unnest($1::bigint[], $2::smallint[], $3::text[], $5::bigint[], $6::text[], $7::text[], $8::text[])
        WITH ORDINALITY AS m(chat_id, priority, method, case_id, kind, not_before, at, ord)),
f AS (
    SELECT m.*, first_value(m.priority) OVER (PARTITION BY m.chat_id ORDER BY m.ord) AS head FROM m),
l AS (
    SELECT m.*, $9::timestamptz IS NOT NULL AND m.chat_id = ANY ($11::bigint[])
        AND bool_and(m.not_before <= m.at) OVER (PARTITION BY m.chat_id)
        AND bool_and(m.priority = m.head) OVER (PARTITION BY m.chat_id ORDER BY m.ord)
        AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.chat_id = m.chat_id AND p.status = 'pending'
            AND NOT EXISTS (SELECT 1 FROM unnest($12::bigint[], $13::bigint[]) AS h(id, token)
                WHERE h.id = p.id AND h.token = p.lease_token)
            OFFSET 0) AS leased
    FROM f AS m)
INSERT INTO outbox (chat_id, priority, method, payload, case_id, kind, not_before, created_at,
    leased_until, lease_token, attempts)
SELECT l.chat_id, l.priority, l.method,
    CASE WHEN EXISTS (SELECT 1 FROM chats WHERE chat_id = l.queued_to AND quiet)
         THEN l.payload || '{"silent": true}' ELSE l.payload END,
    NULLIF(l.case_id, 0), l.kind, l.not_before, l.at,
    CASE WHEN l.leased THEN $9::timestamptz END, CASE WHEN l.leased THEN $10::bigint + l.ord END,
    CASE WHEN l.leased THEN 1 ELSE 0 END
FROM l
ORDER BY l.ord
RETURNING id, chat_id, priority, method,
    CASE WHEN lease_token IS NOT NULL AND payload @> '{"silent": true}' THEN payload END AS payload,
    attempts, ambiguous, COALESCE(lease_token, 0) AS lease_token, created_at, COALESCE(case_id, 0) AS case_id, kind`

// insertCalls runs insertOutgoingMany: calls in order, each created at
// its time in ats; ho (nil: none) takes the ones it leased.
func insertCalls(ctx context.Context, t *sqlx.Tx, out []mailbox.Message, ats []time.Time, ho *handOff) error {
	n := len(out)
	chats, prios, cases := make([]int64, n), make([]int64, n), make([]int64, n)
	methods, kinds, notBefore, created := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	var payloads strings.Builder
	payloads.WriteByte('[')
	for i, o := range out {
		chats[i], prios[i], cases[i] = o.ChatID, int64(o.Priority), o.CaseID
		methods[i], kinds[i], created[i] = o.Method, o.Kind, stamp(ats[i])
		if i > 0 {
			payloads.WriteByte(',')
		}
		payloads.Write(o.Payload)
		if !o.NotBefore.IsZero() {
			notBefore[i] = stamp(o.NotBefore)
		}
	}
	payloads.WriteByte(']')
	var until *time.Time
	var own, held, tokens []int64
	if ho != nil {
		until, own, held, tokens = &ho.until, ho.chats, ho.held, ho.tokens
	}
	var rows []outgoingRow
	base := rand.Int64N(1 << 61)
	err := t.SelectContext(ctx, &rows, insertOutgoingMany, pq.Array(chats), pq.Array(prios), pq.Array(methods),
		payloads.String(), pq.Array(cases), pq.Array(kinds), pq.Array(notBefore), pq.Array(created),
		until, base, pq.Array(own), pq.Array(held), pq.Array(tokens))
	if err != nil {
		return mapError(fmt.Errorf("enqueue %d calls: %w", n, err))
	}
	for _, r := range rows {
		if r.Token == 0 {
			ho.others()
			continue
		}
		i := r.Token - base - 1 // the token is base + the call's place (from 1)
		if i < 0 || i >= int64(n) {
			return fmt.Errorf("enqueue %d calls: token %d is not of this statement", n, r.Token)
		}
		m := mailbox.Message{ID: r.ID, ChatID: r.ChatID,
			Priority: mailbox.Priority(r.Priority), Method: r.Method, Payload: out[i].Payload, Attempts: r.Attempts,
			Token: r.Token, CreatedAt: r.CreatedAt, CaseID: r.CaseID, Kind: r.Kind, ClaimedAt: ho.now}
		if r.Payload != nil {
			m.Payload = r.Payload
		}
		m.Carry(out[i])
		ho.queued.Leased = append(ho.queued.Leased, m)
	}
	return nil
}
