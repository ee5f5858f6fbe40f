package jobcheck

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/koreandesk/hotline/jobcheck/entity"
)

var (
	koCorpBefore = regexp.MustCompile(`(?:\(주\)|주식회사|유한회사)\s?([\p{L}\p{N}&]{2,20})`)
	koCorpAfter  = regexp.MustCompile(`([\p{L}\p{N}&]{2,20})\s?(?:\(주\)|주식회사|그룹|컴퍼니)`)
	kmCorp       = regexp.MustCompile(`ក្រុមហ៊ុន\s*([^\s។៖,.!?()]+(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}&]*){0,3})`)
)

var koCorpAnchors = []string{"(주)", "주식회사", "유한회사", "그룹", "컴퍼니"}

// Words that start a sentence or a phrase, not a company name.
var enStop = map[string]bool{"the": true, "our": true, "a": true, "an": true, "at": true,
	"join": true, "contact": true, "for": true, "in": true, "hiring": true, "urgent": true,
	"apply": true, "to": true, "with": true, "from": true, "by": true, "and": true, "of": true,
	"your": true, "my": true, "this": true, "we": true, "is": true, "&": true}

// kmStop are words that follow ក្រុមហ៊ុន ("company") in a sentence, not a name.
var kmStop = []string{"ខ្ញុំ", "យើង", "នេះ", "នោះ", "ចេញ", "រក្សា", "ត្រូវ", "មាន", "ធ្វើ", "ជា",
	"នឹង", "ផ្តល់", "របស់", "ហើយ", "និង", "នៅ", "បាន", "គឺ", "ដែល", "ទទួល", "បង់", "ឲ្យ", "អោយ",
	"កំពុង", "ក៏", "ទេ", "មិន", "សម្រាប់", "ថ្មី", "ធំ", "ល្អ", "បរទេស", "ចិន"}

// koParticles end a word that is a sentence's subject or object, not a name ("우리는 주식회사").
const koParticles = "은는이가을를의에도와과로"

func (x *extractor) companies() {
	v := &x.t.cased
	for _, re := range []*regexp.Regexp{koCorpBefore, koCorpAfter} {
		for _, m := range findIn(re, v.s, around(v.s, koCorpAnchors, 60, 60)) {
			name := v.s[m[2]:m[3]]
			if r, _ := utf8.DecodeLastRuneInString(name); re == koCorpAfter &&
				(strings.ContainsRune(koParticles, r) || enStop[strings.ToLower(name)]) {
				continue
			}
			if re == koCorpAfter {
				name = v.s[m[0]:m[1]] // keep 그룹 or 컴퍼니; NormalizeCompany drops (주) and 주식회사
			}
			x.addCompany(v, m[0], m[1], name)
		}
	}
	for _, c := range latinCompanies(v.s) {
		x.addCompany(v, c[0], c[1], v.s[c[0]:c[1]])
	}
	for _, m := range findIn(kmCorp, v.s, around(v.s, []string{"ក្រុមហ៊ុន"}, 0, 160)) {
		name := v.s[m[2]:m[3]]
		if runeLen(name) > 24 || hasKhmerStop(name) {
			continue
		}
		x.addCompany(v, m[0], m[1], name)
	}
}

func hasKhmerStop(name string) bool {
	for _, w := range kmStop {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	return false
}

func (x *extractor) addCompany(v *view, s, e int, name string) {
	if n, ok := entity.NormalizeCompany(name); ok && runeLen(n) >= 2 {
		x.add(entity.KindCompany, n, v, s, e)
	}
}

// corpWords are the words that end an English company name.
var corpWords = map[string]bool{"co": true, "ltd": true, "limited": true, "inc": true,
	"corp": true, "corporation": true, "llc": true, "plc": true, "pte": true, "group": true,
	"company": true, "holdings": true}

// token is one word of Latin letters and digits (with & ' -) at [start, end).
type token struct{ start, end int }

// latinCompanies finds "Golden Example Co., Ltd", "Mekong Example Bank Plc", "Example Group":
// up to five capitalised words before a company suffix; the suffix (Co., Ltd, Group ...) is
// part of the returned range and NormalizeCompany drops the legal forms.
func latinCompanies(s string) [][2]int {
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
		for start < first && enStop[strings.ToLower(s[toks[start].start:toks[start].end])] {
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
		if !isASCIIAlnum(s[i]) && s[i] != '&' {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		j := i
		for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '&' || s[j] == '\'' || s[j] == '-') {
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
	return s != "" && ('A' <= s[0] && s[0] <= 'Z' || isDigit(s[0]) || s[0] == '&')
}
