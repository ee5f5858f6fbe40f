package staff

import (
	"strings"

	"github.com/koreandesk/hotline/flows"
)

// hold places (/hold REF on) or lifts (/hold REF off) a supervisor's
// retention hold: a held case keeps its personal fields past the
// retention period. The store writes the timeline and audit entries
// (case.hold, on or off) with the change itself.
func (d *Cmd) hold() error {
	c, rest, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	var on bool
	switch strings.ToLower(rest) {
	case "on":
		on = true
	case "off":
	default:
		return d.usage(c.Ref)
	}
	err = d.desk.SetRetentionHold(d.ctx, c.ID, on, d.staff.UserID, d.now)
	if flows.ErrorCode(err) == flows.ENotFound {
		return d.say("desk.hold_erased", "Ref", c.Ref)
	}
	if err != nil {
		return err
	}
	if on {
		return d.say("desk.hold_on", "Ref", c.Ref)
	}
	return d.say("desk.hold_off", "Ref", c.Ref)
}
