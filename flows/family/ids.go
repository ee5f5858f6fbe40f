package family

import (
	"errors"
	"strings"
	"unicode"

	deskphone "github.com/koreandesk/hotline/desk/phone"
)

// parsePassport reads a passport number, of any country: a relative may
// hold a Cambodian passport, or none. Case, spaces, dashes and dots do not
// matter; the number comes back in capitals, or false.
//
// A Korean passport number is a letter M, S, R, G or D and eight
// characters: eight digits (M12345678), a second letter and seven digits
// (MS1234567) or, in the 2021 format, three digits, a letter and four
// digits (M123A4567). Any other number is taken as it is printed when it
// could be one (6 to 9 letters and digits, at least 4 of them digits:
// the document number of ICAO 9303 has 9 characters at most). Only in the
// Korean conversation, where the relative is most often Korean, does a
// number that starts like a Korean one but has the wrong shape get asked
// again: it is most likely a Korean number mistyped.
func parsePassport(s, lang string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(asciiDigits(s)) {
		switch {
		case r == ' ' || r == '-' || r == '.':
		case r > unicode.MaxASCII:
			return "", false
		default:
			b.WriteRune(r)
		}
	}
	n := b.String()
	if koreanPassport(n) {
		return n, true
	}
	if lang == "ko" && len(n) >= 8 && len(n) <= 10 && strings.ContainsRune("MSRGD", rune(n[0])) {
		return "", false
	}
	if len(n) < 6 || len(n) > 9 || strings.Count(shape(n), "9") < 4 || strings.Contains(shape(n), "?") {
		return "", false
	}
	return n, true
}

// koreanPassport reports whether n has the shape of a Korean passport
// number.
func koreanPassport(n string) bool {
	if len(n) != 9 || !strings.ContainsRune("MSRGD", rune(n[0])) {
		return false
	}
	sh := shape(n[1:])
	return sh == "99999999" || sh == "A9999999" || sh == "999A9999"
}

// shape writes each digit as 9 and each letter as A.
func shape(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return '9'
		case r >= 'A' && r <= 'Z':
			return 'A'
		}
		return '?'
	}, s)
}

// MaskPassport hides a passport number but its first letter and last
// three characters: M12345678 gives M*****678. Answers, summaries, alerts
// and exports show only this.
func MaskPassport(n string) string {
	r := []rune(n)
	if len(r) < 5 {
		return strings.Repeat("*", len(r))
	}
	return string(r[0]) + strings.Repeat("*", len(r)-4) + string(r[len(r)-3:])
}

// MaskPhone hides a phone number but its first three characters and last
// four: +821098765432 gives +82******5432. The stored session and the
// summary show only this; the bot seals the number itself.
func MaskPhone(n string) string {
	r := []rune(n)
	if len(r) < 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// phoneProblem says why a text is not a usable phone number.
type phoneProblem int

const (
	phoneOK      phoneProblem = iota
	phoneInvalid              // not a phone number
	phoneCountry              // a local number that could be Korean or Cambodian
)

// parsePhone reads a callback number and returns it in E.164 with the desk's
// one phone normaliser, deskphone.Parse: international numbers (+82 10...,
// 0082...) as written; without a country code, a Korean mobile
// (010-1234-5678) or Seoul number (02-1234-5678) gets +82 and a Cambodian
// mobile (012 345 678, 097 123 4567) +855 (deskphone.Guess). Any other local
// number is ambiguous and the person is asked for the country code. The
// digits of a shared contact carry their country code without a "+".
func parsePhone(s string, contact bool) (string, phoneProblem) {
	parse := func(s string) (string, error) { return deskphone.Parse(s, deskphone.Guess) }
	if contact {
		parse = deskphone.ParseInternational
	}
	e164, err := parse(s)
	switch {
	case errors.Is(err, deskphone.ErrAmbiguous):
		return "", phoneCountry
	case err != nil:
		return "", phoneInvalid
	}
	return e164, phoneOK
}
