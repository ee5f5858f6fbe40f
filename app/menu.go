package app

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// reporterCommands are shown in every user's command menu, in this order.
var reporterCommands = []string{"start", "sos", "check", "family", "status", "help", "language", "cancel", "forget"}

// ReporterMenu is everyone's command menu in lang.
func (h *Handler) ReporterMenu(lang string) []mailbox.Command {
	cmds := make([]mailbox.Command, 0, len(reporterCommands))
	for _, c := range reporterCommands {
		cmds = append(cmds, mailbox.Command{Command: c, Description: h.render.Text(lang, flows.M("commands."+c))})
	}
	return cmds
}

// StaffMenu is a staff member's own command menu and the chat it belongs
// to (see staff.Desk.StaffMenu).
func (h *Handler) StaffMenu(st *desk.Staff) (chatID int64, cmds []mailbox.Command) {
	return h.staff.StaffMenu(st)
}
