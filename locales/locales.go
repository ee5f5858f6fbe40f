// Package locales holds every user-visible string of the bot, in Korean,
// Khmer and English (active.<lang>.toml, embedded), and renders message ids
// in a chat's language with go-i18n.
package locales

import (
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed active.*.toml
var files embed.FS

// Reference is the language every other catalogue is checked against and
// the one used when a message is missing.
const Reference = "en"

// Catalog renders message ids. It is safe for concurrent use.
type Catalog struct {
	bundle     *i18n.Bundle
	localizers map[string]*i18n.Localizer
	ids        map[string][]string
	log        *slog.Logger
}

// Load parses the embedded catalogues. log receives missing translations.
func Load(log *slog.Logger) (*Catalog, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil, fmt.Errorf("read catalogues: %w", err)
	}
	c := &Catalog{bundle: b, localizers: map[string]*i18n.Localizer{}, ids: map[string][]string{}, log: log}
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", e.Name(), err)
		}
		mf, err := b.ParseMessageFileBytes(data, e.Name())
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", e.Name(), err)
		}
		lang := mf.Tag.String()
		for _, m := range mf.Messages {
			c.ids[lang] = append(c.ids[lang], m.ID)
		}
		sort.Strings(c.ids[lang])
		c.localizers[lang] = i18n.NewLocalizer(b, lang, Reference)
	}
	if _, ok := c.localizers[Reference]; !ok {
		return nil, errors.New("no reference catalogue active.en.toml")
	}
	return c, nil
}

// Languages returns the language codes that have a catalogue.
func (c *Catalog) Languages() []string {
	out := make([]string, 0, len(c.localizers))
	for l := range c.localizers {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// IDs returns the message ids of one language's catalogue, sorted.
func (c *Catalog) IDs(lang string) []string { return c.ids[lang] }

// Text renders message id in lang with vars. A message missing in lang is
// rendered from English and logged; one missing everywhere renders as its
// id, so a reporter always gets something rather than nothing.
func (c *Catalog) Text(lang, id string, vars map[string]any) string {
	l, ok := c.localizers[lang]
	if !ok {
		l = c.localizers[Reference]
	}
	s, err := l.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: vars})
	if err != nil {
		var missing *i18n.MessageNotFoundErr
		if errors.As(err, &missing) && s != "" {
			c.log.Warn("translation missing", "component", "locales", "lang", lang, "message_id", id)
			return s
		}
		c.log.Error("render message", "component", "locales", "lang", lang, "message_id", id, "err", err)
		return id
	}
	return s
}

// Has reports whether the reference catalogue has a message id.
func (c *Catalog) Has(id string) bool {
	_, ok := slices.BinarySearch(c.ids[Reference], id)
	return ok
}
