package staff

import (
	"slices"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// DefaultTemplates are the keys of the default reply library, in the
// order /templates lists them. Their texts are the catalogue's
// template.<key> messages, so the glossary's tests read them like every
// other message to a reporter.
var DefaultTemplates = []string{
	"location_received", "send_location", "are_you_safe", "stay_put", "send_building", "will_call",
	"police_informed", "working_on_it", "family_contacted", "embassy_contact", "no_money", "not_a_crime",
	"repatriation", "delete_chat", "checkin", "closing",
}

// template is one template of the library as staff use it.
type template struct {
	key string
	// stored is the supervisors' version; nil for a default as the
	// catalogue has it.
	stored *desk.Template
}

// text renders the template in lang.
func (t template) text(r interface {
	Text(string, flows.Msg) string
}, lang string) string {
	if t.stored != nil {
		return t.stored.Text[lang]
	}
	return r.Text(lang, flows.M("template."+t.key))
}

// library is the reply library: the defaults, as supervisors edited them,
// less the ones they removed, then the ones they added, by key.
func (d *Cmd) library() ([]template, error) {
	stored, err := d.desk.Templates(d.ctx)
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]*desk.Template, len(stored))
	for i := range stored {
		byKey[stored[i].Key] = &stored[i]
	}
	var out []template
	for _, k := range DefaultTemplates {
		if st := byKey[k]; st == nil || !st.Removed {
			out = append(out, template{key: k, stored: st})
		}
	}
	for i := range stored {
		if st := &stored[i]; !st.Removed && !slices.Contains(DefaultTemplates, st.Key) {
			out = append(out, template{key: st.Key, stored: st})
		}
	}
	return out, nil
}

// findTemplate returns the library's template with a key, or false.
func (d *Cmd) findTemplate(key string) (template, bool, error) {
	lib, err := d.library()
	if err != nil {
		return template{}, false, err
	}
	for _, t := range lib {
		if t.key == key {
			return t, true, nil
		}
	}
	return template{}, false, nil
}
