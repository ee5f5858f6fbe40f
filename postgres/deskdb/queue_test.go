package deskdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

func refsOf(cases []desk.Case) []desk.Ref {
	refs := []desk.Ref{}
	for _, c := range cases {
		refs = append(refs, c.Ref)
	}
	return refs
}

// openAs opens a case of priority p created at.
func openAs(t *testing.T, d *deskdb.Store, p desk.Priority, at time.Time, kv ...string) *desk.Case {
	t.Helper()
	nc := pgtest.Reporter(at.UnixNano(), kv...)
	nc.Priority = p
	return pgtest.OpenCase(t, d, nc, at)
}

func TestQueue(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	normalNew := openAs(t, d, desk.PriorityNormal, t0)
	urgentNew := openAs(t, d, desk.PriorityUrgent, t0.Add(time.Minute))
	urgentA := openAs(t, d, desk.PriorityUrgent, t0.Add(2*time.Minute))
	highB := openAs(t, d, desk.PriorityHigh, t0.Add(-time.Hour))
	lowWaitingA := openAs(t, d, desk.PriorityLow, t0.Add(-2*time.Hour))
	urgentClosed := openAs(t, d, desk.PriorityUrgent, t0.Add(-3*time.Hour))
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, urgentA.Ref, agentA, t0))
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, highB.Ref, agentB, t0))
	pgtest.Must[*desk.Case](t)(d.SetStatus(ctx, lowWaitingA.Ref, desk.StatusWaitingReporter, agentA, t0))
	pgtest.Must[*desk.Case](t)(d.Close(ctx, urgentClosed.Ref, desk.StatusClosed, "", agentA, t0))

	tests := []struct {
		name          string
		filter        desk.Filter
		staff         int64
		limit, offset int
		want          []desk.Ref
		total         int
	}{
		{"all open, urgent first then oldest", desk.FilterAll, agentA, 10, 0,
			[]desk.Ref{urgentNew.Ref, urgentA.Ref, highB.Ref, normalNew.Ref, lowWaitingA.Ref}, 5},
		{"second page", desk.FilterAll, agentA, 2, 2, []desk.Ref{highB.Ref, normalNew.Ref}, 5},
		{"past the end", desk.FilterAll, agentA, 2, 10, []desk.Ref{}, 5},
		{"urgent", desk.FilterUrgent, agentA, 10, 0, []desk.Ref{urgentNew.Ref, urgentA.Ref}, 2},
		{"new", desk.FilterNew, agentA, 10, 0, []desk.Ref{urgentNew.Ref, normalNew.Ref}, 2},
		{"mine", desk.FilterMine, agentA, 10, 0, []desk.Ref{urgentA.Ref, lowWaitingA.Ref}, 2},
		{"mine for B", desk.FilterMine, agentB, 10, 0, []desk.Ref{highB.Ref}, 1},
		{"mine for the boss", desk.FilterMine, boss, 10, 0, []desk.Ref{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cases, total, err := d.Queue(ctx, tt.filter, tt.staff, tt.limit, tt.offset)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, refsOf(cases)); diff != "" {
				t.Errorf("queue (-want +got):\n%s", diff)
			}
			if total != tt.total {
				t.Errorf("total = %d, want %d", total, tt.total)
			}
		})
	}
	for name, q := range map[string]struct {
		f             desk.Filter
		limit, offset int
	}{"filter": {"bogus", 10, 0}, "limit": {desk.FilterAll, 0, 0}, "offset": {desk.FilterAll, 10, -1}} {
		t.Run("invalid "+name, func(t *testing.T) {
			_, _, err := d.Queue(ctx, q.f, agentA, q.limit, q.offset)
			pgtest.WantCode(t, err, flows.EInvalid)
		})
	}
}

