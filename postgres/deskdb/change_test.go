package deskdb_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

func TestCaseLifecycle(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	c := pgtest.OpenCase(t, d, pgtest.Reporter(42), t0)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

	claimed := pgtest.Must[*desk.Case](t)(d.Claim(ctx, c.Ref, agentA, at(1)))
	if claimed.Status != desk.StatusClaimed || !claimed.AssignedTo(agentA) {
		t.Errorf("claimed: status %s, assignee %v", claimed.Status, claimed.AssigneeID)
	}
	pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventNote, ActorID: agentA, Text: "calling police", At: at(2)}))
	pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventReplyOut, ActorID: agentA, Text: "we are here", At: at(3)}))
	pgtest.Must[*desk.Case](t)(d.SetStatus(ctx, c.Ref, desk.StatusWaitingReporter, agentA, at(4)))
	pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventMessageIn, Text: "3rd floor", At: at(5)}))
	pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventReplyOut, ActorID: agentA, Text: "ok", At: at(6)}))
	pgtest.Must[*desk.Case](t)(d.SetPriority(ctx, c.Ref, desk.PriorityHigh, agentA, at(7)))
	closed := pgtest.Must[*desk.Case](t)(d.Close(ctx, c.Ref, desk.StatusResolved, "rescued", agentA, at(8)))
	reopened := pgtest.Must[*desk.Case](t)(d.Reopen(ctx, c.Ref, boss, at(9)))

	want := &desk.Case{ID: c.ID, Ref: c.Ref, Type: c.Type, Priority: desk.PriorityHigh, Status: desk.StatusResolved,
		ReporterUserID: 42, ReporterChatID: 42, ReporterLang: "ko", ReporterName: "Reporter",
		AssigneeID: ptr(agentA), Answers: map[string]string{}, CreatedAt: t0, UpdatedAt: at(8),
		FirstReplyAt: ptr(at(3)), ClosedAt: ptr(at(8)), Resolution: "rescued"}
	if diff := cmp.Diff(want, closed); diff != "" {
		t.Errorf("closed case (-want +got):\n%s", diff)
	}
	want.Status, want.ClosedAt, want.Resolution, want.UpdatedAt = desk.StatusClaimed, nil, "", at(9)
	if diff := cmp.Diff(want, reopened); diff != "" {
		t.Errorf("reopened case (-want +got):\n%s", diff)
	}

	timeline := pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, c.ID, 100))
	a := "1001"
	wantEvents := []eventSummary{
		{desk.EventCreated, 0, "", map[string]string{"type": "distress", "priority": "urgent"}},
		{desk.EventAssignment, agentA, "", map[string]string{"from": "", "to": a}},
		{desk.EventStatus, agentA, "", map[string]string{"from": "new", "to": "claimed"}},
		{desk.EventNote, agentA, "calling police", nil},
		{desk.EventReplyOut, agentA, "we are here", nil},
		{desk.EventStatus, agentA, "", map[string]string{"from": "claimed", "to": "waiting_reporter"}},
		{desk.EventMessageIn, 0, "3rd floor", nil},
		{desk.EventStatus, 0, "", map[string]string{"from": "waiting_reporter", "to": "claimed"}},
		{desk.EventReplyOut, agentA, "ok", nil},
		{desk.EventPriority, agentA, "", map[string]string{"from": "urgent", "to": "high"}},
		{desk.EventStatus, agentA, "rescued", map[string]string{"from": "claimed", "to": "resolved"}},
		{desk.EventStatus, boss, "", map[string]string{"from": "resolved", "to": "claimed"}},
	}
	if diff := cmp.Diff(wantEvents, summarize(timeline)); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	latest := pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, c.ID, 2))
	if diff := cmp.Diff(wantEvents[len(wantEvents)-2:], summarize(latest)); diff != "" {
		t.Errorf("timeline limit 2 (-want +got):\n%s", diff)
	}
}

