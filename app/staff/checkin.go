package staff

import (
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Callback data of a check-in's buttons, pressed by the reporter:
// ci:ok:<reference> and ci:help:<reference>.
const (
	CheckInData     = "ci:"
	CheckInDataOK   = "ok"
	CheckInDataHelp = "help"
)

// CheckInPrompt is the check-in a reporter answers, naming neither the
// desk nor the police, with "I'm OK" and "I need help". It is quiet by
// the chat's quiet flag, which /checkin sets.
func CheckInPrompt(ref desk.Ref) flows.Reply {
	return flows.Reply{Text: flows.M("checkin.prompt", "Ref", ref), Inline: [][]flows.Button{{
		{Label: flows.M("checkin.button_ok"), Data: CheckInData + CheckInDataOK + ":" + string(ref)},
		{Label: flows.M("checkin.button_help"), Data: CheckInData + CheckInDataHelp + ":" + string(ref)},
	}}}
}

// CheckInEvent is a check-in's timeline entry: what happened (desk.CheckIn*),
// by whom (0: the reporter or the bot), at what interval.
func CheckInEvent(what string, by int64, c *desk.CheckIn, at time.Time) desk.Event {
	e := desk.Event{Kind: desk.EventCheckIn, ActorID: by, At: at, Data: map[string]string{"checkin": what}}
	if c != nil {
		e.Data["every"] = desk.FormatEvery(c.Every)
	}
	return e
}

// Clock is a time of day at the desk (Phnom Penh), as staff read it.
func Clock(t time.Time) string { return t.In(desk.DefaultLocation()).Format("15:04") }

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
		if _, err := d.desk.AddEvent(d.ctx, c.ID, CheckInEvent(what, d.staff.UserID, &ci, now)); err != nil {
			return err
		}
	}
	if err := d.tellReporter(c, CheckInPrompt(c.Ref)); err != nil {
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
	_, err = d.desk.AddEvent(d.ctx, c.ID, CheckInEvent(desk.CheckInStopped, d.staff.UserID, nil, d.now))
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
	if ci.PromptedAt != nil {
		return d.h.render.Text(d.lang, flows.M("desk.checkin_waiting", "Every", every, "Since", Clock(*ci.PromptedAt))), nil
	}
	return d.h.render.Text(d.lang, flows.M("desk.checkin_status", "Every", every, "Next", Clock(ci.NextAt))), nil
}
