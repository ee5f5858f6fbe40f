package jobcheck

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/koreandesk/hotline/jobcheck/entity"
	"github.com/koreandesk/hotline/jobcheck/internal/span"
)

var (
	koCorpBefore = regexp.MustCompile(`(?:\(주\)|주식회사|유한회사)\s?([\p{L}\p{N}&]{2,20})`)
	koCorpAfter  = regexp.MustCompile(`([\p{L}\p{N}&]{2,20})\s?(?:\(주\)|주식회사|그룹|컴퍼니)`)
	kmCorp       = regexp.MustCompile(`ក្រុមហ៊ុន\s*([^\s។៖,.!?()]+(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}&]*){0,3})`)
)

var koCorpAnchors = []string{"(주)", "주식회사", "유한회사", "그룹", "컴퍼니"}

// kmStop are words that follow ក្រុមហ៊ុន ("company") in a sentence, not a name.
var kmStop = []string{"ខ្ញុំ", "យើង", "នេះ", "នោះ", "ចេញ", "រក្សា", "ត្រូវ", "មាន", "ធ្វើ", "ជា",
	"នឹង", "ផ្តល់", "របស់", "ហើយ", "និង", "នៅ", "បាន", "គឺ", "ដែល", "ទទួល", "បង់", "ឲ្យ", "អោយ",
	"កំពុង", "ក៏", "ទេ", "មិន", "សម្រាប់", "ថ្មី", "ធំ", "ល្អ", "បរទេស", "ចិន"}

// koParticles end a word that is a sentence's subject or object, not a name ("우리는 주식회사").
const koParticles = "은는이가을를의에도와과로"

func (x *extractor) companies() {
	v := &x.t.cased
	for _, re := range []*regexp.Regexp{koCorpBefore, koCorpAfter} {
		for _, m := range span.FindIn(re, v.s, span.Around(v.s, koCorpAnchors, 60, 60)) {
			name := v.s[m[2]:m[3]]
			if r, _ := utf8.DecodeLastRuneInString(name); re == koCorpAfter &&
				(strings.ContainsRune(koParticles, r) || entity.NotAName(name)) {
				continue
			}
			if re == koCorpAfter {
				name = v.s[m[0]:m[1]] // keep 그룹 or 컴퍼니; NormalizeCompany drops (주) and 주식회사
			}
			x.addCompany(v, m[0], m[1], name)
		}
	}
	for _, c := range entity.LatinCompanies(v.s) {
		x.addCompany(v, c[0], c[1], v.s[c[0]:c[1]])
	}
	for _, m := range span.FindIn(kmCorp, v.s, span.Around(v.s, []string{"ក្រុមហ៊ុន"}, 0, 160)) {
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