func TestClaim(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	mine := pgtest.OpenCase(t, d, pgtest.Reporter(1), t0)
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, mine.Ref, agentA, t0))
	closed := pgtest.OpenCase(t, d, pgtest.Reporter(2), t0)
	pgtest.Must[*desk.Case](t)(d.Close(ctx, closed.Ref, desk.StatusClosed, "spam", agentA, t0))

	t.Run("someone else's", func(t *testing.T) {
		_, err := d.Claim(ctx, mine.Ref, agentB, t0)
		pgtest.WantCode(t, err, flows.EConflict)
		var ce *desk.ClaimedError
		if !errors.As(err, &ce) || ce.By != agentA || ce.Ref != mine.Ref {
			t.Errorf("error %v, want a ClaimedError by %d", err, agentA)
		}
	})
	t.Run("one's own again", func(t *testing.T) {
		c, err := d.Claim(ctx, mine.Ref, agentA, t0.Add(time.Hour))
		if err != nil || !c.AssignedTo(agentA) || !c.UpdatedAt.Equal(t0) {
			t.Errorf("claim again = %+v, %v; want the case unchanged", c, err)
		}
	})
	t.Run("closed", func(t *testing.T) {
		_, err := d.Claim(ctx, closed.Ref, agentB, t0)
		pgtest.WantCode(t, err, flows.EConflict)
		if !errors.Is(err, desk.ErrClosed) {
			t.Errorf("error %v, want ErrClosed", err)
		}
	})
}

func TestClaimRace(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	d := deskdb.New(db)
	pgtest.AddStaff(t, d, agentA, desk.RoleAgent, "A")
	pgtest.AddStaff(t, d, agentB, desk.RoleAgent, "B")
	type result struct {
		staff int64
		err   error
	}
	for i := range 50 {
		c := pgtest.OpenCase(t, d, pgtest.Reporter(int64(i)), t0)
		start := make(chan struct{})
		results := make(chan result, 2)
		for _, staff := range []int64{agentA, agentB} {
			go func() {
				<-start
				tx, err := db.BeginTxx(ctx, nil)
				if err != nil {
					results <- result{staff, err}
					return
				}
				_, err = deskdb.New(tx).Claim(ctx, c.Ref, staff, t0)
				if cerr := tx.Commit(); err == nil {
					err = cerr
				}
				results <- result{staff, err}
			}()
		}
		close(start)
		r1, r2 := <-results, <-results
		if (r1.err == nil) == (r2.err == nil) {
			t.Fatalf("round %d: errors %v and %v, want exactly one winner", i, r1.err, r2.err)
		}
		winner, loser := r1, r2
		if r1.err != nil {
			winner, loser = r2, r1
		}
		var ce *desk.ClaimedError
		if !errors.As(loser.err, &ce) || ce.By != winner.staff || flows.ErrorCode(loser.err) != flows.EConflict {
			t.Fatalf("round %d: loser's error %v, want conflict claimed by %d", i, loser.err, winner.staff)
		}
		got := pgtest.Must[*desk.Case](t)(d.Case(ctx, c.Ref))
		if !got.AssignedTo(winner.staff) {
			t.Fatalf("round %d: assignee %v, want %d", i, got.AssigneeID, winner.staff)
		}
		if n := len(pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, c.ID, 10))); n != 3 {
			t.Fatalf("round %d: %d events, want 3 (created, assignment, status)", i, n)
		}
	}
}

func TestAssign(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	c := pgtest.OpenCase(t, d, pgtest.Reporter(1), t0)
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, c.Ref, agentA, t0))
	got := pgtest.Must[*desk.Case](t)(d.Assign(ctx, c.Ref, agentB, boss, t0.Add(time.Minute)))
	if !got.AssignedTo(agentB) || got.Status != desk.StatusClaimed {
		t.Errorf("assigned case: assignee %v, status %s", got.AssigneeID, got.Status)
	}
	events := pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, c.ID, 1))
	want := []eventSummary{{desk.EventAssignment, boss, "", map[string]string{"from": "1001", "to": "1002"}}}
	if diff := cmp.Diff(want, summarize(events)); diff != "" {
		t.Errorf("assignment event (-want +got):\n%s", diff)
	}
	_, err := d.Assign(ctx, c.Ref, 999, boss, t0)
	pgtest.WantCode(t, err, flows.ENotFound)
	pgtest.Must[*desk.Case](t)(d.Close(ctx, c.Ref, desk.StatusClosed, "", boss, t0))
	_, err = d.Assign(ctx, c.Ref, agentA, boss, t0)
	if !errors.Is(err, desk.ErrClosed) {
		t.Errorf("assign a closed case: %v, want ErrClosed", err)
	}
}

