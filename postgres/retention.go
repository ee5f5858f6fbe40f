package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Retention says how long personal data is kept.
type Retention struct {
	// Cases: a closed case's personal fields are erased this long after it
	// was closed, unless a supervisor holds it (CASE_RETENTION).
	Cases time.Duration
	// Inbox: an update set aside (abandoned after its retries, or
	// quarantined) keeps its content this long for the operators, then
	// only its ids and error (INBOX_RETENTION).
	Inbox time.Duration
}

// Retained is what one pass of retention erased.
type Retained struct {
	Cases, Sessions, Inbox int64
}

// eraseCases erases a batch of closed cases: the reporter's name and
// Telegram ids, the answers, the last location, the resolution, every
// timeline entry's text, file and place, the sealed passport and phone
// numbers and the links to chat messages. What remains is the case's
// type, priority, status, dates and assignee (the statistics), and a
// timeline entry and an audit entry saying it was erased.
const eraseCases = `
WITH e AS (
    UPDATE cases SET answers = '{}', reporter_name = '', reporter_user_id = 0, reporter_chat_id = 0,
        last_lat = NULL, last_lon = NULL, last_location_at = NULL, resolution = '', erased_at = $2
    WHERE id IN (
        SELECT id FROM cases
        WHERE closed_at < $1 AND erased_at IS NULL AND NOT retention_hold
        ORDER BY closed_at LIMIT 200
        FOR UPDATE SKIP LOCKED)
    RETURNING id
), ev AS (
    UPDATE case_events SET text = '', file_id = '', lat = NULL, lon = NULL, data = '{}'
    WHERE case_id IN (SELECT id FROM e)
), pp AS (
    DELETE FROM case_passports WHERE case_id IN (SELECT id FROM e)
), ph AS (
    DELETE FROM case_phones WHERE case_id IN (SELECT id FROM e)
), cm AS (
    DELETE FROM chat_messages WHERE case_id IN (SELECT id FROM e)
), t AS (
    INSERT INTO case_events (case_id, kind, at) SELECT id, 'erased', $2 FROM e
), a AS (
    INSERT INTO audit_log (actor_id, action, case_id, detail, at)
    SELECT 0, 'case.erase', id, 'retention', $2 FROM e
)
SELECT count(*) FROM e`

// scrubSessions forgets the answers of conversations left unfinished for
// the case retention period (what they held is on the case, if anywhere).
const scrubSessions = `
UPDATE chats SET answers = '{}', flow = '', state = ''
WHERE updated_at < $1 AND (answers <> '{}' OR flow <> '')`

// scrubInbox drops the content of updates that were set aside rather than
// processed, a quarantined one's raw bytes included (their row keeps ids
// and the error): processed ones keep none.
const scrubInbox = `
UPDATE inbox SET payload = '{}', raw = NULL
WHERE received_at < $1 AND (payload <> '{}' OR raw IS NOT NULL) AND (processed_at IS NOT NULL OR last_error IS NOT NULL)`

// Retain erases what the retention periods say is due at now. Each
// statement is idempotent; cases go in batches until none is due.
func (s *Store) Retain(ctx context.Context, now time.Time, r Retention) (Retained, error) {
	var out Retained
	if r.Cases > 0 {
		for {
			var n int64
			if err := s.db.GetContext(ctx, &n, eraseCases, now.Add(-r.Cases), now); err != nil {
				return out, mapError(fmt.Errorf("erase closed cases: %w", err))
			}
			out.Cases += n
			if n == 0 {
				break
			}
		}
		n, err := execCount(ctx, s.db, scrubSessions, now.Add(-r.Cases))
		if err != nil {
			return out, fmt.Errorf("scrub sessions: %w", err)
		}
		out.Sessions = n
	}
	if r.Inbox > 0 {
		n, err := execCount(ctx, s.db, scrubInbox, now.Add(-r.Inbox))
		if err != nil {
			return out, fmt.Errorf("scrub inbox: %w", err)
		}
		out.Inbox = n
	}
	return out, nil
}

func execCount(ctx context.Context, db sqlx.ExecerContext, query string, args ...any) (int64, error) {
	res, err := db.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, mapError(err)
	}
	n, err := res.RowsAffected()
	return n, mapError(err)
}
