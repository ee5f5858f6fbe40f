package app

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
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
func (h *Handler) alert(t *turn, c *desk.Case, kind alertKind) error {
	var rs []recipient
	switch {
	case kind == alertEscalation:
		sup, err := t.desk.Supervisors(t.ctx)
		if err != nil {
			return err
		}
		for i := range sup {
			rs = append(rs, staffRecipient(&sup[i]))
		}
	case c.Priority == desk.PriorityUrgent:
		rs = h.onDuty(t)
		if h.deskChat != 0 {
			rs = append(rs, recipient{h.deskChat, h.deskLang})
		}
	case h.deskChat != 0:
		rs = []recipient{{h.deskChat, h.deskLang}}
	}
	prio := mailbox.PriorityNormal
	if c.Priority == desk.PriorityUrgent {
		prio = mailbox.PriorityUrgent
	}
	matches, err := t.desk.Matches(t.ctx, c.ID)
	if err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, r := range rs {
		if seen[r.chatID] {
			continue
		}
		seen[r.chatID] = true
		if err := h.alertOne(t, r, c, kind, prio, matches); err != nil {
			return err
		}
	}
	return nil
}

// bundleFrom is how many alerts may wait for one chat before new cases go
// into a single "N new cases" message instead.
const bundleFrom = 3

func (h *Handler) alertOne(t *turn, r recipient, c *desk.Case, kind alertKind, prio mailbox.Priority, matches []desk.Match) error {
	if bundled, err := h.bundle(t, r, c, prio); bundled || err != nil {
		return err
	}
	text := h.render.Text(r.lang, flows.M(string(kind), "Ref", c.Ref, "Type", flows.M("case.type_"+string(c.Type)),
		"Priority", flows.M("case.priority_"+string(c.Priority)), "Lang", flows.LanguageNames[c.ReporterLang],
		"Name", c.ReporterName))
	lines := []string{text}
	lines = append(lines, h.answerLines(r.lang, c)...)
	lines = append(lines, h.familyLines(r.lang, c, matches)...)
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: h.caseButtons(r.lang, c)}
	o, err := mailbox.New(r.chatID, prio, mailbox.MethodSendMessage, body)
	if err != nil {
		return err
	}
	o.CaseID, o.Kind = c.ID, mailbox.KindAlert
	t.out = append(t.out, o)
	if l := c.LastLocation; l != nil {
		return t.queue(r.chatID, prio, mailbox.MethodSendLocation, mailbox.Call{Latitude: l.Lat, Longitude: l.Lon}, c.ID)
	}
	return nil
}

// bundle adds the case to the chat's pending bundle when alerts are piling
// up for it (a raid, a poster campaign), so an officer gets "12 new
// cases" once rather than a hundred alerts in a row.
func (h *Handler) bundle(t *turn, r recipient, c *desk.Case, prio mailbox.Priority) (bool, error) {
	n, id, refs, err := t.tx.PendingAlerts(t.ctx, r.chatID, t.now)
	if err != nil {
		return false, err
	}
	for _, o := range t.out { // queued by this transaction, not yet stored
		if o.ChatID == r.chatID && o.Kind == mailbox.KindAlert {
			n++
		}
	}
	if n < bundleFrom {
		return false, nil
	}
	refs = append(refs, string(c.Ref))
	text := h.render.Text(r.lang, flows.M("desk.alert_bundle", "Count", len(refs), "Refs", strings.Join(refs, ", ")))
	payload := mailbox.Call{Text: mailbox.Truncate(text, mailbox.MaxMessageRunes)}
	if id != 0 {
		raw, err := json.Marshal(payload)
		if err != nil {
			return false, err
		}
		return true, t.tx.UpdateBundle(t.ctx, id, refs, raw)
	}
	for i := range t.out { // a bundle this transaction started
		if o := &t.out[i]; o.ChatID == r.chatID && o.Kind == mailbox.KindAlertBundle {
			o.Refs = append(o.Refs, string(c.Ref))
			payload.Text = mailbox.Truncate(h.render.Text(r.lang, flows.M("desk.alert_bundle", "Count", len(o.Refs),
				"Refs", strings.Join(o.Refs, ", "))), mailbox.MaxMessageRunes)
			o.Payload, err = json.Marshal(payload)
			return true, err
		}
	}
	o, err := mailbox.New(r.chatID, prio, mailbox.MethodSendMessage, payload)
	if err != nil {
		return false, err
	}
	o.Kind, o.Refs = mailbox.KindAlertBundle, refs
	t.out = append(t.out, o)
	return true, nil
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
		if id := "answer." + k; h.render.Has(id) {
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
func (h *Handler) caseButtons(lang string, c *desk.Case) [][]mailbox.Button {
	row := []mailbox.Button{}
	if c.Open() && c.AssigneeID == nil {
		row = append(row, mailbox.Button{Text: h.render.Text(lang, flows.M("desk.button_claim")), Data: deskData + deskDataClaim + ":" + string(c.Ref)})
	}
	row = append(row, mailbox.Button{Text: h.render.Text(lang, flows.M("desk.button_open")), Data: deskData + deskDataOpen + ":" + string(c.Ref)})
	if c.Open() {
		row = append(row, mailbox.Button{Text: h.render.Text(lang, flows.M("desk.button_close")), Data: deskData + deskDataClose + ":" + string(c.Ref)})
	}
	return [][]mailbox.Button{row}
}

// Escalate alerts the supervisors about urgent cases nobody claimed
// within after. Each case is escalated once; replicas running it at the
// same time split the cases between them.
func (h *Handler) Escalate(ctx context.Context, tx mailbox.Tx, after time.Duration) (int, error) {
	now := h.now()
	t := &turn{h: h, ctx: ctx, tx: tx, desk: tx.Desk(), prio: mailbox.PriorityUrgent, now: now}
	cases, err := t.desk.UnclaimedUrgent(ctx, now.Add(-after))
	if err != nil {
		return 0, err
	}
	for i := range cases {
		c := &cases[i]
		if err := t.desk.MarkEscalated(ctx, c.ID, now); err != nil {
			return 0, err
		}
		if err := h.alert(t, c, alertEscalation); err != nil {
			return 0, err
		}
	}
	return len(cases), tx.Enqueue(ctx, now, t.out...)
}
