package staff

import ()

// reopen puts a resolved or closed case back in the queue (/reopen REF):
// with its officer when they are still staff, unclaimed otherwise.
func (d *Cmd) reopen() error {
	c, _, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if c.Open() {
		return d.say("desk.already_open", "Ref", c.Ref)
	}
	if c, err = d.desk.Reopen(d.ctx, c.Ref, d.staff.UserID, d.now); err != nil {
		return err
	}
	if err := d.audit(c.ID, ""); err != nil {
		return err
	}
	if c.AssigneeID != nil {
		return d.say("desk.reopened_claimed", "Ref", c.Ref, "Name", d.staffName(*c.AssigneeID))
	}
	return d.say("desk.reopened_new", "Ref", c.Ref)
}
