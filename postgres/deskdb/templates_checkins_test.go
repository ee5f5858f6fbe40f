package deskdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

func TestTemplatesStore(t *testing.T) {
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, boss, desk.RoleSupervisor, "Boss")
	ctx := context.Background()
	full := desk.Template{Key: "shelter", Text: map[string]string{"ko": "쉼터", "km": "ជម្រក", "en": "Shelter"}, UpdatedBy: boss, UpdatedAt: t0}
	if err := d.SaveTemplate(ctx, full); err != nil {
		t.Fatal(err)
	}
	partial := desk.Template{Key: "half", Text: map[string]string{"ko": "반", "en": "half"}, UpdatedBy: boss, UpdatedAt: t0}
	if err := d.SaveTemplate(ctx, partial); flows.ErrorCode(err) != flows.EInvalid {
		t.Errorf("a template missing Khmer: err %v, want invalid", err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO reply_templates (key, text_ko, text_en, updated_by, updated_at) VALUES ('half', 'x', 'y', 1, now())`); err == nil {
		t.Errorf("the database took a template missing Khmer")
	}
	if err := d.SaveTemplate(ctx, desk.Template{Key: "stay_put", Removed: true, UpdatedBy: boss, UpdatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	got, err := d.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []desk.Template{full, {Key: "stay_put", Removed: true, Text: map[string]string{"ko": "", "km": "", "en": ""}, UpdatedBy: boss, UpdatedAt: t0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("templates (-want +got):\n%s", diff)
	}
}

func TestCheckInsDue(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	a := pgtest.OpenCase(t, d, pgtest.Reporter(2001), t0)
	b := pgtest.OpenCase(t, d, pgtest.Reporter(2002), t0)
	prompted := t0
	for _, c := range []desk.CheckIn{
		{CaseID: a.ID, Every: 6 * time.Hour, Grace: 30 * time.Minute, NextAt: t0.Add(6 * time.Hour), PromptedAt: &prompted, StartedBy: agentA, StartedAt: t0},
		{CaseID: b.ID, Every: time.Hour, Grace: 15 * time.Minute, NextAt: t0.Add(time.Hour), StartedBy: agentA, StartedAt: t0},
	} {
		if err := d.SaveCheckIn(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	due := func(at time.Time) []int64 {
		t.Helper()
		cs, err := d.CheckInsDue(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, c := range cs {
			ids = append(ids, c.CaseID)
		}
		return ids
	}
	if got := due(t0.Add(20 * time.Minute)); len(got) != 0 {
		t.Errorf("due after 20m = %v, want none", got)
	}
	if diff := cmp.Diff([]int64{a.ID}, due(t0.Add(45*time.Minute))); diff != "" {
		t.Errorf("due after 45m, a's prompt past its grace (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{a.ID, b.ID}, due(t0.Add(61*time.Minute)), cmpopts.SortSlices(func(a, b int64) bool { return a < b })); diff != "" {
		t.Errorf("due after 61m (-want +got):\n%s", diff)
	}
	if _, err := d.Close(ctx, b.Ref, desk.StatusClosed, "", agentA, t0); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{a.ID}, due(t0.Add(2*time.Hour))); diff != "" {
		t.Errorf("a closed case's check-in is due (-want +got):\n%s", diff)
	}
	if stopped, err := d.StopCheckIn(ctx, a.ID); err != nil || !stopped {
		t.Errorf("stop = %v, %v", stopped, err)
	}
	if _, err := d.CheckInOf(ctx, a.ID); flows.ErrorCode(err) != flows.ENotFound {
		t.Errorf("check-in after stop: %v, want not found", err)
	}
}

func TestIndicatorMarks(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	c := pgtest.OpenCase(t, d, pgtest.Reporter(2003, "passport_taken", "yes", "injured", "yes"), t0)
	if got := desk.Recorded(desk.Effective(nil, c.Answers, t0)); got != 2 {
		t.Fatalf("pre-filled from the answers = %d, want 2", got)
	}
	if err := d.MarkIndicator(ctx, c.ID, desk.IndicatorMark{Indicator: desk.IndicatorViolence, Present: false, Source: desk.SourceStaff, By: agentA, At: t0}); err != nil {
		t.Fatal(err)
	}
	if err := d.MarkIndicator(ctx, c.ID, desk.IndicatorMark{Indicator: desk.IndicatorDebt, Present: true, Note: "owes 3000 USD", Source: desk.SourceStaff, By: agentA, At: t0}); err != nil {
		t.Fatal(err)
	}
	stored, err := d.IndicatorMarks(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	marks := desk.Effective(stored, c.Answers, t0) // a cleared indicator stays cleared
	byCase, err := d.IndicatorsCreated(ctx, t0, t0.Add(time.Second))
	if err != nil || len(byCase[c.ID]) != 2 {
		t.Errorf("indicators of cases created at t0 = %v, %v; want the case's 2 marks", byCase, err)
	}
	want := []desk.IndicatorMark{
		{Indicator: desk.IndicatorViolence, Present: false, Source: desk.SourceStaff, By: agentA, At: t0},
		{Indicator: desk.IndicatorDocuments, Present: true, Note: "passport_taken=yes", Source: desk.SourceReporter, At: t0},
		{Indicator: desk.IndicatorDebt, Present: true, Note: "owes 3000 USD", Source: desk.SourceStaff, By: agentA, At: t0},
	}
	if diff := cmp.Diff(want, marks); diff != "" {
		t.Errorf("marks (-want +got):\n%s", diff)
	}
	if got := desk.Recorded(marks); got != 2 {
		t.Errorf("recorded = %d, want 2", got)
	}
}
