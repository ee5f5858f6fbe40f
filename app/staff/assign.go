package staff

import (
	"errors"
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// assign gives a case to an active staff member, named by user id or
// @username (/assign REF @username|id), and tells them in their language
// with the case buttons; their Telegram reply to that message answers the
// reporter.
func (d *Cmd) assign() error {
	c, who, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if who == "" || strings.ContainsAny(who, " \n") {
		return d.usage("")
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
	if err := d.audit(c.ID, "to "+itoa(st.UserID)); err != nil {
		return err
	}
	if st.UserID == d.staff.UserID {
		if err := d.say("desk.claimed", "Ref", c.Ref); err != nil {
			return err
		}
		return d.showFiles(Chat{ID: d.in.ChatID, Lang: d.lang}, c)
	}
	if err := d.tellAssignee(st, c); err != nil {
		return err
	}
	return d.say("desk.assigned", "Ref", c.Ref, "Name", d.staffName(st.UserID))
}

// tellAssignee tells a staff member a case was given to them, with what
// is known and the case buttons, linked to the case, then shows them its
// files.
func (d *Cmd) tellAssignee(st *desk.Staff, c *desk.Case) error {
	r := Recipient(st)
	lines := []string{d.h.render.Text(r.Lang, flows.M("desk.assigned_to_you", "Name", d.staffName(d.staff.UserID),
		"Ref", c.Ref, "Type", flows.M("case.type_"+string(c.Type)), "Priority", flows.M("case.priority_"+string(c.Priority)),
		"Lang", flows.LanguageNames[c.ReporterLang]))}
	lines = append(lines, d.h.AnswerLines(r.Lang, c)...)
	prio := mailbox.PriorityHigh
	if c.Priority == desk.PriorityUrgent {
		prio = mailbox.PriorityUrgent
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: d.h.CaseButtons(r.Lang, c)}
	if err := d.queue(r.ID, prio, mailbox.MethodSendMessage, body, c.ID); err != nil {
		return err
	}
	return d.showFiles(r, c)
}

// staffArg finds an active staff member by Telegram user id ("123",
// "#123") or username ("@kim", "kim", any case). It returns nil, and no
// error, when nobody matches.
func (d *Cmd) staffArg(who string) (*desk.Staff, error) {
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
