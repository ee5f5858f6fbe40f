package staff

import (
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/jobcheck/entity"
)

// flag puts a recruiter's phone, Telegram handle, domain, company, wallet,
// bank account or e-mail on the desk's list: /flag KIND VALUE [| note].
// Job checks then say the contact is on the list.
func (d *Cmd) flag() error {
	kind, rest, _ := strings.Cut(d.args, " ")
	value, note, _ := strings.Cut(rest, "|")
	k := entity.Kind(strings.ToLower(strings.TrimSpace(kind)))
	norm, ok := entity.Normalize(k, strings.TrimSpace(value))
	if !ok {
		return d.usage("")
	}
	note = strings.TrimSpace(note)
	if err := d.desk.FlagEntity(d.ctx, desk.Entity{Kind: string(k), Value: norm}, note, d.staff.UserID, d.now); err != nil {
		return err
	}
	if err := d.audit(0, string(k)+" "+norm); err != nil {
		return err
	}
	return d.say("desk.flagged", "Value", norm)
}
