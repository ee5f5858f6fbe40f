// Package family is the conversation for a family member, usually in
// Korea, whose relative in Cambodia went silent, is detained or is
// missing. It asks who the relative is and what is known, saving each
// answer the moment it arrives: the case is opened as soon as the
// relative's name is given, so nothing is lost if the person stops
// there. Every question but the name can be skipped. The passport number
// leaves the conversation only in the SaveAnswers effect (the bot seals
// it); the session keeps a masked form for the summary.
//
// The conversation is a pure transition table (Events) run by
// flows.Engine; its callbacks only record replies and effects.
// docs/flows/family.md shows the table as a diagram.
package family

import (
	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

// Name is the conversation's name in stored sessions.
const Name = "family"

// States, in the order they are asked; done is where the machine ends,
// and the session is reset right after.
const (
	StateRelationship = "relationship"
	StateName         = "name"
	StateNameLatin    = "name_latin"
	StateBirthDate    = "birth_date"
	StatePassport     = "passport"
	StateLastContact  = "last_contact"
	StateLastPlace    = "last_place"
	StateSituation    = "situation"
	StatePhoto        = "photo"
	StatePhone        = "phone"
	StateConsent      = "consent"
	StateDone         = "done"
)

// Events.
const (
	// EventAnswer answers the current question and moves on.
	EventAnswer = "answer"
	// EventSkip leaves the current question unanswered and moves on.
	EventSkip = "skip"
	// EventStay is anything that does not answer the question: an
	// answer that is not valid (an impossible date, a passport number
	// of the wrong shape) is explained, a photo is kept on the case, and
	// the question is asked again.
	EventStay = "stay"
)

// asking lists the states that ask something, in the order they are asked.
var asking = []string{
	StateRelationship, StateName, StateNameLatin, StateBirthDate, StatePassport, StateLastContact,
	StateLastPlace, StateSituation, StatePhoto, StatePhone, StateConsent,
}

// Conversation is the family inquiry. It implements flows.Conversation.
type Conversation struct{}

var _ flows.Conversation = (*Conversation)(nil)

// New returns the family inquiry conversation.
func New() *Conversation { return &Conversation{} }

// Name implements flows.Conversation.
func (c *Conversation) Name() string { return Name }

// Initial implements flows.Conversation: the relationship comes first.
func (c *Conversation) Initial() string { return StateRelationship }

// Events implements flows.Conversation: the transition table. Every
// question leads to the next; all but the name may be skipped; the
// consent question is answered Yes or No (No is the way to skip it).
func (c *Conversation) Events() fsm.Events {
	var events fsm.Events
	for i, s := range asking {
		next := StateDone
		if i+1 < len(asking) {
			next = asking[i+1]
		}
		events = append(events, fsm.EventDesc{Name: EventAnswer, Src: []string{s}, Dst: next})
		if skippable(s) {
			events = append(events, fsm.EventDesc{Name: EventSkip, Src: []string{s}, Dst: next})
		}
		// Staying is a self-transition, which the engine treats as success.
		events = append(events, fsm.EventDesc{Name: EventStay, Src: []string{s}, Dst: s})
	}
	return events
}

// Event implements flows.Conversation.
func (c *Conversation) Event(s *flows.Session, in flows.Input) string {
	return classify(s, in).event
}

// skippable reports whether the state offers Skip: the relative's name
// is the one thing an inquiry cannot do without, and consent has Yes/No.
func skippable(state string) bool {
	return isAsking(state) && state != StateName && state != StateConsent
}

func isAsking(state string) bool {
	for _, s := range asking {
		if s == state {
			return true
		}
	}
	return false
}
