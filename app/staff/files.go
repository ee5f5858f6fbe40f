package staff

import (
	"github.com/koreandesk/hotline/app/staff/casefiles"
	"github.com/koreandesk/hotline/desk"
)

// showFiles shows the staff member who takes case c, in their chat r, the
// files the reporter sent on it (casefiles), linked to the case so a reply
// to one answers the reporter.
func (d *Cmd) showFiles(r Chat, c *desk.Case) error {
	calls, err := casefiles.Of(d.ctx, d.desk, d.h.render, r.Lang, c)
	for i := 0; err == nil && i < len(calls); i++ {
		err = d.queue(r.ID, d.prio, calls[i].Method, calls[i].Call, c.ID)
	}
	return err
}
