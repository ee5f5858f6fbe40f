package app

import (
	"context"
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/app/staff/checkins"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// alertCheckInHelp: the reporter answered a check-in "I need help".
const alertCheckInHelp alertKind = "desk.checkin_help"

// CheckIns runs the safety check-ins due now: a prompt whose time has
// come goes to the reporter, quietly and in their language; a prompt left
// unanswered past its grace time is escalated, once, to the officer on
// the case and the supervisors. Replicas running it at the same time
// split the check-ins between them. It returns how many it handled.
func (h *Handler) CheckIns(ctx context.Context, tx mailbox.Tx) (int, error) {
	now := h.now()
	t := &turn{h: h, ctx: ctx, tx: tx, desk: tx.Desk(), prio: mailbox.PriorityHigh, now: now}
	due, err := t.desk.CheckInsDue(ctx, now)
	if err != nil {
		return 0, err
	}
	for i := range due {
		if err := h.checkIn(t, &due[i]); err != nil {
			return 0, err
		}
	}
	return len(due), tx.Enqueue(ctx, now, t.out...)
}

func (h *Handler) checkIn(t *turn, ci *desk.CheckIn) error {
	c, err := t.desk.CaseByID(t.ctx, ci.CaseID)
	if err != nil {
		return err
	}
	switch {
	case ci.AnsweredByWriting():
		// "OK", "괜찮아요", a photo: whoever wrote since the prompt is
		// there, and the desk must not hear that they missed it (or,
		// when it already did, hears that they wrote after all).
		if _, err := t.desk.AddEvent(t.ctx, c.ID, checkins.Event(desk.CheckInWrote, 0, ci, *ci.WroteAt)); err != nil {
			return err
		}
		if err := h.checkInLate(t, c, ci, desk.CheckInWrote); err != nil {
			return err
		}
		ci.PromptedAt, ci.EscalatedAt = nil, nil
	case ci.Overdue(t.now):
		if err := h.checkInMissed(t, c, ci); err != nil {
			return err
		}
		now := t.now
		ci.EscalatedAt = &now
	}
	if !t.now.Before(ci.NextAt) {
		if _, err := t.desk.AddEvent(t.ctx, c.ID, checkins.Event(desk.CheckInPrompted, 0, ci, t.now)); err != nil {
			return err
		}
		if err := t.send(c.ReporterChatID, reporterLang(c), c.ID, checkins.Prompt(c.Ref)); err != nil {
			return err
		}
		now := t.now
		ci.PromptedAt, ci.EscalatedAt = &now, nil
		for !t.now.Before(ci.NextAt) {
			ci.NextAt = ci.NextAt.Add(ci.Every) // one prompt, however long the bot was down
		}
	}
	return t.desk.SaveCheckIn(t.ctx, *ci)
}

// checkInMissed tells the officer on the case and the supervisors that
// the reporter did not answer a check-in.
func (h *Handler) checkInMissed(t *turn, c *desk.Case, ci *desk.CheckIn) error {
	if _, err := t.desk.AddEvent(t.ctx, c.ID, checkins.Event(desk.CheckInMissed, 0, ci, t.now)); err != nil {
		return err
	}
	return h.toCheckInStaff(t, c, mailbox.PriorityUrgent, func(lang string) flows.Msg {
		return flows.M("desk.checkin_missed", "Ref", c.Ref, "Time", checkins.Clock(*ci.PromptedAt),
			"Lang", flows.LanguageNames[c.ReporterLang], "Name", c.ReporterName)
	})
}

// checkInLate tells those checkInMissed told, when the prompt ci answers
// (by what, a desk.CheckIn* answer) was escalated, that the reporter
// answered it after all: an officer must not go on treating them as
// missing. A prompt not escalated tells nobody.
func (h *Handler) checkInLate(t *turn, c *desk.Case, ci *desk.CheckIn, what string) error {
	if ci == nil || ci.EscalatedAt == nil || ci.PromptedAt == nil {
		return nil
	}
	return h.toCheckInStaff(t, c, mailbox.PriorityHigh, func(lang string) flows.Msg {
		return flows.M("desk.checkin_late", "Ref", c.Ref, "Time", checkins.Clock(*ci.PromptedAt),
			"Answer", h.render.Text(lang, flows.M("desk.checkin_event_"+what)),
			"Lang", flows.LanguageNames[c.ReporterLang], "Name", c.ReporterName)
	})
}

// toCheckInStaff sends the officer on the case and the supervisors, each
// once and in their language, the message msg makes, with the case's
// buttons.
func (h *Handler) toCheckInStaff(t *turn, c *desk.Case, p mailbox.Priority, msg func(lang string) flows.Msg) error {
	staffs, err := t.desk.Supervisors(t.ctx)
	if err != nil {
		return err
	}
	if c.AssigneeID != nil {
		st, err := t.desk.Staff(t.ctx, *c.AssigneeID)
		switch {
		case err == nil:
			staffs = append([]desk.Staff{*st}, staffs...)
		case flows.ErrorCode(err) != flows.ENotFound:
			return err
		}
	}
	seen := map[int64]bool{}
	for i := range staffs {
		r := staff.Recipient(&staffs[i])
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		body := mailbox.Call{Text: h.render.Text(r.Lang, msg(r.Lang)), Inline: h.staff.CaseButtons(r.Lang, c)}
		if err := t.queue(r.ID, p, mailbox.MethodSendMessage, body, c.ID); err != nil {
			return err
		}
	}
	return nil
}

// checkInAnswer takes a reporter's tap on a check-in button: "I'm OK"
// goes on the timeline; "I need help" also makes the case urgent, opens
// it again if it was closed, and alerts the officers on duty. A button
// of another chat's case, or forged, is refused like any stale button.
func (h *Handler) checkInAnswer(t *turn, lang string) error {
	action, ref, _ := strings.Cut(strings.TrimPrefix(t.in.Data, checkins.Data), ":")
	c, err := h.checkInCase(t, ref)
	if err != nil || c == nil || (action != checkins.DataOK && action != checkins.DataHelp) {
		if err == nil {
			h.log.Warn("refused stale or forged check-in button", "chat_id", t.in.ChatID)
			err = t.text(lang, "common.stale_button")
		}
		return err
	}
	what := desk.CheckInOK
	if action == checkins.DataHelp {
		what = desk.CheckInHelp
	}
	return h.checkInAnswered(t, c, what)
}

// checkInAnswered takes a reporter's answer to a check-in (what is
// desk.CheckInOK or desk.CheckInHelp): the prompt no longer waits, the
// answer goes on the timeline (and to those told it was missed), "I need
// help" makes the case urgent and alerts the officers on duty, and the
// reporter is thanked.
func (h *Handler) checkInAnswered(t *turn, c *desk.Case, what string) error {
	ci, err := t.desk.AnswerCheckIn(t.ctx, c.ID)
	switch {
	case err == nil:
	case flows.ErrorCode(err) == flows.ENotFound: // stopped since: the answer still counts
		ci = nil
	default:
		return err
	}
	thanks := "checkin.thanks_ok"
	if what == desk.CheckInHelp {
		thanks = "checkin.thanks_help"
	}
	if _, err := t.desk.AddEvent(t.ctx, c.ID, checkins.Event(what, 0, ci, t.now)); err != nil {
		return err
	}
	if err := h.checkInLate(t, c, ci, what); err != nil {
		return err
	}
	if what == desk.CheckInHelp {
		if c, err = h.needHelp(t, c); err != nil {
			return err
		}
	}
	return t.send(t.in.ChatID, reporterLang(c), c.ID, flows.Reply{Text: flows.M(thanks)})
}

// typedHelp reports whether a reporter's message is the word the desk's
// check-in message asks them to write when they need help ("answer with
// one word: OK, or HELP", in every language).
func typedHelp(in flows.Input) bool {
	return in.Kind == flows.KindText && strings.EqualFold(strings.Trim(in.Text, " \t\n.!?"), "help")
}

// checkInCase is the case a check-in button names, when it is the
// pressing chat's own; nil otherwise.
func (h *Handler) checkInCase(t *turn, ref string) (*desk.Case, error) {
	r, err := desk.ParseRef(ref)
	if err != nil {
		return nil, nil
	}
	c, err := t.desk.Case(t.ctx, r)
	if flows.ErrorCode(err) == flows.ENotFound || err == nil && c.ReporterChatID != t.in.ChatID {
		return nil, nil
	}
	return c, err
}

// needHelp makes a case urgent (open again if it was closed) and alerts
// the officers on duty.
func (h *Handler) needHelp(t *turn, c *desk.Case) (*desk.Case, error) {
	var err error
	if !c.Open() {
		if c, err = t.desk.Reopen(t.ctx, c.Ref, 0, t.now); err != nil {
			return nil, err
		}
	}
	if c.Priority != desk.PriorityUrgent {
		if c, err = t.desk.SetPriority(t.ctx, c.Ref, desk.PriorityUrgent, 0, t.now); err != nil {
			return nil, err
		}
	}
	if c.Blocked { // recorded, like a blocked reporter's /sos, not alerted
		return c, nil
	}
	// Pressed again and again, it alerts the desk once in a while, like a
	// repeated /sos; each press is on the timeline.
	again, err := t.tx.Throttle(t.ctx, "checkin_help:"+strconv.FormatInt(c.ID, 10), t.now, realertAfter)
	if err != nil || !again {
		return c, err
	}
	prio := t.prio
	t.prio = mailbox.PriorityUrgent
	defer func() { t.prio = prio }()
	return c, h.alert(t, c, alertCheckInHelp)
}

// reporterLang is the language a case's reporter reads.
func reporterLang(c *desk.Case) string {
	if l := flows.MatchLanguage(c.ReporterLang); l != "" {
		return l
	}
	return "en"
}
