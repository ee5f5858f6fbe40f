package app

import (
	"fmt"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/joboffer"
	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/mailbox"
)

// maxStoredAd is how much of a checked ad the case keeps.
const maxStoredAd = 4000

// checkOffer runs the checker, keeps the check as a low-priority job_check
// case (no alert: staff review checks from the queue; over the daily cap
// of new cases the verdict is given and the check not kept), looks the
// recruiter's contacts up in the desk's list and earlier reports, and
// answers with the verdict, the reasons with the words that triggered
// them, what the desk knows of the contacts (on its list, without the
// staff's note; reported by how many other people), and what to do.
// With no words (only screenshots), keepImages.
func (h *Handler) checkOffer(t *turn, s *flows.Session, e flows.CheckOffer) error {
	if h.checker == nil {
		return fmt.Errorf("no job-offer checker configured")
	}
	if e.Text == "" {
		return h.keepImages(t, s)
	}
	res := h.checker.Check(e.Text)
	answers := res.Answers()
	answers[joboffer.KeyAd] = mailbox.Truncate(e.Text, maxStoredAd)
	if v := s.Answers[joboffer.KeyAlready]; v != "" {
		answers[joboffer.KeyAlready] = v
	}
	found := entities(res.Entities)
	c, err := imagesCase(t, s)
	switch {
	case err != nil:
		return err
	case c != nil:
		// The words of an ad whose screenshots a check already keeps:
		// the verdict joins them on that case (no second case, no cap).
		if err := t.desk.UpdateAnswers(t.ctx, c.ID, answers, t.now); err != nil {
			return err
		}
		return h.verdict(t, s, c, res, found, e.Text)
	}
	over, err := h.overCap(t)
	if err != nil {
		return err
	}
	if over { // the verdict still helps; the check is not kept, nor counted
		hits, err := t.desk.LookupEntities(t.ctx, found, t.in.ChatID)
		if err != nil {
			return err
		}
		if err := t.send(t.in.ChatID, s.Lang(), 0, verdictReply(res, hits, travelAlerts(s.Lang(), e.Text))); err != nil {
			return err
		}
		t.capped = true
		return nil
	}
	if c, err = openCheck(t, s, answers); err != nil {
		return err
	}
	return h.verdict(t, s, c, res, found, e.Text)
}

// openCheck opens a job check's case: low priority, and no alert (staff
// review checks from the queue).
func openCheck(t *turn, s *flows.Session, answers map[string]string) (*desk.Case, error) {
	return t.desk.OpenCase(t.ctx, desk.NewCase{
		Type: desk.TypeJobCheck, Priority: desk.PriorityLow, ReporterUserID: t.in.UserID,
		ReporterChatID: t.in.ChatID, ReporterLang: s.Lang(), ReporterName: t.in.SenderName, Answers: answers,
	}, t.now)
}

// verdict keeps the check's files and entities on its case c and answers
// with the verdict.
func (h *Handler) verdict(t *turn, s *flows.Session, c *desk.Case, res jobcheck.Result, found []desk.Entity, text string) error {
	s.Set(flows.CaseRefKey, string(c.Ref))
	if err := keepFiles(t, c, flows.TakeFiles(s, t.in)); err != nil {
		return err
	}
	hits, err := t.desk.LookupEntities(t.ctx, found, t.in.ChatID)
	if err != nil {
		return err
	}
	if err := t.desk.SaveEntities(t.ctx, c.ID, found); err != nil {
		return err
	}
	return t.send(t.in.ChatID, s.Lang(), 0, verdictReply(res, hits, travelAlerts(s.Lang(), text)))
}

// keepImages answers "Check now" with only screenshots: there are no
// words to check, but the images must not be lost to the desk, so a
// job_check case keeps them (answers: ad_as_images, and whether the person
// has already travelled, paid or handed over their passport) and the
// words the person sends next are checked onto it (joboffer.KeyImagesCase).
// The conversation tells the person. Over the daily cap nothing is kept.
func (h *Handler) keepImages(t *turn, s *flows.Session) error {
	if over, err := h.overCap(t); err != nil || over {
		t.capped = over
		return err
	}
	answers := map[string]string{answerImagesOnly: "yes"}
	if v := s.Answers[joboffer.KeyAlready]; v != "" {
		answers[joboffer.KeyAlready] = v
	}
	c, err := openCheck(t, s, answers)
	if err != nil {
		return err
	}
	s.Set(flows.CaseRefKey, string(c.Ref))
	s.Set(joboffer.KeyImagesCase, string(c.Ref))
	return keepFiles(t, c, flows.TakeFiles(s, t.in))
}

// answerImagesOnly marks a job check whose ad came as images with no
// words (staff find them on its timeline).
const answerImagesOnly = "ad_as_images"

// imagesCase is the open job check that keeps the screenshots the person
// sent with no words, which the words they send next join; nil when there
// is none. The session forgets it once used.
func imagesCase(t *turn, s *flows.Session) (*desk.Case, error) {
	ref := s.Answers[joboffer.KeyImagesCase]
	if ref == "" {
		return nil, nil
	}
	delete(s.Answers, joboffer.KeyImagesCase)
	c, err := t.desk.Case(t.ctx, desk.Ref(ref))
	if err != nil || !c.Open() || c.Type != desk.TypeJobCheck {
		return nil, err
	}
	return c, nil
}

