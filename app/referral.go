package app

import (
	"strconv"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/app/staff/referral"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// WithPartners sets the partners cases may be referred to (/refer).
func (h *Handler) WithPartners(ps desk.Partners) *Handler {
	h.partners = ps
	h.staff.WithPartners(ps)
	return h
}

// referralAnswer takes a reporter's tap on a referral button: Show sends
// the question itself (the partner, what would be shared) now that the
// reporter has the chat open; Yes or No answers it. Only a "yes" makes the summary, which goes to the officer who asked, in
// private; a "no" tells them nothing was shared. Either way the answer is
// on the timeline and in the audit log. A button of another chat's case,
// forged, already answered, too old, or for a partner no longer
// configured is refused like any stale button.
func (h *Handler) referralAnswer(t *turn, lang string) error {
	r, c, p, err := h.referralOf(t)
	if err != nil || r == nil {
		if err == nil {
			h.log.Warn("refused stale or forged referral button", "chat_id", t.in.ChatID)
			err = t.text(lang, "common.stale_button")
		}
		return err
	}
	_, b, _ := referral.ParseButton(t.in.Data)
	if b == referral.Show {
		return t.send(t.in.ChatID, reporterLang(c), c.ID, referral.Question(c.Ref, p, r.ID))
	}
	consent := b == referral.Yes
	r, err = t.desk.AnswerReferral(t.ctx, r.ID, consent, t.now)
	if flows.ErrorCode(err) == flows.EConflict {
		return t.text(lang, "common.stale_button")
	}
	if err != nil {
		return err
	}
	what, thanks := desk.ReferralNo, "referral.thanks_no"
	if consent {
		what, thanks = desk.ReferralYes, "referral.thanks_yes"
	}
	if _, err := t.desk.AddEvent(t.ctx, c.ID, referral.Event(what, 0, p.Key, t.now)); err != nil {
		return err
	}
	detail := "partner=" + p.Key + " referral=" + strconv.FormatInt(r.ID, 10) + " consent=" + strconv.FormatBool(consent)
	if err := t.desk.Audit(t.ctx, desk.AuditEntry{ActorID: t.in.UserID, Action: desk.ActionCaseReferAnswer, CaseID: &c.ID,
		Detail: detail, At: t.now}); err != nil {
		return err
	}
	if err := t.send(t.in.ChatID, reporterLang(c), c.ID, flows.Reply{Text: flows.M(thanks, "Partner", p.Name)}); err != nil {
		return err
	}
	return h.referralOutcome(t, r, c, p, consent)
}

// referralOf is the pending referral a consent button names, its case
// and partner, when the button is the pressing chat's own and still
// counts; a nil referral otherwise.
func (h *Handler) referralOf(t *turn) (*desk.Referral, *desk.Case, *desk.Partner, error) {
	id, _, ok := referral.ParseButton(t.in.Data)
	if !ok {
		return nil, nil, nil, nil
	}
	r, err := t.desk.Referral(t.ctx, id)
	if flows.ErrorCode(err) == flows.ENotFound {
		return nil, nil, nil, nil
	}
	if err != nil {
		return nil, nil, nil, err
	}
	c, err := t.desk.CaseByID(t.ctx, r.CaseID)
	if err != nil {
		return nil, nil, nil, err
	}
	p, known := h.partners.Find(r.Partner)
	if c.ReporterChatID != t.in.ChatID || !r.Answerable(t.now) || !known {
		return nil, nil, nil, nil
	}
	return r, c, p, nil
}

// referralOutcome tells the officer who asked (or, when they have left
// the desk, the supervisors) what the reporter answered: after a "yes",
// with the summary document for the partner.
func (h *Handler) referralOutcome(t *turn, r *desk.Referral, c *desk.Case, p *desk.Partner, consent bool) error {
	to, err := t.desk.Staff(t.ctx, r.RequestedBy)
	if flows.ErrorCode(err) == flows.ENotFound {
		if !consent {
			return h.toSupervisors(t, c.ID, "desk.refer_refused", "Ref", c.Ref, "Partner", p.Name)
		}
		h.log.Warn("referral consented after its officer left the desk: no summary sent", "case", c.Ref)
		return h.toSupervisors(t, c.ID, "desk.refer_orphaned", "Ref", c.Ref, "Partner", p.Name)
	}
	if err != nil {
		return err
	}
	rc := staff.Recipient(to)
	if !consent {
		return t.send(rc.ID, rc.Lang, c.ID, flows.Reply{Text: flows.M("desk.refer_refused", "Ref", c.Ref, "Partner", p.Name)})
	}
	// Made now to know what it holds, then dropped: the outbox keeps
	// its recipe, and the transport makes it again when it sends it.
	s := referral.Summary{Render: h.render, Sealer: h.sealer}
	doc, err := s.Make(t.ctx, t.desk, p, c, r, to.Name, t.now)
	if err != nil {
		return err
	}
	passport := "desk.refer_passport_masked"
	if doc.FullPassport {
		passport = "desk.refer_passport_full"
	}
	caption := h.render.Text(rc.Lang, flows.M("desk.refer_consented", "Ref", c.Ref, "Partner", p.Name,
		"Lang", flows.LanguageNames[p.Lang], "Passport", flows.M(passport)))
	call := mailbox.Call{Text: mailbox.Truncate(caption, mailbox.MaxCaptionRunes), Document: &mailbox.Document{
		Kind: mailbox.DocReferral, By: to.UserID, At: t.now, Referral: r.ID}}
	if err := t.queue(rc.ID, mailbox.PriorityHigh, mailbox.MethodSendDocument, call, c.ID); err != nil {
		return err
	}
	if _, err := t.desk.AddEvent(t.ctx, c.ID, referral.Event(desk.ReferralSummary, to.UserID, p.Key, t.now)); err != nil {
		return err
	}
	return t.desk.Audit(t.ctx, desk.AuditEntry{ActorID: to.UserID, Action: desk.ActionCaseReferSummary, CaseID: &c.ID,
		Detail: "partner=" + p.Key + " full_passport=" + strconv.FormatBool(doc.FullPassport), At: t.now})
}
