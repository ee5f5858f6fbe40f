package deskdb

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

const staffColumns = `user_id, chat_id, name, username, role, on_duty, language, added_by, active, created_at, updated_at`

type staffRow struct {
	UserID    int64     `db:"user_id"`
	ChatID    int64     `db:"chat_id"`
	Name      string    `db:"name"`
	Username  string    `db:"username"`
	Role      string    `db:"role"`
	OnDuty    bool      `db:"on_duty"`
	Language  string    `db:"language"`
	AddedBy   int64     `db:"added_by"`
	Active    bool      `db:"active"`
	CreatedAt time.Time `db:"created_at"`
	UpdatedAt time.Time `db:"updated_at"`
}

func (r *staffRow) toStaff() desk.Staff {
	return desk.Staff{UserID: r.UserID, ChatID: r.ChatID, Name: r.Name, Username: r.Username,
		Role: desk.Role(r.Role), OnDuty: r.OnDuty, Language: r.Language, AddedBy: r.AddedBy,
		Active: r.Active, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

func (d *Store) selectStaff(ctx context.Context, what, query string, args ...any) ([]desk.Staff, error) {
	var rows []staffRow
	if err := sqlx.SelectContext(ctx, d.q, &rows, query, args...); err != nil {
		return nil, mapError(fmt.Errorf("%s: %w", what, err))
	}
	staff := make([]desk.Staff, 0, len(rows))
	for i := range rows {
		staff = append(staff, rows[i].toStaff())
	}
	return staff, nil
}

// validLanguage reports whether lang is a served language or "" (none).
func validLanguage(lang string) bool { return lang == "" || slices.Contains(flows.Languages, lang) }

const selectStaffMember = `SELECT ` + staffColumns + ` FROM staff WHERE user_id = $1 AND active`

// Staff returns an active staff member.
func (d *Store) Staff(ctx context.Context, userID int64) (*desk.Staff, error) {
	var r staffRow
	if err := sqlx.GetContext(ctx, d.q, &r, selectStaffMember, userID); err != nil {
		return nil, mapError(fmt.Errorf("staff %d: %w", userID, err))
	}
	s := r.toStaff()
	return &s, nil
}

// upsertStaff adds a staff member or reactivates and updates one, keeping
// a known name, username and language when the new ones are empty.
const upsertStaff = `
INSERT INTO staff (user_id, chat_id, name, username, role, on_duty, language, added_by, active, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $9)
ON CONFLICT (user_id) DO UPDATE SET
    chat_id = EXCLUDED.chat_id,
    name = coalesce(nullif(EXCLUDED.name, ''), staff.name),
    username = coalesce(nullif(EXCLUDED.username, ''), staff.username),
    role = EXCLUDED.role, on_duty = EXCLUDED.on_duty,
    language = coalesce(nullif(EXCLUDED.language, ''), staff.language),
    added_by = EXCLUDED.added_by, active = true, updated_at = EXCLUDED.updated_at
RETURNING ` + staffColumns

// AddStaff adds or reactivates a staff member. A zero ChatID is the
// user's private chat, whose id is the user id.
func (d *Store) AddStaff(ctx context.Context, s desk.Staff, now time.Time) (*desk.Staff, error) {
	if s.UserID <= 0 || !s.Role.Valid() || !validLanguage(s.Language) {
		return nil, invalid("add staff %d: role %q, language %q", s.UserID, s.Role, s.Language)
	}
	if s.ChatID == 0 {
		s.ChatID = s.UserID
	}
	var r staffRow
	err := sqlx.GetContext(ctx, d.q, &r, upsertStaff, s.UserID, s.ChatID, s.Name, s.Username, s.Role,
		s.OnDuty, s.Language, s.AddedBy, now)
	if err != nil {
		return nil, mapError(fmt.Errorf("add staff %d: %w", s.UserID, err))
	}
	added := r.toStaff()
	return &added, nil
}

// removeStaff deactivates a staff member and releases their open cases to
// new, recording the assignment and status change of each.
const removeStaff = `
WITH s AS (
    UPDATE staff SET active = false, on_duty = false, updated_at = $3
    WHERE user_id = $1 AND active
    RETURNING user_id
), r AS (
    UPDATE cases c SET assignee_id = NULL, status = 'new', updated_at = $3
    FROM (
        SELECT id, status, assignee_id FROM cases
        WHERE assignee_id IN (SELECT user_id FROM s) AND status IN ` + openStatuses + `
        FOR UPDATE
    ) old
    WHERE c.id = old.id
    RETURNING c.id, old.status, old.assignee_id
), ev AS (
    INSERT INTO case_events (case_id, kind, actor_id, at, data)
    SELECT r.id, e.kind, $2, $3, e.data
    FROM r CROSS JOIN LATERAL (VALUES
        (1, 'assignment', jsonb_build_object('from', r.assignee_id::text, 'to', '')),
        (2, 'status', jsonb_build_object('from', r.status, 'to', 'new'))
    ) AS e (n, kind, data)
    ORDER BY r.id, e.n
)
SELECT (SELECT count(*) FROM s) AS removed, (SELECT count(*) FROM r) AS released`

// RemoveStaff deactivates a staff member and releases their open cases.
func (d *Store) RemoveStaff(ctx context.Context, userID, by int64, now time.Time) (int, error) {
	var n struct {
		Removed  int `db:"removed"`
		Released int `db:"released"`
	}
	if err := sqlx.GetContext(ctx, d.q, &n, removeStaff, userID, by, now); err != nil {
		return 0, mapError(fmt.Errorf("remove staff %d: %w", userID, err))
	}
	if n.Removed == 0 {
		return 0, notFound("remove staff %d: not staff", userID)
	}
	return n.Released, nil
}

const selectActiveStaff = `
SELECT ` + staffColumns + ` FROM staff WHERE active ORDER BY role = 'supervisor' DESC, name, user_id`

// ListStaff returns the active staff, supervisors first.
func (d *Store) ListStaff(ctx context.Context) ([]desk.Staff, error) {
	return d.selectStaff(ctx, "list staff", selectActiveStaff)
}

const selectOnDutyStaff = `
SELECT ` + staffColumns + ` FROM staff WHERE active AND on_duty ORDER BY user_id`

// OnDutyStaff returns the active staff on duty.
func (d *Store) OnDutyStaff(ctx context.Context) ([]desk.Staff, error) {
	return d.selectStaff(ctx, "staff on duty", selectOnDutyStaff)
}

const selectSupervisors = `
SELECT ` + staffColumns + ` FROM staff WHERE active AND role = 'supervisor' ORDER BY user_id`

// Supervisors returns the active supervisors.
func (d *Store) Supervisors(ctx context.Context) ([]desk.Staff, error) {
	return d.selectStaff(ctx, "supervisors", selectSupervisors)
}

const setStaffDuty = `UPDATE staff SET on_duty = $2, updated_at = $3 WHERE user_id = $1 AND active`

// SetDuty puts a staff member on or off duty.
func (d *Store) SetDuty(ctx context.Context, userID int64, onDuty bool, now time.Time) error {
	return d.execOne(ctx, fmt.Sprintf("set duty of staff %d", userID), setStaffDuty, userID, onDuty, now)
}

const setStaffLanguage = `UPDATE staff SET language = $2, updated_at = $3 WHERE user_id = $1 AND active`

// SetStaffLanguage stores a staff member's language.
func (d *Store) SetStaffLanguage(ctx context.Context, userID int64, lang string, now time.Time) error {
	what := fmt.Sprintf("set language of staff %d", userID)
	if !validLanguage(lang) {
		return invalid("%s: language %q", what, lang)
	}
	return d.execOne(ctx, what, setStaffLanguage, userID, lang, now)
}

// setStaffName writes only when the name changed, so calling it on every
// staff message costs a read, not a write.
const setStaffName = `
WITH s AS (SELECT user_id FROM staff WHERE user_id = $1 AND active),
u AS (
    UPDATE staff SET name = $2, username = $3, updated_at = $4
    WHERE user_id IN (SELECT user_id FROM s) AND (name <> $2 OR username <> $3)
)
SELECT count(*) FROM s`

// SetStaffName updates a staff member's Telegram name and username.
func (d *Store) SetStaffName(ctx context.Context, userID int64, name, username string, now time.Time) error {
	var n int
	if err := sqlx.GetContext(ctx, d.q, &n, setStaffName, userID, name, username, now); err != nil {
		return mapError(fmt.Errorf("set name of staff %d: %w", userID, err))
	}
	if n == 0 {
		return notFound("set name of staff %d: not staff", userID)
	}
	return nil
}

// seedSupervisors bootstraps the desk: only while it has no active
// supervisor, each id becomes one (a new row, or an active agent
// promoted), and each change is audited. A removed staff member (an
// inactive row) is never brought back: configuration cannot undo a
// supervisor's /staff remove.
const seedSupervisors = `
WITH boot AS (
    SELECT DISTINCT id FROM unnest($1::bigint[]) AS id
    WHERE NOT EXISTS (SELECT 1 FROM staff WHERE role = 'supervisor' AND active)
), s AS (
    INSERT INTO staff (user_id, chat_id, role, on_duty, active, created_at, updated_at)
    SELECT id, id, 'supervisor', true, true, $2::timestamptz, $2::timestamptz FROM boot
    ON CONFLICT (user_id) DO UPDATE SET role = 'supervisor', updated_at = EXCLUDED.updated_at
    WHERE staff.active AND staff.role <> 'supervisor'
    RETURNING user_id
), a AS (
    INSERT INTO audit_log (actor_id, action, detail, at)
    SELECT 0, 'staff.add', 'supervisor ' || user_id || ' from configuration', $2 FROM s
)
SELECT count(*) FROM s`

// SeedSupervisors makes each user id an active supervisor when the desk
// has none (see seedSupervisors).
func (d *Store) SeedSupervisors(ctx context.Context, ids []int64, now time.Time) (int, error) {
	for _, id := range ids {
		if id <= 0 {
			return 0, invalid("seed supervisors: user id %d", id)
		}
	}
	var n int
	if err := sqlx.GetContext(ctx, d.q, &n, seedSupervisors, pq.Array(ids), now); err != nil {
		return 0, mapError(fmt.Errorf("seed supervisors: %w", err))
	}
	return n, nil
}
