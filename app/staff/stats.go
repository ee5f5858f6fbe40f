package staff

import (
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// stats shows the queue at a glance (/stats): open cases by type and by
// priority, cases new today in Phnom Penh, and the median time to the
// desk's first reply.
func (d *Cmd) stats() error {
	st, err := d.desk.Stats(d.ctx, d.now, desk.DefaultLocation())
	if err != nil {
		return err
	}
	if err := d.audit(0, ""); err != nil {
		return err
	}
	r := d.h.render
	text := func(id string, kv ...any) string { return r.Text(d.lang, flows.M(id, kv...)) }
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
		lines = append(lines, text("desk.stats_no_reply", "Days", days))
	} else {
		lines = append(lines, text("desk.stats_first_reply", "Days", days, "Count", st.FirstReplyCases,
			"Median", d.span(st.FirstReplyMedian, time.Second, 2)))
	}
	return d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.Literal(strings.Join(lines, "\n"))})
}
