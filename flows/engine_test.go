package flows_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

// echo is a two-question conversation used to test the engine: it asks a
// name, then a city, then ends. "same" is a self-transition.
type echo struct{}

func (echo) Name() string    { return "echo" }
func (echo) Initial() string { return "ask_name" }
func (echo) Events() fsm.Events {
	return fsm.Events{
		{Name: "name", Src: []string{"ask_name"}, Dst: "ask_city"},
		{Name: "city", Src: []string{"ask_city"}, Dst: "done"},
		{Name: "same", Src: []string{"ask_name", "ask_city"}, Dst: "ask_name"},
	}
}

func (echo) Event(s *flows.Session, in flows.Input) string {
	switch {
	case in.Kind != flows.KindText:
		return ""
	case in.Text == "same":
		return "same"
	case s.State == "ask_name":
		return "name"
	}
	return "city"
}

func (echo) Callbacks(t *flows.Turn) fsm.Callbacks {
	return fsm.Callbacks{
		"enter_ask_city": func(context.Context, *fsm.Event) {
			t.Session.Set("name", t.Input.Text)
			t.Text("echo.ask_city")
		},
		"enter_done": func(context.Context, *fsm.Event) { t.Text("echo.bye"); t.End() },
	}
}

func (echo) Prompt(t *flows.Turn) { t.Text("echo." + t.Session.State) }

func newEngine() *flows.Engine {
	e := flows.NewEngine([]flows.Contact{{Label: flows.M("contacts.police"), Number: "117"}}, echo{})
	e.Route("family", "echo")
	return e
}

func ids(out flows.Outcome) []string {
	var r []string
	for _, rep := range out.Replies {
		r = append(r, rep.Text.ID+rep.Text.Literal)
	}
	return r
}

func TestEngine(t *testing.T) {
	tests := []struct {
		name      string
		session   flows.Session
		in        flows.Input
		want      []string
		wantFlow  string
		wantState string
		wantLang  string
	}{
		{"start greets and shows the menu", flows.Session{}, cmd("start", ""), []string{"start.welcome", "menu.title"}, "", "", "en"},
		{"deep link enters a conversation", flows.Session{}, cmd("start", "family"), []string{"echo.ask_name"}, "echo", "ask_name", "en"},
		{"unknown deep link is a plain start", flows.Session{}, cmd("start", "nonsense"), []string{"start.welcome", "menu.title"}, "", "", "en"},
		{"entry command", flows.Session{}, cmd("family", ""), []string{"echo.ask_name"}, "echo", "ask_name", "en"},
		{"answer moves on", inEcho("ask_name"), text("Minsu"), []string{"echo.ask_city"}, "echo", "ask_city", "en"},
		{"last answer ends", inEcho("ask_city"), text("Bavet"), []string{"echo.bye"}, "", "", "en"},
		{"self transition is not an error", inEcho("ask_name"), text("same"), nil, "echo", "ask_name", "en"},
		{"sticker keeps the state", inEcho("ask_city"), flows.Input{Kind: flows.KindUnsupported}, []string{"common.unsupported", "echo.ask_city"}, "echo", "ask_city", "en"},
		{"location where text was expected", inEcho("ask_city"), flows.Input{Kind: flows.KindLocation}, []string{"common.not_understood", "echo.ask_city"}, "echo", "ask_city", "en"},
		{"help repeats the question", inEcho("ask_city"), cmd("help", ""), []string{"common.help", "echo.ask_city"}, "echo", "ask_city", "en"},
		{"cancel goes home", inEcho("ask_city"), cmd("cancel", ""), []string{"common.cancelled_no_case", "menu.title"}, "", "", "en"},
		{"cancel keeps the case", withCase(inEcho("ask_city")), cmd("cancel", ""), []string{"common.cancelled", "menu.title"}, "", "", "en"},
		{"cancel when idle", flows.Session{}, cmd("cancel", ""), []string{"common.nothing_to_cancel", "menu.title"}, "", "", "en"},
		{"unknown command", inEcho("ask_name"), cmd("frobnicate", ""), []string{"common.unknown_command", "echo.ask_name"}, "echo", "ask_name", "en"},
		{"idle text", flows.Session{}, text("hello"), []string{"common.not_understood", "menu.title"}, "", "", "en"},
		{"language button mid-flow", inEcho("ask_city"), data("lang:km"), []string{"language.changed", "echo.ask_city"}, "echo", "ask_city", "km"},
		{"forged language", flows.Session{}, data("lang:xx"), []string{"common.stale_button", "menu.title"}, "", "", "en"},
		{"forged callback", flows.Session{}, data("drop table"), []string{"common.stale_button", "menu.title"}, "", "", "en"},
		{"contacts keep the flow", inEcho("ask_name"), data("go:contacts"), []string{"contacts.title", "echo.ask_name"}, "echo", "ask_name", "en"},
		{"menu item of no conversation", flows.Session{}, data("go:sos"), []string{"common.stale_button", "menu.title"}, "", "", "en"},
		{"telegram language is used", flows.Session{}, flows.Input{Kind: flows.KindCommand, Command: "language", LanguageCode: "ko-KR"}, []string{"language.choose"}, "", "", "ko"},
		{"unknown conversation goes home", flows.Session{Flow: "retired", State: "x"}, text("hi"), []string{"common.not_understood", "menu.title"}, "", "", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.session
			out, err := newEngine().Step(context.Background(), &s, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, ids(out)); diff != "" {
				t.Errorf("replies (-want +got):\n%s", diff)
			}
			if s.Flow != tt.wantFlow || s.State != tt.wantState || s.Lang() != tt.wantLang {
				t.Errorf("session = %q/%q/%s, want %q/%q/%s", s.Flow, s.State, s.Lang(), tt.wantFlow, tt.wantState, tt.wantLang)
			}
		})
	}
}

