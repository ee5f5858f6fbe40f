package bot_test

import (
	"testing"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres/pgtest"
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

// A desk command typed in the desk group that fails on every attempt (here
// the database refuses its audit entry, half-way through /claim) is set
// aside: nothing of it is applied, the supervisors are told, and the
// officer who typed it hears so in private, in their language, instead
// of waiting for an answer that never comes.
func TestFailedGroupCommandReachesTheOfficer(t *testing.T) {
	t.Parallel()
	h := newHarnessWith(t, bottest.New(), pgtest.New(t), harnessOpts{maxAttempts: 1})
	h.staff(officer, desk.RoleAgent, "ko")
	h.staff(supervisor, desk.RoleSupervisor, "en")
	reporter := bottest.User{ID: 9732, FirstName: "Nita", LanguageCode: "km"}
	c := h.sos(reporter)
	h.db.MustExec(`CREATE FUNCTION refuse_claims() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.action = 'case.claim' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`)
	h.db.MustExec(`CREATE TRIGGER refuse_claims BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_claims()`)
	n, s := settled(h, officer.ID), settled(h, supervisor.ID)
	h.api.SendTextInGroup(deskGroup, officer, "/claim "+string(c.Ref))
	h.until(supervisor.ID, s, "set aside")
	got := h.until(officer.ID, n, "/claim")
	contains(t, got.Text, "처리하지 못했습니다")
	if a := h.caseOf(reporter.ID).AssigneeID; a != nil {
		t.Errorf("the failed claim was applied: assignee %d", *a)
	}
}
