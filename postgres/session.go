package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// tx is one update's transaction, or a batch's (see query).
type tx struct {
	t query
}

type sessionRow struct {
	ChatID           int64          `db:"chat_id"`
	UserID           int64          `db:"user_id"`
	Language         sql.NullString `db:"language"`
	TelegramLanguage string         `db:"telegram_language"`
	Flow             string         `db:"flow"`
	State            string         `db:"state"`
	Answers          []byte         `db:"answers"`
}

const selectSession = `
SELECT chat_id, user_id, language, telegram_language, flow, state, answers
FROM chats WHERE chat_id = $1 FOR UPDATE`

// Session loads and locks a chat's session; a chat never seen gets a new,
// idle one.
func (x *tx) Session(ctx context.Context, chatID int64) (*flows.Session, error) {
	r, known := x.t.kept.session(chatID)
	if !known {
		r = &sessionRow{}
		get := x.t.Tx.GetContext // another chat's kept writes do not touch this row
		if x.t.kept != nil && x.t.kept.saved(chatID) {
			get = x.t.GetContext
		}
		if err := get(ctx, r, selectSession, chatID); err != nil {
			if flows.ErrorCode(mapError(err)) != flows.ENotFound {
				return nil, mapError(fmt.Errorf("load session %d: %w", chatID, err))
			}
			r = nil
		}
	}
	if r == nil {
		return &flows.Session{ChatID: chatID, Answers: map[string]string{}}, nil
	}
	s := &flows.Session{ChatID: r.ChatID, UserID: r.UserID, Language: r.Language.String,
		TelegramLanguage: r.TelegramLanguage, Flow: r.Flow, State: r.State}
	if err := json.Unmarshal(r.Answers, &s.Answers); err != nil {
		return nil, &flows.Error{Code: flows.EInternal, Message: fmt.Sprintf("session %d answers", chatID), Err: err}
	}
	if s.Answers == nil {
		s.Answers = map[string]string{}
	}
	return s, nil
}

const upsertSession = `
INSERT INTO chats (chat_id, user_id, language, telegram_language, flow, state, answers, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
ON CONFLICT (chat_id) DO UPDATE SET
    user_id = EXCLUDED.user_id, language = EXCLUDED.language,
    telegram_language = EXCLUDED.telegram_language, flow = EXCLUDED.flow,
    state = EXCLUDED.state, answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at`

// SaveSession stores the session.
func (x *tx) SaveSession(ctx context.Context, s *flows.Session, now time.Time) error {
	if x.t.kept != nil {
		return x.t.kept.saveSession(s, now)
	}
	answers, err := json.Marshal(s.Answers)
	if err != nil {
		return &flows.Error{Code: flows.EInternal, Message: "encode answers", Err: err}
	}
	lang := sql.NullString{String: s.Language, Valid: s.Language != ""}
	if _, err := x.t.ExecContext(ctx, upsertSession, s.ChatID, s.UserID, lang, s.TelegramLanguage,
		s.Flow, s.State, answers, now); err != nil {
		return mapError(fmt.Errorf("save session %d: %w", s.ChatID, err))
	}
	return nil
}

// insertOutgoing marks a call to a chat in quiet mode silent, whoever
// queued it (the conversation, a desk reply, an alert).
const insertOutgoing = `
INSERT INTO outbox (chat_id, priority, method, payload, case_id, kind, bundle_refs, not_before, created_at)
VALUES (COALESCE((SELECT new_chat_id FROM chat_migrations WHERE old_chat_id = $1), $1), $2, $3,
    CASE WHEN EXISTS (SELECT 1 FROM chats WHERE chat_id = $1 AND quiet)
         THEN $4::jsonb || '{"silent": true}' ELSE $4::jsonb END,
    NULLIF($5, 0), $6, $7, COALESCE($9::timestamptz, $8), $8)`

const upsertQuiet = `
INSERT INTO chats (chat_id, quiet, created_at, updated_at) VALUES ($1, $2, $3, $3)
ON CONFLICT (chat_id) DO UPDATE SET quiet = EXCLUDED.quiet`

// SetQuiet puts a chat in quiet mode or out of it.
func (x *tx) SetQuiet(ctx context.Context, chatID int64, quiet bool, now time.Time) error {
	if _, err := x.t.ExecContext(ctx, upsertQuiet, chatID, quiet, now); err != nil {
		return mapError(fmt.Errorf("quiet chat %d: %w", chatID, err))
	}
	return nil
}

// notBefore is when a queued call may go: NULL for at once.
func notBefore(o mailbox.Message) *time.Time {
	if o.NotBefore.IsZero() {
		return nil
	}
	return &o.NotBefore
}

// Enqueue adds calls to the outbox in order, in one statement (calls
// naming cases, bundles and albums, one by one). A call to a group that
// became a supergroup goes to the new chat.
func (x *tx) Enqueue(ctx context.Context, now time.Time, out ...mailbox.Message) error {
	plain := !slices.ContainsFunc(out, func(o mailbox.Message) bool { return len(o.Refs) > 0 })
	if k := x.t.kept; k != nil && plain {
		for _, o := range out {
			k.calls, k.callsAt = append(k.calls, o), append(k.callsAt, now)
		}
		return nil
	}
	if plain && (len(out) > 1 || x.t.ho != nil) {
		if err := x.t.flush(ctx); err != nil {
			return err
		}
		ats := make([]time.Time, len(out))
		for i := range ats {
			ats[i] = now
		}
		return insertCalls(ctx, x.t.Tx, out, ats, x.t.ho)
	}
	for _, o := range out {
		if _, err := x.t.ExecContext(ctx, insertOutgoing, o.ChatID, o.Priority, o.Method, o.Payload, o.CaseID,
			o.Kind, pq.Array(o.Refs), now, notBefore(o)); err != nil {
			return mapError(fmt.Errorf("enqueue %s to %d: %w", o.Method, o.ChatID, err))
		}
		x.t.ho.others()
	}
	return nil
}
