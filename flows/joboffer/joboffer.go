// Package joboffer is the job-offer check conversation: the user pastes or
// forwards a recruiter's ad or messages (several in a row, photo captions
// too), taps "Check now", and gets a verdict with its reasons and what to
// do; then they can report the recruiter to the desk and say whether the
// check helped. It asks first whether they have already travelled, paid
// or handed over their passport, because then the emergency path matters
// more than any verdict.
//
// The checking itself is the bot's CheckOffer effect (the jobcheck
// package and the desk's list); this conversation only collects and
// routes. docs/flows/joboffer.md shows the transition table.
package joboffer

import (
	"context"
	"strings"

	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

// Name is the conversation's name in stored sessions.
const Name = "job"

// States.
const (
	StateAlready    = "already"    // have you travelled, paid, handed over your passport?
	StateCollecting = "collecting" // paste the ad; Check now
	StateResult     = "result"     // the verdict is shown: report, helpful?
	StateReported   = "reported"   // reported to the desk: the conversation ends
)

// Events.
const (
	EventYes     = "yes"      // already travelled, paid or gave the passport
	EventNo      = "no"       // not yet
	EventAd      = "ad"       // a piece of the ad (text or a caption)
	EventCheck   = "check"    // Check now
	EventReport  = "report"   // report this recruiter
	EventHelpful = "helpful"  // was this helpful: yes or no
	EventNothing = "nothing"  // Check now with nothing to check
	EventTooMuch = "too_much" // more text than one check takes
	EventImage   = "image"    // a photo or document of the ad with no words (a screenshot)
	EventImages  = "images"   // Check now with only images: kept with a case, no verdict
	dataPrefix   = "job:"
	dataYes      = dataPrefix + "already:yes"
	dataNo       = dataPrefix + "already:no"
	dataCheck    = dataPrefix + "check"
	dataReport   = dataPrefix + "report"
	dataHelpful  = dataPrefix + "helpful:"
	answerPieces = "ad_pieces"
)

// Case answer keys the conversation fills: the ad as the person sent it
// and whether they have already travelled, paid or handed over their
// passport ("yes" or "no").
const (
	KeyAd      = "ad"
	KeyAlready = "already_committed"
)

// KeyImagesCase is the session answer naming the job check that keeps
// images sent with no words ("Check now" with only screenshots): the bot
// puts the verdict of the words sent next on that case rather than on a
// new one, so staff see the images and the words together.
const KeyImagesCase = "images_case"

// MaxAdRunes is the most text one check takes; an ad is a few hundred.
const MaxAdRunes = 8000

// Conversation is the job-offer check.
type Conversation struct{}

var (
	_ flows.Conversation = (*Conversation)(nil)
	_ flows.Beginner     = (*Conversation)(nil)
)

// New returns the conversation.
func New() *Conversation { return &Conversation{} }

// Name implements flows.Conversation.
func (*Conversation) Name() string { return Name }

// Initial implements flows.Conversation.
func (*Conversation) Initial() string { return StateAlready }

// Events implements flows.Conversation.
func (*Conversation) Events() fsm.Events {
	return fsm.Events{
		{Name: EventYes, Src: []string{StateAlready}, Dst: StateCollecting},
		{Name: EventNo, Src: []string{StateAlready}, Dst: StateCollecting},
		{Name: EventAd, Src: []string{StateAlready, StateCollecting, StateResult}, Dst: StateCollecting},
		{Name: EventTooMuch, Src: []string{StateCollecting}, Dst: StateCollecting},
		{Name: EventImage, Src: []string{StateAlready, StateCollecting}, Dst: StateCollecting},
		{Name: EventImage, Src: []string{StateResult}, Dst: StateResult},
		{Name: EventNothing, Src: []string{StateAlready, StateCollecting}, Dst: StateCollecting},
		{Name: EventCheck, Src: []string{StateCollecting}, Dst: StateResult},
		{Name: EventImages, Src: []string{StateAlready, StateCollecting}, Dst: StateResult},
		{Name: EventHelpful, Src: []string{StateResult}, Dst: StateResult},
		{Name: EventReport, Src: []string{StateResult}, Dst: StateReported},
	}
}

// Begin asks the safety question first, and takes an ad the user sent
// before choosing the check (the bot's "check this as a job offer?") or
// after the command itself ("/check <the ad>"; not a deep link's key).
func (c *Conversation) Begin(t *flows.Turn) {
	// The ad's photo or document, if it came with one, waits in the
	// session for the check's case (flows.TakeFiles).
	if carried := flows.TakeCarried(t.Session); carried != "" {
		appendAd(t.Session, carried)
	}
	if in := t.Input; in.Kind == flows.KindCommand && in.Command != "start" && strings.TrimSpace(in.Args) != "" {
		appendAd(t.Session, in.Args)
	}
	c.Prompt(t)
}

// Event implements flows.Conversation.
func (*Conversation) Event(s *flows.Session, in flows.Input) string {
	switch in.Kind {
	case flows.KindCallback:
		return callbackEvent(s, in.Data)
	case flows.KindText, flows.KindPhoto, flows.KindDocument:
		text := strings.TrimSpace(in.Text)
		if text == "" && in.Kind != flows.KindText && in.FileID != "" {
			return EventImage // a screenshot of the ad, the commonest way one is shared
		}
		if text == "" || len([]rune(text)) > flows.MaxTextRunes {
			return ""
		}
		if len([]rune(s.Answers[KeyAd]))+len([]rune(text)) > MaxAdRunes && s.State == StateCollecting {
			return EventTooMuch
		}
		return EventAd
	}
	return ""
}

func callbackEvent(s *flows.Session, data string) string {
	switch {
	case data == dataYes:
		return EventYes
	case data == dataNo:
		return EventNo
	case data == dataCheck && strings.TrimSpace(s.Answers[KeyAd]) == "" && flows.HasFiles(s):
		return EventImages // only screenshots: no words to check, but the images must not be lost
	case data == dataCheck && strings.TrimSpace(s.Answers[KeyAd]) == "":
		return EventNothing
	case data == dataCheck:
		return EventCheck
	case data == dataReport:
		return EventReport
	case data == dataHelpful+"yes", data == dataHelpful+"no":
		return EventHelpful
	}
	return ""
}

// Callbacks implements flows.Conversation.
func (c *Conversation) Callbacks(t *flows.Turn) fsm.Callbacks {
	s := t.Session
	return fsm.Callbacks{
		EventYes: func(context.Context, *fsm.Event) {
			s.Set(KeyAlready, "yes")
			t.Say(flows.Reply{Text: flows.M("joboffer.already_warning"), Inline: [][]flows.Button{
				{{Label: flows.M("menu.help_now"), Data: flows.DataGo + "sos"}},
				{{Label: flows.M("menu.contacts"), Data: flows.DataGo + "contacts"}},
			}})
			t.Say(collectPrompt())
		},
		EventNo: func(context.Context, *fsm.Event) {
			s.Set(KeyAlready, "no")
			t.Say(collectPrompt())
		},
		EventAd: func(_ context.Context, e *fsm.Event) {
			if e.Src == StateResult { // a new ad after a verdict: start again
				delete(s.Answers, KeyAd)
				delete(s.Answers, answerPieces)
			}
			appendAd(s, t.Input.Text)
			flows.KeepFile(s, t.Input) // for the check's case: staff see the ad itself
			t.Say(flows.Reply{Text: flows.M("joboffer.got_it", "Count", s.Answers[answerPieces]),
				Inline: [][]flows.Button{{checkButton()}}})
		},
		EventImage: func(_ context.Context, e *fsm.Event) {
			if e.Src == StateResult && s.Answers[flows.CaseRefKey] != "" {
				// After a verdict: on the check's case at once, with no
				// alert (a check alerts nobody), and said so.
				t.Do(flows.AddToCase{Input: t.Input, Keep: true})
				t.Text("joboffer.image_on_check", "Ref", flows.CaseRef{})
				return
			}
			// Kept for the check's case (staff see the ad itself), but
			// only words can be checked: ask for them.
			flows.KeepFile(s, t.Input)
			r := flows.Reply{Text: flows.M("joboffer.image_kept")}
			if s.Answers[KeyAd] != "" {
				r.Inline = [][]flows.Button{{checkButton()}}
			}
			t.Say(r)
		},
		EventTooMuch: func(context.Context, *fsm.Event) {
			t.Say(flows.Reply{Text: flows.M("joboffer.too_much"), Inline: [][]flows.Button{{checkButton()}}})
		},
		EventNothing: func(context.Context, *fsm.Event) { t.Say(collectPrompt()) },
		"enter_" + StateResult: func(context.Context, *fsm.Event) {
			if s.Answers[KeyAd] == "" { // only images: a case keeps them, no verdict
				t.Do(flows.CheckOffer{})
				t.Say(flows.Reply{Text: flows.M("joboffer.images_only", "Ref", flows.CaseRef{}),
					Inline: [][]flows.Button{{{Label: flows.M("joboffer.report"), Data: dataReport}}}})
				return
			}
			t.Do(flows.CheckOffer{Text: s.Answers[KeyAd]})
			t.Say(resultButtons())
		},
		EventHelpful: func(context.Context, *fsm.Event) {
			value := strings.TrimPrefix(t.Input.Data, dataHelpful)
			t.Do(flows.SaveAnswers{Answers: map[string]string{"helpful": value}})
			t.Text("joboffer.thanks")
		},
		EventReport: func(context.Context, *fsm.Event) {
			t.Do(flows.ReportRecruiter{})
			t.Text("joboffer.reported", "Ref", flows.CaseRef{})
			t.End()
		},
	}
}

// Prompt implements flows.Conversation.
func (*Conversation) Prompt(t *flows.Turn) {
	switch t.Session.State {
	case StateAlready:
		if t.Session.Answers[KeyAd] != "" {
			t.Text("joboffer.got_carried")
		}
		t.Say(flows.Reply{Text: flows.M("joboffer.ask_already"), Inline: [][]flows.Button{{
			{Label: flows.M("joboffer.yes"), Data: dataYes}, {Label: flows.M("joboffer.no"), Data: dataNo},
		}}})
	case StateCollecting:
		t.Say(collectPrompt())
	case StateResult:
		t.Say(resultButtons())
	}
}

func appendAd(s *flows.Session, text string) {
	text = strings.TrimSpace(text)
	if prev := s.Answers[KeyAd]; prev != "" {
		text = prev + "\n" + text
	}
	s.Set(KeyAd, text)
	s.Set(answerPieces, itoa(strings.Count(text, "\n")+1))
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func checkButton() flows.Button {
	return flows.Button{Label: flows.M("joboffer.check_now"), Data: dataCheck}
}

func collectPrompt() flows.Reply {
	return flows.Reply{Text: flows.M("joboffer.ask_ad"), Inline: [][]flows.Button{{checkButton()}}}
}

func resultButtons() flows.Reply {
	return flows.Reply{Text: flows.M("joboffer.next_steps"), Inline: [][]flows.Button{
		{{Label: flows.M("joboffer.report"), Data: dataReport}},
		{{Label: flows.M("joboffer.helpful_yes"), Data: dataHelpful + "yes"}, {Label: flows.M("joboffer.helpful_no"), Data: dataHelpful + "no"}},
	}}
}
