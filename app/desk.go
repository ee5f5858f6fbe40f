package app

import (
	"errors"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// deskCmd is one desk command or button press by a staff member.
type deskCmd struct {
	*turn
	staff *desk.Staff
	lang  string // the staff member's language
	args  string
}

// deskCommand is a staff command; supervisor ones are refused to agents.
type deskCommand struct {
	run        func(*deskCmd) error
	supervisor bool
}

// deskCommands are invisible to everyone who is not active staff: for
// them a desk command is an unknown command like any other.
var deskCommands = map[string]deskCommand{
	"claim": {run: (*deskCmd).claim},
	"case":  {run: (*deskCmd).show},
	"reply": {run: (*deskCmd).reply},
	"close": {run: (*deskCmd).close},

	"queue":    {run: (*deskCmd).listQueue},
	"note":     {run: (*deskCmd).note},
	"priority": {run: (*deskCmd).priority},
	"assign":   {run: (*deskCmd).assign},
	"reopen":   {run: (*deskCmd).reopen},
	"find":     {run: (*deskCmd).find},
	"stats":    {run: (*deskCmd).stats},
	"export":   {run: (*deskCmd).export, supervisor: true},
	"staff":    {run: (*deskCmd).staffCmd}, // duty for everyone; add, remove, list checked inside
	"block":    {run: (*deskCmd).block},
	"flag":     {run: (*deskCmd).flag},
	"risk":     {run: (*deskCmd).risk},
}

// deskStep runs desk commands, desk buttons and staff replies to case
// messages. It returns false for anything else, and for anyone who is not
// staff, so their input goes on as a reporter's.
func (h *Handler) deskStep(t *turn) (bool, error) {
	in := t.in
	cmd, isCmd := deskCommands[in.Command]
	isCmd = isCmd && in.Kind == flows.KindCommand
	isButton := in.Kind == flows.KindCallback && strings.HasPrefix(in.Data, deskData)
	isReply := t.in.ReplyTo != 0 && in.Kind != flows.KindCommand && in.Kind != flows.KindCallback
	if !isCmd && !isButton && !isReply {
		return false, nil
	}
	st, err := t.desk.Staff(t.ctx, in.UserID)
	if flows.ErrorCode(err) == flows.ENotFound {
		if isCmd || isButton {
			h.log.Warn("refused desk input from non-staff", "user_id", in.UserID, "chat_id", in.ChatID, "command", in.Command)
		}
		return false, nil
	}
	if err != nil {
		return true, err
	}
	if t.in.SenderName != "" && t.in.SenderName != st.Name {
		if err := t.desk.SetStaffName(t.ctx, st.UserID, t.in.SenderName, st.Username, t.now); err != nil {
			return true, err
		}
	}
	d := &deskCmd{turn: t, staff: st, lang: staffRecipient(st).lang, args: strings.TrimSpace(in.Args)}
	switch {
	case isCmd && (cmd.supervisor || supervisorOnly[in.Command]) && !st.Supervisor():
		return true, d.say("desk.supervisors_only")
	case isCmd:
		return true, cmd.run(d)
	case isButton:
		return true, d.button()
	}
	caseID, err := t.tx.MessageCase(t.ctx, in.ChatID, int64(t.in.ReplyTo))
	if flows.ErrorCode(err) == flows.ENotFound {
		return false, nil // a reply to something that is not about a case
	}
	if err != nil {
		return true, err
	}
	c, err := t.desk.CaseByID(t.ctx, caseID)
	if err != nil {
		return true, err
	}
	return true, d.replyWith(c, in.Text)
}

// say answers the staff member in their language.
func (d *deskCmd) say(id string, kv ...any) error {
	return d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.M(id, kv...)})
}

// audit records a staff action; caseID may be 0.
func (d *deskCmd) audit(action string, caseID int64, detail string) error {
	e := desk.AuditEntry{ActorID: d.staff.UserID, Action: action, Detail: detail, At: d.now}
	if caseID != 0 {
		e.CaseID = &caseID
	}
	return d.desk.Audit(d.ctx, e)
}

// caseArg reads a case reference from the first word of the arguments and
// loads the case. When it answers the staff member itself (no reference,
// no such case) it returns a nil case and a nil error.
func (d *deskCmd) caseArg(usage string) (*desk.Case, string, error) {
	word, rest, _ := strings.Cut(d.args, " ")
	if word == "" {
		return nil, "", d.say("desk.usage", "Usage", usage)
	}
	ref, err := desk.ParseRef(word)
	if err != nil {
		return nil, "", d.say("desk.bad_ref", "Ref", word)
	}
	c, err := d.desk.Case(d.ctx, ref)
	if flows.ErrorCode(err) == flows.ENotFound {
		return nil, "", d.say("desk.no_case", "Ref", ref)
	}
	return c, strings.TrimSpace(rest), err
}

