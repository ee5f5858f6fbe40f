package deskdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

const eventColumns = `id, case_id, kind, actor_id, text, file_id, file_kind, lat, lon, at, data`

type eventRow struct {
	ID       int64           `db:"id"`
	CaseID   int64           `db:"case_id"`
	Kind     string          `db:"kind"`
	ActorID  int64           `db:"actor_id"`
	Text     string          `db:"text"`
	FileID   string          `db:"file_id"`
	FileKind string          `db:"file_kind"`
	Lat      sql.NullFloat64 `db:"lat"`
	Lon      sql.NullFloat64 `db:"lon"`
	At       time.Time       `db:"at"`
	Data     []byte          `db:"data"`
}

func (r *eventRow) toEvent() (desk.Event, error) {
	e := desk.Event{ID: r.ID, CaseID: r.CaseID, Kind: desk.EventKind(r.Kind), ActorID: r.ActorID,
		Text: r.Text, FileID: r.FileID, FileKind: desk.FileKind(r.FileKind), At: r.At.UTC()}
	if r.Lat.Valid && r.Lon.Valid {
		e.Lat, e.Lon = &r.Lat.Float64, &r.Lon.Float64
	}
	if err := json.Unmarshal(r.Data, &e.Data); err != nil {
		return e, &flows.Error{Code: flows.EInternal, Message: fmt.Sprintf("event #%d data", r.ID), Err: err}
	}
	if len(e.Data) == 0 {
		e.Data = nil
	}
	return e, nil
}

// insertEvent records an event and applies it to its case in one
// statement: $11 a location to keep (unless a later one is kept already),
// $12 a reply that may be the first, $13 the reporter answering a case
// that waits for them, which goes back to claimed (with a status event).
const insertEvent = `
WITH old AS (SELECT id, status FROM cases WHERE id = $1 FOR UPDATE),
e AS (
    INSERT INTO case_events (case_id, kind, actor_id, text, file_id, file_kind, lat, lon, at, data)
    SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM old
    RETURNING *
), c AS (
    UPDATE cases c SET
        last_lat = CASE WHEN $11::boolean AND (c.last_location_at IS NULL OR c.last_location_at <= $9)
                        THEN $7 ELSE c.last_lat END,
        last_lon = CASE WHEN $11 AND (c.last_location_at IS NULL OR c.last_location_at <= $9)
                        THEN $8 ELSE c.last_lon END,
        last_location_at = CASE WHEN $11 AND (c.last_location_at IS NULL OR c.last_location_at <= $9)
                        THEN $9 ELSE c.last_location_at END,
        first_reply_at = CASE WHEN $12::boolean THEN coalesce(c.first_reply_at, $9) ELSE c.first_reply_at END,
        status = CASE WHEN $13::boolean AND c.status = 'waiting_reporter' THEN 'claimed' ELSE c.status END,
        updated_at = greatest(c.updated_at, $9)
    FROM old WHERE c.id = old.id
    RETURNING c.id, c.status
), s AS (
    INSERT INTO case_events (case_id, kind, at, data)
    SELECT c.id, 'status', $9, jsonb_build_object('from', old.status, 'to', c.status)
    FROM c JOIN old ON old.id = c.id
    WHERE old.status <> c.status
)
SELECT ` + eventColumns + ` FROM e`

// AddEvent records an event and applies it to the case.
func (d *Store) AddEvent(ctx context.Context, caseID int64, e desk.Event) (*desk.Event, error) {
	what := fmt.Sprintf("add %s event to case #%d", e.Kind, caseID)
	if err := validEvent(e); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	data, err := jsonMap(e.Data)
	if err != nil {
		return nil, err
	}
	hasPoint := e.Lat != nil
	var r eventRow
	err = sqlx.GetContext(ctx, d.q, &r, insertEvent, caseID, e.Kind, e.ActorID, e.Text, e.FileID, e.FileKind,
		e.Lat, e.Lon, e.At, data,
		e.Kind == desk.EventLocation && hasPoint, e.Kind == desk.EventReplyOut,
		e.ActorID == 0 && e.Kind.FromReporter())
	if err != nil {
		if err = mapError(err); flows.ErrorCode(err) == flows.ENotFound {
			return nil, notFound("%s: no such case", what)
		}
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	ev, err := r.toEvent()
	if err != nil {
		return nil, err
	}
	return &ev, nil
}

func validEvent(e desk.Event) error {
	switch {
	case !e.Kind.Valid():
		return invalid("event kind %q", e.Kind)
	case e.At.IsZero():
		return invalid("event without a time")
	case (e.Lat == nil) != (e.Lon == nil):
		return invalid("event with half a location")
	case e.Lat != nil && !validPoint(*e.Lat, *e.Lon):
		return invalid("location %v, %v", *e.Lat, *e.Lon)
	case e.FileKind != "" && !e.FileKind.Valid():
		return invalid("file kind %q", e.FileKind)
	}
	return nil
}

// validPoint matches the CHECK constraints on coordinates.
func validPoint(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
}

const selectTimeline = `
SELECT * FROM (
    SELECT ` + eventColumns + ` FROM case_events WHERE case_id = $1 ORDER BY at DESC, id DESC LIMIT $2
) latest ORDER BY at, id`

// Timeline returns the case's latest events, oldest first.
func (d *Store) Timeline(ctx context.Context, caseID int64, limit int) ([]desk.Event, error) {
	if err := validPage("timeline", limit, 0); err != nil {
		return nil, err
	}
	var rows []eventRow
	if err := sqlx.SelectContext(ctx, d.q, &rows, selectTimeline, caseID, limit); err != nil {
		return nil, mapError(fmt.Errorf("timeline of case #%d: %w", caseID, err))
	}
	events := make([]desk.Event, 0, len(rows))
	for i := range rows {
		e, err := rows[i].toEvent()
		if err != nil {
			return nil, err
		}
		events = append(events, e)
	}
	return events, nil
}

const moveLocation = `
UPDATE cases SET last_lat = $2, last_lon = $3, last_location_at = $4, updated_at = greatest(updated_at, $4)
WHERE id = $1 AND (last_location_at IS NULL OR last_location_at <= $4)`

const caseExists = `SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1)`

// MoveLocation updates the case's last location without an event.
func (d *Store) MoveLocation(ctx context.Context, caseID int64, loc desk.Location) error {
	what := fmt.Sprintf("move location of case #%d", caseID)
	if loc.At.IsZero() || !validPoint(loc.Lat, loc.Lon) {
		return invalid("%s: location %v, %v at %v", what, loc.Lat, loc.Lon, loc.At)
	}
	err := d.execOne(ctx, what, moveLocation, caseID, loc.Lat, loc.Lon, loc.At)
	if flows.ErrorCode(err) != flows.ENotFound {
		return err
	}
	var exists bool // nothing changed: a later location is kept, or no such case
	if err := sqlx.GetContext(ctx, d.q, &exists, caseExists, caseID); err != nil {
		return mapError(fmt.Errorf("%s: %w", what, err))
	}
	if !exists {
		return notFound("%s: no such case", what)
	}
	return nil
}
