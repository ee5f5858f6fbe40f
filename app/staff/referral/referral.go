// Package referral hands a case to a partner of the desk (the police, an
// embassy, IOM, a shelter), only with the reporter's consent: the
// question the reporter answers, and the summary document the officer
// receives after a "yes", written in the partner's language. The summary
// is made when it is sent and never stored: it leaves through the outbox,
// which drops a call's content once it is sent.
package referral

import (
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Callback data of the referral buttons, pressed by the reporter:
// rf:s:<referral id> (show the question), rf:y:<referral id> and
// rf:n:<referral id> (the answer).
const (
	Data     = "rf:"
	dataShow = "s"
	dataYes  = "y"
	dataNo   = "n"
)

// Ask is what the reporter gets first: only the case reference, a word
// that a question waits, and a Show button. What the question says (the
// partner, who may be the police, and what would be shared) shows only
// after that tap, when the reporter has the chat open: a lock screen, or
// a captor holding the phone, sees no more than the reference.
func Ask(ref desk.Ref, id int64) flows.Reply {
	return flows.Reply{Text: flows.M("referral.teaser", "Ref", ref),
		Inline: [][]flows.Button{{{Label: flows.M("referral.button_show"), Data: button(dataShow, id)}}}}
}

// Question is the question itself, in the reporter's language: what the
// desk would share, with whom and why, with Yes and No.
func Question(ref desk.Ref, p *desk.Partner, id int64) flows.Reply {
	passport := "referral.passport_masked"
	if p.SeesPassport() {
		passport = "referral.passport_full"
	}
	return flows.Reply{Text: flows.M("referral.ask", "Ref", ref, "Partner", p.Name),
		Lines: []flows.Msg{flows.M(passport), flows.M("referral.ask_choice")},
		Inline: [][]flows.Button{{
			{Label: flows.M("referral.button_yes"), Data: button(dataYes, id)},
			{Label: flows.M("referral.button_no"), Data: button(dataNo, id)},
		}}}
}

func button(action string, id int64) string { return Data + action + ":" + strconv.FormatInt(id, 10) }

// Button is what a referral button asks for.
type Button int

const (
	Show Button = iota + 1 // show the question
	Yes                    // consent
	No                     // refusal
)

var buttons = map[string]Button{dataShow: Show, dataYes: Yes, dataNo: No}

// ParseButton reads a referral button's data; ok is false for anything
// that is not one (forged data).
func ParseButton(data string) (id int64, b Button, ok bool) {
	action, n, found := strings.Cut(strings.TrimPrefix(data, Data), ":")
	b = buttons[action]
	if !strings.HasPrefix(data, Data) || !found || b == 0 {
		return 0, 0, false
	}
	id, err := strconv.ParseInt(n, 10, 64)
	if err != nil || id <= 0 {
		return 0, 0, false
	}
	return id, b, true
}

// Event is a referral's timeline entry: what happened (desk.Referral*),
// by whom (0: the reporter), to which partner.
func Event(what string, by int64, partner string, at time.Time) desk.Event {
	return desk.Event{Kind: desk.EventReferral, ActorID: by, At: at,
		Data: map[string]string{"referral": what, "partner": partner}}
}
