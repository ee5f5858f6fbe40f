package staff

import (
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// say answers the staff member in their language.
func (d *Cmd) say(id string, kv ...any) error {
	return d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.M(id, kv...)})
}

// audit records the command's action; caseID may be 0.
func (d *Cmd) audit(caseID int64, detail string) error { return d.auditAs(d.cmd.Audit, caseID, detail) }

// auditAs records action, one of desk.Actions; caseID may be 0.
func (d *Cmd) auditAs(action string, caseID int64, detail string) error {
	e := desk.AuditEntry{ActorID: d.staff.UserID, Action: action, Detail: detail, At: d.now}
	if caseID != 0 {
		e.CaseID = &caseID
	}
	return d.desk.Audit(d.ctx, e)
}

// caseArg reads a case reference from the first word of the arguments and
// loads the case. When it answers the staff member itself (no reference,
// no such case) it returns a nil case and a nil error.
func (d *Cmd) caseArg() (*desk.Case, string, error) {
	word, rest, _ := strings.Cut(d.args, " ")
	if word == "" {
		return nil, "", d.usage("")
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
func (d *Cmd) staffName(id int64) string {
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
// Whether it makes a sound follows the one rule of every message to a
// chat: the chat's quiet flag (after "not safe to talk", /forget,
// check-ins, or when the reporter asks), applied as it is queued.
func (d *Cmd) tellReporter(c *desk.Case, rep flows.Reply) error {
	return d.send(c.ReporterChatID, c.ReporterLang, c.ID, rep)
}

// buttonCommands are the commands the case buttons run.
var buttonCommands = map[string]string{deskDataClaim: "claim", deskDataOpen: "case", deskDataClose: "close"}

// button runs a Claim / Open / Close button. Forged or stale data is
// refused like any stale button.
func (d *Cmd) button() error {
	action, ref, _ := strings.Cut(strings.TrimPrefix(d.in.Data, deskData), ":")
	if action == deskDataPage {
		d.cmd = byName["queue"]
		return d.page(ref) // d:page:<filter>:<offset>, not a reference
	}
	if action == deskDataIndicator {
		d.cmd = byName["indicators"]
		return d.indicatorButton(ref) // d:ind:<indicator>:<reference>
	}
	if _, err := desk.ParseRef(ref); err != nil {
		d.h.log.Warn("refused forged desk button", "user_id", d.in.UserID, "chat_id", d.in.ChatID)
		return d.say("common.stale_button")
	}
	d.args = ref
	if name, ok := buttonCommands[action]; ok {
		return d.run(byName[name])
	}
	d.h.log.Warn("refused forged desk button", "user_id", d.in.UserID, "chat_id", d.in.ChatID)
	return d.say("common.stale_button")
}
