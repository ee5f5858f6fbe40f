// Package staff is the Korean Desk's staff side of the bot: the desk
// commands (one file each, listed in one table, Commands), the desk's
// buttons, a staff member's Telegram reply to a case message, and the
// views of cases that staff see, alerts included. It runs inside an
// update's transaction and writes what must be sent to the outbox; it
// never talks to Telegram and runs no SQL of its own.
package staff

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Desk runs staff input.
type Desk struct {
	render mailbox.Renderer
	log    *slog.Logger
	// sealer opens sealed passport numbers and hashes the ones /find
	// looks for; nil when there is no data key.
	sealer *desk.Sealer
	// reporterMenu is the start of every staff member's command menu.
	reporterMenu func(lang string) []mailbox.Command
	// deskChat is the desk's group (0: none), the only group where desk
	// commands and buttons work.
	deskChat int64
	// partners are those cases may be referred to (/refer).
	partners desk.Partners
}

// WithDeskChat names the desk's group chat.
func (h *Desk) WithDeskChat(chatID int64) *Desk {
	h.deskChat = chatID
	return h
}

// New returns the desk's staff side, writing with render; reporterMenu
// gives the commands every user sees, which start a staff member's menu.
func New(render mailbox.Renderer, log *slog.Logger, reporterMenu func(lang string) []mailbox.Command) *Desk {
	return &Desk{render: render, log: log.With("component", "staff"), reporterMenu: reporterMenu}
}

// WithSealer lets /case open sealed passport numbers and /find look them up.
func (h *Desk) WithSealer(s *desk.Sealer) *Desk {
	h.sealer = s
	return h
}

// Cmd is one desk command, button press or case reply by a staff member,
// inside its update's transaction.
type Cmd struct {
	h     *Desk
	ctx   context.Context
	tx    mailbox.Tx
	desk  desk.Store
	in    flows.Input
	prio  mailbox.Priority
	now   time.Time
	staff *desk.Staff
	lang  string // the staff member's language
	args  string
	// cmd is the table entry being run: its usage and audit action.
	cmd *Command
	out *[]mailbox.Message
}

// Handle runs desk commands, desk buttons and staff replies to case
// messages, queueing what it sends on out. It returns false for anything
// else, and for anyone who is not active staff, so their input goes on as
// a reporter's: for them a desk command is an unknown command like any
// other.
func (h *Desk) Handle(ctx context.Context, tx mailbox.Tx, in flows.Input, p mailbox.Priority, now time.Time, out *[]mailbox.Message) (bool, error) {
	cmd, isCmd, isButton := deskInput(in)
	isReply := in.ReplyTo != 0 && in.Kind != flows.KindCommand && in.Kind != flows.KindCallback
	if !isCmd && !isButton && !isReply {
		return false, nil
	}
	d := &Cmd{h: h, ctx: ctx, tx: tx, desk: tx.Desk(), in: in, prio: p, now: now, out: out}
	st, err := d.desk.Staff(ctx, in.UserID)
	if flows.ErrorCode(err) == flows.ENotFound {
		if isCmd || isButton {
			h.log.Warn("refused desk input from non-staff", "user_id", in.UserID, "chat_id", in.ChatID, "command", in.Command)
		}
		return false, nil
	}
	if err != nil {
		return true, err
	}
	if in.SenderName != "" && in.SenderName != st.Name {
		if err := d.desk.SetStaffName(ctx, st.UserID, in.SenderName, st.Username, now); err != nil {
			return true, err
		}
	}
	d.staff, d.lang, d.args = st, Recipient(st).Lang, strings.TrimSpace(in.Args)
	if !in.Private {
		// The group's membership is Telegram's, not the staff table's:
		// desk commands work only in the desk's own group, their answers
		// (a case, a passport number, a map pin) go to the officer's
		// private chat, and a reply in the group never reaches a reporter
		// (/reply does).
		if h.deskChat == 0 || in.ChatID != h.deskChat {
			h.log.Warn("refused desk input in a group that is not the desk's", "user_id", in.UserID, "chat_id", in.ChatID)
			return true, nil
		}
		if !isCmd && !isButton {
			return true, nil
		}
		d.in.ChatID = Recipient(st).ID
	}
	switch {
	case isCmd:
		return true, d.run(cmd)
	case isButton:
		return true, d.button()
	}
	caseID, err := tx.MessageCase(ctx, in.ChatID, int64(in.ReplyTo))
	if flows.ErrorCode(err) == flows.ENotFound {
		return false, nil // a reply to something that is not about a case
	}
	if err != nil {
		return true, err
	}
	c, err := d.desk.CaseByID(ctx, caseID)
	if err != nil {
		return true, err
	}
	d.cmd = byName["reply"]
	if in.Kind != flows.KindText { // a photo's caption alone would go, the photo not
		return true, d.say("desk.reply_text_only", "Ref", c.Ref)
	}
	return true, d.replyWith(c, in.Text)
}

// run runs a table entry, after the role check; a command with
// sub-commands (/staff) and no valid one shows the usage of those the
// staff member may use.
func (d *Cmd) run(cmd *Command) error {
	d.cmd = cmd
	if cmd.Run == nil {
		return d.say("desk.usage", "Usage", usageOf(cmd.Name, d.staff))
	}
	if !may(d.staff, cmd.Role) {
		return d.say("desk.supervisors_only")
	}
	if sub := strings.TrimPrefix(cmd.Name, cmd.word()); sub != "" {
		_, d.args = cutWord(d.args)
	}
	return cmd.Run(d)
}

// send renders a reply in lang for chatID and queues it; caseID links the
// sent message to a case (0 for none).
func (d *Cmd) send(chatID int64, lang string, caseID int64, rep flows.Reply) error {
	msgs, err := d.h.render.Reply(chatID, lang, d.prio, rep)
	if err != nil {
		return err
	}
	for i := range msgs {
		msgs[i].CaseID = caseID
	}
	*d.out = append(*d.out, msgs...)
	return nil
}

// queue adds a raw call.
func (d *Cmd) queue(chatID int64, p mailbox.Priority, method string, c mailbox.Call, caseID int64) error {
	o, err := mailbox.New(chatID, p, method, c)
	if err != nil {
		return err
	}
	o.CaseID = caseID
	*d.out = append(*d.out, o)
	return nil
}

// usage answers with the command's usage; ref, when given, replaces the
// example reference in it.
func (d *Cmd) usage(ref desk.Ref) error {
	u := d.cmd.Usage
	if ref != "" {
		u = strings.Replace(u, exampleRef, string(ref), 1)
	}
	return d.say("desk.usage", "Usage", u)
}
