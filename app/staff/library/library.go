// Package library is the desk's reply library: the default templates,
// whose texts are the catalogue's template.<key> messages in every
// language, as supervisors edited, removed and added to them.
package library

import (
	"context"
	"slices"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Defaults are the keys of the default reply library, in the order
// /templates lists them. Their texts are the catalogue's template.<key>
// messages, so the glossary's tests read them like every other message
// to a reporter.
var Defaults = []string{
	"location_received", "send_location", "are_you_safe", "stay_put", "send_building", "will_call",
	"police_informed", "working_on_it", "family_contacted", "embassy_contact", "no_money", "not_a_crime",
	"repatriation", "delete_chat", "checkin", "closing",
}

// Template is one template of the library as staff use it.
type Template struct {
	Key string
	// Stored is the supervisors' version; nil for a default as the
	// catalogue has it.
	Stored *desk.Template
}

// Texts renders messages in a language (the transport's renderer).
type Texts interface {
	Text(lang string, m flows.Msg) string
}

// Text renders the template in lang.
func (t Template) Text(r Texts, lang string) string {
	if t.Stored != nil {
		return t.Stored.Text[lang]
	}
	return r.Text(lang, flows.M("template."+t.Key))
}

// Load returns the library: the defaults, as supervisors edited them,
// less the ones they removed, then the ones they added, by key.
func Load(ctx context.Context, st desk.TemplateStore) ([]Template, error) {
	stored, err := st.Templates(ctx)
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]*desk.Template, len(stored))
	for i := range stored {
		byKey[stored[i].Key] = &stored[i]
	}
	var out []Template
	for _, k := range Defaults {
		if s := byKey[k]; s == nil || !s.Removed {
			out = append(out, Template{Key: k, Stored: s})
		}
	}
	for i := range stored {
		if s := &stored[i]; !s.Removed && !slices.Contains(Defaults, s.Key) {
			out = append(out, Template{Key: s.Key, Stored: s})
		}
	}
	return out, nil
}

// Find returns the library's template with a key, or false.
func Find(ctx context.Context, st desk.TemplateStore, key string) (Template, bool, error) {
	lib, err := Load(ctx, st)
	if err != nil {
		return Template{}, false, err
	}
	for _, t := range lib {
		if t.Key == key {
			return t, true, nil
		}
	}
	return Template{}, false, nil
}