// staffName names a staff member for other staff.
func (d *deskCmd) staffName(id int64) string {
	st, err := d.desk.Staff(d.ctx, id)
	if err != nil || st.Name == "" {
		return "#" + itoa(id)
	}
	if st.Username != "" {
		return st.Name + " (@" + st.Username + ")"
	}
	return st.Name
}

// tellReporter sends a message to the case's reporter in their language.
func (d *deskCmd) tellReporter(c *desk.Case, rep flows.Reply) error {
	return d.send(c.ReporterChatID, c.ReporterLang, c.ID, rep)
}

// button runs a Claim / Open / Close button. Forged or stale data is
// refused like any stale button.
func (d *deskCmd) button() error {
	action, ref, _ := strings.Cut(strings.TrimPrefix(d.in.Data, deskData), ":")
	if action == deskDataPage {
		return d.page(ref) // d:page:<filter>:<offset>, not a reference
	}
	if _, err := desk.ParseRef(ref); err != nil {
		d.h.log.Warn("refused forged desk button", "user_id", d.in.UserID, "chat_id", d.in.ChatID)
		return d.say("common.stale_button")
	}
	d.args = ref
	switch action {
	case deskDataClaim:
		return d.claim()
	case deskDataOpen:
		return d.show()
	case deskDataClose:
		return d.close()
	}
	d.h.log.Warn("refused forged desk button", "user_id", d.in.UserID, "chat_id", d.in.ChatID)
	return d.say("common.stale_button")
}

// claim takes an unassigned case. Of two officers claiming at once one
// wins; the other is told who has it.
func (d *deskCmd) claim() error {
	c, _, err := d.caseArg("/claim KD-7Q3M")
	if c == nil || err != nil {
		return err
	}
	ref := c.Ref
	c, err = d.desk.Claim(d.ctx, ref, d.staff.UserID, d.now)
	var taken *desk.ClaimedError
	switch {
	case errors.As(err, &taken):
		return d.say("desk.claim_taken", "Ref", taken.Ref, "Name", d.staffName(taken.By))
	case errors.Is(err, desk.ErrClosed):
		return d.say("desk.case_closed", "Ref", ref)
	case err != nil:
		return err
	}
	if err := d.audit(desk.ActionCaseClaim, c.ID, ""); err != nil {
		return err
	}
	return d.say("desk.claimed", "Ref", c.Ref)
}

// reply sends the staff member's words to the reporter.
func (d *deskCmd) reply() error {
	c, text, err := d.caseArg("/reply KD-7Q3M text")
	if c == nil || err != nil {
		return err
	}
	if text == "" {
		return d.say("desk.usage", "Usage", "/reply "+string(c.Ref)+" text")
	}
	return d.replyWith(c, text)
}

// replyWith delivers a reply under a localised "Korean Desk" header in the
// reporter's language, records it, and claims an unclaimed case for the
// officer who answered.
func (d *deskCmd) replyWith(c *desk.Case, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return d.say("desk.reply_empty", "Ref", c.Ref)
	}
	if len([]rune(text)) > flows.MaxTextRunes-200 {
		return d.say("common.too_long", "Max", flows.MaxTextRunes-200)
	}
	if c.Open() && c.AssigneeID == nil {
		claimed, err := d.desk.Claim(d.ctx, c.Ref, d.staff.UserID, d.now)
		if err == nil {
			c = claimed
		} else if flows.ErrorCode(err) != flows.EConflict {
			return err
		}
	}
	if _, err := d.desk.AddEvent(d.ctx, c.ID, desk.Event{Kind: desk.EventReplyOut, ActorID: d.staff.UserID, Text: text, At: d.now}); err != nil {
		return err
	}
	rep := flows.Reply{Text: flows.M("desk.reply_header", "Ref", c.Ref), Lines: []flows.Msg{flows.Literal(text)}}
	if err := d.tellReporter(c, rep); err != nil {
		return err
	}
	if err := d.audit(desk.ActionCaseReply, c.ID, ""); err != nil {
		return err
	}
	return d.say("desk.reply_sent", "Ref", c.Ref, "Lang", flows.LanguageNames[c.ReporterLang])
}

// close ends a case, with an optional resolution, and tells the reporter.
func (d *deskCmd) close() error {
	c, resolution, err := d.caseArg("/close KD-7Q3M [resolution]")
	if c == nil || err != nil {
		return err
	}
	status := desk.StatusClosed
	if resolution != "" {
		status = desk.StatusResolved
	}
	wasOpen := c.Open()
	c, err = d.desk.Close(d.ctx, c.Ref, status, resolution, d.staff.UserID, d.now)
	if err != nil {
		return err
	}
	if err := d.audit(desk.ActionCaseClose, c.ID, resolution); err != nil {
		return err
	}
	if wasOpen {
		if err := d.tellReporter(c, flows.Reply{Text: flows.M("case.closed_reporter", "Ref", c.Ref)}); err != nil {
			return err
		}
	}
	return d.say("desk.closed", "Ref", c.Ref)
}
