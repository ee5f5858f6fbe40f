package deskdb_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

func userIDs(staff []desk.Staff) []int64 {
	ids := []int64{}
	for _, s := range staff {
		ids = append(ids, s.UserID)
	}
	return ids
}

func TestStaff(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	got := pgtest.Must[*desk.Staff](t)(d.Staff(ctx, agentA))
	want := &desk.Staff{UserID: agentA, ChatID: agentA, Name: "Agent A", Role: desk.RoleAgent, OnDuty: true,
		Active: true, CreatedAt: t0, UpdatedAt: t0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("staff (-want +got):\n%s", diff)
	}
	_, err := d.Staff(ctx, 999)
	pgtest.WantCode(t, err, flows.ENotFound)

	if err := d.SetDuty(ctx, agentB, false, t0); err != nil {
		t.Fatal(err)
	}
	if err := d.SetStaffLanguage(ctx, agentA, "km", t0); err != nil {
		t.Fatal(err)
	}
	if err := d.SetStaffName(ctx, agentA, "Sokha", "sokha_kd", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	pgtest.WantCode(t, d.SetStaffLanguage(ctx, agentA, "fr", t0), flows.EInvalid)
	pgtest.WantCode(t, d.SetDuty(ctx, 999, true, t0), flows.ENotFound)
	pgtest.WantCode(t, d.SetStaffName(ctx, 999, "x", "", t0), flows.ENotFound)

	lists := []struct {
		name string
		list func(context.Context) ([]desk.Staff, error)
		want []int64
	}{
		{"all, supervisors first, then by name", d.ListStaff, []int64{boss, agentB, agentA}},
		{"on duty", d.OnDutyStaff, []int64{agentA, boss}},
		{"supervisors", d.Supervisors, []int64{boss}},
	}
	for _, tt := range lists {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, userIDs(pgtest.Must[[]desk.Staff](t)(tt.list(ctx)))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	a := pgtest.Must[*desk.Staff](t)(d.Staff(ctx, agentA))
	if a.Language != "km" || a.Name != "Sokha" || a.Username != "sokha_kd" {
		t.Errorf("agent A = %+v, want language km, name Sokha, username sokha_kd", a)
	}
	_, err = d.AddStaff(ctx, desk.Staff{UserID: 5, Role: "owner"}, t0)
	pgtest.WantCode(t, err, flows.EInvalid)
}

func TestRemoveStaffReleasesTheirCases(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	claimed := pgtest.OpenCase(t, d, pgtest.Reporter(1), t0)
	waiting := pgtest.OpenCase(t, d, pgtest.Reporter(2), t0)
	closed := pgtest.OpenCase(t, d, pgtest.Reporter(3), t0)
	other := pgtest.OpenCase(t, d, pgtest.Reporter(4), t0)
	for _, c := range []*desk.Case{claimed, waiting, closed} {
		pgtest.Must[*desk.Case](t)(d.Claim(ctx, c.Ref, agentA, t0))
	}
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, other.Ref, agentB, t0))
	pgtest.Must[*desk.Case](t)(d.SetStatus(ctx, waiting.Ref, desk.StatusWaitingReporter, agentA, t0))
	pgtest.Must[*desk.Case](t)(d.Close(ctx, closed.Ref, desk.StatusClosed, "", agentA, t0))

	released := pgtest.Must[int](t)(d.RemoveStaff(ctx, agentA, boss, t0.Add(time.Hour)))
	if released != 2 {
		t.Errorf("released %d cases, want 2", released)
	}
	tests := []struct {
		c        *desk.Case
		status   desk.Status
		assignee *int64
	}{
		{claimed, desk.StatusNew, nil},
		{waiting, desk.StatusNew, nil},
		{closed, desk.StatusClosed, ptr(agentA)}, // history keeps who closed it
		{other, desk.StatusClaimed, ptr(agentB)},
	}
	for _, tt := range tests {
		got := pgtest.Must[*desk.Case](t)(d.Case(ctx, tt.c.Ref))
		if got.Status != tt.status || !cmp.Equal(got.AssigneeID, tt.assignee) {
			t.Errorf("%s: status %s, assignee %v; want %s, %v", got.Ref, got.Status, got.AssigneeID, tt.status, tt.assignee)
		}
	}
	events := pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, waiting.ID, 2))
	wantEvents := []eventSummary{
		{desk.EventAssignment, boss, "", map[string]string{"from": "1001", "to": ""}},
		{desk.EventStatus, boss, "", map[string]string{"from": "waiting_reporter", "to": "new"}},
	}
	if diff := cmp.Diff(wantEvents, summarize(events)); diff != "" {
		t.Errorf("release events (-want +got):\n%s", diff)
	}

	_, err := d.Staff(ctx, agentA)
	pgtest.WantCode(t, err, flows.ENotFound)
	_, err = d.RemoveStaff(ctx, agentA, boss, t0)
	pgtest.WantCode(t, err, flows.ENotFound)
	_, err = d.Assign(ctx, claimed.Ref, agentA, boss, t0)
	pgtest.WantCode(t, err, flows.ENotFound)

	// Added again: active, with the name it had.
	back := pgtest.Must[*desk.Staff](t)(d.AddStaff(ctx, desk.Staff{UserID: agentA, Role: desk.RoleSupervisor, AddedBy: boss}, t0.Add(2*time.Hour)))
	want := &desk.Staff{UserID: agentA, ChatID: agentA, Name: "Agent A", Role: desk.RoleSupervisor, AddedBy: boss,
		Active: true, CreatedAt: t0, UpdatedAt: t0.Add(2 * time.Hour)}
	if diff := cmp.Diff(want, back); diff != "" {
		t.Errorf("re-added staff (-want +got):\n%s", diff)
	}
}

