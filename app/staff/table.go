package staff

import (
	"slices"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Command is one desk command: the one place that says what it is called,
// how it is used, who may run it, how it shows in the command menu and
// what the audit log calls it. Adding a command is one file with its Run
// and one row of the table, plus its locale keys.
type Command struct {
	// Name is the command without its slash ("claim"), or the command
	// and a sub-command ("staff add").
	Name string
	// Usage is the reply to arguments the command cannot read.
	Usage string
	// Role is the least role that may run it.
	Role desk.Role
	// Menu is the message id of its description in the command menu; a
	// command's sub-commands share the first one's line.
	Menu string
	// Audit is the action it records in the audit log (desk.Action*).
	Audit string
	// Run runs it.
	Run func(*Cmd) error
}

// exampleRef is the case reference usages show.
const exampleRef = "KD-7Q3M"

// table lists the desk commands in the order of the command menu. It is
// filled in init because commands reach the menu (/staff add sets the new
// member's), which is drawn from the table.
var table []Command

func init() {
	table = []Command{
		{Name: "queue", Usage: "/queue [urgent|new|mine|all]", Role: desk.RoleAgent, Menu: "desk.command_queue", Audit: desk.ActionQueueView, Run: (*Cmd).listQueue},
		{Name: "case", Usage: "/case KD-7Q3M", Role: desk.RoleAgent, Menu: "desk.command_case", Audit: desk.ActionCaseView, Run: (*Cmd).show},
		{Name: "claim", Usage: "/claim KD-7Q3M", Role: desk.RoleAgent, Menu: "desk.command_claim", Audit: desk.ActionCaseClaim, Run: (*Cmd).claim},
		{Name: "reply", Usage: "/reply KD-7Q3M text", Role: desk.RoleAgent, Menu: "desk.command_reply", Audit: desk.ActionCaseReply, Run: (*Cmd).reply},
		{Name: "templates", Usage: "/templates", Role: desk.RoleAgent, Menu: "desk.command_templates", Audit: desk.ActionTemplateList, Run: (*Cmd).templates},
		{Name: "templates add", Usage: "/templates add key (then one line each: ko: … km: … en: …)", Role: desk.RoleSupervisor, Audit: desk.ActionTemplateAdd, Run: (*Cmd).templateAdd},
		{Name: "templates edit", Usage: "/templates edit key (then the lines to change: ko: … km: … en: …)", Role: desk.RoleSupervisor, Audit: desk.ActionTemplateEdit, Run: (*Cmd).templateEdit},
		{Name: "templates remove", Usage: "/templates remove key", Role: desk.RoleSupervisor, Audit: desk.ActionTemplateRemove, Run: (*Cmd).templateRemove},
		{Name: "note", Usage: "/note KD-7Q3M text", Role: desk.RoleAgent, Menu: "desk.command_note", Audit: desk.ActionCaseNote, Run: (*Cmd).note},
		{Name: "priority", Usage: "/priority KD-7Q3M urgent|high|normal|low", Role: desk.RoleAgent, Menu: "desk.command_priority", Audit: desk.ActionCasePriority, Run: (*Cmd).priority},
		{Name: "assign", Usage: "/assign KD-7Q3M @username|id", Role: desk.RoleAgent, Menu: "desk.command_assign", Audit: desk.ActionCaseAssign, Run: (*Cmd).assign},
		{Name: "close", Usage: "/close KD-7Q3M [resolution]", Role: desk.RoleAgent, Menu: "desk.command_close", Audit: desk.ActionCaseClose, Run: (*Cmd).close},
		{Name: "reopen", Usage: "/reopen KD-7Q3M", Role: desk.RoleAgent, Menu: "desk.command_reopen", Audit: desk.ActionCaseReopen, Run: (*Cmd).reopen},
		{Name: "checkin", Usage: "/checkin KD-7Q3M 6h|off", Role: desk.RoleAgent, Menu: "desk.command_checkin", Audit: desk.ActionCheckIn, Run: (*Cmd).checkin},
		{Name: "indicators", Usage: "/indicators KD-7Q3M [indicator [note|off]]", Role: desk.RoleAgent, Menu: "desk.command_indicators", Audit: desk.ActionIndicators, Run: (*Cmd).indicators},
		{Name: "refer", Usage: "/refer KD-7Q3M partner", Role: desk.RoleAgent, Menu: "desk.command_refer", Audit: desk.ActionCaseRefer, Run: (*Cmd).refer},
		{Name: "find", Usage: "/find text", Role: desk.RoleAgent, Menu: "desk.command_find", Audit: desk.ActionFind, Run: (*Cmd).find},
		{Name: "block", Usage: "/block KD-7Q3M [off]", Role: desk.RoleAgent, Menu: "desk.command_block", Audit: desk.ActionCaseBlock, Run: (*Cmd).block},
		{Name: "flag", Usage: "/flag phone|handle|domain|company|crypto|account|email VALUE | note", Role: desk.RoleAgent, Menu: "desk.command_flag", Audit: desk.ActionFlagAdd, Run: (*Cmd).flag},
		{Name: "risk", Usage: "/risk KD-7Q3M high|medium|low", Role: desk.RoleAgent, Menu: "desk.command_risk", Audit: desk.ActionCaseRisk, Run: (*Cmd).risk},
		{Name: "stats", Usage: "/stats", Role: desk.RoleAgent, Menu: "desk.command_stats", Audit: desk.ActionStatsView, Run: (*Cmd).stats},
		{Name: "staff add", Usage: "/staff add ID agent|supervisor", Role: desk.RoleSupervisor, Menu: "desk.command_staff", Audit: desk.ActionStaffAdd, Run: (*Cmd).staffAdd},
		{Name: "staff remove", Usage: "/staff remove ID", Role: desk.RoleSupervisor, Audit: desk.ActionStaffRemove, Run: (*Cmd).staffRemove},
		{Name: "staff list", Usage: "/staff list", Role: desk.RoleSupervisor, Audit: desk.ActionStaffList, Run: (*Cmd).staffList},
		{Name: "staff duty", Usage: "/staff duty on|off", Role: desk.RoleAgent, Audit: desk.ActionStaffDuty, Run: (*Cmd).duty},
		{Name: "export", Usage: "/export [2026-01-01] [2026-01-31]", Role: desk.RoleSupervisor, Menu: "desk.command_export", Audit: desk.ActionExport, Run: (*Cmd).export},
		{Name: "failed", Usage: "/failed [retry UPDATE_ID]", Role: desk.RoleSupervisor, Menu: "desk.command_failed", Audit: desk.ActionFailedView, Run: (*Cmd).failed},
		{Name: "hold", Usage: "/hold KD-7Q3M on|off", Role: desk.RoleSupervisor, Menu: "desk.command_hold", Audit: desk.ActionCaseHold, Run: (*Cmd).hold},
	}
	byName = make(map[string]*Command, len(table))
	for i := range table {
		byName[table[i].Name] = &table[i]
	}
}

// byName finds a table entry by its name.
var byName map[string]*Command

// Commands returns the table, in menu order.
func Commands() []Command { return slices.Clone(table) }

// word is the command as typed, without a sub-command.
func (c *Command) word() string {
	w, _, _ := strings.Cut(c.Name, " ")
	return w
}

// IsDeskInput reports whether in is a desk command or a desk button.
func IsDeskInput(in flows.Input) bool { _, isCmd, isButton := deskInput(in); return isCmd || isButton }

// deskInput is the desk command in runs, if it is one, and whether it is
// a desk button.
func deskInput(in flows.Input) (cmd *Command, isCmd, isButton bool) {
	cmd, isCmd = lookup(in.Command, in.Args)
	return cmd, isCmd && in.Kind == flows.KindCommand, in.Kind == flows.KindCallback && strings.HasPrefix(in.Data, deskData)
}

// lookup finds the entry an input runs: the command, or the sub-command
// named by the first word of args. A command with sub-commands and no
// valid one gives an entry without Run, which answers with the usage.
func lookup(command, args string) (*Command, bool) {
	if sub, _ := cutWord(args); sub != "" {
		if c, ok := byName[command+" "+strings.ToLower(sub)]; ok {
			return c, true
		}
	}
	if c, ok := byName[command]; ok {
		return c, true
	}
	for i := range table {
		if table[i].word() == command {
			return &Command{Name: command}, true
		}
	}
	return nil, false
}

// cutWord splits s at its first space or line break, trimmed.
func cutWord(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \n\t"); i >= 0 {
		return s[:i], strings.TrimSpace(s[i+1:])
	}
	return s, ""
}

