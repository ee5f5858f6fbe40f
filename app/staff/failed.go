package staff

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// failedLimit is how many set-aside updates /failed lists.
const failedLimit = 20

// failed lists the updates set aside (/failed), or puts one back in the
// inbox after a fix (/failed retry UPDATE_ID). The list shows no content:
// the chat, its open case, when, how often it was tried and why.
func (d *Cmd) failed() error {
	sub, arg, _ := strings.Cut(strings.TrimSpace(d.args), " ")
	switch strings.ToLower(sub) {
	case "":
		return d.listFailed()
	case "retry":
		id, err := strconv.ParseInt(strings.TrimSpace(arg), 10, 64)
		if err != nil || id <= 0 {
			return d.usage("")
		}
		return d.retryFailed(id)
	}
	return d.usage("")
}

func (d *Cmd) listFailed() error {
	failed, err := d.tx.FailedUpdates(d.ctx, failedLimit)
	if err != nil {
		return err
	}
	if err := d.audit(0, ""); err != nil {
		return err
	}
	if len(failed) == 0 {
		return d.say("desk.failed_none")
	}
	r := d.h.render
	lines := []string{r.Text(d.lang, flows.M("desk.failed_title", "Count", len(failed)))}
	for _, f := range failed {
		ref := "—"
		if c, err := d.desk.OpenCaseOf(d.ctx, f.ChatID); err == nil {
			ref = string(c.Ref)
		}
		reason := f.Reason
		if f.Quarantined {
			reason = r.Text(d.lang, flows.M("desk.failed_quarantined"))
		}
		lines = append(lines, "• "+r.Text(d.lang, flows.M("desk.failed_line", "Update", f.UpdateID, "Chat", f.ChatID,
			"Ref", ref, "At", f.At.In(desk.DefaultLocation()).Format("01-02 15:04"), "Attempts", f.Attempts, "Reason", mailbox.Truncate(mailbox.OneLine(reason), 120))))
	}
	lines = append(lines, r.Text(d.lang, flows.M("desk.failed_hint")))
	return d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.Literal(strings.Join(lines, "\n"))})
}

func (d *Cmd) retryFailed(id int64) error {
	err := d.tx.RequeueUpdate(d.ctx, id)
	if flows.ErrorCode(err) == flows.ENotFound {
		return d.say("desk.failed_unknown", "Update", id)
	}
	if err != nil {
		return err
	}
	e := desk.AuditEntry{ActorID: d.staff.UserID, Action: desk.ActionFailedRetry, Detail: strconv.FormatInt(id, 10), At: d.now}
	if err := d.desk.Audit(d.ctx, e); err != nil {
		return err
	}
	return d.say("desk.failed_requeued", "Update", id)
}
