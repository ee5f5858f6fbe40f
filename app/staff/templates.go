package staff

import (
	"strings"

	"github.com/koreandesk/hotline/app/staff/library"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// templateLineRunes is how much of a template /templates shows.
const templateLineRunes = 90

// templates lists the reply library in the staff member's language, with
// the keys /reply takes (/templates).
func (d *Cmd) templates() error {
	lib, err := library.Load(d.ctx, d.desk)
	if err != nil {
		return err
	}
	if err := d.audit(0, ""); err != nil {
		return err
	}
	lines := []string{d.h.render.Text(d.lang, flows.M("desk.templates_header", "Count", len(lib)))}
	for _, t := range lib {
		text := strings.Join(strings.Fields(t.Text(d.h.render, d.lang)), " ")
		lines = append(lines, "#"+t.Key+" — "+mailbox.Truncate(text, templateLineRunes))
	}
	body := mailbox.Call{Text: mailbox.Truncate(strings.Join(lines, "\n"), mailbox.MaxMessageRunes)}
	return d.queue(d.in.ChatID, d.prio, mailbox.MethodSendMessage, body, 0)
}

// templateAdd adds a template to the library (/templates add key, then one
// line per language).
func (d *Cmd) templateAdd() error { return d.saveTemplate(false) }

// templateEdit changes a template: the languages given replace those
// texts, the others stay (/templates edit key, then the lines to change).
func (d *Cmd) templateEdit() error { return d.saveTemplate(true) }

func (d *Cmd) saveTemplate(edit bool) error {
	first, rest, _ := strings.Cut(d.args, "\n")
	key, inline, _ := strings.Cut(strings.TrimSpace(first), " ")
	key = strings.ToLower(strings.TrimPrefix(key, "#"))
	if key == "" {
		return d.usage("")
	}
	if !desk.ValidTemplateKey(key) {
		return d.say("desk.template_bad_key", "Key", key)
	}
	texts, bad := desk.ParseTemplateTexts(strings.TrimSpace(inline + "\n" + rest))
	if bad != "" {
		return d.say("desk.template_bad_line", "Key", key, "Line", mailbox.Truncate(strings.TrimSpace(bad), 40))
	}
	old, exists, err := library.Find(d.ctx, d.desk, key)
	if err != nil {
		return err
	}
	switch {
	case len(texts) == 0:
		return d.usage("")
	case exists && !edit:
		return d.say("desk.template_exists", "Key", key)
	case !exists && edit:
		return d.say("desk.template_unknown", "Key", key)
	}
	t := desk.Template{Key: key, Text: map[string]string{}, UpdatedBy: d.staff.UserID, UpdatedAt: d.now}
	if edit {
		for _, l := range desk.Languages {
			t.Text[l] = old.Text(d.h.render, l)
		}
	}
	changed := make([]string, 0, len(texts))
	for _, l := range desk.Languages {
		if v, ok := texts[l]; ok {
			t.Text[l] = v
			changed = append(changed, l)
		}
	}
	if missing := t.Missing(); len(missing) > 0 {
		return d.say("desk.template_missing", "Key", key, "Langs", d.languageNames(missing))
	}
	for _, l := range desk.Languages {
		if len([]rune(t.Text[l])) > desk.MaxTemplateRunes {
			return d.say("desk.template_too_long", "Key", key, "Max", desk.MaxTemplateRunes)
		}
		if w := desk.LockScreenWord(t.Text[l]); w != "" {
			return d.say("desk.template_lock_screen", "Key", key, "Lang", flows.LanguageNames[l], "Word", w)
		}
	}
	if err := d.desk.SaveTemplate(d.ctx, t); err != nil {
		return err
	}
	if err := d.audit(0, "#"+key+" "+strings.Join(changed, ",")); err != nil {
		return err
	}
	return d.say("desk.template_saved", "Key", key)
}

// templateRemove takes a template out of the library (/templates remove key).
func (d *Cmd) templateRemove() error {
	key := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(d.args), "#"))
	if key == "" || strings.ContainsAny(key, " \n") {
		return d.usage("")
	}
	if _, exists, err := library.Find(d.ctx, d.desk, key); err != nil || !exists {
		if err != nil {
			return err
		}
		return d.say("desk.template_unknown", "Key", key)
	}
	t := desk.Template{Key: key, Removed: true, Text: map[string]string{}, UpdatedBy: d.staff.UserID, UpdatedAt: d.now}
	if err := d.desk.SaveTemplate(d.ctx, t); err != nil {
		return err
	}
	if err := d.audit(0, "#"+key); err != nil {
		return err
	}
	return d.say("desk.template_removed", "Key", key)
}

// languageNames names languages by code, each in its own language.
func (d *Cmd) languageNames(codes []string) string {
	names := make([]string, 0, len(codes))
	for _, c := range codes {
		names = append(names, flows.LanguageNames[c]+" ("+c+")")
	}
	return strings.Join(names, ", ")
}
