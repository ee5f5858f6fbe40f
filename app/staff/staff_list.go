package staff

import (
	"strings"

	"github.com/koreandesk/hotline/flows"
)

// staffList lists the active staff, supervisors first (/staff list).
func (d *Cmd) staffList() error {
	staff, err := d.desk.ListStaff(d.ctx)
	if err != nil {
		return err
	}
	if err := d.audit(0, ""); err != nil {
		return err
	}
	r := d.h.render
	lines := []string{r.Text(d.lang, flows.M("desk.staff_title", "Count", len(staff)))}
	for _, st := range staff {
		name := st.Name
		if st.Username != "" {
			name = strings.TrimSpace(name + " @" + st.Username)
		}
		if name == "" {
			name = "—"
		}
		duty := flows.M("desk.off_duty")
		if st.OnDuty {
			duty = flows.M("desk.on_duty")
		}
		lang := flows.LanguageNames[st.Language]
		if lang == "" {
			lang = "—"
		}
		lines = append(lines, "• "+r.Text(d.lang, flows.M("desk.staff_line", "Name", name, "ID", st.UserID,
			"Role", flows.M("desk.role_"+string(st.Role)), "Duty", duty, "Lang", lang)))
	}
	return d.send(d.in.ChatID, d.lang, 0, flows.Reply{Text: flows.Literal(strings.Join(lines, "\n"))})
}
