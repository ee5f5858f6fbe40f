package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Audit actions of the desk's read-only lists, beside the case actions
// the desk package names.
const (
	actionQueueView = "queue.view"
	actionStatsView = "stats.view"
)

const (
	// queuePage is how many cases one /queue message lists.
	queuePage = 20
	// maxQueueOffset bounds the offset a page button may carry.
	maxQueueOffset = 1_000_000
	// deskDataPage is the action of the queue's paging buttons:
	// d:page:<filter>:<offset>.
	deskDataPage = "page"
	// refButtonsPerRow is how many case buttons share a row under a list.
	refButtonsPerRow = 4
)

// listQueue shows the first page of the open cases (/queue [filter]).
func (d *deskCmd) listQueue() error {
	f, err := desk.ParseFilter(d.args)
	if err != nil {
		return d.say("desk.usage", "Usage", "/queue [urgent|new|mine|all]")
	}
	return d.showQueue(f, 0)
}

// page runs a queue paging button; data is "<filter>:<offset>". Forged
// data is refused like any stale button.
func (d *deskCmd) page(data string) error {
	name, off, _ := strings.Cut(data, ":")
	f, ferr := desk.ParseFilter(name)
	n, nerr := strconv.Atoi(off)
	if name == "" || ferr != nil || nerr != nil || n < 0 || n > maxQueueOffset || n%queuePage != 0 {
		d.h.log.Warn("refused forged desk button", "user_id", d.in.UserID, "chat_id", d.in.ChatID)
		return d.say("common.stale_button")
	}
	return d.showQueue(f, n)
}

// showQueue lists one page of the queue, urgent first then oldest, with a
// button per case and Prev / Next buttons.
func (d *deskCmd) showQueue(f desk.Filter, offset int) error {
	cases, total, err := d.desk.Queue(d.ctx, f, d.staff.UserID, queuePage, offset)
	if err != nil {
		return err
	}
	if len(cases) == 0 && total > 0 {
		// Cases were closed since the button was drawn: show the last page.
		offset = (total - 1) / queuePage * queuePage
		if cases, total, err = d.desk.Queue(d.ctx, f, d.staff.UserID, queuePage, offset); err != nil {
			return err
		}
	}
	if err := d.audit(actionQueueView, 0, "filter="+string(f)+" offset="+strconv.Itoa(offset)); err != nil {
		return err
	}
	filter := flows.M("desk.filter_" + string(f))
	if len(cases) == 0 {
		return d.say("desk.queue_empty", "Filter", filter)
	}
	names, err := d.staffNames()
	if err != nil {
		return err
	}
	r := d.h.render
	lines := []string{r.Text(d.lang, flows.M("desk.queue_header", "Filter", filter,
		"From", offset+1, "To", offset+len(cases), "Total", total))}
	for i := range cases {
		lines = append(lines, d.caseLine(&cases[i], names))
	}
	buttons := d.refButtons(cases)
	var nav []mailbox.Button
	if offset > 0 {
		nav = append(nav, mailbox.Button{Text: r.Text(d.lang, flows.M("desk.button_prev")), Data: pageData(f, max(offset-queuePage, 0))})
	}
	if offset+len(cases) < total {
		nav = append(nav, mailbox.Button{Text: r.Text(d.lang, flows.M("desk.button_next")), Data: pageData(f, offset+queuePage)})
	}
	if len(nav) > 0 {
		buttons = append(buttons, nav)
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: buttons}
	return d.queue(d.in.ChatID, mailbox.PriorityHigh, mailbox.MethodSendMessage, body, 0)
}

func pageData(f desk.Filter, offset int) string {
	return deskData + deskDataPage + ":" + string(f) + ":" + strconv.Itoa(offset)
}

// refButtons are Open buttons, labelled with the references, for a list
// of cases.
func (d *deskCmd) refButtons(cases []desk.Case) [][]mailbox.Button {
	var rows [][]mailbox.Button
	for i, c := range cases {
		if i%refButtonsPerRow == 0 {
			rows = append(rows, make([]mailbox.Button, 0, refButtonsPerRow))
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], mailbox.Button{Text: string(c.Ref), Data: deskData + deskDataOpen + ":" + string(c.Ref)})
	}
	return rows
}

