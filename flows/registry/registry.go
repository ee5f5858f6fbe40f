// Package registry is the one list of the bot's conversations: cmd/, the
// tests and the simulator build their engine here, so a new conversation
// is registered in one place. Each conversation declares its own entries
// (command, deep link, menu button, suggestion: flows.Entered).
package registry

import (
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/distress"
	"github.com/koreandesk/hotline/flows/family"
	"github.com/koreandesk/hotline/flows/joboffer"
)

// Conversations are the bot's conversations, in the order of the main
// menu and the command menu; contacts are the emergency numbers the
// distress flow shows.
func Conversations(contacts []flows.Contact) []flows.Conversation {
	return []flows.Conversation{
		distress.New(contacts),
		joboffer.New(),
		family.New(),
	}
}

// New returns the engine running every conversation, plus extra ones
// (tests' stand-ins, routed with Engine.Route).
func New(contacts []flows.Contact, extra ...flows.Conversation) *flows.Engine {
	return flows.NewEngine(contacts, append(Conversations(contacts), extra...)...)
}