func TestFind(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	nc := pgtest.Reporter(1, "name", "김민수", "phone", "+855 97 765 4321", "compound", "Golden Fortune")
	nc.ReporterName = "Kim Minsu"
	kim := pgtest.OpenCase(t, d, nc, t0)
	park := openAs(t, d, desk.PriorityNormal, t0.Add(time.Minute),
		"relative_name", "박지훈", "passport", "M12345678", "callback_phone", "010-9876-5432")
	casino := openAs(t, d, desk.PriorityLow, t0.Add(time.Hour), "compound", "Golden Fortune Casino 100%")
	pgtest.Must[*desk.Case](t)(d.Close(ctx, casino.Ref, desk.StatusClosed, "", agentA, t0.Add(time.Hour)))

	tests := []struct {
		name, text string
		want       []desk.Ref
	}{
		{"reference", string(park.Ref), []desk.Ref{park.Ref}},
		{"reference typed loosely", " " + string(kim.Ref[3:5]) + " " + string(kim.Ref[5:]), []desk.Ref{kim.Ref}},
		{"part of a reference", string(park.Ref[:6]), []desk.Ref{park.Ref}},
		{"Hangul name", "김민수", []desk.Ref{kim.Ref}},
		{"part of a Hangul name", "지훈", []desk.Ref{park.Ref}},
		{"reporter name, any case", "KIM min", []desk.Ref{kim.Ref}},
		{"compound: open cases first", "golden fortune", []desk.Ref{kim.Ref, casino.Ref}},
		{"passport", "m12345678", []desk.Ref{park.Ref}},
		{"phone written differently", "097-765-4321", []desk.Ref{kim.Ref}},
		{"phone in international form", "+855977654321", []desk.Ref{kim.Ref}},
		{"Korean mobile without the leading 0", "10 9876 5432", []desk.Ref{park.Ref}},
		{"digits of a passport", "12345678", []desk.Ref{park.Ref}},
		{"digits in two cases: newest first", "765432", []desk.Ref{park.Ref, kim.Ref}},
		{"LIKE wildcards are literal", "0%", []desk.Ref{casino.Ref}},
		{"underscore is literal", "golden_fortune", []desk.Ref{}},
		{"nothing", "nobody", []desk.Ref{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pgtest.Must[[]desk.Case](t)(d.Find(ctx, tt.text, 10))
			if diff := cmp.Diff(tt.want, refsOf(got)); diff != "" {
				t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
	_, err := d.Find(ctx, "  ", 10)
	pgtest.WantCode(t, err, flows.EInvalid)
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	pp := desk.DefaultLocation()
	// 01:30 on 24 November in Phnom Penh: "today" began at 17:00 UTC.
	now := time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC)
	reply := func(c *desk.Case, after time.Duration) {
		t.Helper()
		pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventReplyOut, ActorID: agentA, At: c.CreatedAt.Add(after)}))
	}
	open := func(typ desk.Type, p desk.Priority, at time.Time) *desk.Case {
		nc := pgtest.Reporter(at.UnixNano())
		nc.Type, nc.Priority = typ, p
		return pgtest.OpenCase(t, d, nc, at)
	}
	open(desk.TypeDistress, desk.PriorityUrgent, now.Add(-150*time.Minute)) // yesterday, local time
	family := open(desk.TypeFamily, desk.PriorityHigh, now.Add(-time.Hour))
	pgtest.Must[*desk.Case](t)(d.Claim(ctx, family.Ref, agentA, now))
	reply(family, 10*time.Minute)
	job := open(desk.TypeJobReport, desk.PriorityNormal, now.Add(-30*time.Minute))
	reply(job, 20*time.Minute)
	pgtest.Must[*desk.Case](t)(d.Close(ctx, job.Ref, desk.StatusClosed, "", agentA, now))
	older := open(desk.TypeJobCheck, desk.PriorityLow, now.Add(-10*24*time.Hour))
	reply(older, 2*time.Hour)
	reply(older, 3*time.Hour) // not the first reply: ignored
	pgtest.Must[*desk.Case](t)(d.Close(ctx, older.Ref, desk.StatusClosed, "", agentA, now))
	outside := open(desk.TypeJobCheck, desk.PriorityLow, now.Add(-40*24*time.Hour))
	reply(outside, 5*time.Minute)
	pgtest.Must[*desk.Case](t)(d.Close(ctx, outside.Ref, desk.StatusClosed, "", agentA, now))
	open(desk.TypeDistress, desk.PriorityUrgent, now.Add(time.Minute)) // after now: not counted today

	got := pgtest.Must[*desk.Stats](t)(d.Stats(ctx, now, pp))
	want := &desk.Stats{
		Open: 3, Unclaimed: 2,
		OpenByType:       map[desk.Type]int{desk.TypeDistress: 2, desk.TypeFamily: 1},
		OpenByPriority:   map[desk.Priority]int{desk.PriorityUrgent: 2, desk.PriorityHigh: 1},
		NewToday:         2,
		Today:            time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC),
		FirstReplyMedian: 20 * time.Minute,
		FirstReplyCases:  3,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	utc := pgtest.Must[*desk.Stats](t)(d.Stats(ctx, now, time.UTC))
	if utc.NewToday != 3 {
		t.Errorf("new today in UTC = %d, want 3", utc.NewToday)
	}
}

