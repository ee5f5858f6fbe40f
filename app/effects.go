package app

import (
	"fmt"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// apply carries out the effects a conversation step recorded, in the
// update's transaction.
func (h *Handler) apply(t *turn, s *flows.Session, effects []flows.Effect) error {
	for _, e := range effects {
		var err error
		switch e := e.(type) {
		case flows.OpenCase:
			err = h.openCase(t, s, e)
		case flows.SaveAnswers:
			err = h.withCase(t, s, func(c *desk.Case) error { return h.saveAnswers(t, c, e.Answers) })
		case flows.AddToCase:
			err = h.withCase(t, s, func(c *desk.Case) error {
				if e.Keep {
					return keepFiles(t, c, []flows.Input{e.Input})
				}
				return h.addToCase(t, c, e.Input)
			})
		case flows.Forget:
			err = h.forget(t, s)
		case flows.ShowStatus:
			err = h.status(t, s)
		case flows.Quiet:
			err = h.quietAsked(t, s, e.On)
		case flows.CheckOffer:
			err = h.checkOffer(t, s, e)
		case flows.ReportRecruiter:
			err = h.reportRecruiter(t, s)
		default:
			err = fmt.Errorf("unknown effect %T", e)
		}
		if err != nil || t.capped {
			return err // over the daily cap: nothing more of this step applies
		}
	}
	return nil
}

// openCase opens the case a conversation asked for, or reuses the
// reporter's open case of the same type and subject (a second /sos adds
// to the first; a second inquiry about the same relative adds to the
// first, one about another relative is a case of its own), and alerts
// the desk.
func (h *Handler) openCase(t *turn, s *flows.Session, e flows.OpenCase) error {
	typ, err := desk.ParseType(e.Type)
	if err != nil {
		return err
	}
	prio, err := desk.ParsePriority(e.Priority)
	if err != nil {
		return err
	}
	c, err := openCaseFor(t, typ, e)
	switch {
	case err == nil && c != nil:
		if len(e.Answers) > 0 {
			if err := t.desk.UpdateAnswers(t.ctx, c.ID, e.Answers, t.now); err != nil {
				return err
			}
		}
		s.Set(flows.CaseRefKey, string(c.Ref))
		if err := h.addFiles(t, c, s); err != nil {
			return err
		}
		if !e.Alert || c.Blocked {
			return nil // a blocked reporter's /sos is recorded, not alerted
		}
		// A reporter pressing /sos again and again alerts the desk once in
		// a while, not every time; they still get their case reference.
		again, err := t.desk.MarkRealerted(t.ctx, c.ID, t.now, realertAfter)
		if err != nil || !again {
			return err
		}
		return h.alert(t, c, alertFollowUp)
	case err != nil:
		return err
	}
	if typ != desk.TypeDistress { // a person in danger is never capped
		if t.capped, err = h.overCap(t); err != nil || t.capped {
			return err
		}
	}
	c, err = t.desk.OpenCase(t.ctx, desk.NewCase{
		Type: typ, Priority: prio, ReporterUserID: t.in.UserID, ReporterChatID: t.in.ChatID,
		ReporterLang: s.Lang(), ReporterName: t.in.SenderName, Answers: e.Answers,
	}, t.now)
	if err != nil {
		return err
	}
	s.Set(flows.CaseRefKey, string(c.Ref))
	if err := h.addFiles(t, c, s); err != nil {
		return err
	}
	// /block covers the reporter, not one case: their new cases are
	// recorded and in the queue, but alert nobody.
	if blocked, err := t.desk.ReporterBlocked(t.ctx, t.in.ChatID); err != nil || blocked {
		return err
	}
	return h.alert(t, c, alertNew)
}

// addFiles puts the files sent before the case on it and forwards them
// to whoever hears the case's follow-ups, as a distress report does with
// its own when it begins (a family inquiry's photo of the relative, sent
// before the name opened the case); the officer who takes the case later
// is shown them then (staff.showFiles).
func (h *Handler) addFiles(t *turn, c *desk.Case, s *flows.Session) error {
	for _, f := range flows.TakeFiles(s, t.in) {
		if err := h.addToCase(t, c, f); err != nil {
			return err
		}
	}
	return nil
}

// realertAfter is how long a case's repeated /sos stays quiet at the desk.
const realertAfter = 10 * time.Minute

// withCase runs fn on the case the conversation feeds.
func (h *Handler) withCase(t *turn, s *flows.Session, fn func(*desk.Case) error) error {
	ref := s.Answers[flows.CaseRefKey]
	if ref == "" {
		ref = t.caseRef
	}
	if ref == "" {
		return fmt.Errorf("conversation %s has no case", s.Flow)
	}
	c, err := t.desk.Case(t.ctx, desk.Ref(ref))
	if err != nil {
		return err
	}
	return fn(c)
}

// forgetWindow is how far back Telegram lets a bot delete messages.
const forgetWindow = 48 * time.Hour

// forget deletes what the bot can delete from the chat, its keyboards
// with it, and leaves one neutral line. The desk keeps the case.
func (h *Handler) forget(t *turn, s *flows.Session) error {
	ids, err := t.tx.ChatMessages(t.ctx, t.in.ChatID, t.now.Add(-forgetWindow+time.Minute))
	if err != nil {
		return err
	}
	if t.in.MessageID != 0 {
		ids = append(ids, int64(t.in.MessageID)) // the /forget itself
	}
	for start := 0; start < len(ids); start += 100 { // deleteMessages takes 100 at most
		batch := ids[start:min(start+100, len(ids))]
		c := mailbox.Call{MessageIDs: make([]int, 0, len(batch))}
		for _, id := range batch {
			c.MessageIDs = append(c.MessageIDs, int(id))
		}
		if err := t.queue(t.in.ChatID, mailbox.PriorityHigh, mailbox.MethodDeleteMessages, c, 0); err != nil {
			return err
		}
	}
	if err := t.tx.ForgetMessages(t.ctx, t.in.ChatID, ids); err != nil {
		return err
	}
	// The phone may be inspected: from now on the desk's messages arrive
	// silently, and the officer sees why on the timeline before writing.
	if err := h.quiet(t, t.in.ChatID, desk.EventForget); err != nil {
		return err
	}
	return t.send(t.in.ChatID, s.Lang(), 0, flows.Reply{Text: flows.M("forget.done"), RemoveKeyboard: true})
}

// status lists the reporter's cases (/status).
func (h *Handler) status(t *turn, s *flows.Session) error {
	cases, err := t.desk.CasesOf(t.ctx, t.in.ChatID)
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		return t.text(s.Lang(), "status.none")
	}
	rep := flows.Reply{Text: flows.M("status.title")}
	for _, c := range cases {
		rep.Lines = append(rep.Lines, flows.M("status.line", "Ref", c.Ref,
			"Type", flows.M("case.type_"+string(c.Type)), "Status", flows.M("case.status_"+string(c.Status)),
			"Date", c.CreatedAt.In(desk.DefaultLocation()).Format("2006-01-02")))
	}
	return t.send(t.in.ChatID, s.Lang(), 0, rep)
}

