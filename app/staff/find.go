package staff

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

const (
	// findLimit is how many cases /find lists.
	findLimit = 20
	// maxFindRunes bounds the search text.
	maxFindRunes = 100
)

// find searches cases by reference, name, phone, passport or compound
// (/find text), open ones first. The search text may be a phone number:
// it goes neither into the audit log nor into the logs, only its length.
func (d *Cmd) find() error {
	text := d.args
	if text == "" {
		return d.usage("")
	}
	n := len([]rune(text))
	if n > maxFindRunes {
		return d.say("common.too_long", "Max", maxFindRunes)
	}
	cases, err := d.desk.Find(d.ctx, text, findLimit+1)
	if err != nil {
		return err
	}
	if byPassport, err := d.passportCases(text); err != nil {
		return err
	} else if len(byPassport) > 0 {
		cases = append(byPassport, cases...)
	}
	if err := d.audit(0, "length="+strconv.Itoa(n)+" found="+strconv.Itoa(min(len(cases), findLimit))); err != nil {
		return err
	}
	if len(cases) == 0 {
		return d.say("desk.find_none")
	}
	capped := len(cases) > findLimit
	cases = cases[:min(len(cases), findLimit)]
	names, err := d.staffNames()
	if err != nil {
		return err
	}
	lines := []string{d.h.render.Text(d.lang, flows.M("desk.find_header", "Count", len(cases)))}
	for i := range cases {
		lines = append(lines, d.caseLine(&cases[i], names))
	}
	if capped {
		lines = append(lines, d.h.render.Text(d.lang, flows.M("desk.find_capped", "Max", findLimit)))
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes), Inline: d.refButtons(cases)}
	return d.queue(d.in.ChatID, mailbox.PriorityHigh, mailbox.MethodSendMessage, body, 0)
}

// passportCases finds cases by a sealed passport number: passport numbers
// are stored encrypted, so /find compares keyed hashes instead of text.
func (d *Cmd) passportCases(text string) ([]desk.Case, error) {
	n, ok := desk.PassportNumber(text)
	if d.h.sealer == nil || !ok {
		return nil, nil
	}
	ids, err := d.desk.PassportCases(d.ctx, d.h.sealer.Hash(n))
	if err != nil {
		return nil, err
	}
	out := make([]desk.Case, 0, len(ids))
	for _, id := range ids {
		c, err := d.desk.CaseByID(d.ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}
