package desk

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
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
