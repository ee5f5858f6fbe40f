package family_test

import (
	"context"
	"strings"
	"testing"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/family"
	"github.com/koreandesk/hotline/flows/flowtest"
)

var asking = []string{
	family.StateRelationship, family.StateName, family.StateNameLatin, family.StateBirthDate,
	family.StatePassport, family.StateLastContact, family.StateLastPlace, family.StateSituation,
	family.StatePhoto, family.StatePhone, family.StateConsent,
}

func session(state string) *flows.Session {
	return &flows.Session{Flow: family.Name, State: state, Answers: map[string]string{flows.CaseRefKey: testRef}}
}

// TestEveryButtonWorks presses every button each question offers and
// checks that the state has a transition for it.
func TestEveryButtonWorks(t *testing.T) {
	c := family.New()
	for _, state := range asking {
		turn := &flows.Turn{Session: session(state)}
		c.Prompt(turn)
		if len(turn.Outcome.Replies) != 1 {
			t.Fatalf("%s: prompt has %d replies, want 1", state, len(turn.Outcome.Replies))
		}
		for _, row := range turn.Outcome.Replies[0].Inline {
			for _, b := range row {
				if !strings.HasPrefix(b.Data, "family:") {
					t.Errorf("%s: button data %q is not namespaced family:", state, b.Data)
				}
				ev := c.Event(session(state), flows.Input{Kind: flows.KindCallback, Data: b.Data})
				if ev == "" || !flowtest.Can(c, state, ev) {
					t.Errorf("%s: button %q gives event %q, which the state does not have", state, b.Data, ev)
				}
			}
		}
	}
}

// TestEventsExist sends every kind of input in every state: the event the
// conversation names is "" (the engine answers) or one the state has.
func TestEventsExist(t *testing.T) {
	c := family.New()
	loc := &flows.Location{Lat: 10.6, Lon: 103.5}
	inputs := []flows.Input{
		{Kind: flows.KindText, Text: "hello"}, {Kind: flows.KindText, Text: "1995-03-07"}, {Kind: flows.KindText},
		{Kind: flows.KindText, Text: "M12345678"}, {Kind: flows.KindText, Text: "010-1234-5678"},
		{Kind: flows.KindText, Text: strings.Repeat("a", flows.MaxTextRunes+1)},
		{Kind: flows.KindLocation, Location: loc}, {Kind: flows.KindLocation},
		{Kind: flows.KindLocation, Location: loc, Edited: true},
		{Kind: flows.KindPhoto}, {Kind: flows.KindVoice}, {Kind: flows.KindDocument},
		{Kind: flows.KindContact, Phone: "+855 12 345 678"}, {Kind: flows.KindUnsupported},
		{Kind: flows.KindCallback, Data: "family:nonsense"}, {Kind: flows.KindCallback, Data: "family:skip:name"},
		{Kind: flows.KindCallback, Data: "family:skip:consent"},
	}
	for _, state := range append(asking, family.StateDone, "renamed_in_a_later_release") {
		for _, in := range inputs {
			if ev := c.Event(session(state), in); ev != "" && !flowtest.Can(c, state, ev) {
				t.Errorf("%s: %+v gives %q, which the state does not have", state, in, ev)
			}
		}
	}
}

// TestNameCannotBeSkipped: the one required answer.
func TestNameCannotBeSkipped(t *testing.T) {
	c := family.New()
	if flowtest.Can(c, family.StateName, family.EventSkip) {
		t.Error("the relative's name can be skipped")
	}
	if ev := c.Event(session(family.StateName), flows.Input{Kind: flows.KindCallback, Data: "family:skip:name"}); ev != "" {
		t.Errorf("skip in name = %q", ev)
	}
}

// TestEveryStateIsReachable walks the table from the initial state.
func TestEveryStateIsReachable(t *testing.T) {
	c := family.New()
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
	for _, s := range append(asking, family.StateDone) {
		if !seen[s] {
			t.Errorf("state %s cannot be reached", s)
		}
	}
}

// TestPassportNeverInSession: the session is stored in PostgreSQL as it
// is, so it keeps only the masked number; the clear one leaves the step
// only in the SaveAnswers effect, which the bot seals.
func TestPassportNeverInSession(t *testing.T) {
	e := newEngine()
	s := session(family.StatePassport)
	out, err := e.Step(context.Background(), s, flows.Input{Kind: flows.KindText, Text: "m 1234-5678", At: today})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range s.Answers {
		if strings.Contains(v, "12345678") {
			t.Errorf("session answer %s = %q holds the passport number", k, v)
		}
	}
	if got := s.Answers[family.KeyPassport]; got != "M*****678" {
		t.Errorf("session passport = %q, want the masked form", got)
	}
	var saved string
	for _, ef := range out.Effects {
		if sa, ok := ef.(flows.SaveAnswers); ok {
			saved = sa.Answers[family.KeyPassport]
		}
	}
	if saved != "M12345678" {
		t.Errorf("SaveAnswers passport = %q, want M12345678 for the bot to seal", saved)
	}
}

// TestMessagesRender renders every message the scripts produced in every
// language, the way the bot does.
func TestMessagesRender(t *testing.T) { scripts().TestMessagesRender(t) }
