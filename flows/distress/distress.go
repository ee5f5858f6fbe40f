// Package distress is the conversation for a person who needs help now,
// usually from inside a scam compound, with a phone that may be inspected
// and minutes to use it. The urgent case is opened and the Korean Desk
// alerted on the first tap, before any question; then the conversation
// asks for a location, whether the person can talk safely, and a few
// facts, saving each answer the moment it arrives. Nothing the person
// sends is lost: a photo, voice note, document or location sent at any
// point goes on the case timeline.
//
// The conversation is a pure transition table (Events) run by
// flows.Engine; its callbacks only record replies and effects.
// docs/flows/distress.md shows the table as a diagram.
package distress

import (
	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

// Name is the conversation's name in stored sessions.
const Name = "distress"

// States. A session is in one of the asking states; done and stopped are
// where the machine ends, and the session is reset right after.
const (
	StateLocation         = "location"
	StateAddress          = "address"
	StateSafe             = "safe"
	StatePeople           = "people"
	StateInjured          = "injured"
	StateInjuredDetails   = "injured_details"
	StatePassport         = "passport"
	StateCompound         = "compound"
	StateNationality      = "nationality"
	StateNationalityOther = "nationality_other"
	StateExtra            = "extra"
	StateDone             = "done"
	StateStopped          = "stopped"
)

// Events.
const (
	// EventShareLocation is a plausible location sent where one is asked.
	EventShareLocation = "share_location"
	// EventCantShare is "I can't share my location".
	EventCantShare = "cant_share"
	// EventAnswer answers the current question and moves on.
	EventAnswer = "answer"
	// EventSkip leaves the current question unanswered and moves on.
	EventSkip = "skip"
	// EventYes and EventNo answer a question whose answer changes the
	// way on (can you talk safely, is anyone hurt).
	EventYes = "yes"
	EventNo  = "no"
	// EventOther is the nationality "Other", which asks for it as text.
	EventOther = "other"
	// EventFinish is "Done" after the last question.
	EventFinish = "finish"
	// EventStay is anything that does not answer the question: it is
	// kept on the case when it can be (a photo, a location, a live
	// location update) or refused politely, and the question stays.
	EventStay = "stay"
)

// asking lists the states that ask something, in the order they are asked.
var asking = []string{
	StateLocation, StateAddress, StateSafe, StatePeople, StateInjured, StateInjuredDetails,
	StatePassport, StateCompound, StateNationality, StateNationalityOther, StateExtra,
}

// Conversation is the distress flow. It implements flows.Conversation and
// flows.Beginner.
type Conversation struct {
	contacts []flows.Contact
}

var (
	_ flows.Conversation = (*Conversation)(nil)
	_ flows.Beginner     = (*Conversation)(nil)
)

// New returns the distress conversation; contacts are the emergency
// numbers it shows on the first tap.
func New(contacts []flows.Contact) *Conversation {
	return &Conversation{contacts: contacts}
}

// Name implements flows.Conversation.
func (c *Conversation) Name() string { return Name }

// Initial implements flows.Conversation: the location comes first.
func (c *Conversation) Initial() string { return StateLocation }

// Events implements flows.Conversation: the transition table.
func (c *Conversation) Events() fsm.Events {
	events := fsm.Events{
		{Name: EventShareLocation, Src: []string{StateLocation, StateAddress}, Dst: StateSafe},
		{Name: EventCantShare, Src: []string{StateLocation}, Dst: StateAddress},
		{Name: EventAnswer, Src: []string{StateLocation, StateAddress}, Dst: StateSafe},
		{Name: EventSkip, Src: []string{StateLocation, StateAddress}, Dst: StateSafe},
		{Name: EventYes, Src: []string{StateSafe}, Dst: StatePeople},
		{Name: EventNo, Src: []string{StateSafe}, Dst: StateStopped},
		{Name: EventAnswer, Src: []string{StatePeople}, Dst: StateInjured},
		{Name: EventSkip, Src: []string{StatePeople}, Dst: StateInjured},
		{Name: EventYes, Src: []string{StateInjured}, Dst: StateInjuredDetails},
		{Name: EventNo, Src: []string{StateInjured}, Dst: StatePassport},
		{Name: EventAnswer, Src: []string{StateInjured, StateInjuredDetails}, Dst: StatePassport},
		{Name: EventSkip, Src: []string{StateInjured, StateInjuredDetails}, Dst: StatePassport},
		{Name: EventAnswer, Src: []string{StatePassport}, Dst: StateCompound},
		{Name: EventSkip, Src: []string{StatePassport}, Dst: StateCompound},
		{Name: EventAnswer, Src: []string{StateCompound}, Dst: StateNationality},
		{Name: EventSkip, Src: []string{StateCompound}, Dst: StateNationality},
		{Name: EventOther, Src: []string{StateNationality}, Dst: StateNationalityOther},
		{Name: EventAnswer, Src: []string{StateNationality, StateNationalityOther}, Dst: StateExtra},
		{Name: EventSkip, Src: []string{StateNationality, StateNationalityOther}, Dst: StateExtra},
		{Name: EventFinish, Src: []string{StateExtra}, Dst: StateDone},
	}
	// Staying is a self-transition, which the engine treats as success.
	for _, s := range asking {
		events = append(events, fsm.EventDesc{Name: EventStay, Src: []string{s}, Dst: s})
	}
	return events
}

// Event implements flows.Conversation.
func (c *Conversation) Event(s *flows.Session, in flows.Input) string {
	return classify(s.State, in).event
}