// staffLanguage keeps a staff member's desk language in step with the
// language they pick in the bot.
func (h *Handler) staffLanguage(t *turn, lang string) error {
	if lang == "" {
		return nil
	}
	err := t.desk.SetStaffLanguage(t.ctx, t.in.UserID, lang, t.now)
	if flows.ErrorCode(err) == flows.ENotFound {
		return nil
	}
	return err
}

// quietAsked turns quiet mode on or off at the person's request (/quiet),
// notes it on the timeline of each open case, so the officer knows before
// writing, and answers; turned on, the answer itself arrives silently.
func (h *Handler) quietAsked(t *turn, s *flows.Session, on bool) error {
	if err := t.tx.SetQuiet(t.ctx, t.in.ChatID, on, t.now); err != nil {
		return err
	}
	cases, err := t.desk.CasesOf(t.ctx, t.in.ChatID)
	if err != nil {
		return err
	}
	state := map[bool]string{true: "on", false: "off"}[on]
	for _, c := range cases {
		if !c.Open() {
			continue
		}
		e := desk.Event{Kind: desk.EventQuiet, At: t.now, Data: map[string]string{"asked": state}}
		if _, err := t.desk.AddEvent(t.ctx, c.ID, e); err != nil {
			return err
		}
	}
	return t.text(s.Lang(), "quiet."+state)
}

// quiet puts the reporter's chat in quiet mode (everything the bot sends
// there arrives without sound) and notes why on the timeline of their
// open cases.
func (h *Handler) quiet(t *turn, chatID int64, why desk.EventKind) error {
	if err := t.tx.SetQuiet(t.ctx, chatID, true, t.now); err != nil {
		return err
	}
	cases, err := t.desk.CasesOf(t.ctx, chatID)
	if err != nil {
		return err
	}
	for _, c := range cases {
		if !c.Open() {
			continue
		}
		if _, err := t.desk.AddEvent(t.ctx, c.ID, desk.Event{Kind: why, At: t.now}); err != nil {
			return err
		}
	}
	return nil
}
