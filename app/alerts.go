package app

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/koreandesk/hotline/app/staff"
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

// alert tells the desk about a case: an urgent one every officer on duty
// and the desk chat at once, others the desk chat, an escalation the
// supervisors. Alerts go through the outbox like every message, urgent
// ones first.
func (h *Handler) alert(t *turn, c *desk.Case, kind alertKind) error {
	var rs []staff.Chat
	var err error
	switch {
	case kind == alertEscalation:
		if rs, err = h.supervisors(t); err != nil {
			return err
		}
	case c.Priority == desk.PriorityUrgent:
		// Nobody on duty: the escalation tells the supervisors.
		if rs, err = h.onDuty(t); err != nil {
			return err
		}
		if h.deskChat != 0 {
			rs = append(rs, staff.Chat{ID: h.deskChat, Lang: h.deskLang})
		}
	case h.deskChat != 0:
		rs = []staff.Chat{{ID: h.deskChat, Lang: h.deskLang}}
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
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		if err := h.alertOne(t, r, c, kind, prio, matches); err != nil {
			return err
		}
	}
	return nil
}

// bundleFrom is how many alerts may wait for one chat before new cases go
// into a single "N new cases" message instead.
const bundleFrom = 3

func (h *Handler) alertOne(t *turn, r staff.Chat, c *desk.Case, kind alertKind, prio mailbox.Priority, matches []desk.Match) error {
	if bundled, err := h.bundle(t, r, c, prio); bundled || err != nil {
		return err
	}
	if r.ID == h.deskChat {
		if kind == alertFamilyDone {
			return nil // the group had the case's alert; the answers are not for it
		}
		return h.groupAlert(t, r, c, prio)
	}
	text := h.render.Text(r.Lang, flows.M(string(kind), "Ref", c.Ref, "Type", flows.M("case.type_"+string(c.Type)),
		"Priority", flows.M("case.priority_"+string(c.Priority)), "Lang", flows.LanguageNames[c.ReporterLang],
		"Name", cleanName(c.ReporterName)))
	lines := []string{text}
	lines = append(lines, h.staff.AnswerLines(r.Lang, c)...)
	lines = append(lines, h.staff.FamilyLines(r.Lang, c, matches)...)
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: h.staff.CaseButtons(r.Lang, c)}
	o, err := mailbox.New(r.ID, prio, mailbox.MethodSendMessage, body)
	if err != nil {
		return err
	}
	o.CaseID, o.Kind = c.ID, mailbox.KindAlert
	t.out = append(t.out, o)
	if l := c.LastLocation; l != nil {
		return t.queue(r.ID, prio, mailbox.MethodSendLocation, mailbox.Call{Latitude: l.Lat, Longitude: l.Lon}, c.ID)
	}
	return nil
}

// groupAlert tells the desk's group the least: type, priority, reference,
// age and whether a location was shared. The group's membership is
// Telegram's, not the staff table's: no answers, names, map pin or media
// go there. Claim and Open act in the officer's private chat.
func (h *Handler) groupAlert(t *turn, r staff.Chat, c *desk.Case, prio mailbox.Priority) error {
	lines := []string{h.render.Text(r.Lang, flows.M("desk.alert_group", "Ref", c.Ref,
		"Type", flows.M("case.type_"+string(c.Type)), "Priority", flows.M("case.priority_"+string(c.Priority)),
		"Minutes", int(t.now.Sub(c.CreatedAt).Minutes())))}
	if c.LastLocation != nil {
		lines = append(lines, h.render.Text(r.Lang, flows.M("desk.alert_group_location")))
	}
	o, err := mailbox.New(r.ID, prio, mailbox.MethodSendMessage, mailbox.Call{Text: strings.Join(lines, "\n"),
		Inline: h.staff.CaseButtons(r.Lang, c)})
	if err != nil {
		return err
	}
	o.CaseID, o.Kind = c.ID, mailbox.KindAlert
	t.out = append(t.out, o)
	return nil
}

// bundle adds the case to the chat's pending bundle when alerts are piling
// up for it (a raid, a poster campaign), so an officer gets "12 new
// cases" once rather than a hundred alerts in a row.
func (h *Handler) bundle(t *turn, r staff.Chat, c *desk.Case, prio mailbox.Priority) (bool, error) {
	n, id, refs, err := t.tx.PendingAlerts(t.ctx, r.ID, t.now)
	if err != nil {
		return false, err
	}
	for _, o := range t.out { // queued by this transaction, not yet stored
		if o.ChatID == r.ID && o.Kind == mailbox.KindAlert {
			n++
		}
	}
	if n < bundleFrom {
		return false, nil
	}
	refs = append(refs, string(c.Ref))
	text := h.render.Text(r.Lang, flows.M("desk.alert_bundle", "Count", len(refs), "Refs", strings.Join(refs, ", ")))
	payload := mailbox.Call{Text: mailbox.Truncate(text, mailbox.MaxMessageRunes)}
	if id != 0 {
		raw, err := json.Marshal(payload)
		if err != nil {
			return false, err
		}
		return true, t.tx.UpdateBundle(t.ctx, id, refs, raw)
	}
	for i := range t.out { // a bundle this transaction started
		if o := &t.out[i]; o.ChatID == r.ID && o.Kind == mailbox.KindAlertBundle {
			o.Refs = append(o.Refs, string(c.Ref))
			payload.Text = mailbox.Truncate(h.render.Text(r.Lang, flows.M("desk.alert_bundle", "Count", len(o.Refs),
				"Refs", strings.Join(o.Refs, ", "))), mailbox.MaxMessageRunes)
			o.Payload, err = json.Marshal(payload)
			return true, err
		}
	}
	o, err := mailbox.New(r.ID, prio, mailbox.MethodSendMessage, payload)
	if err != nil {
		return false, err
	}
	o.Kind, o.Refs = mailbox.KindAlertBundle, refs
	t.out = append(t.out, o)
	return true, nil
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
