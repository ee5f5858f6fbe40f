// Package quote finds what a text holds as someone else's words: quotations and questions.
package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuote is the longest quotation, in bytes, read as one: a stray quote mark opens nothing.
const maxQuote = 600

// closers maps each opening quotation mark to the marks that close it.
var closers = map[rune]string{
	'"': `"“”`, '“': `”"“`, '”': `”"`, '„': `“”"`, '«': "»", '「': "」", '『': "』", '‘': "’",
}

// Spans returns the byte ranges [start, end) of s inside quotation marks ("…", “…”, «…», 「…」,
// ‘…’), the marks included. A quotation ends at its closing mark, within 600 bytes and before
// a blank line; an opening mark without one is skipped. Korean writing quotes with ASCII
// single quotes too ('월 800, 숙식 제공'이라는 글): such a quotation counts when its opening
// mark follows no letter or digit, its closing mark is followed by no Latin letter, and it
// holds Hangul (single, rules 2026.12.04-144, holdout-15za), so that no apostrophe ("don't",
// "company's") opens or closes one.
func Spans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '\'' {
			if j := single(s, i); j > 0 {
				out = append(out, [2]int{i, j})
				i = j
				continue
			}
		}
		cl, ok := closers[r]
		if !ok {
			i += w
			continue
		}
		rest := s[i+w : min(len(s), i+w+maxQuote)]
		if k := strings.Index(rest, "\n\n"); k >= 0 {
			rest = rest[:k]
		}
		j := strings.IndexAny(rest, cl)
		if j < 0 {
			i += w
			continue
		}
		_, cw := utf8.DecodeRuneInString(rest[j:])
		end := i + w + j + cw
		out = append(out, [2]int{i, end})
		i = end
	}
	return out
}

// single returns the end of a Korean quotation in ASCII single quotes that opens at s[i], or 0
// (see Spans): an apostrophe inside a word opens nothing, and the quotation stays on its line.
func single(s string, i int) int {
	if p, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (unicode.IsLetter(p) || unicode.IsDigit(p)) {
		return 0
	}
	line := s[i+1 : min(len(s), i+1+maxQuote)]
	if k := strings.IndexByte(line, '\n'); k >= 0 {
		line = line[:k]
	}
	for j := 0; j < len(line); j++ {
		if line[j] != '\'' || j == 0 || line[j-1] == ' ' {
			continue
		}
		if n, _ := utf8.DecodeRuneInString(line[j+1:]); n < utf8.RuneSelf && unicode.IsLetter(n) {
			continue
		}
		if !strings.ContainsFunc(line[:j], func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) {
			return 0
		}
		return i + 1 + j + 1
	}
	return 0
}

// Asked reports whether a question mark follows s[:end] closely, with at most a few letters
// of a particle between ("사기예요?", "ជាការបោកប្រាស់ទេ?", "is a scam?"): the words that end
// at end are asked about, not said.
func Asked(s string, end int) bool {
	for n, i := 0, end; i < len(s) && n <= 8; n++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '?' || r == '？':
			return true
		case r == ' ' || unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
		default:
			return false
		}
		i += w
	}
	return false
}

// answers are the words with which a writer answers their own question ("Should I trust offers
// like this? No."): a rhetorical question, not a reader's.
var answers = []string{"no", "nope", "yes", "never", "absolutely not", "of course not", "not at all",
	"아니요", "아뇨", "아닙니다", "아니에요", "절대", "네", "ទេ", "មិនមែនទេ", "បាទ", "ចាស", "មិនដែល"}

// Unanswered reports whether s asks the reader something it does not answer itself ("wanna
// come?", "ចង់មកធ្វើដែរទេ?", "should he go?"): a story that asks is a friend's invitation or a
// reader's question, not a survivor's warning (rules 2026.12.04-137).
func Unanswered(s string) bool { return strings.ContainsAny(s, "?？") && !Answered(s) }

// Answered reports whether a question mark in s is followed at once by an answer word
// and the end of that answer ("? No.", "? 아닙니다.", "? ទេ។").
func Answered(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '?' {
			continue
		}
		rest := strings.TrimLeft(s[i+1:], " \t\n")
		for _, a := range answers {
			if len(rest) < len(a) || !strings.EqualFold(rest[:len(a)], a) {
				continue
			}
			if tail := rest[len(a):]; tail == "" || strings.ContainsAny(tail[:1], ".!,;:\n") || strings.HasPrefix(tail, "។") {
				return true
			}
		}
	}
	return false
}

// listMarks are the marks that open a line of a list of warning signs.
const listMarks = "❌✖🚫⛔✗✘•▪·-*"

// Listed reports whether s[start:end] lies in a quotation on a line of a list that begins on
// the line after the one holding from (a warning heading): every line from there to the
// quotation's begins with a list mark (❌, ✖, 🚫, •, -) or a number ("1.", "2)", "១."), as in
// "⚠️ Warning signs\n❌ \"USD 2,000, no experience\"". The quoted lures are the warning signs.
func Listed(s string, from, start, end int) bool {
	nl := strings.IndexByte(s[min(from, start):start], '\n')
	if from > start || nl < 0 {
		return false
	}
	lines := s[from+nl+1:]
	if k := strings.IndexByte(s[start:], '\n'); k >= 0 {
		lines = s[from+nl+1 : start+k]
	}
	for lines != "" {
		line, rest, _ := strings.Cut(lines, "\n")
		if line = strings.TrimSpace(line); line != "" && !marked(line) {
			return false
		}
		lines = rest
	}
	for _, sp := range Spans(s) {
		if sp[0] <= start && end <= sp[1] {
			return true
		}
	}
	return false
}

// marked reports whether a line begins with a list mark or a number followed by "." or ")".
func marked(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	if strings.ContainsRune(listMarks, r) {
		return true
	}
	digits := strings.TrimLeftFunc(line, func(r rune) bool { return unicode.IsDigit(r) })
	return len(digits) < len(line) && (strings.HasPrefix(digits, ".") || strings.HasPrefix(digits, ")"))
}

// Within reports whether s[start:end] lies inside one quotation of s (Spans): someone else's
// words, such as a broker's "we have no confinement" that a survivor quotes.
func Within(s string, start, end int) bool {
	for _, q := range Spans(s) {
		if q[0] <= start && end <= q[1] {
			return true
		}
	}
	return false
}