// keepFiles puts the photos or documents kept in the session until there
// was a case (an ad's, or those sent before a family inquiry), or a
// screenshot sent after a check's verdict, on the case's timeline: staff
// see the files themselves, not only captions.
// They are not forwarded: a check alerts nobody, an inquiry's new case
// alerts with its own summary.
func keepFiles(t *turn, c *desk.Case, files []flows.Input) error {
	for _, f := range files {
		if _, err := t.desk.AddEvent(t.ctx, c.ID, caseEvent(f, t.now)); err != nil {
			return fmt.Errorf("keep a file on case %s: %w", c.Ref, err)
		}
	}
	return nil
}

// copyFiles puts the check's files on the report made of it.
func copyFiles(t *turn, check, report *desk.Case) error {
	events, err := t.desk.Timeline(t.ctx, check.ID, 50)
	if err != nil {
		return err
	}
	for _, e := range events {
		if e.Kind == desk.EventAttachment {
			e.At = t.now
			if _, err := t.desk.AddEvent(t.ctx, report.ID, e); err != nil {
				return fmt.Errorf("copy the ad's file to case %s: %w", report.Ref, err)
			}
		}
	}
	return nil
}

// entities are a check's entities in the desk's words.
func entities(e jobcheck.Entities) []desk.Entity {
	all := e.All()
	out := make([]desk.Entity, 0, len(all))
	for _, f := range all {
		out = append(out, desk.Entity{Kind: string(f.Kind), Value: f.Value})
	}
	return out
}

// levelMark is the colour mark in front of a verdict.
var levelMark = map[jobcheck.Level]string{jobcheck.LevelHigh: "🔴", jobcheck.LevelMedium: "🟠", jobcheck.LevelLow: "⚪"}

// maxShownFlags keeps the verdict readable on a phone.
const maxShownFlags = 8

// travelAlertMessages name Korea's travel alerts for the places an offer
// names: the ban on Bokor, Bavet and Poipet, and Sihanoukville's "leave".
var travelAlertMessages = map[jobcheck.TravelAlert]string{
	jobcheck.AlertBan:   "joboffer.travel_ban_level4",
	jobcheck.AlertLeave: "joboffer.travel_ban_level3",
}

// travelAlerts are the travel alerts a check shows: to Korean and English
// readers, whom Korea's Passport Act may bind, not to Khmer readers, whom
// it does not.
func travelAlerts(lang, text string) []jobcheck.TravelAlert {
	if lang == "km" {
		return nil
	}
	return jobcheck.TravelAlerts(text)
}

func verdictReply(res jobcheck.Result, hits []desk.EntityHit, alerts []jobcheck.TravelAlert) flows.Reply {
	r := flows.Reply{Text: flows.M("joboffer.verdict", "Mark", levelMark[res.Level], "Level", flows.M(res.Level.Message()))}
	if len(res.Flags) > 0 {
		r.Lines = append(r.Lines, flows.M("joboffer.flags_title"))
	}
	for i, f := range res.Flags {
		if i == maxShownFlags {
			break
		}
		r.Lines = append(r.Lines, flows.M("joboffer.flag_line", "Reason", flows.M(f.Message), "Words", mailbox.Truncate(f.Evidence, 60)))
	}
	for _, sgn := range res.Signals {
		r.Lines = append(r.Lines, flows.M("joboffer.signal_line", "Reason", flows.M(sgn.Message)))
	}
	for _, hit := range hits {
		if hit.Listed { // on the list, without the staff's note: a scammer may be asking
			r.Lines = append(r.Lines, flows.M("joboffer.entity_listed", "Value", hit.Value))
		}
		if hit.People > 0 { // people, not cases: one person cannot inflate it
			r.Lines = append(r.Lines, flows.M("joboffer.entity_reported", "Value", hit.Value, "Count", hit.People))
		}
	}
	if len(hits) == 0 && !res.Entities.Empty() {
		r.Lines = append(r.Lines, flows.M("joboffer.entity_unknown"))
	}
	for _, a := range alerts {
		r.Lines = append(r.Lines, flows.M(travelAlertMessages[a]))
	}
	r.Lines = append(r.Lines, flows.M("joboffer.advice_"+string(res.Level)), flows.M("joboffer.advice_always"))
	return r
}

// reportRecruiter turns the session's job check into a job_report case,
// which alerts the desk chat.
func (h *Handler) reportRecruiter(t *turn, s *flows.Session) error {
	over, err := h.overCap(t)
	if err != nil || over {
		t.capped = over
		return err
	}
	return h.withCase(t, s, func(check *desk.Case) error {
		answers := map[string]string{"checked_as": string(check.Ref)}
		for _, k := range []string{joboffer.KeyAd, jobcheck.AnswerRiskLevel, jobcheck.AnswerRedFlags, joboffer.KeyAlready} {
			if v := check.Answers[k]; v != "" {
				answers[k] = v
			}
		}
		c, err := t.desk.OpenCase(t.ctx, desk.NewCase{
			Type: desk.TypeJobReport, Priority: desk.PriorityNormal, ReporterUserID: t.in.UserID,
			ReporterChatID: t.in.ChatID, ReporterLang: s.Lang(), ReporterName: t.in.SenderName, Answers: answers,
		}, t.now)
		if err != nil {
			return err
		}
		s.Set(flows.CaseRefKey, string(c.Ref))
		if err := copyFiles(t, check, c); err != nil {
			return err
		}
		res := h.checker.Check(check.Answers[joboffer.KeyAd])
		if err := t.desk.SaveEntities(t.ctx, c.ID, entities(res.Entities)); err != nil {
			return err
		}
		return h.alert(t, c, alertNew)
	})
}
