package staff

import (
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/app/staff/casecsv"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

const (
	// exportDays is the period /export covers without dates: the last
	// 30 days, today included.
	exportDays = 30
	// maxExportBytes caps the CSV file. Telegram takes uploads of up to
	// 50 MB, but the file travels through the outbox as one JSON row
	// (base64, a third larger) that the dispatcher holds in memory; 20 MB
	// is tens of thousands of cases, more than a month of the desk's work.
	maxExportBytes = 20 << 20
	// dateLayout is how staff write dates.
	dateLayout = "2006-01-02"
)

// export sends the cases opened in a period as a CSV document to the
// supervisor's private chat (/export [from] [to], dates inclusive, in
// Phnom Penh time). Passport numbers are masked: the file leaves the bot
// for the task force's computers, and the desk keeps the full number in
// /case.
func (d *Cmd) export() error {
	loc := desk.DefaultLocation()
	from, to, ok, err := d.exportPeriod(loc)
	if !ok || err != nil {
		return err
	}
	fromDay, toDay := from.Format(dateLayout), to.Format(dateLayout)
	names, err := d.staffNames() // before the export: its loop must not use the store
	if err != nil {
		return err
	}
	data, n, err := d.exportCSV(from, to.AddDate(0, 0, 1), names, loc)
	if err != nil {
		return err
	}
	switch {
	case data == nil:
		return d.say("desk.export_too_big", "From", fromDay, "To", toDay, "Max", maxExportBytes>>20)
	case n == 0:
		return d.say("desk.export_empty", "From", fromDay, "To", toDay)
	}
	if err := d.audit(0, "from="+fromDay+" to="+toDay+" cases="+strconv.Itoa(n)); err != nil {
		return err
	}
	private := Recipient(d.staff).ID
	caption := d.h.render.Text(d.lang, flows.M("desk.export_caption", "From", fromDay, "To", toDay, "Count", n))
	doc := mailbox.Call{Text: mailbox.Truncate(caption, mailbox.MaxCaptionRunes), FileName: "korean-desk-" + fromDay + "-" + toDay + ".csv", FileData: data}
	if err := d.queue(private, mailbox.PriorityNormal, mailbox.MethodSendDocument, doc, 0); err != nil {
		return err
	}
	if d.in.ChatID != private {
		return d.say("desk.export_sent_private")
	}
	return nil
}

// exportPeriod reads /export's dates: none for the last exportDays days,
// one for that day until today, two for that period. ok is false when it
// answered the staff member itself.
func (d *Cmd) exportPeriod(loc *time.Location) (from, to time.Time, ok bool, err error) {
	args := strings.Fields(d.args)
	if len(args) > 2 {
		return from, to, false, d.usage("")
	}
	to = desk.StartOfDay(d.now, loc)
	from = to.AddDate(0, 0, 1-exportDays)
	for i, a := range args {
		day, perr := time.ParseInLocation(dateLayout, a, loc)
		if perr != nil {
			return from, to, false, d.say("desk.bad_date", "Date", a)
		}
		if i == 0 {
			from = day
		} else {
			to = day
		}
	}
	if from.After(to) {
		return from, to, false, d.say("desk.export_range", "From", from.Format(dateLayout), "To", to.Format(dateLayout))
	}
	return from, to, true, nil
}

// exportCSV writes the cases created in [from, to) as CSV. It returns nil
// data when the file would pass maxExportBytes.
func (d *Cmd) exportCSV(from, to time.Time, names map[int64]string, loc *time.Location) ([]byte, int, error) {
	f, err := casecsv.New(names, loc)
	if err != nil {
		return nil, 0, err
	}
	marks, err := d.desk.IndicatorsCreated(d.ctx, from, to) // before the export: its loop must not use the store
	if err != nil {
		return nil, 0, err
	}
	n := 0
	for c, err := range d.desk.Export(d.ctx, from, to) {
		if err != nil {
			return nil, 0, err
		}
		if err := f.Add(&c, desk.Effective(marks[c.ID], c.Answers, c.CreatedAt)); err != nil {
			return nil, 0, err
		}
		n++
		if f.Len() > maxExportBytes {
			return nil, n, nil
		}
	}
	data, err := f.Bytes()
	if err != nil || len(data) > maxExportBytes {
		return nil, n, err
	}
	return data, n, nil
}
