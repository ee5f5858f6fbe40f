package desk

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// KeySize is the length of the data key: 32 bytes (AES-256).
const KeySize = 32

// KeyIDSize is the length of a key id: the first bytes of a keyed hash of
// the key, which names the key without revealing it.
const KeyIDSize = 8

// sealVersion starts every sealed value that carries its key id:
// version (1 byte), key id (8), nonce (12), ciphertext and tag. Values
// sealed before key ids existed are the nonce and ciphertext alone.
const sealVersion = 0x01

// Kind is what a sealed value is. It is bound into the seal (a passport
// number cannot be passed off as a phone number) and keys its hash apart.
type Kind string

// Kinds of sealed values.
const (
	KindPassport Kind = "passport"
	KindPhone    Kind = "phone"
)

// ErrUnknownKey is returned when a value was sealed under a key that is
// not configured: the wrong DATA_KEY, or an old one no longer given.
var ErrUnknownKey = errors.New("sealed under a key that is not configured")

// Sealer keeps passport and phone numbers unreadable at rest: sealed with
// AES-256-GCM for /case to open, and hashed with HMAC-SHA256 (a blind
// index) so cases can be matched and found without opening them. Every
// key comes from the one data key, so the hash of a number cannot be
// computed, or guessed by trying every number, without it.
//
// A Sealer holds the current key, which seals, and any old keys, which
// only open: during a key change (hotline rekey) both are configured.
type Sealer struct {
	current *sealKey
	keys    []*sealKey // current first
}

type sealKey struct {
	id   [KeyIDSize]byte
	aead cipher.AEAD
	mac  map[Kind][]byte
	// legacy opens values sealed before key ids, under the same key.
	legacy cipher.AEAD
}

// NewSealer returns a sealer that seals with the 32-byte key current and
// also opens values sealed under the old keys.
func NewSealer(current []byte, old ...[]byte) (*Sealer, error) {
	s := &Sealer{}
	for i, raw := range append([][]byte{current}, old...) {
		k, err := newSealKey(raw)
		if err != nil {
			return nil, err
		}
		if i > 0 && k.id == s.current.id {
			continue // the old key is the current one
		}
		if i == 0 {
			s.current = k
		}
		s.keys = append(s.keys, k)
	}
	return s, nil
}

func newSealKey(key []byte) (*sealKey, error) {
	if len(key) != KeySize {
		return nil, errors.New("data key must be 32 bytes")
	}
	k := &sealKey{mac: map[Kind][]byte{
		// "passport-hash" is the purpose the first release used: hashes
		// stored then still match.
		KindPassport: derive(key, "passport-hash"),
		KindPhone:    derive(key, "phone-hash"),
	}}
	copy(k.id[:], derive(key, "key-id"))
	var err error
	if k.aead, err = gcm(derive(key, "seal-v1")); err != nil {
		return nil, err
	}
	if k.legacy, err = gcm(derive(key, "passport-seal")); err != nil {
		return nil, err
	}
	return k, nil
}

func gcm(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func derive(key []byte, purpose string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(purpose))
	return m.Sum(nil)
}

// KeyID names the current key (hex), for logs and the rekey command.
func (s *Sealer) KeyID() string { return hex.EncodeToString(s.current.id[:]) }

// Current reports whether sealed was sealed under the current key.
func (s *Sealer) Current(sealed []byte) bool {
	id, ok := SealedKeyID(sealed)
	return ok && id == s.KeyID()
}

// SealedKeyID returns the key id a sealed value carries (hex); false for
// a value sealed before key ids.
func SealedKeyID(sealed []byte) (string, bool) {
	if len(sealed) < 1+KeyIDSize || sealed[0] != sealVersion {
		return "", false
	}
	return hex.EncodeToString(sealed[1 : 1+KeyIDSize]), true
}

// Seal encrypts a passport number.
func (s *Sealer) Seal(number string) ([]byte, error) { return s.SealAs(KindPassport, number) }

// Open decrypts a passport number that Seal returned.
func (s *Sealer) Open(sealed []byte) (string, error) { return s.OpenAs(KindPassport, sealed) }

// Hash is the keyed hash of a passport number under the current key, the
// same for the same number, for matching and finding.
func (s *Sealer) Hash(number string) []byte { return s.HashAs(KindPassport, number) }

