package staff

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// priority changes a case's priority (/priority REF level). Lowering an
// urgent case stops its escalation: only a supervisor or the officer
// handling it may.
func (d *Cmd) priority() error {
	c, level, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	p, err := desk.ParsePriority(level)
	if err != nil {
		return d.usage("")
	}
	from := c.Priority
	downgrade := from == desk.PriorityUrgent && p != desk.PriorityUrgent
	switch {
	case downgrade && c.AssigneeID == nil && !d.staff.Supervisor():
		return d.refuse(c, "desk.downgrade_unclaimed", string(from)+" → "+string(p))
	case downgrade && !d.handles(c):
		return d.refuse(c, "desk.downgrade_not_yours", string(from)+" → "+string(p))
	}
	before := *c
	if c, err = d.desk.SetPriority(d.ctx, c.Ref, p, d.staff.UserID, d.now); err != nil {
		return err
	}
	if err := d.audit(c.ID, string(from)+" → "+string(p)); err != nil {
		return err
	}
	if downgrade {
		if err := d.override(&before, string(from)+" → "+string(p)); err != nil {
			return err
		}
	}
	return d.say("desk.priority_set", "Ref", c.Ref, "Priority", flows.M("case.priority_"+string(p)))
}
