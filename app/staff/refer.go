package staff

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/app/staff/referral"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// WithPartners sets the partners cases may be referred to.
func (h *Desk) WithPartners(ps desk.Partners) *Desk {
	h.partners = ps
	return h
}

// refer asks the reporter, in their language, whether the desk may share
// their case with a partner (/refer REF partner). The officer gets the
// summary only after a "yes" (app's referral answer); nothing is shared
// before.
func (d *Cmd) refer() error {
	c, key, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	p, ok := d.h.partners.Find(strings.ToLower(key))
	if !ok {
		return d.say("desk.refer_partners", "Ref", c.Ref, "List", d.partnerList())
	}
	if !p.MayRefer(d.staff) {
		if err := d.auditAs(desk.ActionCaseRefused, c.ID, "refer partner="+p.Key); err != nil {
			return err
		}
		return d.say("desk.refer_not_allowed", "Partner", p.Name)
	}
	id, err := d.desk.CreateReferral(d.ctx, desk.Referral{CaseID: c.ID, Partner: p.Key, RequestedBy: d.staff.UserID, RequestedAt: d.now})
	if err != nil {
		return err
	}
	if _, err := d.desk.AddEvent(d.ctx, c.ID, referral.Event(desk.ReferralAsked, d.staff.UserID, p.Key, d.now)); err != nil {
		return err
	}
	if err := d.tellReporter(c, referral.Ask(c.Ref, id)); err != nil {
		return err
	}
	if err := d.audit(c.ID, "partner="+p.Key+" referral="+strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	return d.say("desk.refer_asked", "Ref", c.Ref, "Partner", p.Name, "Lang", flows.LanguageNames[reporterLang(c)])
}

// partnerList names the partners the staff member may refer to, by key.
func (d *Cmd) partnerList() string {
	var ls []string
	for _, p := range d.h.partners {
		if p.MayRefer(d.staff) {
			ls = append(ls, "\n• "+p.Key+": "+p.Name)
		}
	}
	if len(ls) == 0 {
		return d.h.render.Text(d.lang, flows.M("desk.refer_no_partners"))
	}
	return strings.Join(ls, "")
}
