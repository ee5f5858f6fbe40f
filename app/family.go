package app

import (
	"fmt"
	"maps"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
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

// saveAnswers merges a step's answers into the case. A passport number is
// sealed apart and only its masked form joins the answers; the consent
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
	if err := t.desk.UpdateAnswers(t.ctx, c.ID, answers, t.now); err != nil {
		return err
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

// familyLines are what staff see about a case beyond its answers: the
// consent of a family inquiry and the possible matches with other cases.
func (h *Handler) familyLines(lang string, c *desk.Case, matches []desk.Match) []string {
	var out []string
	if c.ConsentShare != nil {
		id := "family.desk_consent_no"
		if *c.ConsentShare {
			id = "family.desk_consent_yes"
		}
		out = append(out, h.render.Text(lang, flows.M(id)))
	}
	for _, m := range matches {
		reasons := make([]string, 0, len(m.Reasons))
		for _, r := range m.Reasons {
			reasons = append(reasons, h.render.Text(lang, flows.M("family.reason_"+string(r))))
		}
		out = append(out, h.render.Text(lang, flows.M("family.desk_match", "Ref", m.Ref,
			"Type", flows.M("case.type_"+string(m.Type)), "Status", flows.M("case.status_"+string(m.Status)),
			"Reasons", strings.Join(reasons, ", "))))
	}
	return out
}

// passportLine shows staff the full passport number, opened from its
// seal; only /case calls it, and every /case is audited.
func (d *deskCmd) passportLine(c *desk.Case) (string, error) {
	if d.h.sealer == nil {
		return "", nil
	}
	sealed, err := d.desk.Passport(d.ctx, c.ID)
	if flows.ErrorCode(err) == flows.ENotFound {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	n, err := d.h.sealer.Open(sealed)
	if err != nil { // another key: say so rather than fail the view
		d.h.log.Error("passport cannot be opened with this DATA_KEY", "case", c.Ref, "err", err)
		n = c.Answers[family.KeyPassport]
	}
	return "• " + d.h.render.Text(d.lang, flows.M("answer.passport_number")) + ": " + n, nil
}
