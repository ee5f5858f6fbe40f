package registry_test

import (
	"io"
	"log/slog"
	"slices"
	"testing"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/registry"
	"github.com/koreandesk/hotline/locales"
)

// TestEveryConversationIsOffered keeps docs/architecture.md's "add a
// conversation" checklist honest: each registered conversation declares
// its entries, its menu button and its command are written in every
// language, and no two conversations claim one key.
func TestEveryConversationIsOffered(t *testing.T) {
	cat, err := locales.Load(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	engine := registry.New(nil)
	keys := map[string]string{}
	for _, c := range registry.Conversations(nil) {
		en, ok := c.(flows.Entered)
		if !ok {
			t.Errorf("%s declares no entries (flows.Entered): nobody could start it", c.Name())
			continue
		}
		e := en.Entry()
		for _, k := range append([]string{e.Key}, e.Commands...) {
			if other, dup := keys[k]; dup {
				t.Errorf("%s and %s both use %q", c.Name(), other, k)
			}
			keys[k] = c.Name()
		}
		if e.Menu == "" {
			t.Errorf("%s has no main-menu button", c.Name())
		}
		if !slices.Contains(engine.Commands(), e.MenuCommand()) {
			t.Errorf("%s: /%s is not in the command menu", c.Name(), e.MenuCommand())
		}
		ids := []string{e.Menu, "commands." + e.MenuCommand()}
		if s := e.Suggest; s != nil {
			ids = append(ids, s.Question, s.Yes, s.No)
		}
		for _, lang := range flows.Languages {
			for _, id := range ids {
				if !slices.Contains(cat.IDs(lang), id) {
					t.Errorf("%s: %s is missing in %s", c.Name(), id, lang)
				}
			}
		}
	}
	for _, cmd := range engine.Commands() {
		if !cat.Has("commands." + cmd) {
			t.Errorf("command /%s has no description commands.%s", cmd, cmd)
		}
	}
}

// TestCommandMenuOrder is the command menu everyone sees.
func TestCommandMenuOrder(t *testing.T) {
	got := registry.New(nil).Commands()
	want := []string{"start", "sos", "check", "family", "status", "help", "language", "cancel", "forget", "quiet"}
	if !slices.Equal(got, want) {
		t.Errorf("commands = %v, want %v", got, want)
	}
}
