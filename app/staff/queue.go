package staff

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

const (
	// queuePage is how many cases one /queue message lists.
	queuePage = 20
	// maxQueueOffset bounds the offset a page button may carry.
	maxQueueOffset = 1_000_000
	// deskDataPage is the action of the queue's paging buttons:
	// d:page:<filter>:<offset>.
	deskDataPage = "page"
	// refButtonsPerRow is how many case buttons share a row under a list.
	refButtonsPerRow = 4
)

// listQueue shows the first page of the open cases (/queue [filter]).
func (d *Cmd) listQueue() error {
	f, err := desk.ParseFilter(d.args)
	if err != nil {
		return d.usage("")
	}
	return d.showQueue(f, 0)
}

// page runs a queue paging button; data is "<filter>:<offset>". Forged
// data is refused like any stale button.
func (d *Cmd) page(data string) error {
	name, off, _ := strings.Cut(data, ":")
	f, ferr := desk.ParseFilter(name)
	n, nerr := strconv.Atoi(off)
	if name == "" || ferr != nil || nerr != nil || n < 0 || n > maxQueueOffset || n%queuePage != 0 {
		d.h.log.Warn("refused forged desk button", "user_id", d.in.UserID, "chat_id", d.in.ChatID)
		return d.say("common.stale_button")
	}
	return d.showQueue(f, n)
}

// showQueue lists one page of the queue, urgent first then oldest, with a
// button per case and Prev / Next buttons.
func (d *Cmd) showQueue(f desk.Filter, offset int) error {
	cases, total, err := d.desk.Queue(d.ctx, f, d.staff.UserID, queuePage, offset)
	if err != nil {
		return err
	}
	if len(cases) == 0 && total > 0 {
		// Cases were closed since the button was drawn: show the last page.
		offset = (total - 1) / queuePage * queuePage
		if cases, total, err = d.desk.Queue(d.ctx, f, d.staff.UserID, queuePage, offset); err != nil {
			return err
		}
	}
	if err := d.audit(0, "filter="+string(f)+" offset="+strconv.Itoa(offset)); err != nil {
		return err
	}
	filter := flows.M("desk.filter_" + string(f))
	if len(cases) == 0 {
		return d.say("desk.queue_empty", "Filter", filter)
	}
	names, err := d.staffNames()
	if err != nil {
		return err
	}
	r := d.h.render
	lines := []string{r.Text(d.lang, flows.M("desk.queue_header", "Filter", filter,
		"From", offset+1, "To", offset+len(cases), "Total", total))}
	for i := range cases {
		lines = append(lines, d.caseLine(&cases[i], names))
	}
	buttons := d.refButtons(cases)
	var nav []mailbox.Button
	if offset > 0 {
		nav = append(nav, mailbox.Button{Text: r.Text(d.lang, flows.M("desk.button_prev")), Data: pageData(f, max(offset-queuePage, 0))})
	}
	if offset+len(cases) < total {
		nav = append(nav, mailbox.Button{Text: r.Text(d.lang, flows.M("desk.button_next")), Data: pageData(f, offset+queuePage)})
	}
	if len(nav) > 0 {
		buttons = append(buttons, nav)
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: buttons}
	return d.queue(d.in.ChatID, mailbox.PriorityHigh, mailbox.MethodSendMessage, body, 0)
}

func pageData(f desk.Filter, offset int) string {
	return deskData + deskDataPage + ":" + string(f) + ":" + strconv.Itoa(offset)
}
