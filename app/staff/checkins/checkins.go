// Package checkins is what a reporter sees of safety check-ins: the
// prompt they answer with "I'm OK" or "I need help", its buttons' data,
// and the timeline entries of a check-in. The desk command (/checkin)
// starts them; the application prompts on time and takes the answers.
package checkins

import (
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Callback data of a check-in's buttons, pressed by the reporter:
// ci:ok:<reference> and ci:help:<reference>.
const (
	Data     = "ci:"
	DataOK   = "ok"
	DataHelp = "help"
)

// Prompt is the check-in a reporter answers, naming neither the desk nor
// the police, with "I'm OK" and "I need help". It is quiet by the chat's
// quiet flag, which /checkin sets.
func Prompt(ref desk.Ref) flows.Reply {
	return flows.Reply{Text: flows.M("checkin.prompt", "Ref", ref), Inline: [][]flows.Button{{
		{Label: flows.M("checkin.button_ok"), Data: Data + DataOK + ":" + string(ref)},
		{Label: flows.M("checkin.button_help"), Data: Data + DataHelp + ":" + string(ref)},
	}}}
}

// Event is a check-in's timeline entry: what happened (desk.CheckIn*), by
// whom (0: the reporter or the bot), at what interval.
func Event(what string, by int64, c *desk.CheckIn, at time.Time) desk.Event {
	e := desk.Event{Kind: desk.EventCheckIn, ActorID: by, At: at, Data: map[string]string{"checkin": what}}
	if c != nil {
		e.Data["every"] = desk.FormatEvery(c.Every)
	}
	return e
}

// Clock is a time of day at the desk (Phnom Penh), as staff read it.
func Clock(t time.Time) string { return t.In(desk.DefaultLocation()).Format("15:04") }
