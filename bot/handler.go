package bot

import (
	"context"
	"fmt"

	"github.com/koreandesk/hotline/flows"
)

// Handle processes one stored update inside its transaction: it runs the
// conversation step, saves the session and queues every reply. Telegram is
// not called here; the dispatcher sends the outbox after commit.
func (h *Handler) Handle(ctx context.Context, tx flows.Tx, u flows.Update) error {
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
	var out []flows.Outgoing
	if upd.CallbackQuery != nil {
		// Stop the button's spinner first, whatever the step decides.
		ack, err := outgoing(in.ChatID, flows.PriorityHigh, methodAnswerCallback, call{CallbackQueryID: upd.CallbackQuery.ID})
		if err != nil {
			return err
		}
		out = append(out, ack)
	}
	if !in.Private {
		// Group chats get desk commands only (see the desk); reporters'
		// conversations happen in private chats.
		h.log.Info("ignored group update", "update_id", u.UpdateID, "chat_id", in.ChatID)
		return tx.Enqueue(ctx, h.now(), out...)
	}
	s, err := tx.Session(ctx, in.ChatID)
	if err != nil {
		return err
	}
	s.UserID = in.UserID
	res, err := h.engine.Step(ctx, s, in)
	if err != nil {
		return fmt.Errorf("step: %w", err)
	}
	if err := tx.SaveSession(ctx, s, h.now()); err != nil {
		return err
	}
	for _, rep := range res.Replies {
		msgs, err := h.render.Reply(in.ChatID, s.Lang(), u.Priority, rep)
		if err != nil {
			return err
		}
		out = append(out, msgs...)
	}
	return tx.Enqueue(ctx, h.now(), out...)
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
