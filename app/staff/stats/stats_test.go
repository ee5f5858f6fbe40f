package stats_test

import (
	"bytes"
	"image/png"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/koreandesk/hotline/app/staff/stats"
	"github.com/koreandesk/hotline/desk"
)

// trends are 30 days from 5 November with a few cases, and five weeks.
func trends(loc *time.Location) (*desk.Trends, *desk.Stats) {
	from := time.Date(2026, 11, 5, 0, 0, 0, 0, loc)
	tr := &desk.Trends{From: from, NewByDay: map[desk.Type][]int{}}
	for _, t := range desk.Types {
		tr.NewByDay[t] = make([]int, desk.TrendDays)
	}
	tr.NewByDay[desk.TypeDistress][29] = 3
	tr.NewByDay[desk.TypeFamily][0] = 1
	for w := range 5 {
		tr.Weeks = append(tr.Weeks, desk.WeekReplies{Start: time.Date(2026, 11, 2+7*w, 0, 0, 0, 0, loc)})
	}
	tr.Weeks[4].Median, tr.Weeks[4].Cases = 90*time.Second, 2
	st := &desk.Stats{OpenByPriority: map[desk.Priority]int{desk.PriorityUrgent: 2, desk.PriorityLow: 1}}
	return tr, st
}

// TestChartData: the series fed to the plot, with their codes.
func TestChartData(t *testing.T) {
	loc := desk.DefaultLocation()
	d := stats.ChartData(trends(loc))
	if len(d.Days) != desk.TrendDays || d.Days[0].Format("01-02") != "11-05" || d.Days[29].Format("01-02") != "12-04" {
		t.Errorf("days = %v … %v", d.Days[0], d.Days[len(d.Days)-1])
	}
	var codes []string
	for _, s := range d.NewByType {
		codes = append(codes, s.Code)
		if len(s.Values) != desk.TrendDays {
			t.Errorf("%s: %d values", s.Code, len(s.Values))
		}
	}
	if diff := cmp.Diff([]string{"D", "J", "R", "F"}, codes); diff != "" {
		t.Errorf("new-case series (-want +got):\n%s", diff)
	}
	if d.NewByType[0].Values[29] != 3 || d.NewByType[3].Values[0] != 1 {
		t.Errorf("new cases: D %v, F %v", d.NewByType[0].Values, d.NewByType[3].Values)
	}
	want := []stats.Series{{Code: "U", Values: []float64{2}}, {Code: "H", Values: []float64{0}},
		{Code: "N", Values: []float64{0}}, {Code: "L", Values: []float64{1}}}
	if diff := cmp.Diff(want, d.OpenByPriority); diff != "" {
		t.Errorf("open by priority (-want +got):\n%s", diff)
	}
	if len(d.ReplyMinutes) != 5 || d.ReplyMinutes[4] != 1.5 || !math.IsNaN(d.ReplyMinutes[0]) {
		t.Errorf("reply minutes = %v, want NaN for weeks without replies and 1.5 for the last", d.ReplyMinutes)
	}
	if diff := cmp.Diff([]string{"11-02", "11-09", "11-16", "11-23", "11-30"}, weekLabels(d.Weeks), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("weeks (-want +got):\n%s", diff)
	}
}

func weekLabels(ws []time.Time) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Format("01-02"))
	}
	return out
}

// TestRender: the chart is a PNG of the documented size.
func TestRender(t *testing.T) {
	b, err := stats.Render(stats.ChartData(trends(desk.DefaultLocation())))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != 1197 || got.Y != 1397 {
		t.Errorf("chart is %v pixels, want 1197x1397", got)
	}
}
