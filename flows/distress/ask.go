package distress

import (
	"strings"

	"github.com/koreandesk/hotline/flows"
)

// A choice is an inline button that answers a question.
type choice struct {
	value string // in the callback data and, as it is, in the saved answer
	label string // message id
	event string
}

// choices are the answer buttons of each state that has them.
var choices = map[string][]choice{
	StateSafe:        yesNo(EventYes, EventNo),
	StateInjured:     yesNo(EventYes, EventNo),
	StatePassport:    yesNo(EventAnswer, EventAnswer),
	StateNationality: {{"korean", "distress.nationality_korean", EventAnswer}, {"cambodian", "distress.nationality_cambodian", EventAnswer}, {"other", "distress.nationality_other_label", EventOther}},
}

func yesNo(yes, no string) []choice {
	return []choice{{"yes", "distress.yes", yes}, {"no", "distress.no", no}}
}

// questions are the message ids of the states asked with inline buttons.
var questions = map[string]string{
	StateSafe:             "distress.ask_safe",
	StatePeople:           "distress.ask_people",
	StateInjured:          "distress.ask_injured",
	StateInjuredDetails:   "distress.ask_injured_details",
	StatePassport:         "distress.ask_passport",
	StateCompound:         "distress.ask_compound",
	StateNationality:      "distress.ask_nationality",
	StateNationalityOther: "distress.ask_nationality_other",
}

// Begin implements flows.Beginner: the case is opened and the desk
// alerted before anything is asked; the person gets the case reference,
// how to clear the chat (someone who taps once and goes never sees the
// end of the flow) and the emergency numbers at once.
func (c *Conversation) Begin(t *flows.Turn) {
	t.Do(flows.OpenCase{Type: "distress", Priority: "urgent", Alert: true})
	in := t.Input
	carried, files := flows.TakeCarried(t.Session), flows.TakeFiles(t.Session, in)
	// The files sent before the case (a photo or album on its own, or
	// the one whose long caption the bot took for an ad before "I need
	// help now") go on it first, each with its caption, as a later one
	// would (an album as an album).
	for _, f := range files {
		t.Do(flows.AddToCase{Input: f})
	}
	switch {
	case in.Kind == flows.KindCommand && in.Command == entryKey && strings.TrimSpace(in.Args) != "":
		// "/sos locked in building C": the words are a message for the
		// case, kept and passed on like any other.
		in.Kind, in.Text, in.Command, in.Args = flows.KindText, strings.TrimSpace(in.Args), "", ""
		t.Do(flows.AddToCase{Input: in})
	case carried != "" && len(files) == 0: // with a file, the words are its caption
		text := in
		text.Kind, text.Text, text.Data, text.MessageID = flows.KindText, carried, "", 0
		t.Do(flows.AddToCase{Input: text})
	}
	// The first answer is one message, the case reference with the
	// location question: in a burst of reports, where Telegram lets a bot
	// send about 30 messages a second, everyone has a reference before
	// anyone gets a second message. The emergency numbers follow.
	first := locationQuestion()
	first.Text, first.Lines = flows.M("distress.opened", "Ref", caseRef(t.Session)),
		[]flows.Msg{flows.M("distress.discreet"), first.Text}
	if in.Kind == flows.KindLocation {
		// The place came first (flows.Engine): it is the answer, and the
		// next question follows it.
		first = flows.Reply{Text: first.Text, Lines: first.Lines[:1]}
	}
	t.Say(first)
	t.Say(c.contactsReply())
}

// locationQuestion asks where the person is, with the location button.
func locationQuestion() flows.Reply {
	return flows.Reply{Text: flows.M("distress.ask_location"), Keyboard: [][]flows.KeyButton{
		{{Label: flows.M(keySendLocation), RequestLocation: true}},
		{{Label: flows.M(keyNoLocation)}},
		{{Label: flows.M(keySkip)}},
	}}
}

// Prompt implements flows.Conversation: the current question with its
// keyboard.
func (c *Conversation) Prompt(t *flows.Turn) { ask(t, t.Session.State) }

func ask(t *flows.Turn, state string) {
	switch state {
	case StateLocation:
		t.Say(locationQuestion())
	case StateAddress:
		t.Say(flows.Reply{Text: flows.M("distress.ask_address"), Keyboard: [][]flows.KeyButton{{{Label: flows.M(keySkip)}}}})
	case StateExtra:
		t.Say(extraReply("distress.ask_extra"))
	default:
		if q, ok := questions[state]; ok {
			t.Say(flows.Reply{Text: flows.M(q), Inline: buttons(state)})
		}
	}
}

// buttons lays out a question's answers on one row and Skip below.
func buttons(state string) [][]flows.Button {
	var rows [][]flows.Button
	if cs := choices[state]; len(cs) > 0 {
		row := make([]flows.Button, 0, len(cs))
		for _, c := range cs {
			row = append(row, flows.Button{Label: flows.M(c.label), Data: dataPrefix + state + ":" + c.value})
		}
		rows = append(rows, row)
	}
	if skippable(state) {
		rows = append(rows, []flows.Button{{Label: flows.M("distress.skip"), Data: dataSkip + state}})
	}
	return rows
}

func extraReply(id string) flows.Reply {
	return flows.Reply{Text: flows.M(id), Inline: [][]flows.Button{{{Label: flows.M("distress.done"), Data: dataDone}}}}
}

// contactsReply lists the emergency numbers the way the engine's
// Emergency contacts menu does.
func (c *Conversation) contactsReply() flows.Reply {
	r := flows.Reply{Text: flows.M("contacts.title")}
	for _, ct := range c.contacts {
		r.Lines = append(r.Lines, flows.M("contacts.line", "Label", ct.Label, "Number", ct.Number))
	}
	r.Lines = append(r.Lines, flows.M("contacts.footer"))
	return r
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
