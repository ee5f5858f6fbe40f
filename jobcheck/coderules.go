package jobcheck

import (
	"strings"

	"github.com/koreandesk/hotline/jobcheck/entity"
)

// Rule ids the code refers to; validate checks that the ruleset defines them.
const (
	idHighPay        = "high_pay_low_skill"
	idMessenger      = "messenger_only_recruiter"
	idVagueRole      = "vague_online_role"
	idCryptoPay      = "crypto_or_unusual_pay"
	idMarketRate     = "market_rate_pay_with_requirements"
	idVerifiable     = "verifiable_employer_details"
	idContrast       = "recruiter_contrast" // "we are real": the text does not warn in its own words
	idDenial         = "reassurance_denial"
	termLowSkill     = "low_skill"       // no experience, anyone can do it, easy work
	termPayWords     = "good_pay_words"  // "good salary": high pay only with a low-skill term
	termRequirements = "requirements"    // a degree, years of experience, a licence
	termNotPay       = "not_pay_context" // fees, deposits, per-account prices: not a salary
)

// codeRules adds the flags that need numbers or entities: pay above a threshold together with
// low-skill words or a vague online role; contact through a messenger handle or a webmail
// address and no company domain; pay in USDT or a wallet address; an address at the
// employer's own domain; market-rate pay for a job with requirements.
func (c *Checker) codeRules(t *text, f *found, pays []Pay, spans []entitySpan) {
	c.payRules(t, f, pays)
	c.messengerRule(f, spans)
	c.cryptoRule(f, pays, spans)
	c.companyMailRule(f, spans)
	hp, mr, req := c.ruleIndex[idHighPay], c.ruleIndex[idMarketRate], c.ruleIndex[termRequirements]
	if f.has(req) && !f.has(hp) && !f.has(c.ruleIndex[termLowSkill]) {
		c.set(f, mr, f.best[req].start, f.best[req].end)
	}
}

// set records rule ri at [start, end) unless a phrase found it already.
func (c *Checker) set(f *found, ri, start, end int) {
	if !f.has(ri) {
		f.best[ri] = match{rule: int32(ri), weight: int32(c.rules[ri].weight), start: start, end: end}
	}
}

func (c *Checker) payRules(t *text, f *found, pays []Pay) {
	hp := c.ruleIndex[idHighPay]
	low, vague := f.has(c.ruleIndex[termLowSkill]), f.has(c.ruleIndex[idVagueRole])
	req := f.has(c.ruleIndex[termRequirements])
	if good := c.ruleIndex[termPayWords]; low && f.has(good) {
		c.set(f, hp, f.best[good].start, f.best[good].end)
	}
	krw := c.pay.USDRate["KRW"]
	for _, p := range pays {
		if c.notPay(t, f, p, pays) {
			continue
		}
		lowMin, vagueMin := c.pay.LowSkillMinUSD, c.pay.VagueRoleMinUSD
		if p.Currency == "KRW" && krw > 0 {
			lowMin, vagueMin = c.pay.LowSkillMinKRW/krw, c.pay.VagueRoleMinKRW/krw
		}
		if low && p.MonthlyUSD >= lowMin || vague && !req && p.MonthlyUSD >= vagueMin ||
			!req && p.MonthlyUSD >= c.pay.VeryHighMinUSD {
			// The evidence is the amount, even when a phrase ("high salary") matched too.
			f.best[hp] = match{rule: int32(hp), weight: int32(c.rules[hp].weight), start: p.Start, end: p.End}
			return
		}
	}
}

// notPay reports whether p is a fee, a deposit or a price rather than pay (such a word just
// before or after it), or sits in a sentence that warns about such offers. A fee word after
// p that has its own amount right after it names that amount, not p (2026.12.04-108: Khmer
// and Korean put the fee word first, "ប្រាក់ខែ ៤០០០$ ថ្លៃដំណើរការ ២៥០០$" is pay, then a fee).
func (c *Checker) notPay(t *text, f *found, p Pay, pays []Pay) bool {
	np := c.ruleIndex[termNotPay]
	for _, m := range f.all {
		switch {
		case int(m.rule) != np:
		case m.start < p.End && m.end > p.Start,
			m.end <= p.Start && runeCount(t.orig[m.end:p.Start]) <= 12,
			m.start >= p.End && runeCount(t.orig[p.End:m.start]) <= 8 && !amountAt(t, pays, m.end):
			return true
		}
	}
	hp := &c.rules[c.ruleIndex[idHighPay]]
	cues, asked := c.liveCues(t, f.all) // a reader's question keeps the pay (2026.12.04-100)
	return len(cues) > 0 && c.cancelled(t, t.bounds(), hp, match{start: p.Start, end: p.End}, cues, asked)
}

// messengerRule: the only contact is a messenger handle or a webmail address, and no
// company domain is given to check. A company domain (a link, an address at the employer's
// own domain) also makes a messenger contact found by a phrase no "only" (issue 15: a Khmer
// post's "send your CV on Telegram or to hr@company"), as checkable_employer does.
func (c *Checker) messengerRule(f *found, spans []entitySpan) {
	mi := c.ruleIndex[idMessenger]
	var contact *entitySpan
	for i := range spans {
		sp := &spans[i]
		switch {
		case sp.kind == entity.KindDomain, sp.kind == entity.KindEmail && !entity.IsWebmail(domainOf(sp.value)):
			f.best[mi] = match{}
			return
		case contact == nil && (sp.kind == entity.KindHandle || sp.kind == entity.KindEmail && entity.IsWebmail(domainOf(sp.value))):
			contact = sp
		}
	}
	if contact != nil && f.best[mi].weak { // a handle outweighs "contact us on Telegram 012 ..."
		f.best[mi] = match{}
	}
	if contact != nil {
		c.set(f, mi, contact.start, contact.end)
	}
}

// cryptoRule: pay quoted in USDT, or a wallet address in a job offer.
func (c *Checker) cryptoRule(f *found, pays []Pay, spans []entitySpan) {
	ci := c.ruleIndex[idCryptoPay]
	for _, p := range pays {
		if p.Currency == "USDT" {
			c.set(f, ci, p.Start, p.End)
			return
		}
	}
	for _, sp := range spans {
		if sp.kind == entity.KindCrypto {
			c.set(f, ci, sp.start, sp.end)
			return
		}
	}
}

// companyMailRule: an address at the employer's own domain is a detail one can check. It is
// weak (a domain can be bought for a scam too), hence a signal and not a clearance.
func (c *Checker) companyMailRule(f *found, spans []entitySpan) {
	for _, sp := range spans {
		if sp.kind == entity.KindEmail && !entity.IsWebmail(domainOf(sp.value)) {
			c.set(f, c.ruleIndex[idVerifiable], sp.start, sp.end)
			return
		}
	}
}

func domainOf(email string) string { return email[strings.IndexByte(email, '@')+1:] }

// amountAt reports whether one of pays starts within a few letters after byte offset at.
func amountAt(t *text, pays []Pay, at int) bool {
	for _, q := range pays {
		if q.Start >= at && runeCount(t.orig[at:q.Start]) <= 4 {
			return true
		}
	}
	return false
}
