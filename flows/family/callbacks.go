package family

import (
	"context"
	"strconv"

	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

// Callbacks implements flows.Conversation. They only record effects and
// replies on the turn, never fire events: what the input gives the case
// (before_event, which runs for self-transitions too), the next question
// or the ending (enter_state), and the answer to an input that stays
// (after_stay: looplab/fsm runs no enter_ callbacks for a
// self-transition).
func (c *Conversation) Callbacks(t *flows.Turn) fsm.Callbacks {
	m := classify(t.Session, t.Input)
	return fsm.Callbacks{
		"before_event":       func(context.Context, *fsm.Event) { keep(t, m) },
		"enter_state":        func(_ context.Context, e *fsm.Event) { enter(t, e.Src, e.Dst) },
		"after_" + EventStay: func(_ context.Context, e *fsm.Event) { stayed(t, e.Src, m) },
	}
}

// keep records what the input gives the case. Before the name there is no
// case: the relationship waits in the session and goes into OpenCase
// with the name, so the case exists from the first answer that makes an
// inquiry, and the person loses nothing if they stop after it.
func keep(t *flows.Turn, m move) {
	s := t.Session
	if m.hold { // a file before the name: the case the name opens takes it
		flows.KeepFile(s, t.Input)
		return
	}
	switch s.State {
	case StateRelationship:
		for _, a := range m.answers {
			s.Set(a.key, a.value)
		}
		return
	case StateName:
		if len(m.answers) == 0 {
			return
		}
		answers := map[string]string{}
		if r := s.Answers[KeyRelationship]; r != "" {
			answers[KeyRelationship] = r
		}
		for _, a := range m.answers {
			answers[a.key] = a.value
			s.Set(a.key, a.value)
		}
		t.Do(flows.OpenCase{Type: "family", Priority: "normal", Answers: answers})
		return
	}
	if m.keep {
		t.Do(flows.AddToCase{Input: t.Input})
		if t.Input.Kind == flows.KindPhoto || t.Input.Kind == flows.KindDocument {
			n, _ := strconv.Atoi(s.Answers[photoKey])
			s.Set(photoKey, strconv.Itoa(n+1))
		}
	}
	if len(m.answers) == 0 {
		return
	}
	answers := make(map[string]string, len(m.answers))
	for _, a := range m.answers {
		answers[a.key] = a.value
		shown := a.value
		if a.shown != "" {
			shown = a.shown // never the passport or phone number in the stored session
		}
		s.Set(a.key, shown)
	}
	t.Do(flows.SaveAnswers{Answers: answers})
}

func enter(t *flows.Turn, src, dst string) {
	if src == StateName { // the case is open: the warning about ransom demands comes with its number
		t.Say(flows.Reply{Text: flows.M("family.opened", "Ref", caseRef(t.Session)), Lines: []flows.Msg{flows.M("family.ransom")}})
	}
	if dst == StateDone {
		finish(t)
		return
	}
	ask(t, dst)
}

// stayed explains why the input did not answer the question and asks it
// again.
func stayed(t *flows.Turn, state string, m move) {
	if m.say != "" {
		t.Text(m.say)
	}
	ask(t, state)
}
