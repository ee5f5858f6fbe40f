package staff

import (
	"strings"
	"time"

	"github.com/koreandesk/hotline/app/staff/checkins"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// checkin starts safety check-ins on a case, asking the reporter at once
// and then at every interval (/checkin REF 6h), or stops them
// (/checkin REF off).
func (d *Cmd) checkin() error {
	c, arg, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if strings.EqualFold(arg, "off") {
		return d.checkinOff(c)
	}
	every, err := desk.ParseCheckInEvery(arg)
	if err != nil {
		return d.usage(c.Ref)
	}
	if !c.Open() {
		return d.say("desk.checkin_closed", "Ref", c.Ref)
	}
	now := d.now
	ci := desk.CheckIn{CaseID: c.ID, Every: every, Grace: desk.CheckInGrace(every), NextAt: now.Add(every),
		PromptedAt: &now, StartedBy: d.staff.UserID, StartedAt: now}
	if err := d.desk.SaveCheckIn(d.ctx, ci); err != nil {
		return err
	}
	if err := d.quietForCheckIns(c); err != nil {
		return err
	}
	for _, what := range []string{desk.CheckInStarted, desk.CheckInPrompted} {
		if _, err := d.desk.AddEvent(d.ctx, c.ID, checkins.Event(what, d.staff.UserID, &ci, now)); err != nil {
			return err
		}
	}
	if err := d.tellReporter(c, checkins.Prompt(c.Ref)); err != nil {
		return err
	}
	if err := d.audit(c.ID, "every="+desk.FormatEvery(every)); err != nil {
		return err
	}
	return d.say("desk.checkin_started", "Ref", c.Ref, "Every", d.span(every, time.Minute, 2), "Grace", d.span(ci.Grace, time.Minute, 2),
		"Lang", flows.LanguageNames[reporterLang(c)])
}

// quietForCheckIns puts the reporter's chat in quiet mode: a check-in is
// for someone whose phone may be in a guard's hands. A reporter who turned
// quiet mode off themselves (/quiet off) keeps their choice.
func (d *Cmd) quietForCheckIns(c *desk.Case) error {
	events, err := d.desk.Timeline(d.ctx, c.ID, 500)
	if err != nil {
		return err
	}
	for i := len(events) - 1; i >= 0; i-- {
		if e := events[i]; e.Kind == desk.EventQuiet && e.Data["asked"] != "" {
			if e.Data["asked"] == "off" {
				return nil
			}
			break
		}
	}
	return d.tx.SetQuiet(d.ctx, c.ReporterChatID, true, d.now)
}

func (d *Cmd) checkinOff(c *desk.Case) error {
	stopped, err := d.stopCheckIn(c)
	if err != nil {
		return err
	}
	if !stopped {
		return d.say("desk.checkin_none", "Ref", c.Ref)
	}
	if err := d.audit(c.ID, "off"); err != nil {
		return err
	}
	return d.say("desk.checkin_stopped", "Ref", c.Ref)
}

// stopCheckIn ends a case's check-ins, on the timeline, if it has any.
func (d *Cmd) stopCheckIn(c *desk.Case) (bool, error) {
	stopped, err := d.desk.StopCheckIn(d.ctx, c.ID)
	if err != nil || !stopped {
		return false, err
	}
	_, err = d.desk.AddEvent(d.ctx, c.ID, checkins.Event(desk.CheckInStopped, d.staff.UserID, nil, d.now))
	return true, err
}

// checkinLine says on /case how the case's check-ins stand; "" for none.
func (d *Cmd) checkinLine(c *desk.Case) (string, error) {
	ci, err := d.desk.CheckInOf(d.ctx, c.ID)
	if flows.ErrorCode(err) == flows.ENotFound {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	every := d.span(ci.Every, time.Minute, 2)
	if ci.PromptedAt != nil && !ci.AnsweredByWriting() {
		return d.h.render.Text(d.lang, flows.M("desk.checkin_waiting", "Every", every, "Since", checkins.Clock(*ci.PromptedAt))), nil
	}
	return d.h.render.Text(d.lang, flows.M("desk.checkin_status", "Every", every, "Next", checkins.Clock(ci.NextAt))), nil
}
