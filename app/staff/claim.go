package staff

import (
	"errors"

	"github.com/koreandesk/hotline/desk"
)

// claim takes an unassigned case, and shows the officer its files. Of two
// officers claiming at once one wins; the other is told who has it.
func (d *Cmd) claim() error {
	c, _, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	ref := c.Ref
	c, err = d.desk.Claim(d.ctx, ref, d.staff.UserID, d.now)
	var taken *desk.ClaimedError
	switch {
	case errors.As(err, &taken):
		return d.say("desk.claim_taken", "Ref", taken.Ref, "Name", d.staffName(taken.By))
	case errors.Is(err, desk.ErrClosed):
		return d.say("desk.case_closed", "Ref", ref)
	case err != nil:
		return err
	}
	if err := d.audit(c.ID, ""); err != nil {
		return err
	}
	if err := d.say("desk.claimed", "Ref", c.Ref); err != nil {
		return err
	}
	return d.showFiles(Chat{ID: d.in.ChatID, Lang: d.lang}, c)
}
