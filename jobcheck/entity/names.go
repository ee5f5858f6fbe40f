package entity

import (
	"strings"
	"unicode/utf8"
)

// How names, hosts and companies look in a job ad: what the checker's extraction asks before it
// records an entity. Plain string rules, no text views.

// Words that start a sentence or a phrase, not a company name.
var enStop = map[string]bool{"the": true, "our": true, "a": true, "an": true, "at": true,
	"join": true, "contact": true, "for": true, "in": true, "hiring": true, "urgent": true,
	"apply": true, "to": true, "with": true, "from": true, "by": true, "and": true, "of": true,
	"your": true, "my": true, "this": true, "we": true, "is": true, "&": true}

// NotAName reports whether w starts a sentence or a phrase rather than a company's name ("the",
// "our", "hiring", "join").
func NotAName(w string) bool { return enStop[strings.ToLower(w)] }

// platforms are hosts whose domain says nothing about the recruiter.
var platforms = map[string]bool{"t.me": true, "telegram.me": true, "telegram.dog": true,
	"wa.me": true, "api.whatsapp.com": true, "whatsapp.com": true, "facebook.com": true,
	"m.facebook.com": true, "fb.com": true, "instagram.com": true, "tiktok.com": true,
	"youtube.com": true, "forms.gle": true, "docs.google.com": true, "bit.ly": true,
	"line.me": true, "open.kakao.com": true}

// webmail hosts: an address there is a personal one, not a company's.
var webmail = map[string]bool{"gmail.com": true, "googlemail.com": true, "naver.com": true,
	"hanmail.net": true, "daum.net": true, "kakao.com": true, "yahoo.com": true,
	"hotmail.com": true, "outlook.com": true, "live.com": true, "icloud.com": true,
	"proton.me": true, "protonmail.com": true, "qq.com": true, "163.com": true, "126.com": true,
	"mail.ru": true, "yandex.com": true, "gmx.com": true, "aol.com": true}

// IsWebmail reports whether d is a webmail host. Examples and the test corpus write made-up
// addresses under example.com (RFC 2606): gmail.example.com stands for gmail.com.
func IsWebmail(d string) bool { return listed(webmail, d) }

// IsPlatform reports whether d is a platform's host (Telegram, WhatsApp, Facebook, a link
// shortener): a link there says nothing about the recruiter. As for webmail, a made-up host
// under example.com stands for the real one (t.me.example.com, facebook.example.com), so a
// fictional platform link is read as the platform's, never as an employer's own domain.
func IsPlatform(d string) bool { return listed(platforms, d) }

// listed reports whether d, or the real host a made-up d.example.com stands for (the host
// with its top-level label dropped: gmail.example.com, t.me.example.com), is in hosts.
func listed(hosts map[string]bool, d string) bool {
	h, ok := strings.CutSuffix(d, ".example.com")
	if !ok {
		return hosts[d]
	}
	if hosts[h] {
		return true
	}
	for w := range hosts { // the host without its top-level label: gmail, m.facebook, t
		if strings.LastIndexByte(w, '.') == len(h) && strings.HasPrefix(w, h) {
			return true
		}
	}
	return false
}

// corpWords are the words that end an English company name.
var corpWords = map[string]bool{"co": true, "ltd": true, "limited": true, "inc": true,
	"corp": true, "corporation": true, "llc": true, "plc": true, "pte": true, "group": true,
	"company": true, "holdings": true}

// token is one word of Latin letters and digits (with & ' -) at [start, end).
type token struct{ start, end int }

// LatinCompanies finds "Golden Example Co., Ltd", "Mekong Example Bank Plc", "Example Group":
// up to five capitalised words before a company suffix; the suffix's first word (Co, Ltd, Group ...) is
// part of the returned range and NormalizeCompany drops the legal forms.
func LatinCompanies(s string) [][2]int {
	toks := latinTokens(s)
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		if !corpWords[strings.ToLower(s[toks[i].start:toks[i].end])] {
			continue
		}
		first := i // the suffix may be several words: Co., Ltd / Company Limited / Pte Ltd
		for first > 0 && corpWords[strings.ToLower(s[toks[first-1].start:toks[first-1].end])] &&
			suffixSep(s[toks[first-1].end:toks[first].start]) {
			first--
		}
		start, n := first, 0
		for start > 0 && n < 5 && capitalised(s[toks[start-1].start:]) &&
			nameSep(s[toks[start-1].end:toks[start].start], start == first) {
			start--
			n++
		}
		for start < first && NotAName(s[toks[start].start:toks[start].end]) {
			start++
		}
		if start < first {
			out = append(out, [2]int{toks[start].start, toks[i].end})
		}
		for i+1 < len(toks) && corpWords[strings.ToLower(s[toks[i+1].start:toks[i+1].end])] &&
			suffixSep(s[toks[i].end:toks[i+1].start]) {
			i++
		}
	}
	return out
}

func latinTokens(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) && s[i] != '&' {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		j := i
		for j < len(s) && (isAlnum(s[j]) || s[j] == '&' || s[j] == '\'' || s[j] == '-') {
			j++
		}
		toks = append(toks, token{i, j})
		i = j
	}
	return toks
}

// nameSep: words of a name are apart by spaces only; before the suffix a comma may stand.
func nameSep(sep string, beforeSuffix bool) bool {
	if beforeSuffix {
		sep = strings.TrimPrefix(strings.TrimSpace(sep), ",")
	}
	return strings.TrimSpace(sep) == "" && !strings.Contains(sep, "\n") && len(sep) <= 2
}

// suffixSep: the words of a suffix are apart by spaces, dots and commas ("Co., Ltd").
func suffixSep(sep string) bool {
	return len(sep) <= 4 && strings.Trim(sep, " .,") == ""
}

func capitalised(s string) bool {
	return s != "" && ('A' <= s[0] && s[0] <= 'Z' || '0' <= s[0] && s[0] <= '9' || s[0] == '&')
}

func isAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || 'A' <= b && b <= 'Z'
}

// notHandles are words that follow "telegram" without being a username.
var notHandles = map[string]bool{"only": true, "channel": true, "group": true, "contact": true,
	"account": true, "chat": true, "message": true, "please": true, "inbox": true}

// HandleAfter reads a username after the word "telegram": "telegram: fake_hr", "텔레그램 ID
// fakehr". Without ":" or "ID" the name needs a digit or an underscore ("telegram only" is no
// username). It returns the name's byte range in s.
func HandleAfter(s string, i int) (int, int, bool) {
	skip := func() {
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	explicit := false
	skip()
	for _, id := range []string{"id", "아이디"} {
		if strings.HasPrefix(s[i:], id) && (i+len(id) == len(s) || !isAlnum(s[i+len(id)]) || id != "id") {
			i, explicit = i+len(id), true
			break
		}
	}
	skip()
	if i < len(s) && (s[i] == ':' || s[i] == '=') {
		i, explicit = i+1, true
	}
	skip()
	j := i
	for j < len(s) && (isAlnum(s[j]) || s[j] == '_') {
		j++
	}
	name := s[i:j]
	if len(name) < 5 || len(name) > 32 || !isLetter(name[0]) || notHandles[name] ||
		!explicit && !strings.ContainsAny(name, "_0123456789") {
		return 0, 0, false
	}
	return i, j, true
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
