package desk_test

import (
	"bytes"
	"crypto/rand"
	"errors"
	"testing"

	"github.com/koreandesk/hotline/desk"
)

func mustSealer(t *testing.T) *desk.Sealer {
	t.Helper()
	key := make([]byte, desk.KeySize)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	s, err := desk.NewSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSealRoundTrip(t *testing.T) {
	s := mustSealer(t)
	sealed, err := s.Seal("M12345678")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("M12345678")) || bytes.Contains(sealed, []byte("12345678")) {
		t.Fatalf("sealed value %x holds the clear number", sealed)
	}
	again, _ := s.Seal("M12345678")
	if bytes.Equal(sealed, again) {
		t.Error("two seals of one number are equal: the nonce is not random")
	}
	got, err := s.Open(sealed)
	if err != nil || got != "M12345678" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	sealed[len(sealed)-1] ^= 1
	if _, err := s.Open(sealed); err == nil {
		t.Error("a tampered seal opened")
	}
	if _, err := mustSealer(t).Open(again); err == nil {
		t.Error("another key opened the seal")
	}
}

func TestHash(t *testing.T) {
	s := mustSealer(t)
	if !bytes.Equal(s.Hash("M12345678"), s.Hash("M12345678")) {
		t.Error("the hash of one number changes")
	}
	if bytes.Equal(s.Hash("M12345678"), s.Hash("M12345679")) {
		t.Error("two numbers hash alike")
	}
	if bytes.Equal(s.Hash("M12345678"), mustSealer(t).Hash("M12345678")) {
		t.Error("the hash does not depend on the key")
	}
}

func TestNewSealerKeySize(t *testing.T) {
	if _, err := desk.NewSealer(make([]byte, 16)); err == nil {
		t.Error("a 16-byte key was accepted")
	}
}

func mustKey(t *testing.T) []byte {
	t.Helper()
	key := make([]byte, desk.KeySize)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	return key
}

func sealer(t *testing.T, current []byte, old ...[]byte) *desk.Sealer {
	t.Helper()
	s, err := desk.NewSealer(current, old...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func seal(t *testing.T, s *desk.Sealer, kind desk.Kind, v string) []byte {
	t.Helper()
	b, err := s.SealAs(kind, v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealCarriesKeyID(t *testing.T) {
	oldKey, newKey := mustKey(t), mustKey(t)
	old := sealer(t, oldKey)
	rotating := sealer(t, newKey, oldKey)
	fresh := sealer(t, newKey)

	sealed := seal(t, old, desk.KindPassport, "M12345678")
	if id, ok := desk.SealedKeyID(sealed); !ok || id != old.KeyID() {
		t.Fatalf("SealedKeyID = %q, %v; want %s", id, ok, old.KeyID())
	}
	if old.KeyID() == fresh.KeyID() || rotating.KeyID() != fresh.KeyID() {
		t.Errorf("key ids: old %s, new %s, rotating %s", old.KeyID(), fresh.KeyID(), rotating.KeyID())
	}
	if got, err := rotating.Open(sealed); err != nil || got != "M12345678" {
		t.Errorf("the old key configured beside the new: Open = %q, %v", got, err)
	}
	if rotating.Current(sealed) {
		t.Error("a value sealed under the old key counts as current")
	}
	if _, err := fresh.Open(sealed); !errors.Is(err, desk.ErrUnknownKey) {
		t.Errorf("the new key alone: Open error = %v, want ErrUnknownKey", err)
	}
	if resealed := seal(t, rotating, desk.KindPassport, "M12345678"); !fresh.Current(resealed) {
		t.Error("the rotating sealer does not seal under the new key")
	}
	hashes := rotating.Hashes(desk.KindPassport, "M12345678")
	if len(hashes) != 2 || !bytes.Equal(hashes[0], fresh.Hash("M12345678")) || !bytes.Equal(hashes[1], old.Hash("M12345678")) {
		t.Error("Hashes is not the hash under each key, the current first")
	}
	if bytes.Equal(old.HashAs(desk.KindPhone, "85512345678"), old.HashAs(desk.KindPassport, "85512345678")) {
		t.Error("phone and passport hashes of one value are alike")
	}
	if _, err := old.Open(seal(t, old, desk.KindPhone, "+85512345678")); err == nil {
		t.Error("a sealed phone number opened as a passport number")
	}
}

func TestCanary(t *testing.T) {
	s := sealer(t, mustKey(t))
	canary, err := s.Canary()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CheckCanary(canary); err != nil {
		t.Errorf("the key's own canary: %v", err)
	}
	if err := sealer(t, mustKey(t)).CheckCanary(canary); !errors.Is(err, desk.ErrUnknownKey) {
		t.Errorf("another key's canary: %v, want ErrUnknownKey", err)
	}
}

func TestPassportRules(t *testing.T) {
	for _, tt := range []struct{ in, export, answer string }{
		{"M12345678", "******678", "M*****678"},
		{"AB", "**", "**"},
		{"123456", "****56", "1**456"},
		{"", "", ""},
	} {
		if got := desk.MaskForExport(tt.in); got != tt.export {
			t.Errorf("MaskForExport(%q) = %q, want %q", tt.in, got, tt.export)
		}
		if got := desk.MaskPassport(tt.in); got != tt.answer {
			t.Errorf("MaskPassport(%q) = %q, want %q", tt.in, got, tt.answer)
		}
	}
	for in, want := range map[string]bool{
		"m12 345-678": true, "N0123 4567": true, "AA1234567": true, // Korean, Cambodian, Thai
		"X12": false, "Kim Minsu": false, "1234567890": false, "": false,
	} {
		if _, got := desk.PassportNumber(in); got != want {
			t.Errorf("PassportNumber(%q) ok = %v, want %v", in, got, want)
		}
	}
	if !desk.SameRelative("Kim  Min Su", "kimminsu") || desk.SameRelative("Kim Min Su", "Kim Min Ji") {
		t.Error("SameRelative compares names ignoring case and spacing")
	}
}
