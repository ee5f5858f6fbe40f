package staff

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// handles reports whether the staff member may act on a case as its
// owner: a supervisor, or the officer it is assigned to. Only they see
// its passport number in full, downgrade it from urgent, or close it
// while another officer has it.
func (d *Cmd) handles(c *desk.Case) bool {
	return d.staff.Supervisor() || c.AssignedTo(d.staff.UserID)
}

// othersCase reports whether the case is assigned to another officer.
func (d *Cmd) othersCase(c *desk.Case) bool {
	return c.AssigneeID != nil && !c.AssignedTo(d.staff.UserID)
}

// refuse answers an officer who may not do what they asked on a case
// (the message id says what and why) and records the refusal: the audit
// log shows attempts as well as actions.
func (d *Cmd) refuse(c *desk.Case, id, detail string) error {
	if err := d.auditAs(desk.ActionCaseRefused, c.ID, d.cmd.Name+": "+detail); err != nil {
		return err
	}
	assignee := d.h.render.Text(d.lang, flows.M("desk.nobody"))
	if c.AssigneeID != nil {
		assignee = d.staffName(*c.AssigneeID)
	}
	return d.say(id, "Ref", c.Ref, "Assignee", assignee)
}

// override records that a supervisor acted on a case another officer
// holds, beside the command's own audit entry.
func (d *Cmd) override(c *desk.Case, detail string) error {
	if !d.othersCase(c) {
		return nil
	}
	return d.auditAs(desk.ActionCaseOverride, c.ID, d.cmd.Name+": "+detail+" (assigned to #"+itoa(*c.AssigneeID)+")")
}
