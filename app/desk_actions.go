package app

import (
	"errors"
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// note adds an internal note to a case's timeline (/note REF text). The
// reporter never sees notes.
func (d *deskCmd) note() error {
	c, text, err := d.caseArg("/note KD-7Q3M text")
	if c == nil || err != nil {
		return err
	}
	if text == "" {
		return d.say("desk.usage", "Usage", "/note "+string(c.Ref)+" text")
	}
	if len([]rune(text)) > flows.MaxTextRunes-200 {
		return d.say("common.too_long", "Max", flows.MaxTextRunes-200)
	}
	if _, err := d.desk.AddEvent(d.ctx, c.ID, desk.Event{Kind: desk.EventNote, ActorID: d.staff.UserID, Text: text, At: d.now}); err != nil {
		return err
	}
	if err := d.audit(desk.ActionCaseNote, c.ID, ""); err != nil {
		return err
	}
	return d.say("desk.noted", "Ref", c.Ref)
}

// priority changes a case's priority (/priority REF level).
func (d *deskCmd) priority() error {
	const usage = "/priority KD-7Q3M urgent|high|normal|low"
	c, level, err := d.caseArg(usage)
	if c == nil || err != nil {
		return err
	}
	p, err := desk.ParsePriority(level)
	if err != nil {
		return d.say("desk.usage", "Usage", usage)
	}
	from := c.Priority
	if c, err = d.desk.SetPriority(d.ctx, c.Ref, p, d.staff.UserID, d.now); err != nil {
		return err
	}
	if err := d.audit(desk.ActionCasePriority, c.ID, string(from)+" → "+string(p)); err != nil {
		return err
	}
	return d.say("desk.priority_set", "Ref", c.Ref, "Priority", flows.M("case.priority_"+string(p)))
}

// assign gives a case to an active staff member, named by user id or
// @username (/assign REF @username|id), and tells them in their language
// with the case buttons; their Telegram reply to that message answers the
// reporter.
func (d *deskCmd) assign() error {
	const usage = "/assign KD-7Q3M @username|id"
	c, who, err := d.caseArg(usage)
	if c == nil || err != nil {
		return err
	}
	if who == "" || strings.ContainsAny(who, " \n") {
		return d.say("desk.usage", "Usage", usage)
	}
	st, err := d.staffArg(who)
	if err != nil {
		return err
	}
	if st == nil {
		return d.say("desk.no_staff", "Who", who)
	}
	ref := c.Ref
	c, err = d.desk.Assign(d.ctx, ref, st.UserID, d.staff.UserID, d.now)
	switch {
	case errors.Is(err, desk.ErrClosed):
		return d.say("desk.case_closed", "Ref", ref)
	case flows.ErrorCode(err) == flows.ENotFound: // removed meanwhile
		return d.say("desk.no_staff", "Who", who)
	case err != nil:
		return err
	}
	if err := d.audit(desk.ActionCaseAssign, c.ID, "to "+itoa(st.UserID)); err != nil {
		return err
	}
	if st.UserID == d.staff.UserID {
		return d.say("desk.claimed", "Ref", c.Ref)
	}
	if err := d.tellAssignee(st, c); err != nil {
		return err
	}
	return d.say("desk.assigned", "Ref", c.Ref, "Name", d.staffName(st.UserID))
}

// tellAssignee tells a staff member a case was given to them, with what
// is known and the case buttons, linked to the case.
func (d *deskCmd) tellAssignee(st *desk.Staff, c *desk.Case) error {
	r := staffRecipient(st)
	lines := []string{d.h.render.Text(r.lang, flows.M("desk.assigned_to_you", "Name", d.staffName(d.staff.UserID),
		"Ref", c.Ref, "Type", flows.M("case.type_"+string(c.Type)), "Priority", flows.M("case.priority_"+string(c.Priority)),
		"Lang", flows.LanguageNames[c.ReporterLang]))}
	lines = append(lines, d.h.answerLines(r.lang, c)...)
	prio := mailbox.PriorityHigh
	if c.Priority == desk.PriorityUrgent {
		prio = mailbox.PriorityUrgent
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: d.h.caseButtons(r.lang, c)}
	return d.queue(r.chatID, prio, mailbox.MethodSendMessage, body, c.ID)
}

// staffArg finds an active staff member by Telegram user id ("123",
// "#123") or username ("@kim", "kim", any case). It returns nil, and no
// error, when nobody matches.
func (d *deskCmd) staffArg(who string) (*desk.Staff, error) {
	if id, err := strconv.ParseInt(strings.TrimPrefix(who, "#"), 10, 64); err == nil {
		if id <= 0 {
			return nil, nil
		}
		st, err := d.desk.Staff(d.ctx, id)
		if flows.ErrorCode(err) == flows.ENotFound {
			return nil, nil
		}
		return st, err
	}
	name := strings.TrimPrefix(who, "@")
	staff, err := d.desk.ListStaff(d.ctx)
	if err != nil || name == "" {
		return nil, err
	}
	for i := range staff {
		if staff[i].Username != "" && strings.EqualFold(staff[i].Username, name) {
			return &staff[i], nil
		}
	}
	return nil, nil
}

// reopen puts a resolved or closed case back in the queue (/reopen REF):
// with its officer when they are still staff, unclaimed otherwise.
func (d *deskCmd) reopen() error {
	c, _, err := d.caseArg("/reopen KD-7Q3M")
	if c == nil || err != nil {
		return err
	}
	if c.Open() {
		return d.say("desk.already_open", "Ref", c.Ref)
	}
	if c, err = d.desk.Reopen(d.ctx, c.Ref, d.staff.UserID, d.now); err != nil {
		return err
	}
	if err := d.audit(desk.ActionCaseReopen, c.ID, ""); err != nil {
		return err
	}
	if c.AssigneeID != nil {
		return d.say("desk.reopened_claimed", "Ref", c.Ref, "Name", d.staffName(*c.AssigneeID))
	}
	return d.say("desk.reopened_new", "Ref", c.Ref)
}

// block stops forwarding an abusive reporter's messages (/block REF), or
// lifts that (/block REF off). Their messages are still recorded.
func (d *deskCmd) block() error {
	const usage = "/block KD-7Q3M [off]"
	c, rest, err := d.caseArg(usage)
	if c == nil || err != nil {
		return err
	}
	var blocked bool
	switch strings.ToLower(rest) {
	case "", "on":
		blocked = true
	case "off":
	default:
		return d.say("desk.usage", "Usage", usage)
	}
	if c, err = d.desk.Block(d.ctx, c.Ref, blocked, d.staff.UserID, d.now); err != nil {
		return err
	}
	detail, answer := "on", "desk.blocked"
	if !blocked {
		detail, answer = "off", "desk.unblocked"
	}
	if err := d.audit(desk.ActionCaseBlock, c.ID, detail); err != nil {
		return err
	}
	return d.say(answer, "Ref", c.Ref)
}
