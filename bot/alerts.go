package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// alertKind says why the desk hears about a case.
type alertKind string

const (
	alertNew        alertKind = "desk.alert_new"        // a new case
	alertFollowUp   alertKind = "desk.alert_followup"   // the reporter pressed /sos again
	alertEscalation alertKind = "desk.alert_escalation" // urgent and still unclaimed
)

// hiddenAnswers are never shown in alerts and lists (the passport number
// only in /case) or are bookkeeping.
var hiddenAnswers = map[string]bool{"passport": true, "passport_number": true, flows.CaseRefKey: true}

// alert tells the desk about a case: an urgent one every officer on duty
// and the desk chat at once, others the desk chat, an escalation the
// supervisors. Alerts go through the outbox like every message, urgent
// ones first.
func (h *Handler) alert(w *update, c *desk.Case, kind alertKind) error {
	var rs []recipient
	switch {
	case kind == alertEscalation:
		sup, err := w.desk.Supervisors(w.ctx)
		if err != nil {
			return err
		}
		for i := range sup {
			rs = append(rs, staffRecipient(&sup[i]))
		}
	case c.Priority == desk.PriorityUrgent:
		rs = h.onDuty(w)
		if h.deskChat != 0 {
			rs = append(rs, recipient{h.deskChat, h.deskLang})
		}
	case h.deskChat != 0:
		rs = []recipient{{h.deskChat, h.deskLang}}
	}
	prio := flows.PriorityNormal
	if c.Priority == desk.PriorityUrgent {
		prio = flows.PriorityUrgent
	}
	seen := map[int64]bool{}
	for _, r := range rs {
		if seen[r.chatID] {
			continue
		}
		seen[r.chatID] = true
		if err := h.alertOne(w, r, c, kind, prio); err != nil {
			return err
		}
	}
	return nil
}

func (h *Handler) alertOne(w *update, r recipient, c *desk.Case, kind alertKind, prio flows.Priority) error {
	text := h.render.Text(r.lang, flows.M(string(kind), "Ref", c.Ref, "Type", flows.M("case.type_"+string(c.Type)),
		"Priority", flows.M("case.priority_"+string(c.Priority)), "Lang", flows.LanguageNames[c.ReporterLang],
		"Name", c.ReporterName))
	lines := []string{text}
	lines = append(lines, h.answerLines(r.lang, c)...)
	body := call{Text: truncate(strings.Join(lines, "\n"), maxMessageRunes), Inline: h.caseButtons(r.lang, c)}
	if err := w.queue(r.chatID, prio, methodSendMessage, body, c.ID); err != nil {
		return err
	}
	if l := c.LastLocation; l != nil {
		return w.queue(r.chatID, prio, methodSendLocation, call{Latitude: l.Lat, Longitude: l.Lon}, c.ID)
	}
	return nil
}

// answerLines renders what a case's conversation collected, one line per
// answer, labelled in lang where the catalogue knows the answer.
func (h *Handler) answerLines(lang string, c *desk.Case) []string {
	keys := make([]string, 0, len(c.Answers))
	for k, v := range c.Answers {
		if !hiddenAnswers[k] && strings.TrimSpace(v) != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		label := k
		if id := "answer." + k; h.render.cat.Has(id) {
			label = h.render.Text(lang, flows.M(id))
		}
		out = append(out, "• "+label+": "+c.Answers[k])
	}
	return out
}

// Callback data of the desk's case buttons: d:<action>:<reference>.
const (
	deskData      = "d:"
	deskDataClaim = "claim"
	deskDataOpen  = "open"
	deskDataClose = "close"
)

// caseButtons are the Claim / Open / Close buttons under alerts and /case.
func (h *Handler) caseButtons(lang string, c *desk.Case) [][]callButton {
	row := []callButton{}
	if c.Open() && c.AssigneeID == nil {
		row = append(row, callButton{h.render.Text(lang, flows.M("desk.button_claim")), deskData + deskDataClaim + ":" + string(c.Ref)})
	}
	row = append(row, callButton{h.render.Text(lang, flows.M("desk.button_open")), deskData + deskDataOpen + ":" + string(c.Ref)})
	if c.Open() {
		row = append(row, callButton{h.render.Text(lang, flows.M("desk.button_close")), deskData + deskDataClose + ":" + string(c.Ref)})
	}
	return [][]callButton{row}
}

// Escalate alerts the supervisors about urgent cases nobody claimed
// within after. Each case is escalated once; replicas running it at the
// same time split the cases between them.
func (h *Handler) Escalate(ctx context.Context, tx Tx, after time.Duration) (int, error) {
	now := h.now()
	w := &update{h: h, ctx: ctx, tx: tx, desk: tx.Desk(), prio: flows.PriorityUrgent, now: now}
	cases, err := w.desk.UnclaimedUrgent(ctx, now.Add(-after))
	if err != nil {
		return 0, err
	}
	for i := range cases {
		c := &cases[i]
		if err := w.desk.MarkEscalated(ctx, c.ID, now); err != nil {
			return 0, err
		}
		if err := h.alert(w, c, alertEscalation); err != nil {
			return 0, err
		}
	}
	return len(cases), tx.Enqueue(ctx, now, w.out...)
}
