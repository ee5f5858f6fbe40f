package app

import (
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// DefaultDailyCases is how many new cases other than distress reports one
// reporter may open in 24 hours (CASE_DAILY_CAP): enough for a family with
// several relatives missing, too few to flood the queue or to inflate how
// often a recruiter was reported.
const DefaultDailyCases = 5

// capWindow is the period the cap counts over.
const capWindow = 24 * time.Hour

// WithDailyCap caps the new cases one reporter opens in 24 hours, distress
// reports aside; 0 or less: no cap.
func (h *Handler) WithDailyCap(n int) *Handler {
	h.dailyCap = n
	return h
}

// overCap reports whether the reporter has opened as many cases as the
// cap allows in the last 24 hours. A person in danger is never capped:
// distress reports are not counted, and /sos always opens or reaches a
// case.
func (h *Handler) overCap(t *turn) (bool, error) {
	if h.dailyCap <= 0 {
		return false, nil
	}
	n, err := t.desk.NewCasesSince(t.ctx, t.in.ChatID, t.now.Add(-capWindow))
	return n >= h.dailyCap, err
}

// capped answers a reporter over the cap, calmly: their latest case's
// reference (an open one first), that a new one can be opened tomorrow,
// and that /sos always works.
func (h *Handler) capped(t *turn, lang string) error {
	cases, err := t.desk.CasesOf(t.ctx, t.in.ChatID)
	if err != nil {
		return err
	}
	var ref desk.Ref
	for _, c := range cases {
		if ref == "" || c.Open() && c.Type != desk.TypeJobCheck {
			ref = c.Ref
		}
		if c.Open() && c.Type != desk.TypeJobCheck {
			break
		}
	}
	h.log.Info("daily cap of new cases reached", "chat_id", t.in.ChatID, "cap", h.dailyCap)
	return t.send(t.in.ChatID, lang, 0, flows.Reply{Text: flows.M("common.case_cap", "Ref", ref)})
}
