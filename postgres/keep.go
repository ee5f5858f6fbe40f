package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// In a batch of updates (ProcessAll) the writes every turn makes — its
// chat's session, the message it received, the calls it queues — are
// kept back and written for the whole batch together: three statements
// for the batch instead of three for each update (mailroom's hooks:
// handlers add writes that commit once). Anything else the transaction
// runs writes them first, so every read sees every earlier write, in the
// order made; and ProcessAll writes the rest before it commits. The
// sessions of the batch's chats are read (and locked) at once too.

// query is the transaction as the tx methods and the desk use it: a
// statement first writes what was kept back.
type query struct {
	*sqlx.Tx
	kept *kept    // nil: nothing is kept back (an update alone)
	ho   *handOff // nil: no calls are handed off
}

// flush writes what was kept back.
func (q query) flush(ctx context.Context) error { return q.kept.write(ctx, q.Tx, q.ho) }

func (q query) ExecContext(ctx context.Context, s string, args ...any) (sql.Result, error) {
	if err := q.flush(ctx); err != nil {
		return nil, err
	}
	return q.Tx.ExecContext(ctx, s, args...)
}

func (q query) GetContext(ctx context.Context, dest any, s string, args ...any) error {
	if err := q.flush(ctx); err != nil {
		return err
	}
	return q.Tx.GetContext(ctx, dest, s, args...)
}

func (q query) SelectContext(ctx context.Context, dest any, s string, args ...any) error {
	if err := q.flush(ctx); err != nil {
		return err
	}
	return q.Tx.SelectContext(ctx, dest, s, args...)
}

func (q query) QueryContext(ctx context.Context, s string, args ...any) (*sql.Rows, error) {
	if err := q.flush(ctx); err != nil {
		return nil, err
	}
	return q.Tx.QueryContext(ctx, s, args...)
}

func (q query) QueryxContext(ctx context.Context, s string, args ...any) (*sqlx.Rows, error) {
	if err := q.flush(ctx); err != nil {
		return nil, err
	}
	return q.Tx.QueryxContext(ctx, s, args...)
}

// QueryRowxContext cannot return the error of the kept writes; a failed
// write aborts the transaction, so the row's own query fails after it.
func (q query) QueryRowxContext(ctx context.Context, s string, args ...any) *sqlx.Row {
	_ = q.flush(ctx)
	return q.Tx.QueryRowxContext(ctx, s, args...)
}

// kept are the writes held back in a batch, and the sessions read ahead.
type kept struct {
	sessions map[int64]*sessionRow // read ahead (nil: no row yet); taken by the first Session of each chat
	saves    []sessionSave
	messages []chatMessage
	calls    []mailbox.Message
	callsAt  []time.Time
}

type sessionSave struct {
	row    sessionRow
	at     time.Time
	answer []byte
}

type chatMessage struct {
	chatID, messageID, caseID int64
	at                        time.Time
}

// selectSessions reads and locks the sessions of a batch's chats, in
// chat order (so two batches never wait on each other in a circle).
const selectSessions = `
SELECT chat_id, user_id, language, telegram_language, flow, state, answers
FROM chats WHERE chat_id = ANY ($1) ORDER BY chat_id FOR UPDATE`

// readAhead loads the sessions of chats; a chat without a row gets a new
// session from Session as usual.
func (k *kept) readAhead(ctx context.Context, t *sqlx.Tx, chats []int64) error {
	var rows []sessionRow
	if err := t.SelectContext(ctx, &rows, selectSessions, pq.Array(chats)); err != nil {
		return mapError(fmt.Errorf("load %d sessions: %w", len(chats), err))
	}
	k.sessions = map[int64]*sessionRow{}
	for _, c := range chats {
		k.sessions[c] = nil
	}
	for i := range rows {
		k.sessions[rows[i].ChatID] = &rows[i]
	}
	return nil
}

// session returns the read-ahead row of chatID (nil: none), once: a later
// Session of the chat reads what this transaction wrote since. known is
// false when the chat was not read ahead.
func (k *kept) session(chatID int64) (r *sessionRow, known bool) {
	if k == nil {
		return nil, false
	}
	r, known = k.sessions[chatID]
	delete(k.sessions, chatID)
	return r, known
}

// saved reports whether a session write of chatID is kept back.
func (k *kept) saved(chatID int64) bool {
	for _, s := range k.saves {
		if s.row.ChatID == chatID {
			return true
		}
	}
	return false
}

