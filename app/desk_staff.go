package app

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Audit actions of /staff beyond the desk package's staff.add and
// staff.remove.
const (
	actionStaffList = "staff.list"
	actionStaffDuty = "staff.duty"
)

// staffCmd runs /staff. Every staff member may go on or off duty; adding,
// removing and listing staff is for supervisors. Desk commands take
// effect for added or removed staff at once, since deskStep reads the
// staff table on every call; command menus are set at startup
// (RegisterStaffCommands).
func (d *deskCmd) staffCmd() error {
	sub, rest, _ := strings.Cut(d.args, " ")
	rest = strings.TrimSpace(rest)
	sub = strings.ToLower(sub)
	switch sub {
	case "duty":
		return d.duty(rest)
	case "add", "remove", "list":
		if !d.staff.Supervisor() {
			return d.say("desk.supervisors_only")
		}
	default:
		return d.staffUsage()
	}
	switch sub {
	case "add":
		return d.staffAdd(rest)
	case "remove":
		return d.staffRemove(rest)
	}
	return d.staffList()
}

func (d *deskCmd) staffUsage() error {
	if d.staff.Supervisor() {
		return d.say("desk.usage", "Usage", "/staff add ID agent|supervisor · /staff remove ID · /staff list · /staff duty on|off")
	}
	return d.say("desk.usage", "Usage", "/staff duty on|off")
}

// userID reads a Telegram user id.
func userID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	return id, err == nil && id > 0
}

// staffAdd makes a Telegram user staff with a role, or changes the role
// of a staff member (/staff add ID role). A new member starts on duty, as
// supervisors seeded from the configuration do, and is welcomed in their
// chat.
func (d *deskCmd) staffAdd(args string) error {
	const usage = "/staff add ID agent|supervisor"
	fields := strings.Fields(args)
	if len(fields) != 2 {
		return d.say("desk.usage", "Usage", usage)
	}
	id, ok := userID(fields[0])
	role, err := desk.ParseRole(fields[1])
	if !ok || err != nil {
		return d.say("desk.usage", "Usage", usage)
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
	if err := d.audit(desk.ActionStaffAdd, 0, detail); err != nil {
		return err
	}
	if err := d.staffMenu(st); err != nil {
		return err
	}
	roleMsg := flows.M("desk.role_" + string(role))
	if old == nil {
		r := staffRecipient(st)
		if err := d.send(r.chatID, r.lang, 0, flows.Reply{Text: flows.M("desk.staff_welcome", "Role", roleMsg)}); err != nil {
			return err
		}
	}
	return d.say("desk.staff_added", "Who", d.staffName(id), "Role", roleMsg)
}

// staffRemove deactivates a staff member (/staff remove ID); their open
// cases go back to the queue. Their name stays on old timelines.
func (d *deskCmd) staffRemove(args string) error {
	id, ok := userID(args)
	if !ok {
		return d.say("desk.usage", "Usage", "/staff remove ID")
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
	if err := d.audit(desk.ActionStaffRemove, 0, "user "+itoa(id)+", released "+strconv.Itoa(released)); err != nil {
		return err
	}
	// Their chat goes back to the reporters' menu.
	if err := d.queue(id, mailbox.PriorityNormal, mailbox.MethodChatCommands, mailbox.Call{}, 0); err != nil {
		return err
	}
	return d.say("desk.staff_removed", "Who", who, "Count", released)
}

// staffList lists the active staff, supervisors first (/staff list).
func (d *deskCmd) staffList() error {
	staff, err := d.desk.ListStaff(d.ctx)
	if err != nil {
		return err
	}
	if err := d.audit(actionStaffList, 0, ""); err != nil {
		return err
	}
	r := d.h.render
	lines := []string{r.Text(d.lang, flows.M("desk.staff_title", "Count", len(staff)))}
	for _, st := range staff {
		name := st.Name
		if st.Username != "" {
			name = strings.TrimSpace(name + " @" + st.Username)
		}
		if name == "" {
			name = "—"
		}
		duty := flows.M("desk.off_duty")
		if st.OnDuty {
			duty = flows.M("desk.on_duty")
		}
		lang := flows.LanguageNames[st.Language]
		if lang == "" {
			lang = "—"
		}
		lines = append(lines, "• "+r.Text(d.lang, flows.M("desk.staff_line", "Name", name, "ID", st.UserID,
			"Role", flows.M("desk.role_"+string(st.Role)), "Duty", duty, "Lang", lang)))
	}
	return d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.Literal(strings.Join(lines, "\n"))})
}

// duty puts the staff member themself on or off duty (/staff duty on|off):
// on duty, they get the alerts of new urgent cases.
func (d *deskCmd) duty(arg string) error {
	var on bool
	switch strings.ToLower(arg) {
	case "on":
		on = true
	case "off":
	default:
		return d.say("desk.usage", "Usage", "/staff duty on|off")
	}
	if err := d.desk.SetDuty(d.ctx, d.staff.UserID, on, d.now); err != nil {
		return err
	}
	detail, answer := "off", "desk.duty_off"
	if on {
		detail, answer = "on", "desk.duty_on"
	}
	if err := d.audit(actionStaffDuty, 0, detail); err != nil {
		return err
	}
	return d.say(answer)
}

// staffMenu gives a staff member's chat the desk commands in its menu.
func (d *deskCmd) staffMenu(st *desk.Staff) error {
	chatID, cmds := d.h.StaffMenu(st)
	return d.queue(chatID, mailbox.PriorityNormal, mailbox.MethodChatCommands, mailbox.Call{Commands: cmds}, 0)
}
