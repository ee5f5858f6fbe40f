package postgres_test

import (
	"context"
	"testing"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// TestSealClearPhones: a callback number an earlier release kept in the
// clear in the answers is sealed with its hash and masked in the answers,
// once; a masked one is left alone.
func TestSealClearPhones(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s, d := postgres.New(db), postgres.NewDesk(db)
	sealer := pgtest.Must[*desk.Sealer](t)(desk.NewSealer(make([]byte, desk.KeySize)))
	old := pgtest.OpenCase(t, d, desk.NewCase{Type: desk.TypeFamily, Priority: desk.PriorityNormal, ReporterChatID: 1,
		ReporterLang: "ko", Answers: map[string]string{"callback_phone": "+821098765432"}}, t0)
	pgtest.OpenCase(t, d, desk.NewCase{Type: desk.TypeFamily, Priority: desk.PriorityNormal, ReporterChatID: 2,
		ReporterLang: "ko", Answers: map[string]string{"callback_phone": "+82******1111"}}, t0)
	if n, err := s.SealClearPhones(ctx, sealer, t0); err != nil || n != 1 {
		t.Fatalf("SealClearPhones = %d, %v; want 1", n, err)
	}
	c := pgtest.Must[*desk.Case](t)(d.CaseByID(ctx, old.ID))
	if got := c.Answers["callback_phone"]; got != "+82******5432" {
		t.Errorf("answer after sealing = %q", got)
	}
	phones := pgtest.Must[map[string][]byte](t)(d.Phones(ctx, old.ID))
	if got, err := sealer.OpenAs(desk.KindPhone, phones["callback_phone"]); err != nil || got != "+821098765432" {
		t.Errorf("sealed number opens to %q, %v", got, err)
	}
	if ids := pgtest.Must[[]int64](t)(d.PhoneCases(ctx, sealer.Hashes(desk.KindPhone, "+821098765432"))); len(ids) != 1 || ids[0] != old.ID {
		t.Errorf("PhoneCases = %v", ids)
	}
	if n, err := s.SealClearPhones(ctx, sealer, t0); err != nil || n != 0 {
		t.Errorf("second pass = %d, %v; want 0", n, err)
	}
}
