package bot

import (
	"context"
	"fmt"
	"strings"

	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/flows"
)

// Handle processes one stored update inside its transaction: desk commands
// from staff, a reporter's follow-up to their open case, or a conversation
// step; then it saves the session and queues every message to send.
// Telegram is not called here; the dispatcher sends the outbox after
// commit.
func (h *Handler) Handle(ctx context.Context, ftx flows.Tx, u flows.Update) error {
	upd, ok := parseUpdate(u.Payload)
	if !ok {
		h.log.Warn("rejected malformed update", "update_id", u.UpdateID)
		return nil
	}
	in, ok := toInput(upd)
	if !ok {
		h.log.Info("ignored update", "update_id", u.UpdateID, "chat_id", u.ChatID)
		return nil
	}
	tx, err := asTx(ftx)
	if err != nil {
		return err
	}
	w := &update{h: h, ctx: ctx, tx: tx, desk: tx.Desk(), in: in, prio: u.Priority, now: h.now()}
	w.name, w.replyTo = sender(upd)
	if in.Kind == flows.KindText {
		w.in.Key = h.render.KeyOf(in.Text)
	}
	if q := upd.CallbackQuery; q != nil {
		// Stop the button's spinner first, whatever happens next.
		if err := w.queue(in.ChatID, flows.PriorityHigh, methodAnswerCallback, call{CallbackQueryID: q.ID}, 0); err != nil {
			return err
		}
	}
	if err := h.route(w); err != nil {
		return err
	}
	return tx.Enqueue(ctx, w.now, w.out...)
}

func (h *Handler) route(w *update) error {
	handled, err := h.deskStep(w)
	if handled || err != nil {
		return err
	}
	if !w.in.Private {
		// Group chats get desk commands only; reporters talk to the
		// bot in private.
		return nil
	}
	s, err := w.tx.Session(w.ctx, w.in.ChatID)
	if err != nil {
		return err
	}
	s.UserID = w.in.UserID
	if w.in.MessageID != 0 && w.in.Kind != flows.KindCallback && !w.in.Edited {
		if err := w.tx.RecordMessage(w.ctx, w.in.ChatID, int64(w.in.MessageID), 0, w.now); err != nil {
			return err
		}
	}
	if w.in.Edited {
		return h.liveLocation(w, s)
	}
	if s.Idle() && relayable(w.in) {
		relayed, err := h.relay(w, s)
		if relayed || err != nil {
			return err
		}
	}
	return h.converse(w, s)
}

// converse runs one conversation step and applies what it asks for.
func (h *Handler) converse(w *update, s *flows.Session) error {
	// A step that ends its conversation resets the session; its effects
	// still belong to the case the conversation was feeding.
	w.caseRef = s.Answers[flows.CaseRefKey]
	res, err := h.engine.Step(w.ctx, s, w.in)
	if err != nil {
		return fmt.Errorf("step: %w", err)
	}
	if err := h.apply(w, s, res.Effects); err != nil {
		return err
	}
	if strings.HasPrefix(w.in.Data, flows.DataLanguage) {
		if err := h.staffLanguage(w, s.Language); err != nil {
			return err
		}
	}
	if err := w.tx.SaveSession(w.ctx, s, w.now); err != nil {
		return err
	}
	ref := s.Answers[flows.CaseRefKey]
	for _, rep := range res.Replies {
		fillRef(&rep, ref)
		if err := w.send(w.in.ChatID, s.Lang(), 0, rep); err != nil {
			return err
		}
	}
	return nil
}

// sender returns the display name of an update's sender and the message a
// Telegram reply answers.
func sender(u tgmodels.Update) (name string, replyTo int) {
	var from *tgmodels.User
	switch {
	case u.Message != nil:
		from = u.Message.From
		if r := u.Message.ReplyToMessage; r != nil {
			replyTo = r.ID
		}
	case u.CallbackQuery != nil:
		from = &u.CallbackQuery.From
	case u.EditedMessage != nil:
		from = u.EditedMessage.From
	}
	if from != nil {
		name = strings.TrimSpace(from.FirstName + " " + from.LastName)
	}
	return name, replyTo
}

// fillRef puts the case reference where a reply asked for it.
func fillRef(rep *flows.Reply, ref string) {
	fill := func(m *flows.Msg) {
		for k, v := range m.Vars {
			if _, ok := v.(flows.CaseRef); ok {
				m.Vars[k] = ref
			}
		}
	}
	fill(&rep.Text)
	for i := range rep.Lines {
		fill(&rep.Lines[i])
	}
}

// Abandoned tells the user, in their language, that their update could not
// be processed; the update itself stays in the inbox for the operators.
func (h *Handler) Abandoned(ctx context.Context, tx flows.Tx, u flows.Update) error {
	upd, ok := parseUpdate(u.Payload)
	if !ok {
		return nil
	}
	in, ok := toInput(upd)
	if !ok || !in.Private {
		return nil
	}
	s, err := tx.Session(ctx, in.ChatID)
	if err != nil {
		return err
	}
	s.TelegramLanguage = in.LanguageCode
	msgs, err := h.render.Reply(in.ChatID, s.Lang(), flows.PriorityHigh, flows.Reply{Text: flows.M("common.error")})
	if err != nil {
		return err
	}
	return tx.Enqueue(ctx, h.now(), msgs...)
}