// caseLine renders a case for lists: reference, priority, type, age, the
// reporter's language and who handles it ("—" for nobody). It shows none
// of the answers, so never a passport number.
func (d *deskCmd) caseLine(c *desk.Case, names map[int64]string) string {
	assignee := "—"
	if c.AssigneeID != nil {
		assignee = names[*c.AssigneeID]
		if assignee == "" {
			assignee = "#" + itoa(*c.AssigneeID)
		}
	}
	lang := flows.LanguageNames[c.ReporterLang]
	if lang == "" {
		lang = c.ReporterLang
	}
	line := d.h.render.Text(d.lang, flows.M("desk.queue_line", "Ref", c.Ref,
		"Priority", flows.M("case.priority_"+string(c.Priority)), "Type", flows.M("case.type_"+string(c.Type)),
		"Age", d.span(d.now.Sub(c.CreatedAt), time.Minute, 1), "Lang", lang, "Assignee", assignee))
	if !c.Open() {
		line += " · " + d.h.render.Text(d.lang, flows.M("case.status_"+string(c.Status)))
	}
	return line
}

// staffNames maps the active staff's user ids to their names (their
// @username when Telegram gave no name), for lists.
func (d *deskCmd) staffNames() (map[int64]string, error) {
	staff, err := d.desk.ListStaff(d.ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(staff))
	for _, st := range staff {
		switch {
		case st.Name != "":
			names[st.UserID] = st.Name
		case st.Username != "":
			names[st.UserID] = "@" + st.Username
		}
	}
	return names, nil
}

// spanUnits are the units of a rendered duration, largest first.
var spanUnits = []struct {
	id   string
	size time.Duration
}{
	{"desk.span_days", 24 * time.Hour},
	{"desk.span_hours", time.Hour},
	{"desk.span_minutes", time.Minute},
	{"desk.span_seconds", time.Second},
}

// span renders a duration in the staff member's language with at most n
// units, the largest first, none smaller than smallest: "3h", "2d 4h",
// "0m" for a case a few seconds old.
func (d *deskCmd) span(dur, smallest time.Duration, n int) string {
	dur = max(dur, 0)
	var parts []string
	for _, u := range spanUnits {
		if u.size < smallest || len(parts) == n {
			break
		}
		k := dur / u.size
		switch {
		case k > 0:
			parts = append(parts, d.h.render.Text(d.lang, flows.M(u.id, "N", int64(k))))
			dur -= k * u.size
		case len(parts) > 0:
			return strings.Join(parts, " ") // "2h", not "2h 0m"
		case u.size == smallest:
			parts = append(parts, d.h.render.Text(d.lang, flows.M(u.id, "N", 0)))
		}
	}
	return strings.Join(parts, " ")
}

const (
	// findLimit is how many cases /find lists.
	findLimit = 20
	// maxFindRunes bounds the search text.
	maxFindRunes = 100
)

// find searches cases by reference, name, phone, passport or compound
// (/find text), open ones first. The search text may be a phone number:
// it goes neither into the audit log nor into the logs, only its length.
func (d *deskCmd) find() error {
	text := d.args
	if text == "" {
		return d.say("desk.usage", "Usage", "/find text")
	}
	n := len([]rune(text))
	if n > maxFindRunes {
		return d.say("common.too_long", "Max", maxFindRunes)
	}
	cases, err := d.desk.Find(d.ctx, text, findLimit+1)
	if err != nil {
		return err
	}
	if byPassport, err := d.passportCases(text); err != nil {
		return err
	} else if len(byPassport) > 0 {
		cases = append(byPassport, cases...)
	}
	if err := d.audit(desk.ActionFind, 0, "length="+strconv.Itoa(n)+" found="+strconv.Itoa(min(len(cases), findLimit))); err != nil {
		return err
	}
	if len(cases) == 0 {
		return d.say("desk.find_none")
	}
	capped := len(cases) > findLimit
	cases = cases[:min(len(cases), findLimit)]
	names, err := d.staffNames()
	if err != nil {
		return err
	}
	lines := []string{d.h.render.Text(d.lang, flows.M("desk.find_header", "Count", len(cases)))}
	for i := range cases {
		lines = append(lines, d.caseLine(&cases[i], names))
	}
	if capped {
		lines = append(lines, d.h.render.Text(d.lang, flows.M("desk.find_capped", "Max", findLimit)))
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: d.refButtons(cases)}
	return d.queue(d.in.ChatID, mailbox.PriorityHigh, mailbox.MethodSendMessage, body, 0)
}

// passportCases finds cases by a sealed passport number: passport numbers
// are stored encrypted, so /find compares keyed hashes instead of text.
func (d *deskCmd) passportCases(text string) ([]desk.Case, error) {
	n, ok := desk.PassportNumber(text)
	if d.h.sealer == nil || !ok {
		return nil, nil
	}
	ids, err := d.desk.PassportCases(d.ctx, d.h.sealer.Hash(n))
	if err != nil {
		return nil, err
	}
	out := make([]desk.Case, 0, len(ids))
	for _, id := range ids {
		c, err := d.desk.CaseByID(d.ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}
