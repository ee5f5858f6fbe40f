package staff

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/app/staff/durations"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/family"
	"github.com/koreandesk/hotline/mailbox"
)

// hiddenAnswers are never shown in alerts and lists (the passport and
// callback numbers only in /case) or are bookkeeping.
var hiddenAnswers = map[string]bool{"passport": true, family.KeyPassport: true, family.KeyPhone: true, flows.CaseRefKey: true}

// AnswerLines renders what a case's conversation collected, one line per
// answer, labelled in lang where the catalogue knows the answer.
func (h *Desk) AnswerLines(lang string, c *desk.Case) []string {
	keys := make([]string, 0, len(c.Answers))
	for k, v := range c.Answers {
		if !hiddenAnswers[k] && strings.TrimSpace(v) != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		label := k
		if id := "answer." + k; h.render.Has(id) {
			label = h.render.Text(lang, flows.M(id))
		}
		out = append(out, "• "+label+": "+mailbox.OneLine(c.Answers[k]))
	}
	return out
}

// Callback data of the desk's case buttons: d:<action>:<reference>.
const (
	deskData      = "d:"
	deskDataClaim = "claim"
	deskDataOpen  = "open"
	deskDataClose = "close"
)

// CaseButtons are the Claim / Open / Close buttons under alerts and /case.
func (h *Desk) CaseButtons(lang string, c *desk.Case) [][]mailbox.Button {
	row := []mailbox.Button{}
	if c.Open() && c.AssigneeID == nil {
		row = append(row, mailbox.Button{Text: h.render.Text(lang, flows.M("desk.button_claim")), Data: deskData + deskDataClaim + ":" + string(c.Ref)})
	}
	row = append(row, mailbox.Button{Text: h.render.Text(lang, flows.M("desk.button_open")), Data: deskData + deskDataOpen + ":" + string(c.Ref)})
	if c.Open() {
		row = append(row, mailbox.Button{Text: h.render.Text(lang, flows.M("desk.button_close")), Data: deskData + deskDataClose + ":" + string(c.Ref)})
	}
	return [][]mailbox.Button{row}
}

// FamilyLines are what staff see about a case beyond its answers: the
// consent of a family inquiry and the possible matches with other cases.
func (h *Desk) FamilyLines(lang string, c *desk.Case, matches []desk.Match) []string {
	var out []string
	if c.ConsentShare != nil {
		id := "family.desk_consent_no"
		if *c.ConsentShare {
			id = "family.desk_consent_yes"
		}
		out = append(out, h.render.Text(lang, flows.M(id)))
	}
	for _, m := range matches {
		reasons := make([]string, 0, len(m.Reasons))
		for _, r := range m.Reasons {
			reasons = append(reasons, h.render.Text(lang, flows.M("family.reason_"+string(r))))
		}
		out = append(out, h.render.Text(lang, flows.M("family.desk_match", "Ref", m.Ref,
			"Type", flows.M("case.type_"+string(m.Type)), "Status", flows.M("case.status_"+string(m.Status)),
			"Reasons", strings.Join(reasons, ", "))))
	}
	return out
}

// Chat is a chat that hears about a case, in its language.
type Chat struct {
	ID   int64
	Lang string
}

// Recipient is where a staff member hears about cases: their private chat,
// in the language they chose (Korean by default).
func Recipient(st *desk.Staff) Chat {
	chat := st.ChatID
	if chat == 0 {
		chat = st.UserID // a private chat's id is the user's id
	}
	lang := flows.MatchLanguage(st.Language)
	if lang == "" {
		lang = "ko"
	}
	return Chat{ID: chat, Lang: lang}
}

// refButtons are Open buttons, labelled with the references, for a list
// of cases.
func (d *Cmd) refButtons(cases []desk.Case) [][]mailbox.Button {
	var rows [][]mailbox.Button
	for i, c := range cases {
		if i%refButtonsPerRow == 0 {
			rows = append(rows, make([]mailbox.Button, 0, refButtonsPerRow))
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], mailbox.Button{Text: string(c.Ref), Data: deskData + deskDataOpen + ":" + string(c.Ref)})
	}
	return rows
}

// caseLine renders a case for lists: reference, priority, type, age, the
// reporter's language and who handles it ("—" for nobody). It shows none
// of the answers, so never a passport number.
func (d *Cmd) caseLine(c *desk.Case, names map[int64]string) string {
	assignee := "—"
	if c.AssigneeID != nil {
		assignee = names[*c.AssigneeID]
		if assignee == "" {
			assignee = "#" + itoa(*c.AssigneeID)
		}
	}
	lang := flows.LanguageNames[c.ReporterLang]
	if lang == "" {
		lang = c.ReporterLang
	}
	line := d.h.render.Text(d.lang, flows.M("desk.queue_line", "Ref", c.Ref,
		"Priority", flows.M("case.priority_"+string(c.Priority)), "Type", flows.M("case.type_"+string(c.Type)),
		"Age", d.span(d.now.Sub(c.CreatedAt), time.Minute, 1), "Lang", lang, "Assignee", assignee))
	if !c.Open() {
		line += " · " + d.h.render.Text(d.lang, flows.M("case.status_"+string(c.Status)))
	}
	return line
}

// staffNames maps the active staff's user ids to their names (their
// @username when Telegram gave no name), for lists.
func (d *Cmd) staffNames() (map[int64]string, error) {
	staff, err := d.desk.ListStaff(d.ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(staff))
	for _, st := range staff {
		switch {
		case st.Name != "":
			names[st.UserID] = st.Name
		case st.Username != "":
			names[st.UserID] = "@" + st.Username
		}
	}
	return names, nil
}

// span renders a duration in the staff member's language (durations).
func (d *Cmd) span(dur, smallest time.Duration, n int) string {
	return durations.Render(d.h.render, d.lang, dur, smallest, n)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
