package deskdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

type referralRow struct {
	ID          int64        `db:"id"`
	CaseID      int64        `db:"case_id"`
	Partner     string       `db:"partner"`
	RequestedBy int64        `db:"requested_by"`
	RequestedAt time.Time    `db:"requested_at"`
	Status      string       `db:"status"`
	AnsweredAt  sql.NullTime `db:"answered_at"`
}

func (r *referralRow) toReferral() *desk.Referral {
	return &desk.Referral{ID: r.ID, CaseID: r.CaseID, Partner: r.Partner, RequestedBy: r.RequestedBy,
		RequestedAt: r.RequestedAt.UTC(), Status: desk.ReferralStatus(r.Status), AnsweredAt: timePtr(r.AnsweredAt)}
}

const insertReferral = `
INSERT INTO referrals (case_id, partner, requested_by, requested_at) VALUES ($1, $2, $3, $4) RETURNING id`

// CreateReferral records an officer's request to refer a case.
func (d *Store) CreateReferral(ctx context.Context, r desk.Referral) (int64, error) {
	var id int64
	if err := sqlx.GetContext(ctx, d.q, &id, insertReferral, r.CaseID, r.Partner, r.RequestedBy, r.RequestedAt); err != nil {
		return 0, mapError(fmt.Errorf("refer case #%d: %w", r.CaseID, err))
	}
	return id, nil
}

const referralColumns = `id, case_id, partner, requested_by, requested_at, status, answered_at`

const selectReferral = `SELECT ` + referralColumns + ` FROM referrals WHERE id = $1`

// Referral returns a referral by id.
func (d *Store) Referral(ctx context.Context, id int64) (*desk.Referral, error) {
	var r referralRow
	if err := sqlx.GetContext(ctx, d.q, &r, selectReferral, id); err != nil {
		return nil, mapError(fmt.Errorf("referral #%d: %w", id, err))
	}
	return r.toReferral(), nil
}

const answerReferral = `
UPDATE referrals SET status = CASE WHEN $2 THEN 'consented' ELSE 'refused' END, answered_at = $3
WHERE id = $1 AND status = 'pending'
RETURNING ` + referralColumns

// AnswerReferral records the reporter's answer to a pending referral.
func (d *Store) AnswerReferral(ctx context.Context, id int64, consent bool, at time.Time) (*desk.Referral, error) {
	var r referralRow
	err := sqlx.GetContext(ctx, d.q, &r, answerReferral, id, consent, at)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := d.Referral(ctx, id); err != nil {
			return nil, err
		}
		return nil, &flows.Error{Code: flows.EConflict, Message: fmt.Sprintf("referral #%d answered before", id)}
	}
	if err != nil {
		return nil, mapError(fmt.Errorf("answer referral #%d: %w", id, err))
	}
	return r.toReferral(), nil
}
