package app

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// ReporterMenu is everyone's command menu in lang: the commands the
// engine understands, its conversations' among them.
func (h *Handler) ReporterMenu(lang string) []mailbox.Command {
	names := h.engine.Commands()
	cmds := make([]mailbox.Command, 0, len(names))
	for _, c := range names {
		cmds = append(cmds, mailbox.Command{Command: c, Description: h.render.Text(lang, flows.M("commands."+c))})
	}
	return cmds
}

// StaffMenu is a staff member's own command menu and the chat it belongs
// to (see staff.Desk.StaffMenu).
func (h *Handler) StaffMenu(st *desk.Staff) (chatID int64, cmds []mailbox.Command) {
	return h.staff.StaffMenu(st)
}

// Urgent reports whether an input starts an urgent conversation, whose
// update jumps the inbox queue.
func (h *Handler) Urgent(in flows.Input) bool { return h.engine.Urgent(in) }
