package jobcheck

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/koreandesk/hotline/jobcheck/entity"
	"github.com/koreandesk/hotline/jobcheck/internal/span"
)

// entitySpan is one extracted entity with the original range it came from.
type entitySpan struct {
	kind       entity.Kind
	value      string
	start, end int
}

var (
	urlRe     = regexp.MustCompile(`(?:https?://|www\.)[^\s<>"'()\[\]{}]+`)
	emailRe2  = regexp.MustCompile(`[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+`)
	tmeRe     = regexp.MustCompile(`(?:https?://)?(?:www\.)?(?:t|telegram)\.(?:me|dog)/(?:joinchat/|\+)?[a-z0-9_-]+`)
	waRe      = regexp.MustCompile(`(?:https?://)?(?:wa\.me|api\.whatsapp\.com/send\?phone=)/?\+?(\d{8,15})`)
	domainRe  = regexp.MustCompile(`\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|info|biz|xyz|top|vip|asia|io|co|me|cc|site|online|club|app|shop|work|jobs|kh|kr|th|vn|cn|la|mm|ph|my|sg|jp|tw|hk|uk|us|in|edu|gov|test|example)\b`)
	phoneRe   = regexp.MustCompile(`[+(]*\d[\d ().-]{6,22}\d`)
	accountRe = regexp.MustCompile(`(?:계좌(?:번호)?|account(?: number| no\.?)?|acc\.? ?no\.?|a/c|គណនី(?:លេខ)?|aba|acleda|wing)\s*[:#]?\s*(\d[\d -]{6,24}\d)`)
	trc20Re2  = regexp.MustCompile(`\bT[1-9A-HJ-NP-Za-km-z]{33}\b`)
	ethRe2    = regexp.MustCompile(`\b0x[0-9a-f]{40}\b`)
	btcRe2    = regexp.MustCompile(`\bbc1[02-9ac-hj-np-z]{25,59}\b`)
)

// Anchors: literals a match must contain, so the expressions run only near them.
var (
	at             = []string{"@"}
	tmeAnchors     = []string{"t.me/", "telegram.me/", "telegram.dog/"}
	waAnchors      = []string{"wa.me/", "whatsapp.com/send"}
	urlAnchors     = []string{"http", "www."}
	tgAnchors      = []string{"telegram", "텔레그램", "텔레", "텔그", "tg", "ថេឡេក្រាម", "តេឡេក្រាម"}
	accountAnchors = []string{"계좌", "account", "acc", "a/c", "គណនី", "aba", "acleda", "wing"}
)

// extractEntities finds the contacts and identifiers in t.
func extractEntities(t *text) (Entities, []entitySpan) {
	x := &extractor{t: t, seen: map[string]bool{}}
	x.links()
	x.handles()
	x.accounts()
	x.phones()
	x.crypto()
	x.companies()
	return x.ents, x.spans
}

type extractor struct {
	t     *text
	ents  Entities
	spans []entitySpan
	seen  map[string]bool
	taken [][2]int // lower-view ranges already claimed (e-mails, links, accounts)
	read  []phoneRead
}

// phoneRead is one phone candidate as normalised (NormalizePhoneIn).
type phoneRead struct {
	raw, phone string
	ok         bool
}

// phone normalises a candidate once per text: ads repeat their numbers, and parsing one is
// slow (phonenumbers).
func (x *extractor) phone(raw, region string) (string, bool) {
	for _, r := range x.read {
		if r.raw == raw {
			return r.phone, r.ok
		}
	}
	p, ok := entity.NormalizePhoneIn(raw, region)
	x.read = append(x.read, phoneRead{raw, p, ok})
	return p, ok
}

func (x *extractor) add(k entity.Kind, value string, v *view, vs, ve int) {
	s, e := x.t.span(v, vs, ve)
	x.spans = append(x.spans, entitySpan{k, value, s, e})
	key := string(k) + "\x00" + value
	if x.seen[key] {
		return
	}
	x.seen[key] = true
	e2 := &x.ents
	switch k {
	case entity.KindPhone:
		e2.Phones = append(e2.Phones, value)
	case entity.KindHandle:
		e2.Handles = append(e2.Handles, value)
	case entity.KindDomain:
		e2.Domains = append(e2.Domains, value)
	case entity.KindCompany:
		e2.Companies = append(e2.Companies, value)
	case entity.KindCrypto:
		e2.Crypto = append(e2.Crypto, value)
	case entity.KindAccount:
		e2.Accounts = append(e2.Accounts, value)
	case entity.KindEmail:
		e2.Emails = append(e2.Emails, value)
	}
}

func (x *extractor) claimed(s, e int) bool {
	for _, r := range x.taken {
		if s < r[1] && e > r[0] {
			return true
		}
	}
	return false
}

