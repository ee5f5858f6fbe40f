package staff

import (
	"slices"
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
	sealed, err := d.sealedCases(text)
	if err != nil {
		return err
	}
	seen := map[int64]bool{}
	cases = slices.DeleteFunc(append(sealed, cases...), func(c desk.Case) bool { // each case once
		defer func() { seen[c.ID] = true }()
		return seen[c.ID]
	})
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

// sealedCases finds cases by a sealed passport or phone number (a family
// inquiry's callback number): such numbers are stored encrypted, so /find
// compares keyed hashes instead of text. A phone number is read however it
// is written; one that could be Korean or Cambodian is looked up as both.
func (d *Cmd) sealedCases(text string) ([]desk.Case, error) {
	if d.h.sealer == nil {
		return nil, nil
	}
	var ids []int64
	if n, ok := desk.PassportNumber(text); ok {
		got, err := d.desk.PassportCases(d.ctx, d.h.sealer.Hash(n))
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
	}
	var hashes [][]byte
	for _, region := range []phone.Region{phone.Guess, phone.Korea, phone.Cambodia} {
		if n, err := phone.Parse(text, region); err == nil {
			hashes = append(hashes, d.h.sealer.Hashes(desk.KindPhone, n)...)
		}
	}
	if len(hashes) > 0 {
		got, err := d.desk.PhoneCases(d.ctx, hashes)
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
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
