package app

import (
	"context"
	"fmt"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/app/staff/referral"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Documents made from the case tables (the CSV export, a referral
// summary) are never stored: the outbox keeps their recipe
// (mailbox.Document) and the transport asks for the file when it sends
// the call, each attempt anew, inside a transaction of its own.

// MakeDocument makes the file a recipe names, for chatID. It is made only
// for the staff member who asked, while they are still on the desk, in
// their private chat. Errors: not_found or invalid when it can no longer
// be made (its asker left, the referral is gone or was not consented to);
// others are the store's, worth a retry.
func (h *Handler) MakeDocument(ctx context.Context, tx mailbox.Tx, chatID int64, doc mailbox.Document) (mailbox.File, error) {
	st := tx.Desk()
	by, err := st.Staff(ctx, doc.By)
	if err != nil {
		return mailbox.File{}, fmt.Errorf("%s document for %d: %w", doc.Kind, doc.By, err)
	}
	if staff.Recipient(by).ID != chatID {
		return mailbox.File{}, flows.Errorf(flows.EInvalid, "%s document for %d: not their chat", doc.Kind, doc.By)
	}
	switch doc.Kind {
	case mailbox.DocExport:
		return staff.MakeExport(ctx, st, by, doc)
	case mailbox.DocReferral:
		r, c, p, err := h.consented(ctx, st, doc)
		if err != nil {
			return mailbox.File{}, err
		}
		s := referral.Summary{Render: h.render, Sealer: h.sealer}
		made, err := s.Make(ctx, st, p, c, r, by.Name, doc.At)
		return mailbox.File{Name: made.FileName, Data: made.Data}, err
	}
	return mailbox.File{}, flows.Errorf(flows.EInvalid, "unknown document kind %q", doc.Kind)
}

// consented is a summary's referral, consented to and asked for by the
// recipe's staff member, with its case and partner.
func (h *Handler) consented(ctx context.Context, st desk.Store, doc mailbox.Document) (*desk.Referral, *desk.Case, *desk.Partner, error) {
	r, err := st.Referral(ctx, doc.Referral)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("referral %d: %w", doc.Referral, err)
	}
	p, known := h.partners.Find(r.Partner)
	if r.Status != desk.ReferralConsented || r.RequestedBy != doc.By || !known {
		return nil, nil, nil, flows.Errorf(flows.EInvalid, "referral %d: not a consented referral of %d to a known partner",
			r.ID, doc.By)
	}
	c, err := st.CaseByID(ctx, r.CaseID)
	if err != nil {
		return nil, nil, nil, err
	}
	return r, c, p, nil
}

// DocumentUndelivered tells the staff member who asked for a document
// that it was given up (Telegram refused it, or it could no longer be
// made), in their language: nothing of it was kept, and how to get it
// again.
func (h *Handler) DocumentUndelivered(ctx context.Context, tx mailbox.Tx, doc mailbox.Document, reason string) error {
	t := h.background(ctx, tx)
	by, err := t.desk.Staff(ctx, doc.By)
	if flows.ErrorCode(err) == flows.ENotFound {
		h.log.Warn("document given up for someone no longer on the desk", "kind", doc.Kind, "user_id", doc.By)
		return nil
	}
	if err != nil {
		return err
	}
	rc, msg := staff.Recipient(by), flows.M("desk.export_undelivered", "From", doc.From, "To", doc.To, "Reason", oneLine(reason))
	caseID := int64(0)
	if doc.Kind == mailbox.DocReferral {
		r, err := t.desk.Referral(ctx, doc.Referral)
		if err != nil {
			return err
		}
		c, err := t.desk.CaseByID(ctx, r.CaseID)
		if err != nil {
			return err
		}
		name := r.Partner
		if p, ok := h.partners.Find(r.Partner); ok {
			name = p.Name
		}
		caseID, msg = c.ID, flows.M("desk.refer_undelivered", "Ref", c.Ref, "Partner", name, "Reason", oneLine(reason))
	}
	if err := t.send(rc.ID, rc.Lang, caseID, flows.Reply{Text: msg}); err != nil {
		return err
	}
	return tx.Enqueue(ctx, t.now, t.out...)
}
