package staff

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// note adds an internal note to a case's timeline (/note REF text). The
// reporter never sees notes.
func (d *Cmd) note() error {
	c, text, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if text == "" {
		return d.usage(c.Ref)
	}
	if len([]rune(text)) > flows.MaxTextRunes-200 {
		return d.say("common.too_long", "Max", flows.MaxTextRunes-200)
	}
	if _, err := d.desk.AddEvent(d.ctx, c.ID, desk.Event{Kind: desk.EventNote, ActorID: d.staff.UserID, Text: text, At: d.now}); err != nil {
		return err
	}
	if err := d.audit(c.ID, ""); err != nil {
		return err
	}
	return d.say("desk.noted", "Ref", c.Ref)
}
