package staff

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// close ends a case, with an optional resolution, and tells the reporter.
// A case another officer handles only a supervisor may close.
func (d *Cmd) close() error {
	c, resolution, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if d.othersCase(c) && !d.staff.Supervisor() {
		return d.refuse(c, "desk.close_not_yours", "assigned to #"+itoa(*c.AssigneeID))
	}
	before := *c
	status := desk.StatusClosed
	if resolution != "" {
		status = desk.StatusResolved
	}
	wasOpen := c.Open()
	c, err = d.desk.Close(d.ctx, c.Ref, status, resolution, d.staff.UserID, d.now)
	if err != nil {
		return err
	}
	if err := d.audit(c.ID, resolution); err != nil {
		return err
	}
	if err := d.override(&before, "closed"); err != nil {
		return err
	}
	if _, err := d.stopCheckIn(c); err != nil { // closing the case ends its check-ins
		return err
	}
	if !wasOpen { // its resolution changes; the reporter was told once
		return d.say("desk.closed_again", "Ref", c.Ref)
	}
	if err := d.tellReporter(c, flows.Reply{Text: flows.M("case.closed_reporter", "Ref", c.Ref)}); err != nil {
		return err
	}
	return d.say("desk.closed", "Ref", c.Ref)
}
