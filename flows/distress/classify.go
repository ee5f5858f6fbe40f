package distress

import (
	"strconv"
	"strings"

	"github.com/koreandesk/hotline/flows"
)

// A move is what one input means in one state: the event it fires, the
// answer it gives and, for EventStay, what becomes of the input. It is
// worked out from the state and the input alone, so Event and Callbacks
// always agree.
type move struct {
	event      string
	key, value string // the answer to save, when there is one
	stay       stay
}

// stay says why an input leaves the conversation where it is; it is zero
// for an input that moves it on.
type stay int

const (
	stayKept        stay = iota + 1 // text, a file, contact: on the case, question again
	stayLocation                    // a plausible location: on the case and saved, question again
	stayBadLocation                 // implausible coordinates: refused, question again
	stayBadCount                    // not a number of people: on the case, explained, question again
	stayEdited                      // an edit, such as a live location update: on the case, no reply
	stayIgnored                     // an edit with nothing worth keeping: no reply
)

// Reply-keyboard label ids. The bot maps a pressed label back to its id
// in Input.Key.
const (
	keySendLocation = "distress.key_send_location"
	keyNoLocation   = "distress.key_no_location"
	keySkip         = "distress.key_skip"
	keyPrefix       = "distress.key_"
)

// Callback data of the inline buttons: distress:<state>:<value>, plus
// distress:skip:<state> and distress:done. The state in the data makes
// a button of an earlier question stale instead of answering this one.
const (
	dataPrefix = "distress:"
	dataSkip   = dataPrefix + "skip:"
	dataDone   = dataPrefix + "done"
)

// KeySafeToTalk is the answer to "can you talk safely now?": "yes" or
// "no". After "no" the desk's messages arrive silently.
const KeySafeToTalk = "safe_to_talk"

// answerKeys names the case answer each state's question fills.
var answerKeys = map[string]string{
	StateLocation: "address", StateAddress: "address", StateSafe: KeySafeToTalk,
	StatePeople: "people", StateInjured: "injured", StateInjuredDetails: "injured_details",
	StatePassport: "passport_taken", StateCompound: "compound",
	StateNationality: "nationality", StateNationalityOther: "nationality",
}

func classify(state string, in flows.Input) move {
	switch {
	case !isAsking(state):
		return move{}
	case in.Edited:
		return edited(in)
	}
	switch in.Kind {
	case flows.KindText:
		return text(state, in)
	case flows.KindCallback:
		return callback(state, in.Data)
	case flows.KindLocation:
		return location(state, in.Location)
	case flows.KindContact:
		return move{event: EventStay, stay: stayKept}
	}
	if in.Kind.Media() {
		return move{event: EventStay, stay: stayKept}
	}
	return move{} // a sticker or anything else the engine calls unsupported
}

func isAsking(state string) bool {
	for _, s := range asking {
		if s == state {
			return true
		}
	}
	return false
}

// skippable reports whether the state offers Skip. Whether one can talk
// safely has two answers and no third; the last step has Done.
func skippable(state string) bool {
	return isAsking(state) && state != StateSafe && state != StateExtra
}

// usable returns the text trimmed, or "" when it cannot be an answer: the
// engine then says why (empty, too long) and asks again.
func usable(s string) string {
	if len([]rune(s)) > flows.MaxTextRunes {
		return ""
	}
	return strings.TrimSpace(s)
}

func edited(in flows.Input) move {
	ok := false
	switch in.Kind {
	case flows.KindLocation:
		ok = in.Location != nil && in.Location.Valid()
	case flows.KindText:
		ok = usable(in.Text) != ""
	default:
		ok = in.Kind.Media()
	}
	if !ok {
		return move{event: EventStay, stay: stayIgnored}
	}
	return move{event: EventStay, stay: stayEdited}
}

func location(state string, l *flows.Location) move {
	switch {
	case l == nil || !l.Valid():
		return move{event: EventStay, stay: stayBadLocation}
	case state == StateLocation || state == StateAddress:
		return move{event: EventShareLocation}
	}
	return move{event: EventStay, stay: stayLocation}
}

func text(state string, in flows.Input) move {
	if strings.HasPrefix(in.Key, keyPrefix) {
		return key(state, in.Key)
	}
	s := usable(in.Text)
	switch state {
	case StateInjured:
		if s != "" {
			return move{event: EventAnswer, key: "injured_details", value: s}
		}
	case StatePeople:
		if n, ok := parseCount(s); ok {
			return answer(state, strconv.Itoa(n))
		}
		if s != "" {
			return move{event: EventStay, stay: stayBadCount}
		}
	case StateSafe, StatePassport, StateExtra:
		if s != "" {
			return move{event: EventStay, stay: stayKept}
		}
	default:
		if s != "" {
			return answer(state, s)
		}
	}
	return move{}
}

func answer(state, value string) move {
	return move{event: EventAnswer, key: answerKeys[state], value: value}
}

// key handles a pressed reply-keyboard button of this conversation. A
// client that cannot send its location sends the button's label instead:
// that asks for the address.
func key(state, k string) move {
	switch {
	case k == keySkip && state == StateExtra:
		return move{event: EventFinish}
	case k == keySkip && skippable(state):
		return move{event: EventSkip}
	case state == StateLocation && (k == keyNoLocation || k == keySendLocation):
		return move{event: EventCantShare}
	}
	return move{}
}

func callback(state, data string) move {
	switch {
	case data == dataSkip+state && skippable(state):
		return move{event: EventSkip}
	case data == dataDone && state == StateExtra:
		return move{event: EventFinish}
	}
	value, ok := strings.CutPrefix(data, dataPrefix+state+":")
	if !ok {
		return move{}
	}
	for _, c := range choices[state] {
		if c.value == value {
			return move{event: c.event, key: answerKeys[state], value: value}
		}
	}
	return move{}
}