func TestSeedSupervisorsOnlyBootstraps(t *testing.T) {
	ctx := context.Background()
	d := deskdb.New(pgtest.New(t))
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	steps := []struct {
		name    string
		do      func()
		ids     []int64
		changed int
		want    []int64 // active supervisors after
	}{
		{"a new desk: new ids, one twice, an agent promoted", nil, []int64{10, 11, 11, agentA}, 3, []int64{10, 11, agentA}},
		{"again: supervisors exist", nil, []int64{10, 11, 12}, 0, []int64{10, 11, agentA}},
		{"one removed, restart", func() { pgtest.Must[int](t)(d.RemoveStaff(ctx, 10, 11, t0)) }, []int64{10, 11}, 0, []int64{11, agentA}},
		{"every supervisor removed, restart", func() {
			pgtest.Must[int](t)(d.RemoveStaff(ctx, 11, agentA, t0))
			pgtest.Must[int](t)(d.RemoveStaff(ctx, agentA, agentA, t0))
		}, []int64{10, 11, agentA, 12}, 1, []int64{12}},
		{"nothing", nil, nil, 0, []int64{12}},
	}
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			if tt.do != nil {
				tt.do()
			}
			if got := pgtest.Must[int](t)(d.SeedSupervisors(ctx, tt.ids, t0)); got != tt.changed {
				t.Errorf("changed %d, want %d", got, tt.changed)
			}
			if diff := cmp.Diff(tt.want, userIDs(pgtest.Must[[]desk.Staff](t)(d.Supervisors(ctx))), cmpopts.SortSlices(func(a, b int64) bool { return a < b })); diff != "" {
				t.Errorf("supervisors (-want +got):\n%s", diff)
			}
		})
	}
	if s, err := d.Staff(ctx, 10); flows.ErrorCode(err) != flows.ENotFound {
		t.Errorf("the removed supervisor 10 is back: %+v, %v", s, err)
	}
	var seeded []string
	for _, e := range pgtest.Must[[]desk.AuditEntry](t)(d.AuditLog(ctx, 100)) {
		if e.ActorID == 0 {
			seeded = append(seeded, e.Action+" "+e.Detail)
		}
	}
	want := []string{
		"staff.add supervisor 10 from configuration",
		"staff.add supervisor 1001 from configuration",
		"staff.add supervisor 11 from configuration",
		"staff.add supervisor 12 from configuration",
	}
	if diff := cmp.Diff(want, seeded, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("audit log (-want +got):\n%s", diff)
	}
	_, err := d.SeedSupervisors(ctx, []int64{0}, t0)
	pgtest.WantCode(t, err, flows.EInvalid)
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	d := deskdb.New(db)
	c := pgtest.OpenCase(t, d, pgtest.Reporter(1), t0)
	entries := []desk.AuditEntry{
		{ActorID: boss, Action: desk.ActionStaffAdd, Detail: "agent 1001", At: t0},
		{ActorID: agentA, Action: desk.ActionCaseView, CaseID: &c.ID, At: t0.Add(time.Minute)},
	}
	for _, e := range entries {
		if err := d.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got := pgtest.Must[[]desk.AuditEntry](t)(d.AuditLog(ctx, 10))
	entries[1].Ref = c.Ref
	want := []desk.AuditEntry{entries[1], entries[0]}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(desk.AuditEntry{}, "ID")); diff != "" {
		t.Errorf("audit log (-want +got):\n%s", diff)
	}
	for _, stmt := range []string{
		`UPDATE audit_log SET detail = 'nothing happened'`,
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
	} {
		t.Run(stmt, func(t *testing.T) {
			if _, err := db.ExecContext(ctx, stmt); err == nil {
				t.Errorf("%s succeeded, want it refused", stmt)
			}
		})
	}
	if n := len(pgtest.Must[[]desk.AuditEntry](t)(d.AuditLog(ctx, 10))); n != 2 {
		t.Errorf("%d entries after the attempts, want 2", n)
	}
	pgtest.WantCode(t, d.Audit(ctx, desk.AuditEntry{Action: "Case View!", At: t0}), flows.EInvalid)
	pgtest.WantCode(t, d.Audit(ctx, desk.AuditEntry{Action: desk.ActionExport}), flows.EInvalid)
}

