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

// Callback data of the consent buttons, pressed by the reporter:
// rf:y:<referral id> and rf:n:<referral id>.
const (
	Data    = "rf:"
	dataYes = "y"
	dataNo  = "n"
)

// Ask is the question the reporter answers, in their language: what the
// desk would share, with whom and why, with Yes and No. Like every desk
// message to a reporter it starts with the case reference, not the
// desk's name, since a lock screen may show it.
func Ask(ref desk.Ref, p *desk.Partner, id int64) flows.Reply {
	passport := "referral.passport_masked"
	if p.SeesPassport() {
		passport = "referral.passport_full"
	}
	n := strconv.FormatInt(id, 10)
	return flows.Reply{Text: flows.M("referral.ask", "Ref", ref, "Partner", p.Name),
		Lines: []flows.Msg{flows.M(passport), flows.M("referral.ask_choice")},
		Inline: [][]flows.Button{{
			{Label: flows.M("referral.button_yes"), Data: Data + dataYes + ":" + n},
			{Label: flows.M("referral.button_no"), Data: Data + dataNo + ":" + n},
		}}}
}

// ParseAnswer reads a consent button's data; ok is false for anything
// that is not one (forged data).
func ParseAnswer(data string) (id int64, consent, ok bool) {
	action, n, found := strings.Cut(strings.TrimPrefix(data, Data), ":")
	if !strings.HasPrefix(data, Data) || !found || (action != dataYes && action != dataNo) {
		return 0, false, false
	}
	id, err := strconv.ParseInt(n, 10, 64)
	if err != nil || id <= 0 {
		return 0, false, false
	}
	return id, action == dataYes, true
}

// Event is a referral's timeline entry: what happened (desk.Referral*),
// by whom (0: the reporter), to which partner.
func Event(what string, by int64, partner string, at time.Time) desk.Event {
	return desk.Event{Kind: desk.EventReferral, ActorID: by, At: at,
		Data: map[string]string{"referral": what, "partner": partner}}
}
