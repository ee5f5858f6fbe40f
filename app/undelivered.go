package app

import (
	"context"
	"strconv"
	"time"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Nothing that affects a person fails silently: what the transport could
// not do reaches a person on the desk, in their language, in private.

// reasonRunes bounds the reason shown to staff.
const reasonRunes = 200

// SetAside tells the supervisors that an update of chatID was set aside
// (failed after its attempts, or quarantined): the chat, its open case,
// and why; /failed lists it and can retry it.
func (h *Handler) SetAside(ctx context.Context, tx mailbox.Tx, chatID, updateID int64, reason string) error {
	t := h.background(ctx, tx)
	ref := "—"
	if c, err := t.desk.OpenCaseOf(ctx, chatID); err == nil {
		ref = string(c.Ref)
	} else if flows.ErrorCode(err) != flows.ENotFound {
		return err
	}
	return h.toSupervisors(t, 0, "desk.update_set_aside", "Chat", chatID, "Ref", ref, "Update", updateID,
		"Reason", oneLine(reason))
}

// Undelivered tells the desk about a message to chatID, queued at queued,
// that was given up: a group's refusal (the desk group removed the bot, or
// moved) goes to the supervisors; a message to a case's reporter (an
// officer's /reply, a closing notice) goes to the staff member whose
// action queued it, or else the officer who last answered the case, or
// who has it, or else to the supervisors. refused says the chat itself refuses the bot (blocked, never
// started): a staff member's such chat is reported to the supervisors.
func (h *Handler) Undelivered(ctx context.Context, tx mailbox.Tx, chatID, caseID int64, queued time.Time, reason string, refused bool) error {
	t := h.background(ctx, tx)
	if chatID == h.deskChat || chatID < 0 {
		// A group that refuses the bot refuses every alert: the
		// supervisors hear of it once in a while, not once a message.
		alert, err := tx.Throttle(ctx, "group_unreachable:"+strconv.FormatInt(chatID, 10), t.now, groupAlertEvery)
		if err != nil || !alert {
			return err
		}
		return h.toSupervisorsReply(t, 0, flows.Reply{
			Text:  flows.M("desk.group_unreachable", "Chat", chatID, "Reason", oneLine(reason)),
			Lines: []flows.Msg{flows.M("desk.group_unreachable_throttled", "Minutes", int(groupAlertEvery.Minutes()))}})
	}
	if refused {
		if told, err := h.staffUnreachable(t, chatID, caseID, reason); told || err != nil {
			return err
		}
	}
	if caseID == 0 {
		return nil
	}
	c, err := t.desk.CaseByID(ctx, caseID)
	if err != nil || c.ReporterChatID != chatID {
		return err
	}
	officer, err := h.responsible(t, c, queued)
	if err != nil {
		return err
	}
	if officer == nil {
		// Nobody has the case or answered on it (a supervisor closed a
		// fresh report, check-ins on an unclaimed case): the supervisors
		// hear of it rather than nobody.
		return h.toSupervisors(t, c.ID, "desk.reporter_undelivered", "Ref", c.Ref, "Reason", oneLine(reason))
	}
	r := staff.Recipient(officer)
	if err := t.send(r.ID, r.Lang, c.ID, flows.Reply{Text: flows.M("desk.reply_undelivered", "Ref", c.Ref,
		"Reason", oneLine(reason))}); err != nil {
		return err
	}
	return tx.Enqueue(ctx, t.now, t.out...)
}

// staffUnreachable tells the supervisors, once in a while, that a staff
// member's private chat refuses the bot (blocked, or never started): they
// miss every alert and answer meant for them. It reports whether chatID
// is such a chat (and not, as well, the reporter of the message's case).
func (h *Handler) staffUnreachable(t *turn, chatID, caseID int64, reason string) (bool, error) {
	st, err := t.desk.Staff(t.ctx, chatID)
	if flows.ErrorCode(err) == flows.ENotFound || err == nil && staff.Recipient(st).ID != chatID {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if caseID != 0 {
		c, err := t.desk.CaseByID(t.ctx, caseID)
		if err != nil {
			return false, err
		}
		if c.ReporterChatID == chatID { // staff reporting as anyone may
			return false, nil
		}
	}
	alert, err := t.tx.Throttle(t.ctx, "staff_unreachable:"+strconv.FormatInt(chatID, 10), t.now, groupAlertEvery)
	if err != nil || !alert {
		return true, err
	}
	who := st.Name + " (#" + strconv.FormatInt(st.UserID, 10) + ")"
	if st.Username != "" {
		who = st.Name + " (@" + st.Username + ")"
	}
	sups, err := t.desk.Supervisors(t.ctx)
	if err != nil {
		return true, err
	}
	rep := flows.Reply{Text: flows.M("desk.staff_unreachable", "Who", who, "Reason", oneLine(reason)),
		Lines: []flows.Msg{flows.M("desk.group_unreachable_throttled", "Minutes", int(groupAlertEvery.Minutes()))}}
	for i := range sups {
		if r := staff.Recipient(&sups[i]); r.ID != chatID { // not to the chat that refuses
			if err := t.send(r.ID, r.Lang, 0, rep); err != nil {
				return true, err
			}
		}
	}
	if len(t.out) == 0 {
		h.log.Error("no supervisor to tell", "message", rep.Text.ID, "chat_id", chatID)
	}
	return true, t.tx.Enqueue(t.ctx, t.now, t.out...)
}

// responsible is the staff member whose action queued a message to the
// case's reporter at queued (a /reply, a /close, a /checkin): whoever is
// on the case's timeline at that very instant, the transaction that
// queued it. Without one (a check-in prompt the escalator queued later),
// the officer who last answered the reporter, or the case's assignee; nil
// when there is none of them.
func (h *Handler) responsible(t *turn, c *desk.Case, queued time.Time) (*desk.Staff, error) {
	events, err := t.desk.Timeline(t.ctx, c.ID, 50)
	if err != nil {
		return nil, err
	}
	var actor, replied, assignee int64
	for _, e := range events {
		switch {
		case e.ActorID == 0:
		case e.At.Equal(queued):
			actor = e.ActorID
		case e.Kind == desk.EventReplyOut:
			replied = e.ActorID
		}
	}
	if c.AssigneeID != nil {
		assignee = *c.AssigneeID
	}
	for _, id := range []int64{actor, replied, assignee} {
		if id == 0 {
			continue
		}
		st, err := t.desk.Staff(t.ctx, id)
		if flows.ErrorCode(err) != flows.ENotFound {
			return st, err
		}
	}
	return nil, nil
}

// groupAlertEvery is how often the supervisors hear that the desk group
// refuses the bot's messages, while it does.
const groupAlertEvery = 15 * time.Minute

// toSupervisors sends one message to every active supervisor, in private.
func (h *Handler) toSupervisors(t *turn, caseID int64, id string, kv ...any) error {
	return h.toSupervisorsReply(t, caseID, flows.Reply{Text: flows.M(id, kv...)})
}

// toSupervisorsReply sends rep to every active supervisor, in private.
func (h *Handler) toSupervisorsReply(t *turn, caseID int64, rep flows.Reply) error {
	sups, err := t.desk.Supervisors(t.ctx)
	if err != nil {
		return err
	}
	if len(sups) == 0 {
		h.log.Error("no supervisor to tell", "message", rep.Text.ID)
	}
	for i := range sups {
		r := staff.Recipient(&sups[i])
		if err := t.send(r.ID, r.Lang, caseID, rep); err != nil {
			return err
		}
	}
	return t.tx.Enqueue(t.ctx, t.now, t.out...)
}

// background is the work of a transaction that belongs to no input.
func (h *Handler) background(ctx context.Context, tx mailbox.Tx) *turn {
	return &turn{h: h, ctx: ctx, tx: tx, desk: tx.Desk(), prio: mailbox.PriorityUrgent, now: h.now()}
}

// oneLine keeps a failure's reason to one plain line of a staff message,
// at most reasonRunes long.
func oneLine(s string) string { return mailbox.Truncate(mailbox.OneLine(s), reasonRunes) }

// deskInputFailed tells a staff member whose desk input was set aside
// (a desk command or button in the desk group or in private, a Telegram
// reply to a case message), in private and in their desk language, that
// nothing of it was applied: answers to desk input come in private, where
// they would otherwise wait for one that never comes, and a reporter's
// "your message has been kept" is not true of a command. The supervisors
// hear of it through SetAside. It reports whether in was such an input.
func (h *Handler) deskInputFailed(ctx context.Context, tx mailbox.Tx, in flows.Input) (bool, error) {
	if ok, err := h.deskInput(ctx, tx, in); !ok || err != nil {
		return false, err
	}
	st, err := tx.Desk().Staff(ctx, in.UserID)
	if flows.ErrorCode(err) == flows.ENotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	msg := flows.M("desk.button_set_aside")
	switch in.Kind {
	case flows.KindCommand:
		msg = flows.M("desk.command_set_aside", "Command", "/"+in.Command)
	case flows.KindCallback:
	default: // a reply to a case message is a /reply
		msg = flows.M("desk.command_set_aside", "Command", "/reply")
	}
	r := staff.Recipient(st)
	msgs, err := h.render.Reply(r.ID, r.Lang, mailbox.PriorityHigh, flows.Reply{Text: msg})
	if err != nil {
		return false, err
	}
	return true, tx.Enqueue(ctx, h.now(), msgs...)
}

// deskInput reports whether in was meant for the desk (if its sender is
// staff): in the desk group, a command or a button; in private, a desk
// command or button, or a reply to a message about a case.
func (h *Handler) deskInput(ctx context.Context, tx mailbox.Tx, in flows.Input) (bool, error) {
	switch {
	case in.Edited: // an edit never runs a desk command
		return false, nil
	case !in.Private:
		return h.deskChat != 0 && in.ChatID == h.deskChat && (in.Kind == flows.KindCommand || in.Kind == flows.KindCallback), nil
	case staff.IsDeskInput(in):
		return true, nil
	case in.ReplyTo == 0 || in.Kind == flows.KindCommand || in.Kind == flows.KindCallback:
		return false, nil
	}
	_, err := tx.MessageCase(ctx, in.ChatID, int64(in.ReplyTo))
	if flows.ErrorCode(err) == flows.ENotFound {
		return false, nil
	}
	return err == nil, err
}
