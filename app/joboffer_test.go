package app

import (
	"io"
	"log/slog"
	"testing"

	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/locales"
)

// Every red flag, legitimacy signal and level the ruleset can report must
// have its reason in the catalogue, so a desk that adds a rule is told to
// write its message.
func TestEveryRuleHasItsMessage(t *testing.T) {
	cat, err := locales.Load(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	c, err := jobcheck.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rules() {
		if !cat.Has(r.Message) {
			t.Errorf("rule %s: no message %s in locales", r.ID, r.Message)
		}
	}
	for a, id := range travelAlertMessages {
		if !cat.Has(id) {
			t.Errorf("travel alert %d: no message %s", a, id)
		}
	}
	for _, l := range []jobcheck.Level{jobcheck.LevelHigh, jobcheck.LevelMedium, jobcheck.LevelLow} {
		if !cat.Has(l.Message()) {
			t.Errorf("level %s: no message %s", l, l.Message())
		}
		if !cat.Has("joboffer.advice_" + string(l)) {
			t.Errorf("level %s: no advice", l)
		}
	}
}
