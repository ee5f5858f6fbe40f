package staff

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/jobcheck"
)

// risk corrects the level of a job check or recruiter report after a staff
// review (/risk KD-7Q3M high|medium|low); the checker's own level stays on
// the timeline.
func (d *Cmd) risk() error {
	c, rest, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	level, ok := jobcheck.ParseLevel(rest)
	if !ok {
		return d.usage(c.Ref)
	}
	if c.Type != desk.TypeJobCheck && c.Type != desk.TypeJobReport {
		return d.say("desk.risk_not_job", "Ref", c.Ref)
	}
	was := c.Answers[jobcheck.AnswerRiskLevel]
	if err := d.desk.UpdateAnswers(d.ctx, c.ID, map[string]string{jobcheck.AnswerRiskLevel: string(level)}, d.now); err != nil {
		return err
	}
	note := "risk level " + was + " → " + string(level)
	if _, err := d.desk.AddEvent(d.ctx, c.ID, desk.Event{Kind: desk.EventNote, ActorID: d.staff.UserID, Text: note, At: d.now}); err != nil {
		return err
	}
	if err := d.audit(c.ID, note); err != nil {
		return err
	}
	return d.say("desk.risk_set", "Ref", c.Ref, "Level", string(level))
}
