package desk_test

import (
	"bytes"
	"crypto/rand"
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
