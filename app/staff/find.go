package staff

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/desk/phone"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

const (
	// findLimit is how many cases /find lists.
	findLimit = 20
	// maxFindRunes bounds the search text.
	maxFindRunes = 100
)

// find searches cases by reference, name, phone (a sealed callback number
// by its keyed hash), passport or compound
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
	byPhone, err := d.phoneCases(text)
	if err != nil {
		return err
	}
	cases = dedupe(append(byPhone, cases...))
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

// phoneCases finds cases by a sealed phone number (a family inquiry's
// callback number), compared by keyed hash under every configured key.
// The text is read as a phone number however it is written; a national
// number that could be Korean or Cambodian is looked up as both.
func (d *Cmd) phoneCases(text string) ([]desk.Case, error) {
	if d.h.sealer == nil {
		return nil, nil
	}
	var hashes [][]byte
	for _, region := range []phone.Region{phone.Guess, phone.Korea, phone.Cambodia} {
		if n, err := phone.Parse(text, region); err == nil {
			hashes = append(hashes, d.h.sealer.Hashes(desk.KindPhone, n)...)
		}
	}
	if len(hashes) == 0 {
		return nil, nil
	}
	ids, err := d.desk.PhoneCases(d.ctx, hashes)
	if err != nil {
		return nil, err
	}
	return d.casesByID(ids)
}

// casesByID loads cases by their ids.
func (d *Cmd) casesByID(ids []int64) ([]desk.Case, error) {
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

// dedupe keeps the first of each case.
func dedupe(cases []desk.Case) []desk.Case {
	seen := make(map[int64]bool, len(cases))
	out := cases[:0]
	for _, c := range cases {
		if !seen[c.ID] {
			seen[c.ID] = true
			out = append(out, c)
		}
	}
	return out
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
	return d.casesByID(ids)
}
