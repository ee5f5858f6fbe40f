package deskdb

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/internal/pgerr"
)

// Store keeps the case queue. It runs on whatever it is given: the
// database (each method then stands alone) or an update's transaction
// (see tx.Desk), so a case write commits, or not, with the update.
//
// Every method is one SQL statement, or reads only, so it is atomic on its
// own without a transaction of its own; changes lock the case row first.
// Expected outcomes (not found, already claimed, closed) never fail a
// statement, so they leave a transaction usable.
type Store struct {
	q      sqlx.ExtContext
	newRef func(n int) desk.Ref // desk.NewRef; tests script collisions
}

var _ desk.Store = (*Store)(nil)

// NewDesk returns the case queue on q: a *sqlx.DB or a *sqlx.Tx.
func New(q sqlx.ExtContext) *Store { return &Store{q: q, newRef: desk.NewRef} }

// openStatuses is desk.OpenStatuses in SQL, for constants. The CHECK
// constraint on cases.status keeps the two in step.
const openStatuses = `('new', 'claimed', 'waiting_reporter')`

// caseColumns are the columns caseRow scans, in table order.
const caseColumns = `id, ref, type, priority, status, reporter_user_id, reporter_chat_id,
    reporter_lang, reporter_name, assignee_id, answers, last_lat, last_lon, last_location_at,
    blocked, consent_share, created_at, updated_at, first_reply_at, closed_at, escalated_at, resolution,
    retention_hold`

type caseRow struct {
	ID             int64           `db:"id"`
	Ref            string          `db:"ref"`
	Type           string          `db:"type"`
	Priority       string          `db:"priority"`
	Status         string          `db:"status"`
	ReporterUserID int64           `db:"reporter_user_id"`
	ReporterChatID int64           `db:"reporter_chat_id"`
	ReporterLang   string          `db:"reporter_lang"`
	ReporterName   string          `db:"reporter_name"`
	AssigneeID     sql.NullInt64   `db:"assignee_id"`
	Answers        []byte          `db:"answers"`
	LastLat        sql.NullFloat64 `db:"last_lat"`
	LastLon        sql.NullFloat64 `db:"last_lon"`
	LastLocationAt sql.NullTime    `db:"last_location_at"`
	Blocked        bool            `db:"blocked"`
	RetentionHold  bool            `db:"retention_hold"`
	ConsentShare   sql.NullBool    `db:"consent_share"`
	CreatedAt      time.Time       `db:"created_at"`
	UpdatedAt      time.Time       `db:"updated_at"`
	FirstReplyAt   sql.NullTime    `db:"first_reply_at"`
	ClosedAt       sql.NullTime    `db:"closed_at"`
	EscalatedAt    sql.NullTime    `db:"escalated_at"`
	Resolution     string          `db:"resolution"`
}

func (r *caseRow) toCase() (desk.Case, error) {
	c := desk.Case{
		ID: r.ID, Ref: desk.Ref(r.Ref), Type: desk.Type(r.Type), Priority: desk.Priority(r.Priority),
		Status: desk.Status(r.Status), ReporterUserID: r.ReporterUserID, ReporterChatID: r.ReporterChatID,
		ReporterLang: r.ReporterLang, ReporterName: r.ReporterName, Blocked: r.Blocked,
		Held:      r.RetentionHold,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), FirstReplyAt: timePtr(r.FirstReplyAt),
		ClosedAt: timePtr(r.ClosedAt), EscalatedAt: timePtr(r.EscalatedAt), Resolution: r.Resolution,
	}
	if r.AssigneeID.Valid {
		c.AssigneeID = &r.AssigneeID.Int64
	}
	if r.ConsentShare.Valid {
		c.ConsentShare = &r.ConsentShare.Bool
	}
	if r.LastLat.Valid && r.LastLon.Valid && r.LastLocationAt.Valid {
		c.LastLocation = &desk.Location{Lat: r.LastLat.Float64, Lon: r.LastLon.Float64, At: r.LastLocationAt.Time.UTC()}
	}
	if err := json.Unmarshal(r.Answers, &c.Answers); err != nil {
		return c, &flows.Error{Code: flows.EInternal, Message: "case " + r.Ref + " answers", Err: err}
	}
	if c.Answers == nil {
		c.Answers = map[string]string{}
	}
	return c, nil
}

func toCases(rows []caseRow) ([]desk.Case, error) {
	cases := make([]desk.Case, 0, len(rows))
	for i := range rows {
		c, err := rows[i].toCase()
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, nil
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

func nullTime(t *time.Time) sql.NullTime {
	if t == nil {
		return sql.NullTime{}
	}
	return sql.NullTime{Time: *t, Valid: true}
}

// jsonMap encodes a string map as a JSON object, never null.
func jsonMap(m map[string]string) ([]byte, error) {
	if m == nil {
		return []byte(`{}`), nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, &flows.Error{Code: flows.EInternal, Message: "encode map", Err: err}
	}
	return b, nil
}

// invalid returns an invalid-input error wrapping desk.ErrInvalid.
func invalid(format string, args ...any) error {
	return &flows.Error{Code: flows.EInvalid, Message: fmt.Sprintf(format, args...), Err: desk.ErrInvalid}
}

// validPage checks a page's bounds before they reach SQL, where a
// negative LIMIT or OFFSET would fail the statement (and the caller's
// transaction).
func validPage(what string, limit, offset int) error {
	if limit <= 0 || offset < 0 {
		return invalid("%s: limit %d, offset %d", what, limit, offset)
	}
	return nil
}

// notFound returns a not-found error.
func notFound(format string, args ...any) error {
	return flows.Errorf(flows.ENotFound, format, args...)
}

// mapError turns driver errors into domain errors (see pgerr.Map).
func mapError(err error) error { return pgerr.Map(err) }
