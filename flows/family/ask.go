package family

import "github.com/koreandesk/hotline/flows"

// A choice is an inline button that answers a question.
type choice struct {
	value string // in the callback data and, as it is, in the saved answer
	label string // message id
}

// choices are the answer buttons of each state that has them.
var choices = map[string][]choice{
	StateRelationship: {
		{"parent", "family.rel_parent"}, {"child", "family.rel_child"}, {"sibling", "family.rel_sibling"},
		{"spouse", "family.rel_spouse"}, {"other", "family.relationship_other_label"},
	},
	StateSituation: {
		{"police", "family.sit_police"}, {"immigration", "family.sit_immigration"},
		{"compound", "family.sit_compound"}, {"missing", "family.sit_missing"},
		{"hospital", "family.sit_hospital"}, {"other", "family.situation_other_label"},
	},
	StateConsent: {{"yes", "family.consent_yes"}, {"no", "family.consent_no"}},
}

// perRow is how many answer buttons share a row: labels such as
// "Detained by immigration" need the width.
var perRow = map[string]int{StateRelationship: 2, StateSituation: 1, StateConsent: 1}

// questions are the message ids of the questions.
var questions = map[string]string{
	StateRelationship: "family.ask_relationship",
	StateName:         "family.ask_name",
	StateNameLatin:    "family.ask_name_latin",
	StateBirthDate:    "family.ask_birth_date",
	StatePassport:     "family.ask_passport",
	StateLastContact:  "family.ask_last_contact",
	StateLastPlace:    "family.ask_last_place",
	StateSituation:    "family.ask_situation",
	StatePhoto:        "family.ask_photo",
	StatePhone:        "family.ask_phone",
	StateConsent:      "family.ask_consent",
}

// Prompt implements flows.Conversation: the current question with its
// buttons.
func (c *Conversation) Prompt(t *flows.Turn) { ask(t, t.Session.State) }

func ask(t *flows.Turn, state string) {
	q, ok := questions[state]
	if !ok {
		return
	}
	r := flows.Reply{Text: flows.M(q), Inline: buttons(state)}
	if state == StateRelationship { // the first question says what is coming
		r.Text, r.Lines = flows.M("family.intro"), []flows.Msg{flows.M(q)}
	}
	t.Say(r)
}

// buttons lays out a question's answers and Skip below them.
func buttons(state string) [][]flows.Button {
	var rows [][]flows.Button
	var row []flows.Button
	for _, c := range choices[state] {
		row = append(row, flows.Button{Label: flows.M(c.label), Data: dataPrefix + state + ":" + c.value})
		if len(row) == perRow[state] {
			rows, row = append(rows, row), nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	if skippable(state) {
		rows = append(rows, []flows.Button{{Label: flows.M("family.skip"), Data: dataSkip + state}})
	}
	return rows
}

// caseRef is the case reference for a reply: the one in the session once
// the bot has opened the case, otherwise the placeholder the bot fills
// in when it renders the reply.
func caseRef(s *flows.Session) any {
	if ref := s.Answers[flows.CaseRefKey]; ref != "" {
		return ref
	}
	return flows.CaseRef{}
}
