package distress_test

import (
	"context"
	"strings"
	"testing"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/distress"
	"github.com/koreandesk/hotline/flows/flowtest"
)

var asking = []string{
	distress.StateLocation, distress.StateAddress, distress.StateSafe, distress.StatePeople,
	distress.StateInjured, distress.StateInjuredDetails, distress.StatePassport, distress.StateCompound,
	distress.StateNationality, distress.StateNationalityOther, distress.StateExtra,
}

func session(state string) *flows.Session {
	return &flows.Session{Flow: distress.Name, State: state, Answers: map[string]string{}}
}

// TestEveryButtonWorks presses every button each question offers and
// checks that the state has a transition for it.
func TestEveryButtonWorks(t *testing.T) {
	c := distress.New(contacts)
	for _, state := range asking {
		turn := &flows.Turn{Session: session(state)}
		c.Prompt(turn)
		if len(turn.Outcome.Replies) != 1 {
			t.Fatalf("%s: prompt has %d replies, want 1", state, len(turn.Outcome.Replies))
		}
		for _, in := range flowtest.Presses(turn.Outcome.Replies[0]) {
			ev := c.Event(session(state), in)
			if ev == "" || !flowtest.Can(c, state, ev) {
				t.Errorf("%s: button %+v gives event %q, which the state does not have", state, in, ev)
			}
		}
	}
}

// TestEventsExist sends every kind of input in every state: the event the
// conversation names is "" (the engine answers) or one the state has. An
// event missing from the table would be an error for the engine.
func TestEventsExist(t *testing.T) {
	c := distress.New(contacts)
	loc := &flows.Location{Lat: 10.6, Lon: 103.5}
	inputs := []flows.Input{
		{Kind: flows.KindText, Text: "hello"}, {Kind: flows.KindText, Text: "3"}, {Kind: flows.KindText},
		{Kind: flows.KindText, Text: strings.Repeat("a", flows.MaxTextRunes+1)},
		{Kind: flows.KindText, Text: "x", Key: "distress.key_skip"},
		{Kind: flows.KindText, Text: "x", Key: "distress.key_no_location"},
		{Kind: flows.KindText, Text: "x", Key: "distress.key_send_location"},
		{Kind: flows.KindText, Text: "x", Key: "start.key_other_flow"},
		{Kind: flows.KindLocation, Location: loc}, {Kind: flows.KindLocation},
		{Kind: flows.KindLocation, Location: &flows.Location{Lat: 100}},
		{Kind: flows.KindLocation, Location: loc, Edited: true}, {Kind: flows.KindText, Text: "x", Edited: true},
		{Kind: flows.KindPhoto}, {Kind: flows.KindVoice}, {Kind: flows.KindDocument}, {Kind: flows.KindContact},
		{Kind: flows.KindUnsupported}, {Kind: flows.KindCallback, Data: "distress:done"},
		{Kind: flows.KindCallback, Data: "distress:nonsense"},
	}
	for _, state := range append(asking, distress.StateDone, "renamed_in_a_later_release") {
		for _, in := range inputs {
			if ev := c.Event(session(state), in); ev != "" && !flowtest.Can(c, state, ev) {
				t.Errorf("%s: %+v gives %q, which the state does not have", state, in, ev)
			}
		}
	}
}

// TestEveryStateIsReachable walks the table from the initial state.
func TestEveryStateIsReachable(t *testing.T) {
	c := distress.New(nil)
	seen := map[string]bool{c.Initial(): true}
	for changed := true; changed; {
		changed = false
		for _, e := range c.Events() {
			for _, src := range e.Src {
				if seen[src] && !seen[e.Dst] {
					seen[e.Dst], changed = true, true
				}
			}
		}
	}
	for _, s := range append(asking, distress.StateDone, distress.StateStopped) {
		if !seen[s] {
			t.Errorf("state %s cannot be reached", s)
		}
	}
}

// TestMessagesRender renders every message the scripts produced in every
// language, the way the bot does.
func TestMessagesRender(t *testing.T) { scripts().TestMessagesRender(t) }

// TestStayKeepsAnswers: a photo in the middle keeps the state
// and the answers given so far.
func TestStayKeepsAnswers(t *testing.T) {
	e := newEngine()
	s := session(distress.StateCompound)
	s.Answers["people"] = "3"
	out, err := e.Step(context.Background(), s, flows.Input{Kind: flows.KindPhoto, FileID: "f"})
	if err != nil {
		t.Fatal(err)
	}
	if s.State != distress.StateCompound || s.Answers["people"] != "3" || s.Answers["items_sent"] != "1" {
		t.Errorf("session after a photo = %+v", s)
	}
	if len(out.Effects) != 1 {
		t.Errorf("effects = %+v, want one AddToCase", out.Effects)
	}
}
