// Package stats is the /stats report: the text that shows the queue at a
// glance, and the chart image drawn in the bot with gonum/plot (no
// outside service). The chart's fonts have no Hangul or Khmer, so what is
// written inside the image is language-neutral (dates, numbers, short
// Latin series codes); its caption explains it in the reader's language.
package stats

import (
	"math"
	"strconv"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Texts renders messages in a language (the transport's renderer).
type Texts interface {
	Text(lang string, m flows.Msg) string
}

// Text is the report in lang: open cases by type and by priority, cases
// new today, and the median time to the desk's first reply, written by
// span.
func Text(r Texts, lang string, st *desk.Stats, span func(time.Duration) string) []string {
	text := func(id string, kv ...any) string { return r.Text(lang, flows.M(id, kv...)) }
	item := func(label string, n int) string { return "• " + label + ": " + strconv.Itoa(n) }
	lines := []string{
		text("desk.stats_title"),
		text("desk.stats_open", "Open", st.Open, "Unclaimed", st.Unclaimed),
		"", text("desk.stats_by_type"),
	}
	for _, t := range desk.Types { // the maps leave out zeros
		lines = append(lines, item(text("case.type_"+string(t)), st.OpenByType[t]))
	}
	lines = append(lines, "", text("desk.stats_by_priority"))
	for _, p := range desk.Priorities {
		lines = append(lines, item(text("case.priority_"+string(p)), st.OpenByPriority[p]))
	}
	days := int(desk.StatsWindow / (24 * time.Hour))
	lines = append(lines, "", text("desk.stats_new_today", "Count", st.NewToday))
	if st.FirstReplyCases == 0 {
		return append(lines, text("desk.stats_no_reply", "Days", days))
	}
	return append(lines, text("desk.stats_first_reply", "Days", days, "Count", st.FirstReplyCases,
		"Median", span(st.FirstReplyMedian)))
}

// Caption explains the chart in lang.
func Caption(r Texts, lang string) string {
	return r.Text(lang, flows.M("desk.stats_chart_caption", "Days", desk.TrendDays))
}

// Codes are the chart's series codes: Latin letters, which its fonts
// have, for the case types and priorities the caption names.
var Codes = map[string]string{
	string(desk.TypeDistress): "D", string(desk.TypeJobCheck): "J", string(desk.TypeJobReport): "R", string(desk.TypeFamily): "F",
	string(desk.PriorityUrgent): "U", string(desk.PriorityHigh): "H", string(desk.PriorityNormal): "N", string(desk.PriorityLow): "L",
}

// ChartData is what the chart draws of the trends and the open cases;
// dates are labelled in the trends' time zone.
func ChartData(tr *desk.Trends, st *desk.Stats) Data {
	var d Data
	for i := range desk.TrendDays {
		d.Days = append(d.Days, tr.From.AddDate(0, 0, i))
	}
	for _, t := range desk.Types {
		s := Series{Code: Codes[string(t)]}
		for _, n := range tr.NewByDay[t] {
			s.Values = append(s.Values, float64(n))
		}
		d.NewByType = append(d.NewByType, s)
	}
	for _, p := range desk.Priorities {
		d.OpenByPriority = append(d.OpenByPriority, Series{Code: Codes[string(p)], Values: []float64{float64(st.OpenByPriority[p])}})
	}
	for _, w := range tr.Weeks {
		d.Weeks = append(d.Weeks, w.Start)
		m := math.NaN()
		if w.Cases > 0 {
			m = w.Median.Minutes()
		}
		d.ReplyMinutes = append(d.ReplyMinutes, m)
	}
	return d
}
