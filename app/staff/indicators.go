package staff

import (
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// deskDataIndicator is the callback action of an indicator's button:
// d:ind:<indicator>:<reference>.
const deskDataIndicator = "ind"

// indicatorsPerRow is how many indicator buttons share a row.
const indicatorsPerRow = 2

// indicators shows a case's trafficking indicators with a button each
// (/indicators REF), ticks one with a note (/indicators REF name [note])
// or clears it (/indicators REF name off). Staff only: nothing of it
// ever reaches the reporter.
func (d *Cmd) indicators() error {
	c, rest, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if rest == "" {
		if err := d.audit(c.ID, "view"); err != nil {
			return err
		}
		return d.showIndicators(c)
	}
	name, note := cutWord(rest)
	ind, err := desk.ParseIndicator(name)
	if err != nil {
		return d.say("desk.indicator_unknown", "Name", name, "List", indicatorList())
	}
	if len([]rune(note)) > desk.MaxIndicatorNote {
		return d.say("common.too_long", "Max", desk.MaxIndicatorNote)
	}
	present := !strings.EqualFold(note, "off")
	if !present {
		note = ""
	}
	if err := d.markIndicator(c, ind, present, note); err != nil {
		return err
	}
	id := "desk.indicator_set"
	if !present {
		id = "desk.indicator_cleared"
	}
	return d.say(id, "Ref", c.Ref, "Name", flows.M("desk.indicator_"+string(ind)))
}

// indicatorButton toggles an indicator and shows the checklist again.
func (d *Cmd) indicatorButton(data string) error {
	name, ref, _ := strings.Cut(data, ":")
	ind, err := desk.ParseIndicator(name)
	r, rerr := desk.ParseRef(ref)
	if err != nil || rerr != nil {
		d.h.log.Warn("refused forged desk button", "user_id", d.in.UserID, "chat_id", d.in.ChatID)
		return d.say("common.stale_button")
	}
	c, err := d.desk.Case(d.ctx, r)
	if flows.ErrorCode(err) == flows.ENotFound {
		return d.say("desk.no_case", "Ref", r)
	}
	if err != nil {
		return err
	}
	marks, err := d.effectiveIndicators(c)
	if err != nil {
		return err
	}
	present, note := true, ""
	for _, m := range marks {
		if m.Indicator == ind && m.Present {
			present, note = false, m.Note
		}
	}
	if present {
		for _, m := range marks {
			if m.Indicator == ind {
				note = m.Note // ticked again: its note comes back
			}
		}
	}
	if err := d.markIndicator(c, ind, present, note); err != nil {
		return err
	}
	return d.showIndicators(c)
}

// markIndicator records an indicator on the case, its timeline and the
// audit log.
func (d *Cmd) markIndicator(c *desk.Case, ind desk.Indicator, present bool, note string) error {
	m := desk.IndicatorMark{Indicator: ind, Present: present, Note: note, Source: desk.SourceStaff, By: d.staff.UserID, At: d.now}
	if err := d.desk.MarkIndicator(d.ctx, c.ID, m); err != nil {
		return err
	}
	state := "off"
	if present {
		state = "on"
	}
	ev := desk.Event{Kind: desk.EventIndicator, ActorID: d.staff.UserID, Text: note, At: d.now,
		Data: map[string]string{"indicator": string(ind), "present": map[bool]string{true: "true", false: "false"}[present]}}
	if _, err := d.desk.AddEvent(d.ctx, c.ID, ev); err != nil {
		return err
	}
	return d.audit(c.ID, string(ind)+" "+state)
}

// effectiveIndicators are the case's marks, with the indicators its
// reporter's answers show and no one has marked yet.
func (d *Cmd) effectiveIndicators(c *desk.Case) ([]desk.IndicatorMark, error) {
	marks, err := d.desk.IndicatorMarks(d.ctx, c.ID)
	if err != nil {
		return nil, err
	}
	return desk.Effective(marks, c.Answers, c.CreatedAt), nil
}

// showIndicators sends the checklist: every indicator, ticked or not,
// with its note, and a button to tick or clear each.
func (d *Cmd) showIndicators(c *desk.Case) error {
	marks, err := d.effectiveIndicators(c)
	if err != nil {
		return err
	}
	byInd := make(map[desk.Indicator]desk.IndicatorMark, len(marks))
	for _, m := range marks {
		byInd[m.Indicator] = m
	}
	r := d.h.render
	lines := []string{r.Text(d.lang, flows.M("desk.indicators_header", "Ref", c.Ref, "Count", desk.Recorded(marks))), ""}
	var rows [][]mailbox.Button
	for i, ind := range desk.Indicators {
		m, box := byInd[ind], "☐"
		if m.Present {
			box = "☑"
		}
		name := r.Text(d.lang, flows.M("desk.indicator_"+string(ind)))
		line := box + " " + name + " (" + string(ind) + ")"
		if m.Note != "" {
			line += ": " + mailbox.Truncate(m.Note, 200)
		}
		if m.Present && m.Source == desk.SourceReporter {
			line += " · " + r.Text(d.lang, flows.M("desk.indicator_from_reporter"))
		}
		lines = append(lines, line)
		if i%indicatorsPerRow == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], mailbox.Button{Text: box + " " + name,
			Data: deskData + deskDataIndicator + ":" + string(ind) + ":" + string(c.Ref)})
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: rows}
	return d.queue(d.in.ChatID, mailbox.PriorityHigh, mailbox.MethodSendMessage, body, c.ID)
}

// indicatorsLine is /case's count of recorded indicators, for distress
// cases and any case with one recorded; "" otherwise.
func (d *Cmd) indicatorsLine(c *desk.Case) (string, error) {
	marks, err := d.effectiveIndicators(c)
	if err != nil {
		return "", err
	}
	n := desk.Recorded(marks)
	if n == 0 && c.Type != desk.TypeDistress {
		return "", nil
	}
	return d.h.render.Text(d.lang, flows.M("desk.indicators_count", "Ref", c.Ref, "Count", n)), nil
}

// indicatorList names the indicators as commands take them.
func indicatorList() string {
	names := make([]string, 0, len(desk.Indicators))
	for _, ind := range desk.Indicators {
		names = append(names, string(ind))
	}
	return strings.Join(names, ", ")
}
