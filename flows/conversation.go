package flows

import "github.com/looplab/fsm"

// Conversation is one finite-state dialogue (start, distress, job check,
// family inquiry). Its transition table is pure data: the Engine rebuilds a
// looplab/fsm machine from it for every input, starting from the state
// stored in the Session, so nothing about a conversation lives in memory
// between updates.
type Conversation interface {
	// Name identifies the conversation in stored sessions; never change it.
	Name() string
	// Initial is the state a new conversation starts in.
	Initial() string
	// Events is the transition table.
	Events() fsm.Events
	// Event names the event an input causes in the session's current
	// state, or "" when the input means nothing there.
	Event(s *Session, in Input) string
	// Callbacks returns the machine's callbacks for one step. They must do
	// no I/O: they record replies and effects on the Turn.
	Callbacks(t *Turn) fsm.Callbacks
	// Prompt records what the conversation asks in the session's current
	// state; it is repeated after an input the state did not understand
	// and after the user changes language.
	Prompt(t *Turn)
}

// Beginner is implemented by conversations that do more than prompt when
// they start (the distress flow opens its case on the first tap).
type Beginner interface {
	Begin(t *Turn)
}

// Turn is one step of the engine: the session it may change, the input
// being handled and what the step produces.
type Turn struct {
	Session *Session
	Input   Input
	Outcome Outcome
	ended   bool
}

// Say adds replies to the step's outcome.
func (t *Turn) Say(r ...Reply) { t.Outcome.Replies = append(t.Outcome.Replies, r...) }

// Text adds a reply that is just a message.
func (t *Turn) Text(id string, kv ...any) { t.Say(Reply{Text: M(id, kv...)}) }

// Do records an effect for the caller to apply in the same transaction.
func (t *Turn) Do(e ...Effect) { t.Outcome.Effects = append(t.Outcome.Effects, e...) }

// End finishes the conversation after this step: the session returns to
// the main menu and its answers are forgotten.
func (t *Turn) End() { t.ended = true }

// Outcome is what one step produced.
type Outcome struct {
	Replies []Reply
	Effects []Effect
}

// Effect is something a step asks the caller to do in the same
// transaction, such as opening a case. Effects are plain data.
type Effect interface{ effect() }