func TestExport(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	var want []desk.Ref
	for i := range 5 {
		c := openAs(t, d, desk.PriorityNormal, t0.Add(time.Duration(i)*time.Hour))
		if i >= 1 && i < 4 {
			want = append(want, c.Ref)
		}
	}
	var got []desk.Ref
	for c, err := range d.Export(ctx, t0.Add(time.Hour), t0.Add(4*time.Hour)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c.Ref)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("export (-want +got):\n%s", diff)
	}
	n := 0
	for range d.Export(ctx, t0, t0.Add(time.Hour*24)) {
		if n++; n == 2 {
			break
		}
	}
	// The store is usable after an early break (the rows were closed).
	if _, err := d.Case(ctx, want[0]); err != nil {
		t.Errorf("after a break: %v", err)
	}
}

// TestTrends: the /stats chart's data from a real database: new cases per
// day and type over the last 30 days (Phnom Penh days), and the median
// time to the first reply per week, from Monday.
func TestTrends(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	pp := desk.DefaultLocation()
	// Friday 4 December 2026, 01:30 in Phnom Penh.
	now := time.Date(2026, 12, 3, 18, 30, 0, 0, time.UTC)
	open := func(typ desk.Type, at time.Time) *desk.Case {
		nc := pgtest.Reporter(at.UnixNano())
		nc.Type = typ
		return pgtest.OpenCase(t, d, nc, at)
	}
	reply := func(c *desk.Case, after time.Duration) {
		t.Helper()
		pgtest.Must[*desk.Event](t)(d.AddEvent(ctx, c.ID, desk.Event{Kind: desk.EventReplyOut, ActorID: agentA, At: c.CreatedAt.Add(after)}))
	}
	today := desk.StartOfDay(now, pp)
	reply(open(desk.TypeDistress, today.Add(time.Hour)), 4*time.Minute) // today: day 29
	reply(open(desk.TypeDistress, today.Add(-time.Minute)), 10*time.Minute)
	open(desk.TypeFamily, today.Add(-time.Minute))                      // yesterday 23:59: day 28
	open(desk.TypeJobCheck, today.AddDate(0, 0, -29))                   // the first day: day 0
	open(desk.TypeJobCheck, today.AddDate(0, 0, -29).Add(-time.Second)) // the day before: not counted
	open(desk.TypeJobReport, now.Add(time.Minute))                      // after now: not counted
	tr, err := d.Trends(ctx, now, pp)
	if err != nil {
		t.Fatal(err)
	}
	if want := today.AddDate(0, 0, -29); !tr.From.Equal(want) {
		t.Errorf("from = %v, want %v", tr.From, want)
	}
	want := map[desk.Type]map[int]int{desk.TypeDistress: {28: 1, 29: 1}, desk.TypeFamily: {28: 1}, desk.TypeJobCheck: {0: 1}}
	for _, typ := range desk.Types {
		days := tr.NewByDay[typ]
		if len(days) != desk.TrendDays {
			t.Fatalf("%s: %d days", typ, len(days))
		}
		for i, n := range days {
			if n != want[typ][i] {
				t.Errorf("%s day %d: %d new cases, want %d", typ, i, n, want[typ][i])
			}
		}
	}
	// 5 November (a Thursday) to 4 December: five weeks from Monday 2 November.
	if len(tr.Weeks) != 5 || !tr.Weeks[0].Start.Equal(time.Date(2026, 11, 2, 0, 0, 0, 0, pp)) {
		t.Fatalf("weeks = %+v", tr.Weeks)
	}
	last := tr.Weeks[4]
	if last.Cases != 2 || last.Median != 7*time.Minute {
		t.Errorf("this week: %d replies, median %v; want 2, 7m", last.Cases, last.Median)
	}
	for _, w := range tr.Weeks[:4] {
		if w.Cases != 0 {
			t.Errorf("week of %v: %d replies, want 0", w.Start, w.Cases)
		}
	}
}
