package staff

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// priority changes a case's priority (/priority REF level).
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
	if c, err = d.desk.SetPriority(d.ctx, c.Ref, p, d.staff.UserID, d.now); err != nil {
		return err
	}
	if err := d.audit(c.ID, string(from)+" → "+string(p)); err != nil {
		return err
	}
	return d.say("desk.priority_set", "Ref", c.Ref, "Priority", flows.M("case.priority_"+string(p)))
}
