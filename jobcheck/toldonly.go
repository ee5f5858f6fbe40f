package jobcheck

import (
	"slices"

	"github.com/koreandesk/hotline/jobcheck/entity"
	"github.com/koreandesk/hotline/jobcheck/internal/cut"
	"github.com/koreandesk/hotline/jobcheck/internal/quote"
)

// Rule ids of the told-only test (rules 2026.12.04-137).
const (
	termApplyCall = "apply_call"       // 'apply now', 'DM me', 'wanna go?', 지원하세요, ដាក់ពាក្យ
	termOwnOffer  = "own_offer"        // 'our company pays', 저희 회사, ក្រុមហ៊ុនយើង
	termOfficial  = "official_contact" // the police, an embassy, a hotline: the desk a warning sends to
	termToldStory = "told_story"       // 'they took my passport', 'I escaped', 'warning signs'
	termAdvice    = "awareness_advice" // 'verify the employer first', 회사 확인부터 하세요 (-139: low)
	idFriend      = "friend_referral"  // a friend who works there: 'my uncle's company', 아는 형
	termToldWord  = "told_word"        // 'said', 'told me', 다고 했어요, ប្រាប់ថា: someone's word told (-140)
	termPurpose   = "warn_purpose"     // 'I'm sharing this so nobody else …', 있을까 봐 씁니다 (-141)
)

// toldOnly reports whether a text tells of lures and offers the reader nothing to apply to
// (rules 2026.12.04-137). It warns in its own words (warns), or it tells a story or a list of
// signs (told_story: 'they took my passport', 'I escaped', 'warning signs') or has a warning
// word anywhere ('… 의심하세요') in a text that asks the reader nothing (no '?' it does not
// answer itself) and has no recruiter's contrast or denial. And it has no call to apply
// (apply_call: 'apply now', 'DM me', 'come next week', 갈래, ដាក់ពាក្យ), no offer in the first
// person (own_offer), no friend's referral (friend_referral) and no contact but an official
// desk's: a handle, a phone or an address counts unless it follows the police, an embassy,
// 1333 ... in its sentence (official_contact); a link counts only on a messenger or a platform
// (t.me, wa.me, facebook). Such a text names lures to warn of them, whatever its shape (an
// unquoted list of warning signs, a survivor's story, an advisory letter): its flags make it
// no high-risk offer. A recruiter's 'beware of fake agents, DM @real' keeps a contact, 'my
// experience here is great, come join me' calls, 'my uncle's company is real' refers.
// A friend's word told in its sentence ('a friend said she worked there', 친구가 거기서
// 일한다고 했어요, មិត្តខ្ញុំប្រាប់ថា…) is part of the story, no referral (rules 2026.12.04-140).
// It returns LevelHigh when the text is not told-only, else LevelMedium, or LevelLow when it
// also advises the reader to check first or names a desk to ask (awareness_advice,
// official_contact: 'ask the embassy before you go', 회사 확인부터 하세요; rules 2026.12.04-139).
// A stated purpose to warn others (warn_purpose: 'I'm sharing this so nobody else goes through
// it', 있을까 봐 씁니다) tells a story that advises: low; a call to apply or an own offer inside
// a quotation of such a text is someone else's words (rules 2026.12.04-141, holdout-15y).
func (c *Checker) toldOnly(t *text, all []match, spans []entitySpan, warns, asked bool) Level {
	story, advised := false, LevelMedium
	purpose := c.purposed(all) || c.ownStory(t, all)
	for _, m := range all {
		switch c.rules[m.rule].id {
		case termApplyCall, termOwnOffer:
			if !purpose || !quote.Within(t.orig, m.start, m.end) {
				return LevelHigh
			}
		case termPurpose:
			story, advised = true, LevelLow
		case idFriend:
			if !c.toldFriend(t, all, m) {
				return LevelHigh
			}
		case termToldStory, "warning_before", "warning_after":
			story = true
		case termAdvice, termOfficial:
			advised = LevelLow
		}
	}
	if !warns && (!story || asked || c.claims(t, all, true) || quote.Unanswered(t.orig)) {
		return LevelHigh
	}
	b := t.bounds()
	if slices.ContainsFunc(spans, func(sp entitySpan) bool {
		if sp.kind == entity.KindCompany || sp.kind == entity.KindDomain && !entity.IsPlatform(sp.value) {
			return false // a link to read more is no contact to apply to; a t.me or wa.me link is
		}
		return !slices.ContainsFunc(all, func(m match) bool {
			return c.rules[m.rule].id == termOfficial && m.end <= sp.start &&
				!cut.Crosses(b.sentence, m.end, sp.start) && runeCount(t.orig[m.end:sp.start]) <= 60
		})
	}) {
		return LevelHigh
	}
	return advised
}

// toldFriend reports whether friend_referral m is a friend's word told in a story: a told_word
// ('said', 'told me', 다고 했어요, ប្រាប់ថា) in its sentence (rules 2026.12.04-140, en-15x-29), or
// a story told after the friend there ('my cousin's friend went and they took his passport',
// -148; 'my experience: I work in …, come' is no story of a friend).
// A friend who recruits now calls the reader too (apply_call: 'want me to ask?', 올래?).
func (c *Checker) toldFriend(t *text, all []match, m match) bool {
	b := t.bounds()
	return slices.ContainsFunc(all, func(w match) bool {
		id := c.rules[w.rule].id
		return (id == termToldWord || id == termToldStory && w.start >= m.end) && !cut.Crosses(b.sentence, min(m.start, w.start), max(m.end, w.end))
	})
}

// purposed reports whether the text states a purpose to warn others (warn_purpose, -141).
func (c *Checker) purposed(all []match) bool {
	return slices.ContainsFunc(all, func(m match) bool { return c.rules[m.rule].id == termPurpose })
}

// ownStory reports whether the writer tells a story in its own words, outside any quotation
// ('my neighbour's son went for one of those and they took his passport'): then a call to apply
// inside a quotation it tells ("... DM on Telegram" post) is the lure's, not the writer's
// (rules 2026.12.04-148, holdout-15zd, en-15zd-07).
func (c *Checker) ownStory(t *text, all []match) bool {
	return slices.ContainsFunc(all, func(m match) bool {
		return c.rules[m.rule].id == termToldStory && !quote.Within(t.orig, m.start, m.end)
	})
}