const upsertSessions = `
INSERT INTO chats (chat_id, user_id, language, telegram_language, flow, state, answers, created_at, updated_at)
SELECT s.chat_id, s.user_id, NULLIF(s.language, ''), s.telegram_language, s.flow, s.state, s.answers::jsonb,
    s.at::timestamptz, s.at::timestamptz
FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
    AS s(chat_id, user_id, language, telegram_language, flow, state, answers, at)
ON CONFLICT (chat_id) DO UPDATE SET
    user_id = EXCLUDED.user_id, language = EXCLUDED.language,
    telegram_language = EXCLUDED.telegram_language, flow = EXCLUDED.flow,
    state = EXCLUDED.state, answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at`

const insertChatMessages = `
INSERT INTO chat_messages (chat_id, message_id, from_bot, case_id, at)
SELECT m.chat_id, m.message_id, false, NULLIF(m.case_id, 0), m.at::timestamptz
FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS m(chat_id, message_id, case_id, at)
ON CONFLICT (chat_id, message_id) DO UPDATE SET case_id = COALESCE(EXCLUDED.case_id, chat_messages.case_id)`

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// write writes what was kept back: sessions, then messages, then calls
// (ho takes those it may).
func (k *kept) write(ctx context.Context, t *sqlx.Tx, ho *handOff) error {
	if k == nil {
		return nil
	}
	if n := len(k.saves); n > 0 {
		chats, users := make([]int64, n), make([]int64, n)
		langs, tgLangs, flows, states, answers, ats := make([]string, n), make([]string, n), make([]string, n),
			make([]string, n), make([]string, n), make([]string, n)
		for i, s := range k.saves {
			chats[i], users[i], langs[i], tgLangs[i] = s.row.ChatID, s.row.UserID, s.row.Language.String, s.row.TelegramLanguage
			flows[i], states[i], answers[i], ats[i] = s.row.Flow, s.row.State, string(s.answer), stamp(s.at)
		}
		k.saves = nil
		if _, err := t.ExecContext(ctx, upsertSessions, pq.Array(chats), pq.Array(users), pq.Array(langs),
			pq.Array(tgLangs), pq.Array(flows), pq.Array(states), pq.Array(answers), pq.Array(ats)); err != nil {
			return mapError(fmt.Errorf("save %d sessions: %w", n, err))
		}
	}
	if n := len(k.messages); n > 0 {
		chats, ids, cases, ats := make([]int64, n), make([]int64, n), make([]int64, n), make([]string, n)
		for i, m := range k.messages {
			chats[i], ids[i], cases[i], ats[i] = m.chatID, m.messageID, m.caseID, stamp(m.at)
		}
		k.messages = nil
		if _, err := t.ExecContext(ctx, insertChatMessages, pq.Array(chats), pq.Array(ids), pq.Array(cases), pq.Array(ats)); err != nil {
			return mapError(fmt.Errorf("record %d messages: %w", n, err))
		}
	}
	if len(k.calls) > 0 {
		calls, ats := k.calls, k.callsAt
		k.calls, k.callsAt = nil, nil
		return insertCalls(ctx, t, calls, ats, ho)
	}
	return nil
}

// saveSession keeps a session write back; a chat's later write replaces
// its earlier one.
func (k *kept) saveSession(s *flows.Session, now time.Time) error {
	answers, err := json.Marshal(s.Answers)
	if err != nil {
		return &flows.Error{Code: flows.EInternal, Message: "encode answers", Err: err}
	}
	row := sessionRow{ChatID: s.ChatID, UserID: s.UserID, Language: sql.NullString{String: s.Language, Valid: s.Language != ""},
		TelegramLanguage: s.TelegramLanguage, Flow: s.Flow, State: s.State}
	for i := range k.saves {
		if k.saves[i].row.ChatID == s.ChatID {
			k.saves[i].row, k.saves[i].answer = row, answers
			return nil
		}
	}
	k.saves = append(k.saves, sessionSave{row: row, at: now, answer: answers})
	return nil
}

// recordMessage keeps a received message back; recorded twice, it keeps
// its first time and the latest case.
func (k *kept) recordMessage(chatID, messageID, caseID int64, at time.Time) {
	for i := range k.messages {
		if m := &k.messages[i]; m.chatID == chatID && m.messageID == messageID {
			if caseID != 0 {
				m.caseID = caseID
			}
			return
		}
	}
	k.messages = append(k.messages, chatMessage{chatID: chatID, messageID: messageID, caseID: caseID, at: at})
}
