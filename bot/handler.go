package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/bot/fit"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Handler turns one stored update into an input for the application,
// inside the update's transaction.
type Handler struct {
	app    *app.Handler
	render *Renderer
	log    *slog.Logger
	now    Clock
}

// NewHandler returns a handler feeding a, reading reply-keyboard labels
// with render.
func NewHandler(a *app.Handler, render *Renderer, log *slog.Logger, now Clock) *Handler {
	return &Handler{app: a, render: render, log: log.With("component", "handler"), now: now}
}

// Handle converts one stored update and hands it to the application.
// Telegram is not called here; the dispatcher sends the outbox after
// commit.
func (h *Handler) Handle(ctx context.Context, tx mailbox.Tx, u mailbox.Update) error {
	tx = fit.Tx(tx)
	upd, ok := decoded(u)
	if !ok {
		h.log.Warn("rejected malformed update", "update_id", u.UpdateID)
		return nil
	}
	in, ok := h.input(upd)
	if !ok {
		h.log.Info("ignored update", "update_id", u.UpdateID, "chat_id", u.ChatID)
		return nil
	}
	if q := upd.CallbackQuery; q != nil {
		// Stop the button's spinner first, whatever happens next.
		answer, err := mailbox.New(in.ChatID, mailbox.PriorityHigh, mailbox.MethodAnswerCallback,
			mailbox.Call{CallbackQueryID: q.ID})
		if err != nil {
			return err
		}
		if err := tx.Enqueue(ctx, h.now(), answer); err != nil {
			return err
		}
	}
	return h.app.Handle(ctx, tx, in, u.Priority)
}

// input is what the application sees of an update: the input, with the
// sender's name, the message a Telegram reply answers and the id of a
// pressed reply-keyboard button.
func (h *Handler) input(upd tgmodels.Update) (flows.Input, bool) {
	in, ok := toInput(upd)
	if !ok {
		return in, false
	}
	in.SenderName, in.ReplyTo = sender(upd)
	if in.Kind == flows.KindText {
		in.Key = h.render.KeyOf(in.Text)
	}
	return in, true
}

// Abandoned handles an update set aside after its attempts: the person
// is told, in their language, that it could not be processed, and the
// supervisors that it was set aside and why; the update itself stays in
// the inbox for /failed.
func (h *Handler) Abandoned(ctx context.Context, tx mailbox.Tx, u mailbox.Update, cause error) error {
	tx = fit.Tx(tx)
	if upd, ok := decoded(u); ok {
		if in, ok := toInput(upd); ok {
			if err := h.app.Abandoned(ctx, tx, in); err != nil {
				return err
			}
		}
	}
	return h.app.SetAside(ctx, tx, u.ChatID, u.UpdateID, cause.Error())
}

// Quarantined tells the supervisors about an update that could not be
// stored as it came; the person is answered at their next message.
func (h *Handler) Quarantined(ctx context.Context, tx mailbox.Tx, u mailbox.Update, reason string) error {
	return h.app.SetAside(ctx, fit.Tx(tx), u.ChatID, u.UpdateID, reason)
}

// Undelivered tells the desk about a message given up (see
// app.Handler.Undelivered).
func (h *Handler) Undelivered(ctx context.Context, tx mailbox.Tx, m mailbox.Message, cause error) error {
	if doc := documentOf(m); doc != nil {
		return h.app.DocumentUndelivered(ctx, fit.Tx(tx), *doc, cause.Error())
	}
	return h.app.Undelivered(ctx, fit.Tx(tx), m.ChatID, m.CaseID, m.CreatedAt, cause.Error(), chatRefuses(cause))
}

// chatRefuses reports whether Telegram refused a call for its chat, with
// a 403 (the user blocked the bot, never started it, or is deactivated),
// not for what the call held: such a chat refuses every message.
func chatRefuses(err error) bool { return errors.Is(err, tgbot.ErrorForbidden) }

// Escalate alerts the supervisors about urgent cases nobody claimed
// within after (see app.Handler.Escalate).
func (h *Handler) Escalate(ctx context.Context, tx mailbox.Tx, after time.Duration) (int, error) {
	return h.app.Escalate(ctx, fit.Tx(tx), after)
}

// OverdueAcks alerts the supervisors about first answers to a /sos not
// delivered after overdue (see app.Handler.OverdueAcks).
func (h *Handler) OverdueAcks(ctx context.Context, tx mailbox.Tx, overdue time.Duration) (int, error) {
	return h.app.OverdueAcks(ctx, fit.Tx(tx), overdue)
}

// CheckIns sends the safety check-ins due and escalates unanswered ones
// (see app.Handler.CheckIns).
func (h *Handler) CheckIns(ctx context.Context, tx mailbox.Tx) (int, error) {
	return h.app.CheckIns(ctx, fit.Tx(tx))
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
