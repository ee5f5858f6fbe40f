package staff

import (
	"strings"
	"time"

	"github.com/koreandesk/hotline/app/staff/stats"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// stats shows the queue at a glance (/stats): the report's text, then its
// chart as a photo with the caption that explains it.
func (d *Cmd) stats() error {
	loc := desk.DefaultLocation()
	st, err := d.desk.Stats(d.ctx, d.now, loc)
	if err != nil {
		return err
	}
	tr, err := d.desk.Trends(d.ctx, d.now, loc)
	if err != nil {
		return err
	}
	if err := d.audit(0, ""); err != nil {
		return err
	}
	span := func(x time.Duration) string { return d.span(x, time.Second, 2) }
	text := strings.Join(stats.Text(d.h.render, d.lang, st, span), "\n")
	if err := d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.Literal(text)}); err != nil {
		return err
	}
	png, err := stats.Render(stats.ChartData(tr, st))
	if err != nil {
		return err
	}
	photo := mailbox.Call{Text: stats.Caption(d.h.render, d.lang), FileName: "stats.png", FileData: png}
	return d.queue(d.in.ChatID, d.prio, mailbox.MethodSendPhoto, photo, 0)
}
