package deskdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

func TestReferrals(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	c := pgtest.OpenCase(t, d, pgtest.Reporter(2101), t0)
	id, err := d.CreateReferral(ctx, desk.Referral{CaseID: c.ID, Partner: "iom", RequestedBy: agentA, RequestedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	r, err := d.Referral(ctx, id)
	if err != nil || r.Status != desk.ReferralPending || r.Partner != "iom" || r.RequestedBy != agentA || r.AnsweredAt != nil {
		t.Fatalf("referral = %+v, %v", r, err)
	}
	if !r.Answerable(t0.Add(time.Hour)) || r.Answerable(t0.Add(desk.ReferralTTL)) {
		t.Errorf("answerable within the TTL only")
	}
	at := t0.Add(time.Minute)
	r, err = d.AnswerReferral(ctx, id, true, at)
	if err != nil || r.Status != desk.ReferralConsented || r.AnsweredAt == nil || !r.AnsweredAt.Equal(at) {
		t.Fatalf("answered = %+v, %v", r, err)
	}
	if _, err := d.AnswerReferral(ctx, id, false, at); flows.ErrorCode(err) != flows.EConflict {
		t.Errorf("a second answer: err %v, want conflict", err)
	}
	if _, err := d.AnswerReferral(ctx, id+100, false, at); flows.ErrorCode(err) != flows.ENotFound {
		t.Errorf("an unknown referral: err %v, want not_found", err)
	}
	if _, err := d.CreateReferral(ctx, desk.Referral{CaseID: c.ID, Partner: "Bad Key!", RequestedBy: agentA, RequestedAt: t0}); err == nil {
		t.Errorf("a bad partner key was stored")
	}
}
