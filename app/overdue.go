package app

import (
	"context"
	"time"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// OverdueAcks alerts the supervisors, once each, about first answers to
// a /sos that are still not delivered after overdue: the person has no
// case reference yet, and someone should look. The bot keeps trying.
func (h *Handler) OverdueAcks(ctx context.Context, tx mailbox.Tx, overdue time.Duration) (int, error) {
	t := h.background(ctx, tx)
	acks, err := tx.OverdueAcks(ctx, t.now.Add(-overdue), t.now)
	if err != nil || len(acks) == 0 {
		return 0, err
	}
	for _, a := range acks {
		ref := "—"
		if a.CaseID != 0 {
			if c, err := t.desk.CaseByID(ctx, a.CaseID); err == nil {
				ref = string(c.Ref)
			}
		} else if c, err := t.desk.OpenCaseOf(ctx, a.ChatID); err == nil {
			ref = string(c.Ref)
		} else if flows.ErrorCode(err) != flows.ENotFound {
			return 0, err
		}
		reason := a.LastError
		if reason == "" {
			reason = "—"
		}
		h.log.Warn("first answer to a /sos not delivered in time", "chat_id", a.ChatID, "case", ref,
			"attempts", a.Attempts, "err", a.LastError)
		if err := h.toSupervisors(t, a.CaseID, "desk.ack_overdue", "Ref", ref, "Chat", a.ChatID,
			"Minutes", int(t.now.Sub(a.Since).Minutes()), "Attempts", a.Attempts, "Reason", oneLine(reason)); err != nil {
			return 0, err
		}
		t.out = t.out[:0] // toSupervisors queued them
	}
	return len(acks), nil
}
