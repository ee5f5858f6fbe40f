package staff

import (
	"maps"
	"slices"
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
// view is audited, saying when it showed the passport number in full.
func (d *Cmd) show() error {
	c, _, err := d.caseArg()
	if c == nil || err != nil {
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
	if c.Held {
		lines = append(lines, r.Text(d.lang, flows.M("desk.case_held", "Ref", c.Ref)))
	}
	lines = append(lines, d.h.AnswerLines(d.lang, c)...)
	if v := c.Answers["passport"]; v != "" { // staff see it here, and only here
		lines = append(lines, "• "+r.Text(d.lang, flows.M("answer.passport"))+": "+v)
	}
	numbers, shown, err := d.sealedLines(c) // sealed: opened here, and only here
	if err != nil {
		return err
	}
	lines = append(lines, numbers...)
	if err := d.audit(c.ID, strings.Join(shown, ", ")); err != nil { // every view, and which numbers it showed
		return err
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
	if asked := e.Data["asked"]; e.Kind == desk.EventQuiet && asked != "" { // the reporter's own /quiet
		what = d.h.render.Text(d.lang, flows.M("desk.event_quiet_asked_"+asked))
	}
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
	case e.Kind == desk.EventReferral:
		detail = d.h.render.Text(d.lang, flows.M("desk.referral_event_"+e.Data["referral"])) + " (" + e.Data["partner"] + ")"
	case e.Kind == desk.EventCheckIn:
		detail = d.h.render.Text(d.lang, flows.M("desk.checkin_event_"+e.Data["checkin"])) + " " + e.Data["every"]
	case e.Kind == desk.EventHold:
		detail = e.Data["hold"]
	case detail == "" && e.Data["to"] != "":
		detail = e.Data["from"] + " → " + e.Data["to"]
	}
	line := e.At.In(desk.DefaultLocation()).Format("01-02 15:04") + " · " + who + " · " + what
	if detail = strings.TrimSpace(detail); detail != "" {
		line += ": " + mailbox.Truncate(detail, 200)
	}
	return line
}

// sealedLines are a case's sealed numbers for /case: the passport number,
// then the phone numbers (a family inquiry's callback number). shown says
// which were shown in full, for the audit entry.
func (d *Cmd) sealedLines(c *desk.Case) (lines, shown []string, err error) {
	if d.h.sealer == nil {
		return nil, nil, nil
	}
	r := d.h.render
	add := func(kind desk.Kind, label, masked string, sealed []byte) {
		line, full := d.numberLine(c, kind, label, masked, sealed)
		if lines = append(lines, line); full {
			shown = append(shown, string(kind)+" shown")
		}
	}
	sealed, err := d.desk.Passport(d.ctx, c.ID)
	switch {
	case err == nil:
		add(desk.KindPassport, r.Text(d.lang, flows.M("answer.passport_number")), c.Answers[family.KeyPassport], sealed)
	case flows.ErrorCode(err) != flows.ENotFound:
		return nil, nil, err
	}
	phones, err := d.desk.Phones(d.ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	for _, field := range slices.Sorted(maps.Keys(phones)) {
		label := field
		if id := "answer." + field; r.Has(id) {
			label = r.Text(d.lang, flows.M(id))
		}
		add(desk.KindPhone, label, c.Answers[field], phones[field])
	}
	return lines, shown, nil
}

// numberLine shows a sealed number: in full, opened from its seal, to a
// supervisor and to the officer the case is assigned to; masked, with who
// may see it, to any other officer. A seal that no configured key opens
// is said plainly to the officer and logged (ids only), never passed off
// as a mask. full reports whether the number was shown in full.
func (d *Cmd) numberLine(c *desk.Case, kind desk.Kind, label, masked string, sealed []byte) (line string, full bool) {
	r, label := d.h.render, "• "+label+": "
	if !d.handles(c) {
		return label + masked + "\n  " + r.Text(d.lang, flows.M("desk.passport_assignee_only")), false
	}
	n, err := d.h.sealer.OpenAs(kind, sealed)
	if err == nil {
		return label + n, true
	}
	keyID, ok := desk.SealedKeyID(sealed)
	if !ok {
		keyID = "legacy"
	}
	d.h.log.Error("sealed number cannot be opened with the configured data keys",
		"case", c.Ref, "kind", kind, "key_id", keyID, "current_key_id", d.h.sealer.KeyID(), "err", err)
	return label + masked + "\n  " + r.Text(d.lang, flows.M("desk.number_unsealable", "Key", keyID, "Current", d.h.sealer.KeyID())), false
}
