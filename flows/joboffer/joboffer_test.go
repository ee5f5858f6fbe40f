package joboffer_test

import (
	"context"
	"flag"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/flowtest"
	"github.com/koreandesk/hotline/flows/joboffer"
)

var update = flag.Bool("update", false, "rewrite docs/flows/joboffer.md's diagram from the code")

func newEngine() *flows.Engine {
	e := flows.NewEngine(nil, joboffer.New())
	e.Route("job", joboffer.Name)
	e.Route("check", joboffer.Name)
	return e
}

// turn is one input and what the engine made of it: reply ids, effects
// and the state after.
type turn struct {
	in      flows.Input
	replies []string
	effects []string
	state   string
}

func text(s string) flows.Input { return flows.Input{Kind: flows.KindText, Text: s, Private: true} }
func tap(d string) flows.Input  { return flows.Input{Kind: flows.KindCallback, Data: d, Private: true} }
func cmd(c, a string) flows.Input {
	return flows.Input{Kind: flows.KindCommand, Command: c, Args: a, Private: true}
}

const ad = "Customer service job in Phnom Penh, $2,500 a month, no experience, flight paid. Telegram @fake_hr_9"

func TestConversation(t *testing.T) {
	scripts := map[string][]turn{
		"check and report": {
			{cmd("check", ""), []string{"joboffer.ask_already"}, nil, "already"},
			{tap("job:already:no"), []string{"joboffer.ask_ad"}, nil, "collecting"},
			{text(ad), []string{"joboffer.got_it"}, nil, "collecting"},
			{text("second message"), []string{"joboffer.got_it"}, nil, "collecting"},
			{tap("job:check"), []string{"joboffer.next_steps"}, []string{"CheckOffer:" + ad + "\nsecond message"}, "result"},
			{tap("job:helpful:yes"), []string{"joboffer.thanks"}, []string{"SaveAnswers:helpful=yes"}, "result"},
			{tap("job:report"), []string{"joboffer.reported"}, []string{"ReportRecruiter"}, ""},
		},
		"already committed": {
			{cmd("start", "job"), []string{"joboffer.ask_already"}, nil, "already"},
			{tap("job:already:yes"), []string{"joboffer.already_warning", "joboffer.ask_ad"}, nil, "collecting"},
		},
		"text at the first question is the ad": {
			{cmd("check", ""), []string{"joboffer.ask_already"}, nil, "already"},
			{text(ad), []string{"joboffer.got_it"}, nil, "collecting"},
		},
		"check with nothing": {
			{cmd("check", ""), []string{"joboffer.ask_already"}, nil, "already"},
			{tap("job:check"), []string{"joboffer.ask_ad"}, nil, "collecting"},
		},
		"garbage": {
			{cmd("check", ""), []string{"joboffer.ask_already"}, nil, "already"},
			{tap("job:already:no"), []string{"joboffer.ask_ad"}, nil, "collecting"},
			{flows.Input{Kind: flows.KindUnsupported}, []string{"common.unsupported", "joboffer.ask_ad"}, nil, "collecting"},
			{text("   "), []string{"common.not_understood", "joboffer.ask_ad"}, nil, "collecting"},
			{text(strings.Repeat("x", 5000)), []string{"common.too_long", "joboffer.ask_ad"}, nil, "collecting"},
			{tap("job:report"), []string{"common.stale_button", "joboffer.ask_ad"}, nil, "collecting"},
			{tap("job:helpful:maybe"), []string{"common.stale_button", "joboffer.ask_ad"}, nil, "collecting"},
		},
		"a new ad after the verdict starts again": {
			{cmd("check", ""), []string{"joboffer.ask_already"}, nil, "already"},
			{text("first ad"), []string{"joboffer.got_it"}, nil, "collecting"},
			{tap("job:check"), []string{"joboffer.next_steps"}, []string{"CheckOffer:first ad"}, "result"},
			{text("second ad"), []string{"joboffer.got_it"}, nil, "collecting"},
			{tap("job:check"), []string{"joboffer.next_steps"}, []string{"CheckOffer:second ad"}, "result"},
		},
		"suggested from a pasted ad": {
			{text(ad), []string{"joboffer.suggest"}, nil, ""},
			{tap("go:job"), []string{"joboffer.got_carried", "joboffer.ask_already"}, nil, "already"},
			{tap("job:already:no"), []string{"joboffer.ask_ad"}, nil, "collecting"},
			{tap("job:check"), []string{"joboffer.next_steps"}, []string{"CheckOffer:" + ad}, "result"},
		},
		"suggestion declined": {
			{text(ad), []string{"joboffer.suggest"}, nil, ""},
			{tap("go:menu"), []string{"menu.title"}, nil, ""},
		},
	}
	for name, script := range scripts {
		t.Run(name, func(t *testing.T) {
			e, s := newEngine(), &flows.Session{}
			for i, tt := range script {
				out, err := e.Step(context.Background(), s, tt.in)
				if err != nil {
					t.Fatal(err)
				}
				var ids, effects []string
				for _, r := range out.Replies {
					ids = append(ids, r.Text.ID)
				}
				for _, ef := range out.Effects {
					effects = append(effects, describe(ef))
				}
				if diff := cmp.Diff(tt.replies, ids); diff != "" {
					t.Errorf("step %d replies (-want +got):\n%s", i, diff)
				}
				if diff := cmp.Diff(tt.effects, effects); diff != "" {
					t.Errorf("step %d effects (-want +got):\n%s", i, diff)
				}
				if s.State != tt.state {
					t.Errorf("step %d state = %q, want %q", i, s.State, tt.state)
				}
			}
		})
	}
}

func describe(e flows.Effect) string {
	switch e := e.(type) {
	case flows.CheckOffer:
		return "CheckOffer:" + e.Text
	case flows.SaveAnswers:
		var kv []string
		for k, v := range e.Answers {
			kv = append(kv, k+"="+v)
		}
		return "SaveAnswers:" + strings.Join(kv, ",")
	case flows.ReportRecruiter:
		return "ReportRecruiter"
	}
	return "?"
}

// TestDiagramIsDocumented keeps docs/flows/joboffer.md's diagram equal to
// the code's; -update rewrites it.
func TestDiagramIsDocumented(t *testing.T) {
	flowtest.CheckDiagram(t, joboffer.New(), "../../docs/flows/joboffer.md", *update, "./flows/joboffer")
}
