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

// Staff of the desk tests.
const (
	agentA int64 = 1001
	agentB int64 = 1002
	boss   int64 = 1003
)

// t0 is the tests' fixed "now".
var t0 = time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)

// newDesk returns a desk store on a fresh database with two agents and a
// supervisor.
func newDesk(t *testing.T) *deskdb.Store {
	t.Helper()
	d := deskdb.New(pgtest.New(t))
	mustAddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	mustAddStaff(t, d, agentB, desk.RoleAgent, "Agent B")
	mustAddStaff(t, d, boss, desk.RoleSupervisor, "Boss")
	return d
}

func mustAddStaff(t testing.TB, d *deskdb.Store, id int64, role desk.Role, name string) {
	t.Helper()
	if _, err := d.AddStaff(context.Background(), desk.Staff{UserID: id, Name: name, Role: role, OnDuty: true}, t0); err != nil {
		t.Fatal(err)
	}
}

// reporter returns a distress report from chat id, with answers kv.
func reporter(chat int64, kv ...string) desk.NewCase {
	nc := desk.NewCase{Type: desk.TypeDistress, Priority: desk.PriorityUrgent, ReporterUserID: chat,
		ReporterChatID: chat, ReporterLang: "ko", ReporterName: "Reporter", Answers: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		nc.Answers[kv[i]] = kv[i+1]
	}
	return nc
}

func mustOpen(t testing.TB, d *deskdb.Store, nc desk.NewCase, at time.Time) *desk.Case {
	t.Helper()
	c, err := d.OpenCase(context.Background(), nc, at)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := flows.ErrorCode(err); got != code {
		t.Errorf("error %v has code %q, want %q", err, got, code)
	}
}

func ptr[T any](v T) *T { return &v }

// eventSummary is what the timeline tests compare.
type eventSummary struct {
	Kind    desk.EventKind
	ActorID int64
	Text    string
	Data    map[string]string
}

func summarize(events []desk.Event) []eventSummary {
	var s []eventSummary
	for _, e := range events {
		s = append(s, eventSummary{e.Kind, e.ActorID, e.Text, e.Data})
	}
	return s
}

func TestOpenCase(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	nc := reporter(42, "location", "Golden Fortune, building B", "passport_taken", "yes")
	nc.ConsentShare = ptr(true)
	got := mustOpen(t, d, nc, t0)
	want := &desk.Case{Ref: got.Ref, Type: desk.TypeDistress, Priority: desk.PriorityUrgent, Status: desk.StatusNew,
		ReporterUserID: 42, ReporterChatID: 42, ReporterLang: "ko", ReporterName: "Reporter",
		Answers: nc.Answers, ConsentShare: ptr(true), CreatedAt: t0, UpdatedAt: t0}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(desk.Case{}, "ID")); diff != "" {
		t.Errorf("opened case (-want +got):\n%s", diff)
	}
	if !got.Ref.Valid() {
		t.Errorf("reference %q is not valid", got.Ref)
	}
	for name, read := range map[string]func() (*desk.Case, error){
		"by ref":   func() (*desk.Case, error) { return d.Case(ctx, got.Ref) },
		"by id":    func() (*desk.Case, error) { return d.CaseByID(ctx, got.ID) },
		"open one": func() (*desk.Case, error) { return d.OpenCaseOf(ctx, 42) },
	} {
		if diff := cmp.Diff(got, must[*desk.Case](t)(read())); diff != "" {
			t.Errorf("case %s (-opened +read):\n%s", name, diff)
		}
	}
	timeline := must[[]desk.Event](t)(d.Timeline(ctx, got.ID, 10))
	wantEvents := []eventSummary{{desk.EventCreated, 0, "", map[string]string{"type": "distress", "priority": "urgent"}}}
	if diff := cmp.Diff(wantEvents, summarize(timeline)); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
}

