// Package phone reads phone numbers as people type them to the bot or write them in ads, and
// returns them in E.164 ("+85512345678"): the one form that cases, the desk's job-check list
// and case matching compare. It wraps github.com/nyaruka/phonenumbers (libphonenumber's
// metadata) and makes the one decision the library cannot: which country a number written
// without its country code belongs to.
package phone

import (
	"errors"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// Region is where a number written without its country code is dialled (ISO 3166 code).
type Region string

// The regions the desk's users dial from. Guess decides from the number's shape alone.
const (
	Guess    Region = ""
	Cambodia Region = "KH"
	Korea    Region = "KR"
	Thailand Region = "TH"
)

// The errors of Parse.
var (
	ErrInvalid   = errors.New("not a phone number")
	ErrAmbiguous = errors.New("a number without a country code that could be Korean or Cambodian")
)

// countryCodes are the codes recognised at the start of digits written without a "+"
// ("855 12 345 678"); any code is recognised after "+" or "00".
var countryCodes = []string{"855", "82", "66"}

// Parse returns s in E.164. Spaces, dashes, dots, slashes and brackets are ignored; Khmer, Thai,
// Lao, Myanmar, Arabic and full-width digits count as digits; any other character makes s
// ErrInvalid.
//
// A number with its country code ("+82 10 ...", "0082 10 ...", or "855 12 ..." for Cambodia,
// Korea and Thailand) is read as written, a "(0)" after the code dropped. A national number
// (a leading 0) is placed thus, whatever the region: eleven digits starting 01 are a Korean
// mobile. Otherwise the region decides:
//
//   - Guess: ten digits starting 02 are a Seoul number; nine digits (not 02), or ten starting
//     07, 08 or 09, a Cambodian mobile; any other national number of 8 to 12 digits is
//     ErrAmbiguous (ask for the country code).
//   - Korea: Korean area and service numbers (02, 03x-06x, 070, 01x) are Korean; the rest is
//     read as Cambodian.
//   - Thailand: ten digits starting 06, 08 or 09 are Thai; the rest is read as Cambodian.
//   - Cambodia: Cambodian.
//
// The result must have a length the country's numbering plan allows (libphonenumber's
// "possible" check, not the stricter "valid" one: new ranges and the desk's test numbers
// pass).
func Parse(s string, region Region) (string, error) {
	d, plus, ok := digits(s)
	switch {
	case !ok || d == "":
		return "", ErrInvalid
	case !plus && strings.HasPrefix(d, "00"):
		return international(d[2:])
	case plus:
		return international(d)
	case d[0] != '0':
		for _, cc := range countryCodes {
			if strings.HasPrefix(d, cc) {
				return international(d)
			}
		}
		return "", ErrInvalid
	}
	r, err := national(d, region)
	if err != nil {
		return "", err
	}
	return format(d, string(r))
}

// ParseInternational returns s in E.164, reading its digits as starting with the country code
// even without a "+": the phone number of a contact shared in Telegram.
func ParseInternational(s string) (string, error) {
	d, _, ok := digits(s)
	if !ok || d == "" {
		return "", ErrInvalid
	}
	return international(strings.TrimPrefix(d, "00"))
}

// national decides the region of a national number d (a leading 0).
func national(d string, region Region) (Region, error) {
	n := len(d)
	if n == 11 && strings.HasPrefix(d, "01") {
		return Korea, nil
	}
	switch region {
	case Guess:
		switch {
		case n == 10 && strings.HasPrefix(d, "02"):
			return Korea, nil
		case n == 9 && !strings.HasPrefix(d, "02"), n == 10 && strings.ContainsRune("789", rune(d[1])):
			return Cambodia, nil
		case n >= 8 && n <= 12:
			return "", ErrAmbiguous
		}
		return "", ErrInvalid
	case Korea:
		if koreanNational(d) {
			return Korea, nil
		}
	case Thailand:
		if n == 10 && strings.ContainsRune("689", rune(d[1])) {
			return Thailand, nil
		}
	}
	return Cambodia, nil
}

// koreanNational reports whether d has the shape of a Korean national number.
func koreanNational(d string) bool {
	n := len(d)
	switch {
	case n < 3:
		return false
	case strings.HasPrefix(d, "02"):
		return n == 9 || n == 10
	case strings.HasPrefix(d, "070"), strings.HasPrefix(d, "01"):
		return n == 10 || n == 11
	case d[1] >= '3' && d[1] <= '6' && d[2] >= '1' && d[2] <= '5':
		return n == 10 || n == 11
	}
	return false
}

// international reads d, digits that start with a country code.
func international(d string) (string, error) {
	if len(d) < 8 || len(d) > 15 || d[0] == '0' {
		return "", ErrInvalid
	}
	return format("+"+d, "")
}

func format(number, region string) (string, error) {
	num, err := phonenumbers.Parse(number, region)
	if err != nil || !phonenumbers.IsPossibleNumber(num) {
		return "", ErrInvalid
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}

// digits returns the digits of s as ASCII and whether a "+" leads them; ok is false when s has
// a character that is neither a digit nor phone punctuation.
func digits(s string) (d string, plus, ok bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '+' && b.Len() == 0 && !plus:
			plus = true
		case unicode.IsSpace(r) || strings.ContainsRune("-.()/", r):
		default:
			v, isDigit := digitValue(r)
			if !isDigit {
				return "", false, false
			}
			b.WriteByte(byte('0' + v))
		}
	}
	return b.String(), plus, true
}

// zeros are the code points of 0 in the digit sets people type numbers in.
var zeros = []rune{'0', '０', '០', '๐', '໐', '၀', '٠', '۰', '०'}

func digitValue(r rune) (int, bool) {
	for _, z := range zeros {
		if r >= z && r <= z+9 {
			return int(r - z), true
		}
	}
	return 0, false
}
