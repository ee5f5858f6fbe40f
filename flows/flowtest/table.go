package flowtest

import (
	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

// Can reports whether the conversation's transition table has event in
// state.
func Can(c flows.Conversation, state, event string) bool {
	return fsm.NewFSM(state, c.Events(), nil).Can(event)
}

// Presses are the inputs a user can make with a reply's buttons: each
// inline button, each reply-keyboard label, and a location for a
// location-request button.
func Presses(r flows.Reply) []flows.Input {
	var out []flows.Input
	for _, row := range r.Inline {
		for _, b := range row {
			out = append(out, flows.Input{Kind: flows.KindCallback, Data: b.Data})
		}
	}
	for _, row := range r.Keyboard {
		for _, b := range row {
			out = append(out, flows.Input{Kind: flows.KindText, Text: b.Label.ID, Key: b.Label.ID})
			if b.RequestLocation {
				out = append(out, flows.Input{Kind: flows.KindLocation, Location: &flows.Location{Lat: 10.6, Lon: 103.5}})
			}
		}
	}
	return out
}
