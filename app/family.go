package app

import (
	"fmt"
	"maps"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/distress"
	"github.com/koreandesk/hotline/flows/family"
)

// alertFamilyDone tells the desk chat a family inquiry has all its
// answers: the first alert came with the name alone.
const alertFamilyDone alertKind = "family.alert_complete"

// sameSubject reports whether an open case may take a new OpenCase of its
// type: a second /sos adds to the first, but a family inquiry about
// another relative is a case of its own.
func sameSubject(c *desk.Case, e flows.OpenCase) bool {
	if c.Type != desk.TypeFamily {
		return true
	}
	return desk.SameRelative(c.Answers[family.KeyName], e.Answers[family.KeyName])
}

// openCaseFor is the reporter's newest open case that an OpenCase of
// type typ adds to: of that type and about the same subject; nil when
// there is none.
func openCaseFor(t *turn, typ desk.Type, e flows.OpenCase) (*desk.Case, error) {
	cases, err := t.desk.CasesOf(t.ctx, t.in.ChatID)
	if err != nil {
		return nil, err
	}
	for i := range cases {
		if c := &cases[i]; c.Open() && c.Type == typ && sameSubject(c, e) {
			return c, nil
		}
	}
	return nil, nil
}

// saveAnswers merges a step's answers into the case. A passport number and
// the callback phone are sealed apart and only their masked forms join
// the answers; the consent
// also sets the case's consent column and, being the family inquiry's
// last answer, tells the desk chat the inquiry is complete.
func (h *Handler) saveAnswers(t *turn, c *desk.Case, answers map[string]string) error {
	if n, ok := answers[family.KeyPassport]; ok {
		if err := h.sealPassport(t, c, n); err != nil {
			return err
		}
		answers = maps.Clone(answers)
		answers[family.KeyPassport] = desk.MaskPassport(n)
	}
	if n, ok := answers[family.KeyPhone]; ok {
		if err := h.sealPhone(t, c, family.KeyPhone, n); err != nil {
			return err
		}
		answers = maps.Clone(answers)
		answers[family.KeyPhone] = desk.MaskPhone(n)
	}
	if err := t.desk.UpdateAnswers(t.ctx, c.ID, answers, t.now); err != nil {
		return err
	}
	if answers[distress.KeySafeToTalk] == "no" { // not safe to talk: a quiet phone from now on
		if err := h.quiet(t, c.ReporterChatID, desk.EventQuiet); err != nil {
			return err
		}
	}
	v, ok := answers[family.KeyConsent]
	if !ok || c.Type != desk.TypeFamily {
		return nil
	}
	if err := t.desk.SetConsent(t.ctx, c.ID, v == "yes", t.now); err != nil {
		return err
	}
	done, err := t.desk.CaseByID(t.ctx, c.ID)
	if err != nil {
		return err
	}
	return h.alert(t, done, alertFamilyDone)
}

// sealPassport keeps the number sealed, with its hash for matching.
func (h *Handler) sealPassport(t *turn, c *desk.Case, number string) error {
	if h.sealer == nil {
		h.log.Error("passport number dropped: no data key", "case", c.Ref)
		return nil
	}
	sealed, err := h.sealer.Seal(number)
	if err != nil {
		return fmt.Errorf("seal passport of %s: %w", c.Ref, err)
	}
	return t.desk.SetPassport(t.ctx, c.ID, sealed, h.sealer.Hash(number), t.now)
}

// sealPhone keeps a phone number (E.164) sealed, with its keyed hash for
// /find and matching.
func (h *Handler) sealPhone(t *turn, c *desk.Case, field, number string) error {
	if h.sealer == nil {
		h.log.Error("phone number dropped: no data key", "case", c.Ref)
		return nil
	}
	sealed, err := h.sealer.SealAs(desk.KindPhone, number)
	if err != nil {
		return fmt.Errorf("seal %s of %s: %w", field, c.Ref, err)
	}
	return t.desk.SetPhone(t.ctx, c.ID, field, sealed, h.sealer.HashAs(desk.KindPhone, number), t.now)
}
