package staff

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/family"
	"github.com/koreandesk/hotline/mailbox"
)

// caseTimeline is how many of the latest events /case shows.
const caseTimeline = 15

// show displays a case to staff: details, everything collected, the latest
// timeline, the last location as a map pin, and the case buttons. Every
// view is audited.
func (d *Cmd) show() error {
	c, _, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if err := d.audit(c.ID, ""); err != nil {
		return err
	}
	events, err := d.desk.Timeline(d.ctx, c.ID, caseTimeline)
	if err != nil {
		return err
	}
	r := d.h.render
	assignee := r.Text(d.lang, flows.M("desk.nobody"))
	if c.AssigneeID != nil {
		assignee = d.staffName(*c.AssigneeID)
	}
	lines := []string{r.Text(d.lang, flows.M("desk.case_header", "Ref", c.Ref,
		"Type", flows.M("case.type_"+string(c.Type)), "Priority", flows.M("case.priority_"+string(c.Priority)),
		"Status", flows.M("case.status_"+string(c.Status)), "Assignee", assignee,
		"Name", c.ReporterName, "Lang", flows.LanguageNames[c.ReporterLang],
		"Created", c.CreatedAt.In(desk.DefaultLocation()).Format("2006-01-02 15:04")))}
	if c.Blocked {
		lines = append(lines, r.Text(d.lang, flows.M("desk.case_blocked")))
	}
	lines = append(lines, d.h.AnswerLines(d.lang, c)...)
	if v := c.Answers["passport"]; v != "" { // staff see it here, and only here
		lines = append(lines, "• "+r.Text(d.lang, flows.M("answer.passport"))+": "+v)
	}
	passport, err := d.passportLine(c) // sealed: opened here, and only here
	if err != nil {
		return err
	}
	if passport != "" {
		lines = append(lines, passport)
	}
	indicators, err := d.indicatorsLine(c)
	if err != nil {
		return err
	}
	if indicators != "" {
		lines = append(lines, indicators)
	}
	checkin, err := d.checkinLine(c)
	if err != nil {
		return err
	}
	if checkin != "" {
		lines = append(lines, checkin)
	}
	matches, err := d.desk.Matches(d.ctx, c.ID)
	if err != nil {
		return err
	}
	lines = append(lines, d.h.FamilyLines(d.lang, c, matches)...)
	if len(events) > 0 {
		lines = append(lines, "", r.Text(d.lang, flows.M("desk.timeline")))
		for _, e := range events {
			lines = append(lines, d.eventLine(e))
		}
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: d.h.CaseButtons(d.lang, c)}
	if err := d.queue(d.in.ChatID, mailbox.PriorityHigh, mailbox.MethodSendMessage, body, c.ID); err != nil {
		return err
	}
	if l := c.LastLocation; l != nil {
		return d.queue(d.in.ChatID, mailbox.PriorityHigh, mailbox.MethodSendLocation, mailbox.Call{Latitude: l.Lat, Longitude: l.Lon}, c.ID)
	}
	return nil
}

// eventLine renders one timeline event for staff.
func (d *Cmd) eventLine(e desk.Event) string {
	who := d.h.render.Text(d.lang, flows.M("desk.reporter"))
	if e.ActorID != 0 {
		who = d.staffName(e.ActorID)
	}
	what := d.h.render.Text(d.lang, flows.M("desk.event_"+string(e.Kind)))
	detail := e.Text
	switch {
	case e.Lat != nil && e.Lon != nil:
		detail = strconv.FormatFloat(*e.Lat, 'f', 5, 64) + ", " + strconv.FormatFloat(*e.Lon, 'f', 5, 64)
	case e.FileKind != "":
		detail = string(e.FileKind) + " " + detail
	case e.Kind == desk.EventIndicator:
		box := "☐ "
		if e.Data["present"] == "true" {
			box = "☑ "
		}
		detail = box + d.h.render.Text(d.lang, flows.M("desk.indicator_"+e.Data["indicator"]))
		if e.Text != "" {
			detail += ": " + e.Text
		}
	case e.Kind == desk.EventCheckIn:
		detail = d.h.render.Text(d.lang, flows.M("desk.checkin_event_"+e.Data["checkin"])) + " " + e.Data["every"]
	case detail == "" && e.Data["to"] != "":
		detail = e.Data["from"] + " → " + e.Data["to"]
	}
	line := e.At.In(desk.DefaultLocation()).Format("01-02 15:04") + " · " + who + " · " + what
	if detail = strings.TrimSpace(detail); detail != "" {
		line += ": " + mailbox.Truncate(detail, 200)
	}
	return line
}

// passportLine shows staff the full passport number, opened from its
// seal; only /case calls it, and every /case is audited.
func (d *Cmd) passportLine(c *desk.Case) (string, error) {
	if d.h.sealer == nil {
		return "", nil
	}
	sealed, err := d.desk.Passport(d.ctx, c.ID)
	if flows.ErrorCode(err) == flows.ENotFound {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	n, err := d.h.sealer.Open(sealed)
	if err != nil { // another key: say so rather than fail the view
		d.h.log.Error("passport cannot be opened with this DATA_KEY", "case", c.Ref, "err", err)
		n = c.Answers[family.KeyPassport]
	}
	return "• " + d.h.render.Text(d.lang, flows.M("answer.passport_number")) + ": " + n, nil
}
