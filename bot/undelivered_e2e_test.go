package bot_test

import (
	"strings"
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// A message to a reporter that Telegram refuses, on a case nobody has
// claimed or answered (here a supervisor closing a fresh report), reaches
// a supervisor in their language: the one who closed it, whose message it
// was (a message nobody queued, such as a later check-in prompt, goes to
// every supervisor: desk.reporter_undelivered).
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
}

// A desk command typed in the desk group that fails on every attempt (here
// the database refuses its audit entry, half-way through /claim) is set
// aside: nothing of it is applied, the supervisors are told, and the
// officer who typed it hears so in private, in their language, instead
// of waiting for an answer that never comes.
func TestFailedGroupCommandReachesTheOfficer(t *testing.T) {
	t.Parallel()
	_, _, got := failedClaim(t, "ko", func(h *harness, text string) { h.api.SendTextInGroup(deskGroup, officer, text) })
	contains(t, got.Text, "처리하지 못했습니다")
}

// A desk command a staff member types in private that fails on every
// attempt tells them, in their desk language (English here, while their
// Telegram speaks Korean), that nothing of it was applied and to try
// again: not the reporter's "your message has been kept", in the chat's
// language.
func TestFailedPrivateCommandReachesTheOfficerAsStaff(t *testing.T) {
	t.Parallel()
	h, n, got := failedClaim(t, "en", func(h *harness, text string) { h.api.SendText(officer, text) })
	contains(t, got.Text, "Nothing of it was applied")
	settled(h, officer.ID)
	for _, m := range h.api.BotMessages(officer.ID)[n:] {
		if strings.Contains(m.Text, "저장되어") || strings.Contains(m.Text, "has been kept") {
			t.Errorf("the officer got the reporter's answer: %q", m.Text)
		}
	}
}

// failedClaim has the officer (desk language lang) claim a fresh case
// with send while the database refuses the claim's audit entry, and
// returns the officer's answer and how many messages they had before it.
// The claim must not be applied.
func failedClaim(t *testing.T, lang string, send func(h *harness, text string)) (*harness, int, bottest.Message) {
	t.Helper()
	h := newHarnessWith(t, bottest.New(), pgtest.New(t), harnessOpts{maxAttempts: 1})
	h.staff(officer, desk.RoleAgent, lang)
	h.staff(supervisor, desk.RoleSupervisor, "en")
	reporter := bottest.User{ID: 9732, FirstName: "Nita", LanguageCode: "km"}
	c := h.sos(reporter)
	h.db.MustExec(`CREATE FUNCTION refuse_claims() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.action = 'case.claim' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`)
	h.db.MustExec(`CREATE TRIGGER refuse_claims BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_claims()`)
	n, s := settled(h, officer.ID), settled(h, supervisor.ID)
	send(h, "/claim "+string(c.Ref))
	h.until(supervisor.ID, s, "set aside")
	got := h.until(officer.ID, n, "/claim")
	if a := h.caseOf(reporter.ID).AssigneeID; a != nil {
		t.Errorf("the failed claim was applied: assignee %d", *a)
	}
	return h, n, got
}

// The notice that a message to a reporter could not be delivered goes to
// the staff member whose action queued it: a supervisor's /close of a case
// an officer has claimed and answered tells the supervisor, not the
// officer, who wrote nothing that failed.
func TestUndeliveredReachesWhoeverQueuedIt(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9734, FirstName: "Sophea", LanguageCode: "km"}
	c := h.sos(reporter)
	h.api.SendText(officer, "/claim "+string(c.Ref))
	h.api.SendText(officer, "/reply "+string(c.Ref)+" 연락 주셔서 감사합니다. Stay where you are.")
	h.until(reporter.ID, 0, "Stay where you are")
	h.api.SetBlocked(reporter.ID, true)
	n, s := settled(h, officer.ID), settled(h, supervisor.ID)
	h.api.SendText(supervisor, "/close "+string(c.Ref)+" duplicate of an earlier report")
	got := h.until(supervisor.ID, s, "could not be delivered to the reporter")
	contains(t, got.Text, string(c.Ref))
	settled(h, officer.ID)
	for _, m := range h.api.BotMessages(officer.ID)[n:] {
		if strings.Contains(m.Text, "전달하지 못했습니다") {
			t.Errorf("the officer was told of the supervisor's failed message: %q", m.Text)
		}
	}
}
