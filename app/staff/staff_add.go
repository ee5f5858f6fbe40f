package staff

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// staffAdd makes a Telegram user staff with a role, or changes the role
// of a staff member (/staff add ID role). A new member starts on duty, as
// supervisors seeded from the configuration do, and is welcomed in their
// chat.
func (d *Cmd) staffAdd() error {
	args := d.args
	fields := strings.Fields(args)
	if len(fields) != 2 {
		return d.usage("")
	}
	id, ok := userID(fields[0])
	role, err := desk.ParseRole(fields[1])
	if !ok || err != nil {
		return d.usage("")
	}
	if id == d.staff.UserID {
		return d.say("desk.staff_self")
	}
	old, err := d.desk.Staff(d.ctx, id)
	if err != nil && flows.ErrorCode(err) != flows.ENotFound {
		return err
	}
	next := desk.Staff{UserID: id, ChatID: id, Role: role, OnDuty: true, AddedBy: d.staff.UserID}
	if old != nil {
		next = *old
		next.Role = role
	}
	st, err := d.desk.AddStaff(d.ctx, next, d.now)
	if err != nil {
		return err
	}
	detail := "user " + itoa(id) + " as " + string(role)
	if old != nil {
		detail += ", was " + string(old.Role)
	}
	if err := d.audit(0, detail); err != nil {
		return err
	}
	if err := d.staffMenu(st); err != nil {
		return err
	}
	roleMsg := flows.M("desk.role_" + string(role))
	if old == nil {
		r := Recipient(st)
		if err := d.send(r.ID, r.Lang, 0, flows.Reply{Text: flows.M("desk.staff_welcome", "Role", roleMsg)}); err != nil {
			return err
		}
	}
	return d.say("desk.staff_added", "Who", d.staffName(id), "Role", roleMsg)
}

// userID reads a Telegram user id.
func userID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	return id, err == nil && id > 0
}

// staffMenu gives a staff member's chat the desk commands in its menu.
func (d *Cmd) staffMenu(st *desk.Staff) error {
	chatID, cmds := d.h.StaffMenu(st)
	return d.queue(chatID, mailbox.PriorityNormal, mailbox.MethodChatCommands, mailbox.Call{Commands: cmds}, 0)
}
