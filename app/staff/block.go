package staff

import (
	"strings"
)

// block stops forwarding an abusive reporter's messages (/block REF), or
// lifts that (/block REF off). Their messages are still recorded.
func (d *Cmd) block() error {
	c, rest, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	var blocked bool
	switch strings.ToLower(rest) {
	case "", "on":
		blocked = true
	case "off":
	default:
		return d.usage("")
	}
	if c, err = d.desk.Block(d.ctx, c.Ref, blocked, d.staff.UserID, d.now); err != nil {
		return err
	}
	detail, answer := "on", "desk.blocked"
	if !blocked {
		detail, answer = "off", "desk.unblocked"
	}
	if err := d.audit(c.ID, detail); err != nil {
		return err
	}
	return d.say(answer, "Ref", c.Ref)
}
