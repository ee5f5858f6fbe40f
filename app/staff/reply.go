package staff

import (
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// reply sends the staff member's words to the reporter.
func (d *Cmd) reply() error {
	c, text, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if text == "" {
		return d.usage(c.Ref)
	}
	return d.replyWith(c, text)
}

// replyWith delivers a reply under a localised "Korean Desk" header in the
// reporter's language, records it, and claims an unclaimed case for the
// officer who answered.
func (d *Cmd) replyWith(c *desk.Case, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return d.say("desk.reply_empty", "Ref", c.Ref)
	}
	if len([]rune(text)) > flows.MaxTextRunes-200 {
		return d.say("common.too_long", "Max", flows.MaxTextRunes-200)
	}
	if c.Open() && c.AssigneeID == nil {
		claimed, err := d.desk.Claim(d.ctx, c.Ref, d.staff.UserID, d.now)
		if err == nil {
			c = claimed
		} else if flows.ErrorCode(err) != flows.EConflict {
			return err
		}
	}
	if _, err := d.desk.AddEvent(d.ctx, c.ID, desk.Event{Kind: desk.EventReplyOut, ActorID: d.staff.UserID, Text: text, At: d.now}); err != nil {
		return err
	}
	rep := flows.Reply{Text: flows.M("desk.reply_header", "Ref", c.Ref), Lines: []flows.Msg{flows.Literal(text)}}
	if err := d.tellReporter(c, rep); err != nil {
		return err
	}
	if err := d.audit(c.ID, ""); err != nil {
		return err
	}
	return d.say("desk.reply_sent", "Ref", c.Ref, "Lang", flows.LanguageNames[c.ReporterLang])
}
