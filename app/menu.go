package app

import (
	"slices"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// reporterCommands are shown in every user's command menu, in this order.
var reporterCommands = []string{"start", "sos", "check", "family", "status", "help", "language", "cancel", "forget"}

// staffMenu is the desk part of a staff member's command menu, in order;
// supervisor-only commands (deskCommands) are left out for agents.
var staffMenu = []string{"queue", "case", "claim", "reply", "note", "priority", "assign", "close", "reopen",
	"find", "block", "flag", "risk", "stats", "staff", "export"}

// supervisorOnly are the desk commands agents do not get (kept apart from
// deskCommands, whose handlers build menus themselves).
var supervisorOnly = map[string]bool{"export": true}

// ReporterMenu is everyone's command menu in lang.
func (h *Handler) ReporterMenu(lang string) []mailbox.Command {
	cmds := make([]mailbox.Command, 0, len(reporterCommands))
	for _, c := range reporterCommands {
		cmds = append(cmds, mailbox.Command{Command: c, Description: h.render.Text(lang, flows.M("commands."+c))})
	}
	return cmds
}

// StaffMenu is a staff member's own command menu, in their language, and
// the chat it belongs to: the reporter commands, since a chat's menu
// replaces the default one, then the desk commands their role may use.
func (h *Handler) StaffMenu(st *desk.Staff) (chatID int64, cmds []mailbox.Command) {
	r := staffRecipient(st)
	return r.chatID, staffMenuFor(h.render, r.lang, st.Supervisor())
}

func staffMenuFor(r Renderer, lang string, supervisor bool) []mailbox.Command {
	cmds := make([]mailbox.Command, 0, len(reporterCommands)+len(staffMenu))
	for _, c := range reporterCommands {
		cmds = append(cmds, mailbox.Command{Command: c, Description: r.Text(lang, flows.M("commands."+c))})
	}
	for _, c := range staffMenu {
		if supervisorOnly[c] && !supervisor {
			continue
		}
		cmds = append(cmds, mailbox.Command{Command: c, Description: r.Text(lang, flows.M("desk.command_"+c))})
	}
	return cmds
}

// DeskCommands names the desk's commands, in menu order.
func DeskCommands() []string { return slices.Clone(staffMenu) }
