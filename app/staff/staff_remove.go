package staff

import (
	"strconv"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// staffRemove deactivates a staff member (/staff remove ID); their open
// cases go back to the queue. Their name stays on old timelines.
func (d *Cmd) staffRemove() error {
	args := d.args
	id, ok := userID(args)
	if !ok {
		return d.usage("")
	}
	if id == d.staff.UserID {
		return d.say("desk.staff_self")
	}
	who := d.staffName(id) // while they are still staff
	released, err := d.desk.RemoveStaff(d.ctx, id, d.staff.UserID, d.now)
	if flows.ErrorCode(err) == flows.ENotFound {
		return d.say("desk.no_staff", "Who", args)
	}
	if err != nil {
		return err
	}
	if err := d.audit(0, "user "+itoa(id)+", released "+strconv.Itoa(released)); err != nil {
		return err
	}
	// Their chat goes back to the reporters' menu.
	if err := d.queue(id, mailbox.PriorityNormal, mailbox.MethodChatCommands, mailbox.Call{}, 0); err != nil {
		return err
	}
	return d.say("desk.staff_removed", "Who", who, "Count", released)
}