// usageOf joins the usages of a command's entries the staff member may run.
func usageOf(word string, st *desk.Staff) string {
	var us []string
	for i := range table {
		if c := &table[i]; c.word() == word && may(st, c.Role) {
			us = append(us, c.Usage)
		}
	}
	return strings.Join(us, " · ")
}

// may reports whether a staff member's role allows role.
func may(st *desk.Staff, role desk.Role) bool {
	return role != desk.RoleSupervisor || st.Supervisor()
}

// Menu is the desk's part of a staff member's command menu in lang: every
// command they may run (or one of whose sub-commands), in table order.
func (h *Desk) Menu(lang string, supervisor bool) []mailbox.Command {
	st := &desk.Staff{Role: desk.RoleAgent}
	if supervisor {
		st.Role = desk.RoleSupervisor
	}
	var out []mailbox.Command
	for i := range table {
		c := &table[i]
		if c.Menu == "" || usageOf(c.word(), st) == "" {
			continue
		}
		out = append(out, mailbox.Command{Command: c.word(), Description: h.render.Text(lang, flows.M(c.Menu))})
	}
	return out
}

// StaffMenu is a staff member's own command menu, in their language, and
// the chat it belongs to: the commands every user has, since a chat's
// menu replaces the default one, then the desk commands their role may
// use.
func (h *Desk) StaffMenu(st *desk.Staff) (chatID int64, cmds []mailbox.Command) {
	r := Recipient(st)
	return r.ID, append(h.reporterMenu(r.Lang), h.Menu(r.Lang, st.Supervisor())...)
}
