package bot_test

import (
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
)

// A message to a reporter that Telegram refuses, on a case nobody has
// claimed or answered (a supervisor closing a fresh report, an officer
// starting check-ins on an unclaimed case), reaches the supervisors in
// their language: with no officer to tell, it must not fail silently.
func TestUndeliveredOnAnUnclaimedCaseReachesTheSupervisors(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9731, FirstName: "Vuthy", LanguageCode: "km"}
	c := h.sos(reporter)
	h.api.SetBlocked(reporter.ID, true)
	n := settled(h, supervisor.ID)
	h.api.SendText(supervisor, "/close "+string(c.Ref)+" duplicate of an earlier report")
	got := h.until(supervisor.ID, n, "could not be delivered to the reporter")
	contains(t, got.Text, string(c.Ref))
	contains(t, got.Text, "blocked")
	contains(t, got.Text, "Nobody has claimed")
}
