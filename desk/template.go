package desk

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Languages are the languages the desk writes in: every reply template
// has a text in each.
var Languages = []string{"ko", "km", "en"}

// Template is a reply template: a short key ("location_received") and the
// same message in every language, sent to a reporter in theirs with
// /reply REF #key. The default library lives in the catalogues; stored
// templates are the ones supervisors added, edited or removed.
type Template struct {
	Key string
	// Text holds the message by language ("ko", "km", "en").
	Text map[string]string
	// Removed marks a template a supervisor took out of the library
	// (a default one stays out even though the catalogue has it).
	Removed   bool
	UpdatedBy int64
	UpdatedAt time.Time
}

// MaxTemplateRunes caps one language's text, leaving room for the header
// and the officer's own words in one Telegram message.
const MaxTemplateRunes = 1500

var templateKey = regexp.MustCompile(`^[a-z][a-z0-9_]{1,39}$`)

// ValidTemplateKey reports whether k can name a template: lowercase
// letters, digits and underscores, 2 to 40 of them, starting with a
// letter. The database checks the same.
func ValidTemplateKey(k string) bool { return templateKey.MatchString(k) }

// lockScreenWords name the desk or the police, or speak of a call for
// help: a template reaches a phone a captor may hold, and its first words
// show on the lock screen under a header that names neither.
var lockScreenWords = regexp.MustCompile(`(?i)korean desk|코리안 ?데스크|🇰🇷|police|경찰|ប៉ូលិស|🆘|신고`)

// LockScreenWord returns the first word of s a reply template may not
// hold, or "" when there is none.
func LockScreenWord(s string) string { return lockScreenWords.FindString(s) }

// Missing returns the languages the template has no text in, in
// Languages order. A template missing a language cannot be saved.
func (t *Template) Missing() []string {
	var out []string
	for _, l := range Languages {
		if strings.TrimSpace(t.Text[l]) == "" {
			out = append(out, l)
		}
	}
	return out
}

// Complete reports whether the template has a text in every language.
func (t *Template) Complete() bool { return len(t.Missing()) == 0 }

// ParseTemplateTexts reads texts written one language a line, each line
// starting with its code ("ko: ...", "km: ...", "en: ..."); a line with
// no code continues the text above it. It returns the texts found and
// the first line it could not place, if any.
func ParseTemplateTexts(s string) (map[string]string, string) {
	texts := map[string]string{}
	cur := ""
	for _, line := range strings.Split(s, "\n") {
		code, rest, ok := strings.Cut(line, ":")
		code = strings.ToLower(strings.TrimSpace(code))
		if ok && slices.Contains(Languages, code) {
			cur = code
			texts[cur] = strings.TrimSpace(rest)
			continue
		}
		if strings.TrimSpace(line) == "" && cur == "" {
			continue
		}
		if cur == "" {
			return texts, line
		}
		texts[cur] = strings.TrimSpace(texts[cur] + "\n" + line)
	}
	return texts, ""
}
