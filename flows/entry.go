package flows

// Entry says how a person starts a conversation. A conversation declares
// its entries (see Entered) and the engine offers them everywhere: as
// commands, deep links, main-menu buttons and suggestions. The engine
// knows no conversation by name.
type Entry struct {
	// Key starts the conversation as a deep link (t.me/<bot>?start=Key),
	// as the main menu's button (callback data DataGo+Key) and as the
	// command /Key.
	Key string
	// Commands are more commands that start it; the first one is the one
	// command menus show, with its description "commands.<command>"
	// (Key's when there are none).
	Commands []string
	// Menu is the message id of its main-menu button; "" keeps it out of
	// the menu.
	Menu string
	// Urgent entries jump the inbox queue: the first answer to a person
	// in danger goes before everyone else's.
	Urgent bool
	// Suggest, when set, offers the conversation to an idle chat whose
	// input looks like its own (a pasted job ad).
	Suggest *Suggestion
}

// Suggestion asks an idle chat whether to start a conversation: "this
// looks like a job ad, check it?". The input is carried into the
// conversation (CarryKey) when the person says yes.
type Suggestion struct {
	// Looks reports whether an input looks like the conversation's own.
	Looks func(Input) bool
	// Question, Yes and No are the message ids of the question and its
	// two buttons.
	Question, Yes, No string
}

// Entered is implemented by conversations a person can start.
type Entered interface {
	Entry() Entry
}

// MenuCommand is the command command menus show for the entry.
func (e Entry) MenuCommand() string {
	if len(e.Commands) > 0 {
		return e.Commands[0]
	}
	return e.Key
}