func TestSetStatusKeepsAssigneeRules(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	tests := []struct {
		name       string
		claimFirst bool
		to         desk.Status
		want       desk.Status
		assignee   *int64
		closed     bool
	}{
		{"waiting assigns the actor", false, desk.StatusWaitingReporter, desk.StatusWaitingReporter, ptr(agentB), false},
		{"claimed keeps the assignee", true, desk.StatusClaimed, desk.StatusClaimed, ptr(agentA), false},
		{"new releases the case", true, desk.StatusNew, desk.StatusNew, nil, false},
		{"resolved keeps the assignee", true, desk.StatusResolved, desk.StatusResolved, ptr(agentA), true},
		{"closed unassigned", false, desk.StatusClosed, desk.StatusClosed, nil, true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := pgtest.OpenCase(t, d, pgtest.Reporter(int64(i)), t0)
			if tt.claimFirst {
				pgtest.Must[*desk.Case](t)(d.Claim(ctx, c.Ref, agentA, t0))
			}
			got := pgtest.Must[*desk.Case](t)(d.SetStatus(ctx, c.Ref, tt.to, agentB, t0))
			if got.Status != tt.want || !cmp.Equal(got.AssigneeID, tt.assignee) || (got.ClosedAt != nil) != tt.closed {
				t.Errorf("status %s, assignee %v, closed at %v; want %s, %v, closed %v",
					got.Status, got.AssigneeID, got.ClosedAt, tt.want, tt.assignee, tt.closed)
			}
		})
	}
	_, err := d.SetStatus(ctx, "KD-XXXX", "bogus", agentA, t0)
	pgtest.WantCode(t, err, flows.EInvalid)
	_, err = d.Close(ctx, "KD-XXXX", desk.StatusClaimed, "", agentA, t0)
	pgtest.WantCode(t, err, flows.EInvalid)
}

func TestReopenReleasesCasesOfRemovedStaff(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	c := pgtest.OpenCase(t, d, pgtest.Reporter(1), t0)
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, c.Ref, agentA, t0))
	pgtest.Must[*desk.Case](t)(d.Close(ctx, c.Ref, desk.StatusClosed, "", agentA, t0))
	pgtest.Must[int](t)(d.RemoveStaff(ctx, agentA, boss, t0))
	got := pgtest.Must[*desk.Case](t)(d.Reopen(ctx, c.Ref, boss, t0))
	if got.Status != desk.StatusNew || got.AssigneeID != nil {
		t.Errorf("reopened: status %s, assignee %v; want new, nobody", got.Status, got.AssigneeID)
	}
	again := pgtest.Must[*desk.Case](t)(d.Reopen(ctx, c.Ref, boss, t0.Add(time.Hour)))
	if diff := cmp.Diff(got, again); diff != "" {
		t.Errorf("reopening an open case changed it (-before +after):\n%s", diff)
	}
}

func TestBlock(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	c := pgtest.OpenCase(t, d, pgtest.Reporter(66), t0)
	if blocked := pgtest.Must[bool](t)(d.ReporterBlocked(ctx, 66)); blocked {
		t.Error("reporter blocked before Block")
	}
	got := pgtest.Must[*desk.Case](t)(d.Block(ctx, c.Ref, true, agentA, t0))
	if !got.Blocked || !pgtest.Must[bool](t)(d.ReporterBlocked(ctx, 66)) {
		t.Error("reporter not blocked after Block")
	}
	events := pgtest.Must[[]desk.Event](t)(d.Timeline(ctx, c.ID, 1))
	want := []eventSummary{{desk.EventBlock, agentA, "", map[string]string{"blocked": "true"}}}
	if diff := cmp.Diff(want, summarize(events)); diff != "" {
		t.Errorf("block event (-want +got):\n%s", diff)
	}
}

