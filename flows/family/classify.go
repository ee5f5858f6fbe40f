package family

import (
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/flows"
)

// A move is what one input means in one state: the event it fires, the
// answers it gives and, for EventStay, what the person is told. It is
// worked out from the session and the input alone, so Event and Callbacks
// always agree.
type move struct {
	event   string
	answers []answer // saved in this order
	keep    bool     // put the input on the case (a photo, a location)
	hold    bool     // keep the file in the session for the case the name opens
	say     string   // for EventStay: the message id explaining why
}

// answer is one case answer; shown, when set, replaces the value in the
// session (the passport number's masked form).
type answer struct {
	key, value, shown string
}

// Callback data of the inline buttons: family:<state>:<value>, plus
// family:skip:<state>. The state in the data makes a button of an
// earlier question stale instead of answering this one.
const (
	dataPrefix = "family:"
	dataSkip   = dataPrefix + "skip:"
)

// Case answer keys. The bot seals KeyPassport and KeyPhone before they
// reach the case.
const (
	KeyRelationship     = "relationship"
	KeyName             = "relative_name"
	KeyNameLatin        = "relative_name_latin"
	KeyBirthDate        = "birth_date"
	KeyPassport         = "passport_number"
	KeyLastContact      = "last_contact"
	KeyLastPlace        = "last_place"
	KeyLastPlaceMap     = "last_place_location"
	KeySituation        = "situation"
	KeySituationDetails = "situation_details"
	KeyPhone            = "callback_phone"
	KeyConsent          = "consent_share"
)

// photoKey counts, in the session, the photos kept on the case.
const photoKey = "photos_sent"

// answerKeys names the case answer each text question fills.
var answerKeys = map[string]string{
	StateRelationship: KeyRelationship, StateName: KeyName, StateNameLatin: KeyNameLatin,
	StateBirthDate: KeyBirthDate, StatePassport: KeyPassport, StateLastContact: KeyLastContact,
	StateLastPlace: KeyLastPlace, StateSituation: KeySituation, StatePhone: KeyPhone, StateConsent: KeyConsent,
}

func classify(s *flows.Session, in flows.Input) move {
	state := s.State
	if !isAsking(state) || in.Edited {
		return move{}
	}
	switch in.Kind {
	case flows.KindText:
		return text(state, s.Lang(), in)
	case flows.KindCallback:
		return callback(state, in.Data)
	case flows.KindLocation:
		return location(s, in.Location)
	case flows.KindPhoto, flows.KindDocument:
		return media(s, in)
	case flows.KindVoice, flows.KindVideo, flows.KindVideoNote, flows.KindAudio:
		if hasCase(s) { // a voice note or video telling the story: on the case
			return move{event: EventStay, keep: true, say: "family.received"}
		}
		return move{event: EventStay, hold: true, say: "family.file_kept"}
	case flows.KindContact:
		if state == StatePhone {
			return phone(in.Phone, true)
		}
	}
	return move{} // the engine answers, and asks again
}

// hasCase reports whether the case is open: from the name on.
func hasCase(s *flows.Session) bool { return s.State != StateRelationship && s.State != StateName }

// usable returns the text trimmed, or "" when it cannot be an answer: the
// engine then says why (empty, too long) and asks again.
func usable(s string) string {
	if len([]rune(s)) > flows.MaxTextRunes {
		return ""
	}
	return strings.TrimSpace(s)
}

func text(state, lang string, in flows.Input) move {
	s := usable(in.Text)
	if s == "" {
		return move{}
	}
	switch state {
	case StateBirthDate, StateLastContact:
		return date(state, s, in.At)
	case StatePassport:
		n, ok := parsePassport(s, lang)
		if !ok {
			return move{event: EventStay, say: "family.passport_invalid"}
		}
		return move{event: EventAnswer, answers: []answer{{KeyPassport, n, MaskPassport(n)}}}
	case StatePhone:
		return phone(s, false)
	case StateSituation: // their own words: "other", with the words
		return move{event: EventAnswer, answers: []answer{{key: KeySituation, value: "other"}, {key: KeySituationDetails, value: s}}}
	case StatePhoto:
		return move{event: EventStay, say: "family.photo_expected"}
	case StateConsent:
		return move{}
	}
	return move{event: EventAnswer, answers: []answer{{key: answerKeys[state], value: s}}}
}

// dateMessages explain each way a date can be wrong.
var dateMessages = map[dateProblem]string{
	dateUnreadable: "family.date_unreadable", dateImpossible: "family.date_impossible",
	dateFuture: "family.date_future", dateTooOld: "family.date_too_old",
}

func date(state, s string, at time.Time) move {
	if !at.IsZero() {
		at = at.In(kst) // the family is usually in Korea, a day ahead of UTC for hours
	}
	iso, problem := parseDate(s, at)
	if problem != dateOK {
		return move{event: EventStay, say: dateMessages[problem]}
	}
	return move{event: EventAnswer, answers: []answer{{key: answerKeys[state], value: iso}}}
}

// kst is Korean time (UTC+9, no daylight saving); "today" is judged there,
// the earliest of the desk's time zones.
var kst = time.FixedZone("KST", 9*60*60)

func phone(s string, contact bool) move {
	e164, problem := parsePhone(s, contact)
	switch problem {
	case phoneCountry:
		return move{event: EventStay, say: "family.phone_country"}
	case phoneInvalid:
		return move{event: EventStay, say: "family.phone_invalid"}
	}
	return move{event: EventAnswer, answers: []answer{{KeyPhone, e164, MaskPhone(e164)}}}
}

func location(s *flows.Session, l *flows.Location) move {
	switch {
	case l == nil || !l.Valid():
		return move{event: EventStay, say: "family.bad_location"}
	case s.State == StateLastPlace:
		return move{event: EventAnswer, keep: true, answers: []answer{{key: KeyLastPlaceMap, value: latLon(*l)}}}
	case hasCase(s):
		return move{event: EventStay, keep: true, say: "family.received"}
	}
	return move{}
}

func latLon(l flows.Location) string {
	return strconv.FormatFloat(l.Lat, 'f', -1, 64) + "," + strconv.FormatFloat(l.Lon, 'f', -1, 64)
}

// media handles a photo or a document: the answer to the photo question,
// kept on the case anywhere else once there is a case, and before it (a
// photo of the relative sent first) kept for the case the name opens.
func media(s *flows.Session, in flows.Input) move {
	switch {
	case s.State == StatePhoto:
		return move{event: EventAnswer, keep: true}
	case hasCase(s):
		return move{event: EventStay, keep: true, say: "family.received"}
	}
	return move{event: EventStay, hold: true, say: "family.file_kept"}
}

func callback(state, data string) move {
	if data == dataSkip+state && skippable(state) {
		return move{event: EventSkip}
	}
	value, ok := strings.CutPrefix(data, dataPrefix+state+":")
	if !ok {
		return move{}
	}
	for _, c := range choices[state] {
		if c.value == value {
			return move{event: EventAnswer, answers: []answer{{key: answerKeys[state], value: value}}}
		}
	}
	return move{}
}
