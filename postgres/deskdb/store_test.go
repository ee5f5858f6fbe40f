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
var t0 = pgtest.T0

// newDesk returns a desk store on a fresh database with two agents and a
// supervisor.
func newDesk(t *testing.T) *deskdb.Store {
	t.Helper()
	d := deskdb.New(pgtest.New(t))
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "Agent A")
	pgtest.AddStaff(t, d, agentB, desk.RoleAgent, "Agent B")
	pgtest.AddStaff(t, d, boss, desk.RoleSupervisor, "Boss")
	return d
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
	nc := pgtest.Reporter(42, "location", "Golden Fortune, building B", "passport_taken", "yes")
	nc.ConsentShare = ptr(true)
	got := pgtest.OpenCase(t, d, nc, t0)
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
		if diff := cmp.Diff(got, pgtest.Must[*desk.Case](t)(read())); diff != "" {
			t.Errorf("case %s (-opened +read):\n%s", name, diff)
		}
	}
	timeline := pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, got.ID, 10))
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
			pgtest.WantCode(t, err, flows.EInvalid)
		})
	}
}

func TestCaseNotFound(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	c := pgtest.OpenCase(t, d, pgtest.Reporter(42), t0)
	pgtest.Must[*desk.Case](t)(d.Close(ctx, c.Ref, desk.StatusClosed, "", agentA, t0))
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
		t.Run(name, func(t *testing.T) { pgtest.WantCode(t, err, flows.ENotFound) })
	}
}

func second[T any](_ T, err error) error { return err }

// TestOpenCaseRetriesTakenRefs scripts the generator: the first references
// are taken, so OpenCase tries again, with five characters after
// RefLenFor's four-character tries.
func TestOpenCaseRetriesTakenRefs(t *testing.T) {
	d := newDesk(t)
	taken := pgtest.OpenCase(t, d, pgtest.Reporter(1), t0).Ref
	var lens []int
	d.SetRefSource(func(n int) desk.Ref {
		lens = append(lens, n)
		if n == desk.RefLen {
			return taken
		}
		return "KD-7Q3MX"
	})
	c := pgtest.OpenCase(t, d, pgtest.Reporter(2), t0)
	if c.Ref != "KD-7Q3MX" {
		t.Errorf("ref = %s, want KD-7Q3MX", c.Ref)
	}
	if diff := cmp.Diff([]int{4, 4, 4, 4, 5}, lens); diff != "" {
		t.Errorf("lengths tried (-want +got):\n%s", diff)
	}
	d.SetRefSource(func(int) desk.Ref { return taken })
	_, err := d.OpenCase(context.Background(), pgtest.Reporter(3), t0)
	pgtest.WantCode(t, err, flows.EInternal)
}

// TestClaimRace has two staff claim one case at the same moment, each in
// its own transaction like the bot's update, 50 times: exactly one wins
// each time and the other is told who.
func TestCasesOf(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	first := pgtest.OpenCase(t, d, pgtest.Reporter(5), t0)
	second := pgtest.OpenCase(t, d, pgtest.Reporter(5), t0.Add(time.Hour))
	pgtest.OpenCase(t, d, pgtest.Reporter(6), t0)
	pgtest.Must[*desk.Case](t)(d.Close(ctx, second.Ref, desk.StatusClosed, "", agentA, t0.Add(2*time.Hour)))
	var refs []desk.Ref
	for _, c := range pgtest.Must[[]desk.Case](t)(d.CasesOf(ctx, 5)) {
		refs = append(refs, c.Ref)
	}
	if diff := cmp.Diff([]desk.Ref{second.Ref, first.Ref}, refs); diff != "" {
		t.Errorf("cases of chat 5 (-want +got):\n%s", diff)
	}
	if open := pgtest.Must[*desk.Case](t)(d.OpenCaseOf(ctx, 5)); open.Ref != first.Ref {
		t.Errorf("open case of chat 5 = %s, want %s (the newer one is closed)", open.Ref, first.Ref)
	}
}
