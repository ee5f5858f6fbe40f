package bot

import (
	"io"
	"log/slog"
	"testing"

	"github.com/koreandesk/hotline/locales"
)

// Reply keyboards send their label as text, which KeyOf maps back to the
// button's id. Two buttons with one label in a language would make the
// mapping ambiguous, so they must differ.
func TestKeyboardLabelsAreUnique(t *testing.T) {
	cat, err := locales.Load(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	r := NewRenderer(cat)
	for _, lang := range cat.Languages() {
		seen := map[string]string{}
		for _, id := range cat.IDs(lang) {
			if !containsKey(id) {
				continue
			}
			label := cat.Text(lang, id, nil)
			if other, dup := seen[label]; dup {
				t.Errorf("%s: %s and %s share the label %q", lang, id, other, label)
			}
			seen[label] = id
			if got := r.KeyOf(" " + label + " "); got != id {
				t.Errorf("%s: KeyOf(%q) = %q, want %q", lang, label, got, id)
			}
		}
	}
	if got := r.KeyOf("just some words"); got != "" {
		t.Errorf("KeyOf(text) = %q, want none", got)
	}
}

func containsKey(id string) bool {
	for i := 0; i+5 <= len(id); i++ {
		if id[i:i+5] == ".key_" {
			return true
		}
	}
	return false
}
