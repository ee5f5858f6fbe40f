package desk

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"strings"
)

// KeySize is the length of the data key: 32 bytes (AES-256).
const KeySize = 32

// Sealer keeps passport numbers unreadable at rest: sealed with
// AES-256-GCM for /case to open, and hashed with HMAC-SHA256 so cases can
// be matched and found by passport without opening them. Both keys come
// from the one data key, so the hash of a number cannot be computed, or
// guessed by trying every number, without it.
type Sealer struct {
	aead   cipher.AEAD
	macKey []byte
}

// NewSealer returns a sealer for a 32-byte data key.
func NewSealer(key []byte) (*Sealer, error) {
	if len(key) != KeySize {
		return nil, errors.New("data key must be 32 bytes")
	}
	block, err := aes.NewCipher(derive(key, "passport-seal"))
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Sealer{aead: aead, macKey: derive(key, "passport-hash")}, nil
}

func derive(key []byte, purpose string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(purpose))
	return m.Sum(nil)
}

// Seal encrypts a passport number: a random nonce followed by the
// ciphertext.
func (s *Sealer) Seal(number string) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return s.aead.Seal(nonce, nonce, []byte(number), []byte("passport")), nil
}

// Open decrypts what Seal returned.
func (s *Sealer) Open(sealed []byte) (string, error) {
	n := s.aead.NonceSize()
	if len(sealed) < n {
		return "", errors.New("sealed passport too short")
	}
	b, err := s.aead.Open(nil, sealed[:n], sealed[n:], []byte("passport"))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Hash is the keyed hash of a passport number, the same for the same
// number, for matching and finding.
func (s *Sealer) Hash(number string) []byte {
	m := hmac.New(sha256.New, s.macKey)
	m.Write([]byte(number))
	return m.Sum(nil)
}

// MaskPassport is how a case's answers keep a passport number beside its
// seal: the first character and the last three, M12345678 giving
// M*****678, so staff can tell numbers apart without reading them.
func MaskPassport(n string) string {
	r := []rune(strings.TrimSpace(n))
	if len(r) < 5 {
		return strings.Repeat("*", len(r))
	}
	return string(r[0]) + strings.Repeat("*", len(r)-4) + string(r[len(r)-3:])
}

// MaskForExport keeps the last three characters of a passport number (of
// a third of a short one) for files that leave the bot: enough to match
// it against a passport the task force holds, useless for anything else
// if the file goes astray.
func MaskForExport(v string) string {
	r := []rune(strings.TrimSpace(v))
	keep := min(3, len(r)/3)
	return strings.Repeat("*", len(r)-keep) + string(r[len(r)-keep:])
}

// PassportNumber reads text as a passport number, for finding cases by
// their sealed number: a Korean one (a letter M, S, R, G or D and eight
// more characters) or one of another country as printed (6 to 9 letters
// and digits, at least 4 of them digits; a relative may hold a Cambodian
// passport). Spaces, dashes and dots are ignored, as when it was given.
func PassportNumber(text string) (string, bool) {
	n := strings.ToUpper(strings.NewReplacer(" ", "", "-", "", ".", "").Replace(text))
	if len(n) == 9 && strings.ContainsRune("MSRGD", rune(n[0])) {
		return n, true
	}
	digits := 0
	for _, r := range n {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r < 'A' || r > 'Z':
			return n, false
		}
	}
	return n, len(n) >= 6 && len(n) <= 9 && digits >= 4
}

// SameRelative reports whether two family inquiries name the same relative:
// the same name, ignoring case and spacing. A reporter's second inquiry
// about the same relative adds to the first; another relative is a case of
// its own.
func SameRelative(a, b string) bool { return relativeKey(a) == relativeKey(b) }

func relativeKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}
