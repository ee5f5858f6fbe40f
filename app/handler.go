package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/koreandesk/hotline/app/staff/checkins"
	"github.com/koreandesk/hotline/app/staff/referral"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Handle processes one input inside its update's transaction: desk
// commands from staff, a reporter's follow-up to their open case, or a
// conversation step; then it saves the session and queues every message
// to send at priority p. Nothing is sent here: the transport sends the
// outbox after commit.
func (h *Handler) Handle(ctx context.Context, tx mailbox.Tx, in flows.Input, p mailbox.Priority) error {
	t := &turn{h: h, ctx: ctx, tx: tx, desk: tx.Desk(), in: in, prio: p, now: h.now()}
	if err := h.route(t); err != nil {
		return err
	}
	return tx.Enqueue(ctx, t.now, t.out...)
}

func (h *Handler) route(t *turn) error {
	// An edited message never runs a desk command again (an officer
	// correcting a /reply must not send it twice).
	if !t.in.Edited || t.in.Kind == flows.KindLocation {
		handled, err := h.staff.Handle(t.ctx, t.tx, t.in, t.prio, t.now, &t.out)
		if handled || err != nil {
			return err
		}
	}
	if !t.in.Private {
		// Group chats get desk commands only; reporters talk to the
		// bot in private.
		return nil
	}
	s, err := t.tx.Session(t.ctx, t.in.ChatID)
	if err != nil {
		return err
	}
	s.UserID = t.in.UserID
	if t.in.Kind == flows.KindCallback && strings.HasPrefix(t.in.Data, checkins.Data) {
		return h.checkInAnswer(t, s.Lang())
	}
	if t.in.Kind == flows.KindCallback && strings.HasPrefix(t.in.Data, referral.Data) {
		return h.referralAnswer(t, s.Lang())
	}
	if t.in.MessageID != 0 && t.in.Kind != flows.KindCallback && !t.in.Edited {
		if err := t.tx.RecordMessage(t.ctx, t.in.ChatID, int64(t.in.MessageID), 0, t.now); err != nil {
			return err
		}
	}
	if t.in.Edited {
		if t.in.Kind == flows.KindLocation {
			return h.liveLocation(t, s)
		}
		return h.edited(t)
	}
	if later, err := h.albumItem(t, s); later || err != nil {
		return err
	}
	if s.Idle() && relayable(t.in) {
		relayed, err := h.relay(t, s)
		switch {
		case err != nil:
			return err
		case relayed && t.in.MediaGroup != "":
			s.Set(albumKey, t.in.MediaGroup) // the album's later items are not answered again
			return t.tx.SaveSession(t.ctx, s, t.now)
		case relayed:
			return nil
		}
	}
	return h.converse(t, s)
}

// converse runs one conversation step and applies what it asks for.
func (h *Handler) converse(t *turn, s *flows.Session) error {
	// A step that ends its conversation resets the session; its effects
	// still belong to the case the conversation was feeding.
	t.caseRef = s.Answers[flows.CaseRefKey]
	res, err := h.engine.Step(t.ctx, s, t.in)
	if err != nil {
		return fmt.Errorf("step: %w", err)
	}
	if err := h.apply(t, s, res.Effects); err != nil {
		return err
	}
	if t.capped {
		s.Reset()
		if err := t.tx.SaveSession(t.ctx, s, t.now); err != nil {
			return err
		}
		return h.capped(t, s.Lang())
	}
	if strings.HasPrefix(t.in.Data, flows.DataLanguage) {
		if err := h.staffLanguage(t, s.Language); err != nil {
			return err
		}
	}
	if t.in.MediaGroup != "" && t.in.Kind.Media() {
		s.Set(albumKey, t.in.MediaGroup) // the album's later items are not answered again
	}
	if err := t.tx.SaveSession(t.ctx, s, t.now); err != nil {
		return err
	}
	ref := s.Answers[flows.CaseRefKey]
	for _, rep := range res.Replies {
		fillRef(&rep, ref)
		if err := t.send(t.in.ChatID, s.Lang(), 0, rep); err != nil {
			return err
		}
	}
	return nil
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

// Abandoned tells the sender of an input that could not be processed, in
// their language; the update itself stays in the inbox for the operators.
func (h *Handler) Abandoned(ctx context.Context, tx mailbox.Tx, in flows.Input) error {
	if told, err := h.deskInputFailed(ctx, tx, in); told || err != nil || !in.Private {
		return err
	}
	s, err := tx.Session(ctx, in.ChatID)
	if err != nil {
		return err
	}
	s.TelegramLanguage = in.LanguageCode
	msgs, err := h.render.Reply(in.ChatID, s.Lang(), mailbox.PriorityHigh, flows.Reply{Text: flows.M("common.error")})
	if err != nil {
		return err
	}
	return tx.Enqueue(ctx, h.now(), msgs...)
}
