package bot

import (
	"fmt"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// apply carries out the effects a conversation step recorded, in the
// update's transaction.
func (h *Handler) apply(w *update, s *flows.Session, effects []flows.Effect) error {
	for _, e := range effects {
		var err error
		switch e := e.(type) {
		case flows.OpenCase:
			err = h.openCase(w, s, e)
		case flows.SaveAnswers:
			err = h.withCase(w, s, func(c *desk.Case) error { return h.saveAnswers(w, c, e.Answers) })
		case flows.AddToCase:
			err = h.withCase(w, s, func(c *desk.Case) error { return h.addToCase(w, c, e.Input) })
		case flows.Forget:
			err = h.forget(w, s)
		case flows.ShowStatus:
			err = h.status(w, s)
		case flows.CheckOffer:
			err = h.checkOffer(w, s, e)
		case flows.ReportRecruiter:
			err = h.reportRecruiter(w, s)
		default:
			err = fmt.Errorf("unknown effect %T", e)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// openCase opens the case a conversation asked for, or reuses the
// reporter's open case of the same type (a second /sos adds to the
// first), and alerts the desk.
func (h *Handler) openCase(w *update, s *flows.Session, e flows.OpenCase) error {
	typ, err := desk.ParseType(e.Type)
	if err != nil {
		return err
	}
	prio, err := desk.ParsePriority(e.Priority)
	if err != nil {
		return err
	}
	c, err := openCase(w, typ)
	switch {
	case err == nil && c != nil:
		if len(e.Answers) > 0 {
			if err := w.desk.UpdateAnswers(w.ctx, c.ID, e.Answers, w.now); err != nil {
				return err
			}
		}
		s.Set(flows.CaseRefKey, string(c.Ref))
		if !e.Alert {
			return nil
		}
		return h.alert(w, c, alertFollowUp)
	case err != nil:
		return err
	}
	c, err = w.desk.OpenCase(w.ctx, desk.NewCase{
		Type: typ, Priority: prio, ReporterUserID: w.in.UserID, ReporterChatID: w.in.ChatID,
		ReporterLang: s.Lang(), ReporterName: w.name, Answers: e.Answers,
	}, w.now)
	if err != nil {
		return err
	}
	s.Set(flows.CaseRefKey, string(c.Ref))
	return h.alert(w, c, alertNew)
}

// withCase runs fn on the case the conversation feeds.
func (h *Handler) withCase(w *update, s *flows.Session, fn func(*desk.Case) error) error {
	ref := s.Answers[flows.CaseRefKey]
	if ref == "" {
		ref = w.caseRef
	}
	if ref == "" {
		return fmt.Errorf("conversation %s has no case", s.Flow)
	}
	c, err := w.desk.Case(w.ctx, desk.Ref(ref))
	if err != nil {
		return err
	}
	return fn(c)
}

// forgetWindow is how far back Telegram lets a bot delete messages.
const forgetWindow = 48 * time.Hour

// forget deletes what the bot can delete from the chat, its keyboards
// with it, and leaves one neutral line. The desk keeps the case.
func (h *Handler) forget(w *update, s *flows.Session) error {
	ids, err := w.tx.ChatMessages(w.ctx, w.in.ChatID, w.now.Add(-forgetWindow+time.Minute))
	if err != nil {
		return err
	}
	if w.in.MessageID != 0 {
		ids = append(ids, int64(w.in.MessageID)) // the /forget itself
	}
	for start := 0; start < len(ids); start += 100 { // deleteMessages takes 100 at most
		batch := ids[start:min(start+100, len(ids))]
		c := call{MessageIDs: make([]int, 0, len(batch))}
		for _, id := range batch {
			c.MessageIDs = append(c.MessageIDs, int(id))
		}
		if err := w.queue(w.in.ChatID, flows.PriorityHigh, methodDeleteMessages, c, 0); err != nil {
			return err
		}
	}
	if err := w.tx.ForgetMessages(w.ctx, w.in.ChatID, ids); err != nil {
		return err
	}
	return w.send(w.in.ChatID, s.Lang(), 0, flows.Reply{Text: flows.M("forget.done"), RemoveKeyboard: true})
}

// status lists the reporter's cases (/status).
func (h *Handler) status(w *update, s *flows.Session) error {
	cases, err := w.desk.CasesOf(w.ctx, w.in.ChatID)
	if err != nil {
		return err
	}
	if len(cases) == 0 {
		return w.text(s.Lang(), "status.none")
	}
	rep := flows.Reply{Text: flows.M("status.title")}
	for _, c := range cases {
		rep.Lines = append(rep.Lines, flows.M("status.line", "Ref", c.Ref,
			"Type", flows.M("case.type_"+string(c.Type)), "Status", flows.M("case.status_"+string(c.Status)),
			"Date", c.CreatedAt.In(desk.DefaultLocation()).Format("2006-01-02")))
	}
	return w.send(w.in.ChatID, s.Lang(), 0, rep)
}

// staffLanguage keeps a staff member's desk language in step with the
// language they pick in the bot.
func (h *Handler) staffLanguage(w *update, lang string) error {
	if lang == "" {
		return nil
	}
	err := w.desk.SetStaffLanguage(w.ctx, w.in.UserID, lang, w.now)
	if flows.ErrorCode(err) == flows.ENotFound {
		return nil
	}
	return err
}
