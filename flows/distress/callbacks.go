package distress

import (
	"context"
	"strconv"

	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

// sentKey counts, in the session, the messages and files kept on the
// case during the conversation, for the summary.
const sentKey = "items_sent"

// Callbacks implements flows.Conversation. They only record effects and
// replies on the turn, never fire events: what the input adds to the case
// (before_event, which runs for self-transitions too), an acknowledgement
// that takes the reply keyboard away when the location step is left
// (leave_state), the next question or the ending (enter_state), and the
// answer to an input that stays (after_stay: looplab/fsm runs no
// leave_/enter_ callbacks for a self-transition).
func (c *Conversation) Callbacks(t *flows.Turn) fsm.Callbacks {
	m := classify(t.Session.State, t.Input)
	return fsm.Callbacks{
		"before_event":       func(context.Context, *fsm.Event) { keep(t, m) },
		"leave_state":        func(_ context.Context, e *fsm.Event) { acknowledge(t, e.Src, e.Event) },
		"enter_state":        func(_ context.Context, e *fsm.Event) { enter(t, e.Dst) },
		"after_" + EventStay: func(_ context.Context, e *fsm.Event) { stayed(t, e.Src, m) },
	}
}

// keep records what the input adds to the case.
func keep(t *flows.Turn, m move) {
	in := t.Input
	switch {
	case in.Kind == flows.KindLocation && (m.event == EventShareLocation || m.stay == stayLocation || m.stay == stayEdited):
		t.Do(flows.AddToCase{Input: in})
		save(t, "location", latLon(*in.Location))
	case m.stay == stayKept || m.stay == stayBadCount:
		t.Do(flows.AddToCase{Input: in})
		n, _ := strconv.Atoi(t.Session.Answers[sentKey])
		t.Session.Set(sentKey, strconv.Itoa(n+1))
	case m.stay == stayEdited:
		t.Do(flows.AddToCase{Input: in})
	}
	if m.key != "" {
		save(t, m.key, m.value)
	}
}

// save saves one answer to the case and keeps it in the session for the
// summary.
func save(t *flows.Turn, key, value string) {
	t.Do(flows.SaveAnswers{Answers: map[string]string{key: value}})
	t.Session.Set(key, value)
}

func latLon(l flows.Location) string {
	return strconv.FormatFloat(l.Lat, 'f', -1, 64) + "," + strconv.FormatFloat(l.Lon, 'f', -1, 64)
}

// acknowledge thanks for the location or address and removes the reply
// keyboard, which a message with inline buttons cannot do. Going on to
// the address question needs neither: its own keyboard replaces it.
func acknowledge(t *flows.Turn, src, event string) {
	if src != StateLocation && src != StateAddress {
		return
	}
	var id string
	switch event {
	case EventShareLocation:
		id = locationSaved(t.Input)
	case EventAnswer:
		id = "distress.address_saved"
	case EventSkip:
		id = "distress.location_skipped"
	default:
		return
	}
	t.Say(flows.Reply{Text: flows.M(id), RemoveKeyboard: true})
}

func locationSaved(in flows.Input) string {
	if in.Location != nil && in.Location.Live {
		return "distress.live_location_saved"
	}
	return "distress.location_saved"
}

func enter(t *flows.Turn, state string) {
	switch state {
	case StateDone:
		finish(t)
	case StateStopped:
		stop(t)
	default:
		ask(t, state)
	}
}

// stayed answers an input that did not move the conversation on and asks
// the question again. Edits, such as live location updates, arrive every
// few seconds and get no reply.
func stayed(t *flows.Turn, state string, m move) {
	switch {
	case m.stay == stayEdited || m.stay == stayIgnored:
		return
	case state == StateExtra && (m.stay == stayKept || m.stay == stayLocation):
		t.Say(extraReply("distress.extra_received"))
		return
	case m.stay == stayKept && t.Input.MediaGroup != "":
		t.Text("distress.received_album") // once for the album: its later items go to the case unanswered
	case m.stay == stayKept:
		t.Text("distress.received")
	case m.stay == stayLocation:
		t.Text(locationSaved(t.Input))
	case m.stay == stayBadLocation:
		t.Text("distress.bad_location")
	case m.stay == stayBadCount:
		t.Text("distress.people_invalid")
	}
	ask(t, state)
}
