package staff

import (
	"context"
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
	// 50 MB; the file is made in memory when it is sent (never stored),
	// and 20 MB is tens of thousands of cases, more than a month of the
	// desk's work.
	maxExportBytes = 20 << 20
	// dateLayout is how staff write dates.
	dateLayout = "2006-01-02"
)

// export sends the cases opened in a period as a CSV document to the
// supervisor's private chat (/export [from] [to], dates inclusive, in
// Phnom Penh time). Passport numbers are masked: the file leaves the bot
// for the task force's computers, and the desk keeps the full number in
// /case. The outbox keeps only the export's recipe (who, which days,
// when): the transport makes the file again from the case tables when it
// sends it (MakeExport), so no copy of it is ever stored.
func (d *Cmd) export() error {
	loc := desk.DefaultLocation()
	from, to, ok, err := d.exportPeriod(loc)
	if !ok || err != nil {
		return err
	}
	fromDay, toDay := from.Format(dateLayout), to.Format(dateLayout)
	// Made now only to answer at once (too big, empty), then dropped.
	data, n, err := casecsv.Export(d.ctx, d.desk, from, exportEnd(to, d.now), loc, maxExportBytes)
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
	doc := mailbox.Call{Text: mailbox.Truncate(caption, mailbox.MaxCaptionRunes), Document: &mailbox.Document{
		Kind: mailbox.DocExport, By: d.staff.UserID, At: d.now, From: fromDay, To: toDay}}
	if err := d.queue(private, mailbox.PriorityNormal, mailbox.MethodSendDocument, doc, 0); err != nil {
		return err
	}
	if d.in.ChatID != private {
		return d.say("desk.export_sent_private")
	}
	return nil
}

// exportEnd is where an export of the days up to last ends: the end of
// that day, or the time it was asked for when that is earlier, so the
// file made when it is sent holds the cases counted when it was asked for.
func exportEnd(last, at time.Time) time.Time {
	end := last.AddDate(0, 0, 1)
	if at.Before(end) {
		return at
	}
	return end
}

// MakeExport makes the file an export's recipe names, from the case
// tables in st, for the staff member by, who asked for it. Errors:
// invalid when it can no longer be made as asked (a supervisor no more,
// a file grown too big); others are the store's.
func MakeExport(ctx context.Context, st desk.Store, by *desk.Staff, doc mailbox.Document) (mailbox.File, error) {
	if !by.Supervisor() {
		return mailbox.File{}, flows.Errorf(flows.EInvalid, "export for %d: no longer a supervisor", by.UserID)
	}
	loc := desk.DefaultLocation()
	from, ferr := time.ParseInLocation(dateLayout, doc.From, loc)
	to, terr := time.ParseInLocation(dateLayout, doc.To, loc)
	if ferr != nil || terr != nil {
		return mailbox.File{}, flows.Errorf(flows.EInvalid, "export for %d: bad period %q to %q", by.UserID, doc.From, doc.To)
	}
	data, _, err := casecsv.Export(ctx, st, from, exportEnd(to, doc.At), loc, maxExportBytes)
	switch {
	case err != nil:
		return mailbox.File{}, err
	case data == nil:
		return mailbox.File{}, flows.Errorf(flows.EInvalid, "export %s to %s: more than %d MB", doc.From, doc.To, maxExportBytes>>20)
	}
	return mailbox.File{Name: "korean-desk-" + doc.From + "-" + doc.To + ".csv", Data: data}, nil
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
