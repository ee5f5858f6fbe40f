package staff

import (
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/mailbox"
)

// testRenderer renders texts as the transport's renderer does; these
// tests send nothing.
type testRenderer struct{ cat *locales.Catalog }

func (r testRenderer) Text(lang string, m flows.Msg) string { return m.Render(r.cat, lang) }
func (r testRenderer) Has(id string) bool                   { return r.cat.Has(id) }
func (r testRenderer) Reply(int64, string, mailbox.Priority, flows.Reply) ([]mailbox.Message, error) {
	return nil, errors.New("test renderer sends nothing")
}

func mustCatalog(t *testing.T) *locales.Catalog {
	t.Helper()
	cat, err := locales.Load(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestTable keeps the command table honest: every command has a usage,
// an audit action the desk names, and, once per command, a menu line
// written in every language; usages are how the command is typed.
func TestTable(t *testing.T) {
	cat := mustCatalog(t)
	seen := map[string]bool{}
	for _, c := range Commands() {
		if c.Run == nil || !strings.HasPrefix(c.Usage, "/"+c.Name) || !slices.Contains(desk.Actions, c.Audit) ||
			(c.Role != desk.RoleAgent && c.Role != desk.RoleSupervisor) {
			t.Errorf("%s: run %v, usage %q, audit %q, role %q", c.Name, c.Run != nil, c.Usage, c.Audit, c.Role)
		}
		if seen[c.word()] != (c.Menu == "") {
			t.Errorf("%s: menu %q; the first entry of a command, and only it, has the menu line", c.Name, c.Menu)
		}
		seen[c.word()] = true
		if c.Menu == "" {
			continue
		}
		for _, lang := range flows.Languages {
			if !slices.Contains(cat.IDs(lang), c.Menu) {
				t.Errorf("%s: no %s in %s", c.Name, c.Menu, lang)
			}
		}
	}
}

// TestMenu checks what staff see in their command menu: every command of
// their role, described in their language within Telegram's limits.
func TestMenu(t *testing.T) {
	h := New(testRenderer{mustCatalog(t)}, slog.New(slog.NewTextHandler(io.Discard, nil)),
		func(string) []mailbox.Command { return []mailbox.Command{{Command: "start", Description: "Start"}} })
	for _, lang := range flows.Languages {
		for _, role := range []desk.Role{desk.RoleAgent, desk.RoleSupervisor} {
			_, cmds := h.StaffMenu(&desk.Staff{UserID: 1, Role: role, Language: lang})
			var names []string
			for _, c := range cmds {
				names = append(names, c.Command)
				n := len(utf16.Encode([]rune(c.Description)))
				if n == 0 || n > 256 || strings.HasPrefix(c.Description, "desk.") || strings.HasPrefix(c.Description, "commands.") {
					t.Errorf("%s: /%s has description %q", lang, c.Command, c.Description)
				}
			}
			supervisor := role == desk.RoleSupervisor
			if got := slices.Contains(names, "export"); got != supervisor {
				t.Errorf("%s, %s: export in menu = %v", lang, role, got)
			}
			if !slices.Contains(names, "staff") || !slices.Contains(names, "start") {
				t.Errorf("%s: menu %v lacks staff or start", lang, names)
			}
			want := []string{"start", "queue", "case", "claim", "reply", "templates", "note", "priority", "assign", "close", "reopen", "checkin", "indicators", "refer",
				"find", "block", "flag", "risk", "stats", "staff"}
			if supervisor {
				want = append(want, "export", "failed", "hold")
			}
			if diff := cmp.Diff(want, names); diff != "" {
				t.Errorf("%s, %s: menu (-want +got):\n%s", lang, role, diff)
			}
		}
	}
}

func TestSpan(t *testing.T) {
	cat := mustCatalog(t)
	d := &Cmd{h: &Desk{render: testRenderer{cat}}, lang: "en"}
	tests := []struct {
		name     string
		dur      time.Duration
		smallest time.Duration
		units    int
		want     string
	}{
		{"seconds old case", 40 * time.Second, time.Minute, 1, "0m"},
		{"minutes", 12*time.Minute + 59*time.Second, time.Minute, 1, "12m"},
		{"hours", 3*time.Hour + 59*time.Minute, time.Minute, 1, "3h"},
		{"days", 50 * time.Hour, time.Minute, 1, "2d"},
		{"two units", 4*time.Minute + 30*time.Second, time.Second, 2, "4m 30s"},
		{"no zero second unit", 2 * time.Hour, time.Second, 2, "2h"},
		{"negative is zero", -time.Hour, time.Second, 2, "0s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.span(tt.dur, tt.smallest, tt.units); got != tt.want {
				t.Errorf("span(%v) = %q, want %q", tt.dur, got, tt.want)
			}
		})
	}
	d.lang = "ko"
	if got := d.span(3*time.Hour, time.Minute, 1); got != "3시간" {
		t.Errorf("Korean span = %q, want 3시간", got)
	}
}

// TestAnswerLinesAreOneLineEach: what a reporter typed goes into staff
// alerts and /case; an answer with a line break must not pose as another
// line of the alert, nor a bidirectional override turn a line around.
func TestAnswerLinesAreOneLineEach(t *testing.T) {
	h := &Desk{render: testRenderer{mustCatalog(t)}}
	c := &desk.Case{Answers: map[string]string{
		"where": "Building C\n• passport: no\r\n✅ closed",
		"who":   "evil\u202Egnp.exe \u2066x\u2069",
	}}
	got := h.AnswerLines("en", c)
	if len(got) != 2 {
		t.Fatalf("AnswerLines = %q, want two lines", got)
	}
	for _, l := range got {
		if strings.ContainsAny(l, "\n\r\u202E\u2066\u2069") {
			t.Errorf("answer line %q keeps a line break or a bidirectional control", l)
		}
	}
	if !strings.HasSuffix(got[0], ": Building C • passport: no ✅ closed") {
		t.Errorf("AnswerLines[0] = %q, want the answer on one line", got[0])
	}
}