func TestAddEventAppliesToTheCase(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	c := pgtest.OpenCase(t, d, pgtest.Reporter(1, "location", "near the port"), t0)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	add := func(e desk.Event) {
		t.Helper()
		pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, e))
	}
	add(desk.Event{Kind: desk.EventLocation, Lat: ptr(10.6), Lon: ptr(103.5), At: at(2)})
	add(desk.Event{Kind: desk.EventLocation, Lat: ptr(11.0), Lon: ptr(104.0), At: at(1)}) // sent late, older
	add(desk.Event{Kind: desk.EventLocation, Text: "blue gate, 3rd floor", At: at(3)})    // typed, no point
	add(desk.Event{Kind: desk.EventReplyOut, ActorID: agentA, Text: "first", At: at(4)})
	add(desk.Event{Kind: desk.EventReplyOut, ActorID: agentA, Text: "second", At: at(5)})
	photo := pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventAttachment, FileID: "AgAD",
		FileKind: desk.FilePhoto, Text: "caption", At: at(6), Data: map[string]string{"media_group": "7"}}))
	if err := d.MoveLocation(ctx, c.ID, desk.Location{Lat: 10.7, Lon: 103.6, At: at(7)}); err != nil {
		t.Fatal(err)
	}
	if err := d.MoveLocation(ctx, c.ID, desk.Location{Lat: 0, Lon: 0, At: at(6)}); err != nil { // stale
		t.Fatal(err)
	}
	if err := d.UpdateAnswers(ctx, c.ID, map[string]string{"people": "4", "location": "Golden Fortune"}, at(8)); err != nil {
		t.Fatal(err)
	}

	got := pgtest.Must[*desk.Case](t)(d.Case(ctx, c.Ref))
	if diff := cmp.Diff(&desk.Location{Lat: 10.7, Lon: 103.6, At: at(7)}, got.LastLocation); diff != "" {
		t.Errorf("last location (-want +got):\n%s", diff)
	}
	if got.FirstReplyAt == nil || !got.FirstReplyAt.Equal(at(4)) {
		t.Errorf("first reply at %v, want %v", got.FirstReplyAt, at(4))
	}
	if want := map[string]string{"people": "4", "location": "Golden Fortune"}; !cmp.Equal(want, got.Answers) {
		t.Errorf("answers = %v, want %v", got.Answers, want)
	}
	if !got.UpdatedAt.Equal(at(8)) {
		t.Errorf("updated at %v, want %v", got.UpdatedAt, at(8))
	}
	wantPhoto := &desk.Event{ID: photo.ID, CaseID: c.ID, Kind: desk.EventAttachment, FileID: "AgAD",
		FileKind: desk.FilePhoto, Text: "caption", At: at(6), Data: map[string]string{"media_group": "7"}}
	if diff := cmp.Diff(wantPhoto, photo); diff != "" {
		t.Errorf("stored event (-want +got):\n%s", diff)
	}

	invalidEvents := map[string]desk.Event{
		"kind":          {Kind: "bogus", At: t0},
		"no time":       {Kind: desk.EventNote},
		"half a point":  {Kind: desk.EventLocation, Lat: ptr(1.0), At: t0},
		"file kind":     {Kind: desk.EventAttachment, FileKind: "hologram", At: t0},
		"off the globe": {Kind: desk.EventLocation, Lat: ptr(91.0), Lon: ptr(0.0), At: t0},
	}
	for name, e := range invalidEvents {
		t.Run(name, func(t *testing.T) {
			_, err := d.AddEvent(ctx, c.ID, e)
			pgtest.WantCode(t, err, flows.EInvalid)
		})
	}
}
