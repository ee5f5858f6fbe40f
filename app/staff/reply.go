package staff

import (
	"strings"

	"github.com/koreandesk/hotline/app/staff/library"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// reply sends the staff member's words to the reporter.
func (d *Cmd) reply() error {
	c, text, err := d.caseArg()
	if c == nil || err != nil {
		return err
	}
	if text == "" {
		return d.usage(c.Ref)
	}
	return d.replyWith(c, text)
}

// replyTemplate sends a template of the library in the reporter's
// language, with the officer's own words after it as typed
// (/reply REF #key [more text]).
func (d *Cmd) replyTemplate(c *desk.Case, text string) error {
	key, extra, _ := strings.Cut(strings.TrimPrefix(text, "#"), " ")
	if k, more, ok := strings.Cut(key, "\n"); ok { // "#key" then a new line
		key, extra = k, strings.TrimSpace(more+" "+extra)
	}
	key = strings.ToLower(key)
	t, ok, err := library.Find(d.ctx, d.desk, key)
	if err != nil {
		return err
	}
	if !ok {
		return d.say("desk.template_unknown", "Key", key)
	}
	lang := reporterLang(c)
	body := t.Text(d.h.render, lang)
	if extra = strings.TrimSpace(extra); extra != "" {
		body += "\n\n" + extra
	}
	if err := d.deliver(c, body, "#"+key); err != nil {
		return err
	}
	mine := t.Text(d.h.render, d.lang)
	if extra != "" {
		mine += "\n\n" + extra
	}
	return d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.M("desk.template_sent", "Key", key, "Ref", c.Ref,
		"Lang", flows.LanguageNames[lang]), Lines: []flows.Msg{flows.Literal(mine)}})
}

// reporterLang is the language the reporter reads: theirs, or English.
func reporterLang(c *desk.Case) string {
	if flows.MatchLanguage(c.ReporterLang) != "" {
		return flows.MatchLanguage(c.ReporterLang)
	}
	return "en"
}

// replyWith delivers a reply under a localised "Korean Desk" header in the
// reporter's language, records it, and claims an unclaimed case for the
// officer who answered.
func (d *Cmd) replyWith(c *desk.Case, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return d.say("desk.reply_empty", "Ref", c.Ref)
	}
	if strings.HasPrefix(text, "#") {
		return d.replyTemplate(c, text)
	}
	if len([]rune(text)) > flows.MaxTextRunes-200 {
		return d.say("common.too_long", "Max", flows.MaxTextRunes-200)
	}
	if err := d.deliver(c, text, ""); err != nil {
		return err
	}
	return d.say("desk.reply_sent", "Ref", c.Ref, "Lang", flows.LanguageNames[c.ReporterLang])
}

// deliver sends text to the reporter under the neutral header, quietly
// when they cannot talk safely, records it on the timeline and in the
// audit log (detail names a template), and claims an unclaimed case for
// the officer who answered.
func (d *Cmd) deliver(c *desk.Case, text, detail string) error {
	if c.Open() && c.AssigneeID == nil {
		claimed, err := d.desk.Claim(d.ctx, c.Ref, d.staff.UserID, d.now)
		if err == nil {
			c = claimed
		} else if flows.ErrorCode(err) != flows.EConflict {
			return err
		}
	}
	ev := desk.Event{Kind: desk.EventReplyOut, ActorID: d.staff.UserID, Text: text, At: d.now}
	if detail != "" {
		ev.Data = map[string]string{"template": strings.TrimPrefix(detail, "#")}
	}
	if _, err := d.desk.AddEvent(d.ctx, c.ID, ev); err != nil {
		return err
	}
	rep := flows.Reply{Text: flows.M("desk.reply_header", "Ref", c.Ref), Lines: []flows.Msg{flows.Literal(text)}}
	if err := d.tellReporter(c, rep); err != nil {
		return err
	}
	return d.audit(c.ID, detail)
}
