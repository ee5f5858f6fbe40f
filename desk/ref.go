package desk

import (
	"crypto/rand"
	"fmt"
	"strings"
	"unicode"
)

// RefPrefix starts every case reference.
const RefPrefix = "KD-"

// RefAlphabet holds the characters of a reference's code: digits and
// capitals that cannot be mistaken for one another when read aloud, typed
// on a phone or handwritten: it leaves out 0 O 1 I L 2 Z 5 S 6 8 B, so a
// code never has to be spelled out ("is that an O or a zero?").
const RefAlphabet = "3479ACDEFGHJKMNPQRTUVWXY"

// Code lengths. New references get RefLen characters (24^4 = 331,776
// codes); when a random code is taken, which happens more often as the
// space fills, the store tries again and, after a few misses, with one
// character more (24^5 = 7,962,624 codes; see RefLenFor). Codes never
// get longer than five, so a bare code ("7Q3M", "KD7Q3") is never
// mistaken for a prefixed one ("KD7Q3M" is always KD-7Q3M).
const (
	RefLen    = 4
	RefMaxLen = 5
)

// Ref is a case reference such as "KD-7Q3M": short, speakable, and the only
// way a case is named outside the database.
type Ref string

// String returns the reference as shown to people.
func (r Ref) String() string { return string(r) }

// Code returns the part after the prefix ("7Q3M").
func (r Ref) Code() string { return strings.TrimPrefix(string(r), RefPrefix) }

// NewRef returns a random reference with a code of n characters, drawn
// with crypto/rand so that references cannot be guessed from one another.
func NewRef(n int) Ref {
	const size = byte(len(RefAlphabet))
	const limit = 256 - 256%int(size) // reject above it: no modulo bias
	code := make([]byte, 0, n)
	buf := make([]byte, 2*n)
	for len(code) < n {
		_, _ = rand.Read(buf) // never returns an error: it crashes instead (Go 1.24+)
		for _, b := range buf {
			if int(b) < limit && len(code) < n {
				code = append(code, RefAlphabet[b%size])
			}
		}
	}
	return Ref(RefPrefix + string(code))
}

// RefLenFor returns the code length for the attempt-th try (0-based) at
// finding a free reference: RefLen for the first tries, then one more
// character every few collisions, never more than RefMaxLen. With a
// quarter of the four-character codes used, one new case in 250 needs a
// fifth character; with half used, one in sixteen.
func RefLenFor(attempt int) int {
	return min(RefLen+attempt/refTriesPerLen, RefMaxLen)
}

// RefAttempts is how many references a store tries before giving up.
const RefAttempts = refTriesPerLen * (RefMaxLen - RefLen + 1)

const refTriesPerLen = 4

// refTypos maps characters people type for one that is in the alphabet.
var refTypos = map[rune]rune{'6': 'G'}

// ParseRef reads a reference as a person typed it: any case, with or
// without the dash, with spaces, full-width characters or another kind of
// dash, and with or without the "KD" prefix ("kd7q3m", " kd 7q3m ",
// "7Q3M"). It fails with ErrInvalid for anything else.
func ParseRef(s string) (Ref, error) {
	var b strings.Builder
	prefixed := false // "KD" then a separator: the rest is the code
	for _, r := range s {
		r = normalizeRefRune(r)
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || strings.ContainsRune("_.#", r) {
			prefixed = prefixed || b.String() == "KD"
			continue
		}
		b.WriteRune(r)
	}
	code := b.String()
	if prefixed || strings.HasPrefix(code, "KD") && len(code)-2 >= RefLen {
		code = code[2:]
	}
	if len(code) < RefLen || len(code) > RefMaxLen || strings.Trim(code, RefAlphabet) != "" {
		return "", fmt.Errorf("case reference: %w", ErrInvalid) // never the input: errors are logged
	}
	return Ref(RefPrefix + code), nil
}

// normalizeRefRune turns full-width ASCII (as CJK input methods type it)
// into ASCII, lowercase into uppercase, and known typos into the
// character meant.
func normalizeRefRune(r rune) rune {
	if r >= '！' && r <= '～' {
		r -= '！' - '!'
	}
	r = unicode.ToUpper(r)
	if t, ok := refTypos[r]; ok {
		return t
	}
	return r
}

// Valid reports whether r is a well-formed reference.
func (r Ref) Valid() bool {
	p, err := ParseRef(string(r))
	return err == nil && p == r
}
