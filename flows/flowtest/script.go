// Package flowtest plays golden conversation scripts through a real
// flows.Engine and checks each conversation's Mermaid diagram and messages:
// the test harness every flows/<flow> package shares.
package flowtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/koreandesk/hotline/flows"
)

// CaseRef is the reference the scripts' stand-in bot gives a case that
// OpenCase opens.
const CaseRef = "KD-7Q3M"

// Scripts plays a conversation's testdata/*.txt scripts.
type Scripts struct {
	// Engine wires the conversation the way the bot does.
	Engine func() *flows.Engine
	// At is when the scripts' messages are sent (for dates in the
	// future); zero leaves it unset.
	At time.Time
	// Update rewrites the golden files instead of comparing.
	Update bool
	// Package names the package in hints, e.g. "./flows/distress".
	Package string
}

// Step is one line of a script and what the engine made of it.
type Step struct {
	In      string   `json:"in"`
	Lang    string   `json:"lang"`
	State   string   `json:"state"`
	Replies []Reply  `json:"replies,omitempty"`
	Effects []string `json:"effects,omitempty"`
}

// Reply is a flows.Reply written compactly: message ids with their vars,
// "label → data" for inline buttons.
type Reply struct {
	Text           string     `json:"text"`
	Lines          []string   `json:"lines,omitempty"`
	Inline         [][]string `json:"inline,omitempty"`
	Keyboard       [][]string `json:"keyboard,omitempty"`
	RemoveKeyboard bool       `json:"remove_keyboard,omitempty"`
}

// Test runs every testdata/*.txt conversation through a real engine and
// compares each step with testdata/*.golden.json.
func (c Scripts) Test(t *testing.T) {
	t.Helper()
	paths, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no scripts in testdata (%v)", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			got, _ := c.Play(t, path)
			c.compareGolden(t, "testdata/"+name+".golden.json", got)
		})
	}
}

// Play plays a script and returns its steps and every message the
// replies used.
func (c Scripts) Play(t *testing.T, path string) ([]Step, []flows.Msg) {
	t.Helper()
	lines := mustLines(t, path)
	e := c.Engine()
	s := &flows.Session{ChatID: 42, UserID: 42}
	var msgs []flows.Msg
	var steps []Step
	lang := ""
	for i, line := range lines {
		if code, ok := strings.CutPrefix(line, "lang "); ok {
			lang = code
			continue
		}
		in := ParseInput(t, line, i)
		in.LanguageCode, in.At = lang, c.At
		out, err := e.Step(context.Background(), s, in)
		if err != nil {
			t.Fatalf("%s:%d %q: %v", path, i+1, line, err)
		}
		applyOpenCase(s, out)
		steps = append(steps, record(line, s, out, &msgs))
	}
	return steps, msgs
}

// applyOpenCase does what the bot does with OpenCase and CheckOffer: the
// case reference goes into the session.
func applyOpenCase(s *flows.Session, out flows.Outcome) {
	for _, e := range out.Effects {
		switch e.(type) {
		case flows.OpenCase, flows.CheckOffer:
			if !s.Idle() {
				s.Set(flows.CaseRefKey, CaseRef)
			}
		}
	}
}

func record(line string, s *flows.Session, out flows.Outcome, msgs *[]flows.Msg) Step {
	st := Step{In: line, Lang: s.Lang(), State: s.Flow + "/" + s.State}
	if s.Idle() {
		st.State = ""
	}
	for _, r := range out.Replies {
		st.Replies = append(st.Replies, view(r, msgs))
	}
	for _, e := range out.Effects {
		st.Effects = append(st.Effects, effect(e))
	}
	return st
}

func view(r flows.Reply, msgs *[]flows.Msg) Reply {
	msg := func(m flows.Msg) string {
		*msgs = append(*msgs, m)
		return msgString(m)
	}
	v := Reply{Text: msg(r.Text), RemoveKeyboard: r.RemoveKeyboard}
	for _, l := range r.Lines {
		v.Lines = append(v.Lines, msg(l))
	}
	for _, row := range r.Inline {
		var out []string
		for _, b := range row {
			out = append(out, msg(b.Label)+" → "+b.Data)
		}
		v.Inline = append(v.Inline, out)
	}
	for _, row := range r.Keyboard {
		var out []string
		for _, b := range row {
			label := msg(b.Label)
			if b.RequestLocation {
				label += " (request location)"
			}
			out = append(out, label)
		}
		v.Keyboard = append(v.Keyboard, out)
	}
	return v
}

// msgString writes a Msg as its id and sorted vars:
// contacts.line{Label=contacts.police Number="117"}.
func msgString(m flows.Msg) string {
	if m.Literal != "" {
		return strconv.Quote(m.Literal)
	}
	if len(m.Vars) == 0 {
		return m.ID
	}
	keys := make([]string, 0, len(m.Vars))
	for k := range m.Vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		var v string
		switch x := m.Vars[k].(type) {
		case flows.Msg:
			v = msgString(x)
		case flows.CaseRef:
			v = "<case ref>"
		case string:
			v = strconv.Quote(x)
		default:
			v = fmt.Sprint(x)
		}
		parts = append(parts, k+"="+v)
	}
	return m.ID + "{" + strings.Join(parts, " ") + "}"
}

func effect(e flows.Effect) string {
	switch e := e.(type) {
	case flows.OpenCase:
		return fmt.Sprintf("open_case type=%s priority=%s alert=%t%s", e.Type, e.Priority, e.Alert, pairs(e.Answers))
	case flows.SaveAnswers:
		return "save_answers" + pairs(e.Answers)
	case flows.AddToCase:
		if e.Keep {
			return "keep_on_case " + describe(e.Input)
		}
		return "add_to_case " + describe(e.Input)
	case flows.CheckOffer:
		return "check_offer " + strconv.Quote(e.Text)
	case flows.ReportRecruiter:
		return "report_recruiter"
	case flows.ShowStatus:
		return "show_status"
	case flows.Forget:
		return "forget"
	}
	return fmt.Sprintf("%T", e)
}

func pairs(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%q", k, m[k])
	}
	return b.String()
}

func describe(in flows.Input) string {
	s := string(in.Kind)
	if in.Edited {
		s = "edited " + s
	}
	if l := in.Location; l != nil {
		s += fmt.Sprintf(" %g,%g", l.Lat, l.Lon)
		if l.Live {
			s += " live"
		}
	}
	if in.FileID != "" {
		s += " file=" + in.FileID
	}
	if in.Phone != "" {
		s += " phone=" + in.Phone
	}
	if in.Text != "" {
		s += " " + strconv.Quote(in.Text)
	}
	return s
}

func (c Scripts) compareGolden(t *testing.T, path string, got []Step) {
	t.Helper()
	if c.Update {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test %s -update writes it)", err, c.Package)
	}
	var want []Step
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("%s (-want +got):\n%s\nIf the change is intended: go test %s -update", path, diff, c.Package)
	}
}

// mustLines reads a script: one input a line; blank lines and # comments
// are skipped.
func mustLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimRight(sc.Text(), " "); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}
