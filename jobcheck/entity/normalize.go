package entity

import (
	"regexp"
	"strings"

	"github.com/koreandesk/hotline/desk/phone"
	"github.com/koreandesk/hotline/jobcheck/internal/fold"
)

// Regions for NormalizePhoneIn: where a number written without its country code is dialled.
const (
	RegionCambodia = string(phone.Cambodia)
	RegionKorea    = string(phone.Korea)
	RegionThailand = string(phone.Thailand)
)

// NormalizePhone returns raw in E.164 form ("+85512000001"), reading a number without a
// country code as Cambodian, except 11-digit 01x numbers, which are Korean mobiles
// (phone.Parse with phone.Cambodia).
func NormalizePhone(raw string) (string, bool) { return NormalizePhoneIn(raw, RegionCambodia) }

// NormalizePhoneIn is NormalizePhone with another default region for national numbers:
// RegionKorea reads 02-, 03x-06x- and 070- numbers as Korean, RegionThailand 10-digit 06, 08
// and 09 numbers as Thai (phone.Parse).
func NormalizePhoneIn(raw, region string) (string, bool) { return normPhone(raw, region) }

// RegionOf guesses from the script of text s where its national numbers are dialled: Cambodia
// for Khmer, else Korea for Hangul, else Thailand for Thai, else Cambodia.
func RegionOf(s string) string {
	var hangul, khmer, thai bool
	for _, r := range s {
		switch {
		case r >= 0xAC00 && r <= 0xD7A3:
			hangul = true
		case r >= 0x1780 && r <= 0x17FF:
			khmer = true
		case r >= 0x0E00 && r <= 0x0E7F:
			thai = true
		}
	}
	switch {
	case khmer:
		return RegionCambodia
	case hangul:
		return RegionKorea
	case thai:
		return RegionThailand
	}
	return RegionCambodia
}

// normPhone is NormalizePhoneIn; the desk's one phone normaliser is phone.Parse.
func normPhone(raw, region string) (string, bool) {
	p, err := phone.Parse(raw, phone.Region(region))
	return p, err == nil
}

func keepDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

var handleRe = regexp.MustCompile(`^[a-z][a-z0-9_]{3,31}$`)
var inviteRe = regexp.MustCompile(`^\+[a-z0-9_-]{6,64}$`)

// NormalizeHandle returns a Telegram username as "@name" (lower case) from "@Name", "Name",
// "t.me/Name" or "https://telegram.me/Name"; an invite link as "t.me/+code".
func NormalizeHandle(raw string) (string, bool) { return normHandle(fold.Lower(raw)) }

func normHandle(h string) (string, bool) {
	h = strings.TrimSpace(h)
	h = strings.TrimPrefix(strings.TrimPrefix(h, "https://"), "http://")
	h = strings.TrimPrefix(h, "www.")
	for _, host := range []string{"t.me/", "telegram.me/", "telegram.dog/"} {
		h = strings.TrimPrefix(h, host)
	}
	if code, ok := strings.CutPrefix(h, "joinchat/"); ok {
		h = "+" + code
	}
	h = strings.TrimRight(strings.TrimPrefix(h, "@"), "/.")
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	switch {
	case handleRe.MatchString(h):
		return "@" + h, true
	case inviteRe.MatchString(h):
		return "t.me/" + h, true
	}
	return "", false
}

var hostRe = regexp.MustCompile(`^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$`)

// NormalizeDomain returns the lower-case host of a URL or domain, without "www." and port.
func NormalizeDomain(raw string) (string, bool) { return normDomain(fold.Lower(raw)) }

func normDomain(h string) (string, bool) {
	h = strings.TrimSpace(h)
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	h = strings.TrimPrefix(strings.Trim(h, "."), "www.")
	if !hostRe.MatchString(h) {
		return "", false
	}
	return h, true
}

// legalForms are dropped from company names so "Example Co., Ltd" matches "(주)Example".
var legalForms = map[string]bool{
	"co": true, "ltd": true, "limited": true, "inc": true, "corp": true, "corporation": true,
	"llc": true, "plc": true, "pte": true, "company": true, "주": true, "주식회사": true,
	"유한회사": true, "ក្រុមហ៊ុន": true, "the": true,
}
var legalAffixes = []string{"주식회사", "유한회사", "ក្រុមហ៊ុន"}

// NormalizeCompany returns a company name lower-cased, without punctuation and without legal
// forms (Co., Ltd; (주); 주식회사; ក្រុមហ៊ុន ...): "Golden Example Co., Ltd." -> "golden example".
func NormalizeCompany(raw string) (string, bool) {
	var kept []string
	for _, tok := range strings.Fields(fold.Words(raw)) {
		for _, a := range legalAffixes {
			if tok != a {
				tok = strings.TrimSuffix(strings.TrimPrefix(tok, a), a)
			}
		}
		if tok != "" && !legalForms[tok] {
			kept = append(kept, tok)
		}
	}
	if len(kept) == 0 {
		return "", false
	}
	return strings.Join(kept, " "), true
}

var trc20Re = regexp.MustCompile(`^T[1-9A-HJ-NP-Za-km-z]{33}$`)
var ethRe = regexp.MustCompile(`^0x[0-9a-f]{40}$`)
var btcRe = regexp.MustCompile(`^bc1[02-9ac-hj-np-z]{25,59}$`)

// NormalizeCrypto returns a wallet address: TRC20 (base58, case kept), Ethereum/BEP20 hex and
// bech32 Bitcoin addresses (lower-cased).
func NormalizeCrypto(raw string) (string, bool) {
	a := strings.TrimSpace(fold.Cased(raw))
	if trc20Re.MatchString(a) {
		return a, true
	}
	if low := strings.ToLower(a); ethRe.MatchString(low) || btcRe.MatchString(low) {
		return low, true
	}
	return "", false
}

// NormalizeAccount returns a bank account number as its digits (8 to 20 of them).
func NormalizeAccount(raw string) (string, bool) { return normAccount(fold.Lower(raw)) }

func normAccount(low string) (string, bool) {
	d := keepDigits(low)
	return d, len(d) >= 8 && len(d) <= 20
}

var emailRe = regexp.MustCompile(`^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$`)

// NormalizeEmail returns an e-mail address lower-cased.
func NormalizeEmail(raw string) (string, bool) { return normEmail(fold.Lower(raw)) }

func normEmail(e string) (string, bool) {
	e = strings.TrimSpace(e)
	return e, emailRe.MatchString(e)
}