func TestTooLongText(t *testing.T) {
	s := inEcho("ask_city")
	long := make([]rune, flows.MaxTextRunes+1)
	for i := range long {
		long[i] = '가'
	}
	e := flows.NewEngine(nil, strict{echo{}})
	out, err := e.Step(context.Background(), &s, text(string(long)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"common.too_long", "echo.ask_city"}, ids(out)); diff != "" {
		t.Errorf("replies (-want +got):\n%s", diff)
	}
}

// strict refuses text over the limit, as real conversations do.
type strict struct{ echo }

func (c strict) Event(s *flows.Session, in flows.Input) string {
	if len([]rune(in.Text)) > flows.MaxTextRunes {
		return ""
	}
	return c.echo.Event(s, in)
}

func TestContactsAreListed(t *testing.T) {
	var s flows.Session
	out, _ := newEngine().Step(context.Background(), &s, data("go:contacts"))
	lines := out.Replies[0].Lines
	if len(lines) != 2 || lines[0].Vars["Number"] != "117" {
		t.Errorf("contact lines = %+v, want police 117 and the footer", lines)
	}
}

func TestMatchLanguage(t *testing.T) {
	for code, want := range map[string]string{"ko": "ko", "ko-KR": "ko", "KM": "km", "en-US": "en", "fr": "", "": ""} {
		if got := flows.MatchLanguage(code); got != want {
			t.Errorf("MatchLanguage(%q) = %q, want %q", code, got, want)
		}
	}
}

func cmd(c, args string) flows.Input {
	return flows.Input{Kind: flows.KindCommand, Command: c, Args: args, Private: true}
}
func text(s string) flows.Input { return flows.Input{Kind: flows.KindText, Text: s, Private: true} }
func data(d string) flows.Input { return flows.Input{Kind: flows.KindCallback, Data: d, Private: true} }
func inEcho(state string) flows.Session {
	return flows.Session{Flow: "echo", State: state, Answers: map[string]string{}}
}

// withCase is a session whose conversation has opened a case.
func withCase(s flows.Session) flows.Session {
	s.Answers[flows.CaseRefKey] = "KD-7Q3M"
	return s
}
