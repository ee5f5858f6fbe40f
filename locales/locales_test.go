package locales_test

import (
	"io"
	"log/slog"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
)

func mustLoad(t *testing.T) *locales.Catalog {
	t.Helper()
	c, err := locales.Load(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// raw reads one catalogue as nested TOML so the test sees values exactly as
// written, including empty ones that go-i18n would skip.
func raw(t *testing.T, lang string) map[string]string {
	t.Helper()
	var tree map[string]any
	if _, err := toml.DecodeFile("active."+lang+".toml", &tree); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				walk(strings.TrimPrefix(prefix+"."+k, "."), child)
			}
		case string:
			out[prefix] = v
		default:
			t.Errorf("%s: %s is not a string", lang, prefix)
		}
	}
	walk("", tree)
	return out
}

func TestEveryLanguageHasACatalogue(t *testing.T) {
	got := mustLoad(t).Languages()
	want := append([]string(nil), flows.Languages...)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("catalogues (-want +got):\n%s", diff)
	}
}

var varPattern = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func vars(s string) []string {
	var out []string
	for _, m := range varPattern.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return out
}

func TestCataloguesMatchEnglish(t *testing.T) {
	ref := raw(t, locales.Reference)
	for _, lang := range flows.Languages {
		t.Run(lang, func(t *testing.T) {
			got := raw(t, lang)
			for id, en := range ref {
				v, ok := got[id]
				switch {
				case !ok:
					t.Errorf("%s: missing", id)
				case strings.TrimSpace(v) == "":
					t.Errorf("%s: empty", id)
				default:
					if diff := cmp.Diff(vars(en), vars(v)); diff != "" {
						t.Errorf("%s: template variables differ from English (-en +%s):\n%s", id, lang, diff)
					}
				}
			}
			for id := range got {
				if _, ok := ref[id]; !ok {
					t.Errorf("%s: not in the English catalogue", id)
				}
			}
		})
	}
}

// reserved leaf names make go-i18n read a table as plural forms or message
// metadata instead of a message.
var reserved = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true,
	"rightdelim": true, "zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

func TestNoReservedLeafNames(t *testing.T) {
	for _, lang := range flows.Languages {
		for id := range raw(t, lang) {
			leaf := id[strings.LastIndex(id, ".")+1:]
			if reserved[strings.ToLower(leaf)] {
				t.Errorf("%s: %s uses the reserved leaf name %q", lang, id, leaf)
			}
		}
	}
}

func TestScripts(t *testing.T) {
	// Korean text must be in Hangul and Khmer in Khmer script, not
	// transliterated: every message needs some letters of its script
	// unless it is only a template or a symbol.
	scripts := map[string]*unicode.RangeTable{"ko": unicode.Hangul, "km": unicode.Khmer}
	for lang, script := range scripts {
		for id, v := range raw(t, lang) {
			letters := strings.TrimSpace(varPattern.ReplaceAllString(v, ""))
			if !strings.ContainsFunc(letters, unicode.IsLetter) {
				continue
			}
			if !strings.ContainsFunc(letters, func(r rune) bool { return unicode.Is(script, r) }) {
				t.Errorf("%s: %s has no %s script: %q", lang, id, lang, v)
			}
		}
	}
}

func TestTextRendersEachLanguage(t *testing.T) {
	c := mustLoad(t)
	tests := []struct{ lang, want string }{
		{"en", "under 10 characters"},
		{"ko", "10자"},
		{"km", "10 តួអក្សរ"},
		{"fr", "under 10 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got := c.Text(tt.lang, "common.too_long", map[string]any{"Max": 10})
			if !strings.Contains(got, strings.TrimPrefix(tt.want, "Max ")) {
				t.Errorf("Text(%s) = %q, want it to contain %q", tt.lang, got, tt.want)
			}
		})
	}
	if got := c.Text("ko", "no.such.message", nil); got != "no.such.message" {
		t.Errorf("missing message = %q, want its id", got)
	}
}