func (x *extractor) links() {
	v := &x.t.lower
	for _, m := range span.FindIn(emailRe2, v.s, span.Around(v.s, at, 0, 0)) {
		raw := v.s[m[0]:m[1]]
		if e, ok := entity.NormalizeEmail(raw); ok {
			x.taken = append(x.taken, [2]int{m[0], m[1]})
			x.add(entity.KindEmail, e, v, m[0], m[1])
			if d := e[strings.IndexByte(e, '@')+1:]; !entity.IsWebmail(d) && !entity.IsPlatform(d) {
				x.add(entity.KindDomain, d, v, m[0], m[1])
			}
		}
	}
	for _, m := range span.FindIn(tmeRe, v.s, span.Around(v.s, tmeAnchors, 16, 70)) {
		x.taken = append(x.taken, [2]int{m[0], m[1]})
		if h, ok := entity.NormalizeHandle(v.s[m[0]:m[1]]); ok {
			x.add(entity.KindHandle, h, v, m[0], m[1])
		}
	}
	for _, m := range span.FindIn(waRe, v.s, span.Around(v.s, waAnchors, 12, 40)) {
		x.taken = append(x.taken, [2]int{m[0], m[1]})
		if p, ok := entity.NormalizePhoneIn("+"+v.s[m[2]:m[3]], entity.RegionCambodia); ok {
			x.add(entity.KindPhone, p, v, m[0], m[1])
		}
	}
	for _, m := range append(span.FindIn(urlRe, v.s, span.Around(v.s, urlAnchors, 0, 200)),
		span.FindIn(domainRe, v.s, span.DotWindows(v.s))...) {
		{
			if x.claimed(m[0], m[1]) {
				continue
			}
			x.taken = append(x.taken, [2]int{m[0], m[1]})
			if d, ok := entity.NormalizeDomain(v.s[m[0]:m[1]]); ok && !entity.IsPlatform(d) {
				x.add(entity.KindDomain, d, v, m[0], m[1])
			}
		}
	}
}

func (x *extractor) handles() {
	v := &x.t.lower
	for i := strings.IndexByte(v.s, '@'); i >= 0; {
		j := i + 1
		for j < len(v.s) && (isASCIIAlnum(v.s[j]) || v.s[j] == '_') {
			j++
		}
		email := i > 0 && strings.IndexByte("abcdefghijklmnopqrstuvwxyz0123456789._%+-", v.s[i-1]) >= 0
		if !email && !x.claimed(i, j) {
			if h, ok := entity.NormalizeHandle(v.s[i:j]); ok {
				x.add(entity.KindHandle, h, v, i, j)
			}
		}
		k := strings.IndexByte(v.s[j:], '@')
		if k < 0 {
			break
		}
		i = j + k
	}
	for _, a := range tgAnchors {
		for off := 0; ; {
			i := strings.Index(v.s[off:], a)
			if i < 0 {
				break
			}
			off += i + len(a)
			if isLetter(a[0]) && off-len(a) > 0 && isLetter(v.s[off-len(a)-1]) {
				continue
			}
			if s, e, ok := entity.HandleAfter(v.s, off); ok {
				if h, ok := entity.NormalizeHandle(v.s[s:e]); ok {
					x.add(entity.KindHandle, h, v, s, e)
				}
			}
		}
	}
}

func (x *extractor) accounts() {
	v := &x.t.lower
	var ws []span.Window
	for _, w := range span.Around(v.s, accountAnchors, 0, 60) {
		if digitsIn(v.s[w[0]:w[1]]) >= 8 {
			ws = append(ws, w)
		}
	}
	for _, m := range span.FindIn(accountRe, v.s, ws) {
		if a, ok := entity.NormalizeAccount(v.s[m[2]:m[3]]); ok {
			x.taken = append(x.taken, [2]int{m[2], m[3]})
			x.add(entity.KindAccount, a, v, m[2], m[3])
		}
	}
}

func (x *extractor) phones() {
	v := &x.t.lower
	region := entity.RegionOf(x.t.compact.s)
	for _, m := range span.FindIn(phoneRe, v.s, span.DigitRuns(v.s)) {
		if x.claimed(m[0], m[1]) || m[0] > 0 && (isASCIIAlnum(v.s[m[0]-1]) || v.s[m[0]-1] == ',') ||
			m[1] < len(v.s) && (isASCIIAlnum(v.s[m[1]]) || v.s[m[1]] == '$') {
			continue
		}
		if p, ok := x.phone(v.s[m[0]:m[1]], region); ok {
			x.add(entity.KindPhone, p, v, m[0], m[1])
		}
	}
}

func (x *extractor) crypto() {
	for _, m := range span.FindIn(trc20Re2, x.t.cased.s, span.Around(x.t.cased.s, []string{"T"}, 0, 34)) {
		x.add(entity.KindCrypto, x.t.cased.s[m[0]:m[1]], &x.t.cased, m[0], m[1])
	}
	v := &x.t.lower
	for _, m := range append(span.FindIn(ethRe2, v.s, span.Around(v.s, []string{"0x"}, 0, 42)),
		span.FindIn(btcRe2, v.s, span.Around(v.s, []string{"bc1"}, 0, 62))...) {
		{
			x.add(entity.KindCrypto, v.s[m[0]:m[1]], v, m[0], m[1])
		}
	}
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