func TestOpenCaseRejectsInvalid(t *testing.T) {
	d := newDesk(t)
	for name, nc := range map[string]desk.NewCase{
		"type":     {Type: "bogus", Priority: desk.PriorityLow},
		"priority": {Type: desk.TypeFamily, Priority: "bogus"},
		"language": {Type: desk.TypeFamily, Priority: desk.PriorityLow, ReporterLang: "fr"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := d.OpenCase(context.Background(), nc, t0)
			wantCode(t, err, flows.EInvalid)
		})
	}
}

func TestCaseNotFound(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	c := mustOpen(t, d, reporter(42), t0)
	must[*desk.Case](t)(d.Close(ctx, c.Ref, desk.StatusClosed, "", agentA, t0))
	tests := map[string]error{
		"case":           second(d.Case(ctx, "KD-XXXX")),
		"case by id":     second(d.CaseByID(ctx, c.ID+100)),
		"no open case":   second(d.OpenCaseOf(ctx, 42)),
		"never reported": second(d.OpenCaseOf(ctx, 7)),
		"claim":          second(d.Claim(ctx, "KD-XXXX", agentA, t0)),
		"priority":       second(d.SetPriority(ctx, "KD-XXXX", desk.PriorityLow, agentA, t0)),
		"event":          second(d.AddEvent(ctx, c.ID+100, desk.Event{Kind: desk.EventNote, At: t0})),
		"answers":        d.UpdateAnswers(ctx, c.ID+100, map[string]string{"a": "b"}, t0),
		"location":       d.MoveLocation(ctx, c.ID+100, desk.Location{Lat: 1, Lon: 2, At: t0}),
		"escalation":     d.MarkEscalated(ctx, c.ID+100, t0),
	}
	for name, err := range tests {
		t.Run(name, func(t *testing.T) { wantCode(t, err, flows.ENotFound) })
	}
}

func second[T any](_ T, err error) error { return err }

// TestOpenCaseRetriesTakenRefs scripts the generator: the first references
// are taken, so OpenCase tries again, with five characters after
// RefLenFor's four-character tries.
func TestOpenCaseRetriesTakenRefs(t *testing.T) {
	d := newDesk(t)
	taken := mustOpen(t, d, reporter(1), t0).Ref
	var lens []int
	d.SetRefSource(func(n int) desk.Ref {
		lens = append(lens, n)
		if n == desk.RefLen {
			return taken
		}
		return "KD-7Q3MX"
	})
	c := mustOpen(t, d, reporter(2), t0)
	if c.Ref != "KD-7Q3MX" {
		t.Errorf("ref = %s, want KD-7Q3MX", c.Ref)
	}
	if diff := cmp.Diff([]int{4, 4, 4, 4, 5}, lens); diff != "" {
		t.Errorf("lengths tried (-want +got):\n%s", diff)
	}
	d.SetRefSource(func(int) desk.Ref { return taken })
	_, err := d.OpenCase(context.Background(), reporter(3), t0)
	wantCode(t, err, flows.EInternal)
}

// TestClaimRace has two staff claim one case at the same moment, each in
// its own transaction like the bot's update, 50 times: exactly one wins
// each time and the other is told who.
func TestCasesOf(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	first := mustOpen(t, d, reporter(5), t0)
	second := mustOpen(t, d, reporter(5), t0.Add(time.Hour))
	mustOpen(t, d, reporter(6), t0)
	must[*desk.Case](t)(d.Close(ctx, second.Ref, desk.StatusClosed, "", agentA, t0.Add(2*time.Hour)))
	var refs []desk.Ref
	for _, c := range must[[]desk.Case](t)(d.CasesOf(ctx, 5)) {
		refs = append(refs, c.Ref)
	}
	if diff := cmp.Diff([]desk.Ref{second.Ref, first.Ref}, refs); diff != "" {
		t.Errorf("cases of chat 5 (-want +got):\n%s", diff)
	}
	if open := must[*desk.Case](t)(d.OpenCaseOf(ctx, 5)); open.Ref != first.Ref {
		t.Errorf("open case of chat 5 = %s, want %s (the newer one is closed)", open.Ref, first.Ref)
	}
}
