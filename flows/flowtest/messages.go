package flowtest

import (
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
)

// TestMessagesRender renders every message the scripts produced in every
// language, the way the bot does: a typo in an id or a var name cannot
// reach a reporter.
func (c Scripts) TestMessagesRender(t *testing.T) {
	t.Helper()
	cat, err := locales.Load(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("testdata/*.txt")
	var msgs []flows.Msg
	for _, p := range paths {
		_, m := c.Play(t, p)
		msgs = append(msgs, m...)
	}
	for _, lang := range flows.Languages {
		have := map[string]bool{}
		for _, id := range cat.IDs(lang) {
			have[id] = true
		}
		for _, m := range msgs {
			if m.Literal == "" && !have[m.ID] {
				t.Errorf("%s: message %s is missing", lang, m.ID)
				continue
			}
			if got := render(cat, lang, m); strings.Contains(got, "<no value>") || strings.TrimSpace(got) == "" {
				t.Errorf("%s: %s renders as %q", lang, m.ID, got)
			}
		}
	}
}

// render renders m as the bot does (flows.Msg.Render, which
// bot.Renderer uses), with the scripts' reference where the bot fills in
// the case's.
func render(cat *locales.Catalog, lang string, m flows.Msg) string {
	return withRef(m).Render(cat, lang)
}

// withRef replaces the flows.CaseRef placeholders, as the application
// does before rendering.
func withRef(m flows.Msg) flows.Msg {
	if len(m.Vars) == 0 {
		return m
	}
	vars := make(map[string]any, len(m.Vars))
	for k, v := range m.Vars {
		switch x := v.(type) {
		case flows.Msg:
			v = withRef(x)
		case flows.CaseRef:
			v = CaseRef
		}
		vars[k] = v
	}
	m.Vars = vars
	return m
}