func TestUnclaimedUrgent(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "A")
	escalated := openAs(t, d, desk.PriorityUrgent, t0.Add(-time.Hour))
	oldest := openAs(t, d, desk.PriorityUrgent, t0)
	openAs(t, d, desk.PriorityUrgent, t0.Add(20*time.Minute)) // too recent
	claimed := openAs(t, d, desk.PriorityUrgent, t0)
	openAs(t, d, desk.PriorityHigh, t0) // not urgent
	later := openAs(t, d, desk.PriorityUrgent, t0.Add(10*time.Minute))
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, claimed.Ref, agentA, t0))
	if err := d.MarkEscalated(ctx, escalated.ID, t0); err != nil {
		t.Fatal(err)
	}
	olderThan := t0.Add(15 * time.Minute)
	got := pgtest.Must[[]desk.Case](t)(d.UnclaimedUrgent(ctx, olderThan))
	if diff := cmp.Diff([]desk.Ref{oldest.Ref, later.Ref}, refsOf(got)); diff != "" {
		t.Errorf("unclaimed urgent (-want +got):\n%s", diff)
	}

	// Two replicas escalating at once: the second skips what the first
	// has locked, so supervisors get one alert per case.
	tx1 := mustBegin(t, db)
	first := pgtest.Must[[]desk.Case](t)(deskdb.New(tx1).UnclaimedUrgent(ctx, olderThan))
	tx2 := mustBegin(t, db)
	second := pgtest.Must[[]desk.Case](t)(deskdb.New(tx2).UnclaimedUrgent(ctx, olderThan))
	if len(first) != 2 || len(second) != 0 {
		t.Errorf("concurrent escalations got %d and %d cases, want 2 and 0", len(first), len(second))
	}
	for _, c := range first {
		if err := deskdb.New(tx1).MarkEscalated(ctx, c.ID, olderThan); err != nil {
			t.Fatal(err)
		}
	}
	mustCommit(t, tx1)
	mustCommit(t, tx2)
	if again := pgtest.Must[[]desk.Case](t)(d.UnclaimedUrgent(ctx, olderThan)); len(again) != 0 {
		t.Errorf("after escalation: %v, want none", refsOf(again))
	}
	err := d.MarkEscalated(ctx, oldest.ID, olderThan)
	if !errors.Is(err, desk.ErrEscalated) || flows.ErrorCode(err) != flows.EConflict {
		t.Errorf("escalating twice: %v, want conflict ErrEscalated", err)
	}
	if c := pgtest.Must[*desk.Case](t)(d.Case(ctx, oldest.Ref)); c.EscalatedAt == nil || !c.EscalatedAt.Equal(olderThan) {
		t.Errorf("escalated at %v, want %v", c.EscalatedAt, olderThan)
	}
}

func mustBegin(t *testing.T, db *sqlx.DB) *sqlx.Tx {
	t.Helper()
	tx, err := db.BeginTxx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tx.Rollback() })
	return tx
}

func mustCommit(t *testing.T, tx *sqlx.Tx) {
	t.Helper()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}