// SealAs encrypts a value of kind under the current key: version, key id,
// random nonce, ciphertext.
func (s *Sealer) SealAs(kind Kind, value string) ([]byte, error) {
	k := s.current
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out := make([]byte, 0, 1+KeyIDSize+len(nonce)+len(value)+k.aead.Overhead())
	out = append(out, sealVersion)
	out = append(out, k.id[:]...)
	out = append(out, nonce...)
	return k.aead.Seal(out, nonce, []byte(value), aad(kind, k.id[:])), nil
}

func aad(kind Kind, id []byte) []byte { return append([]byte(kind+":"), id...) }

// OpenAs decrypts what SealAs returned, under whichever configured key
// sealed it. A value sealed under a key that is not configured gives
// ErrUnknownKey; a tampered one an error.
func (s *Sealer) OpenAs(kind Kind, sealed []byte) (string, error) {
	if id, ok := SealedKeyID(sealed); ok {
		for _, k := range s.keys {
			if hex.EncodeToString(k.id[:]) != id {
				continue
			}
			rest := sealed[1+KeyIDSize:]
			n := k.aead.NonceSize()
			if len(rest) < n {
				return "", errors.New("sealed value too short")
			}
			b, err := k.aead.Open(nil, rest[:n], rest[n:], aad(kind, k.id[:]))
			if err != nil {
				return "", fmt.Errorf("open sealed %s: %w", kind, err)
			}
			return string(b), nil
		}
		// A legacy value may begin with the version byte by chance:
		// fall through to the legacy form before giving up.
		if v, err := s.openLegacy(kind, sealed); err == nil {
			return v, nil
		}
		return "", fmt.Errorf("key id %s: %w", id, ErrUnknownKey)
	}
	v, err := s.openLegacy(kind, sealed)
	if err != nil {
		return "", fmt.Errorf("sealed before key ids: %w", ErrUnknownKey)
	}
	return v, nil
}

// openLegacy opens a passport number sealed by the first release: nonce
// and ciphertext, under the "passport-seal" key.
func (s *Sealer) openLegacy(kind Kind, sealed []byte) (string, error) {
	if kind != KindPassport {
		return "", ErrUnknownKey
	}
	for _, k := range s.keys {
		n := k.legacy.NonceSize()
		if len(sealed) < n {
			return "", errors.New("sealed value too short")
		}
		if b, err := k.legacy.Open(nil, sealed[:n], sealed[n:], []byte("passport")); err == nil {
			return string(b), nil
		}
	}
	return "", ErrUnknownKey
}

// HashAs is the keyed hash (blind index) of a value of kind under the
// current key.
func (s *Sealer) HashAs(kind Kind, value string) []byte { return hash(s.current, kind, value) }

// Hashes are the keyed hashes of a value under every configured key, the
// current first: during a key change, rows not yet rekeyed still match.
func (s *Sealer) Hashes(kind Kind, value string) [][]byte {
	out := make([][]byte, 0, len(s.keys))
	for _, k := range s.keys {
		out = append(out, hash(k, kind, value))
	}
	return out
}

func hash(k *sealKey, kind Kind, value string) []byte {
	m := hmac.New(sha256.New, k.mac[kind])
	m.Write([]byte(value))
	return m.Sum(nil)
}

// KindCanary is the kind of the canary: a known value sealed under the
// current key when a database is first used, so that a start with another
// key is refused rather than showing masked numbers and finding nothing.
const KindCanary Kind = "canary"

const canaryValue = "korean-desk-data-key-canary"

// Canary seals the canary under the current key.
func (s *Sealer) Canary() ([]byte, error) { return s.SealAs(KindCanary, canaryValue) }

// CheckCanary reports whether a configured key opens the canary.
func (s *Sealer) CheckCanary(sealed []byte) error {
	v, err := s.OpenAs(KindCanary, sealed)
	if err != nil {
		return err
	}
	if v != canaryValue {
		return errors.New("the canary holds another value")
	}
	return nil
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

// MaskPhone is how a case's answers keep a phone number beside its seal:
// the "+" and country code's first digits and the last four,
// +821098765432 giving +82******5432.
func MaskPhone(n string) string {
	r := []rune(strings.TrimSpace(n))
	if len(r) < 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
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
