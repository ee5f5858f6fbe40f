package postgres_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"testing"

	"github.com/peterldowns/pgtestdb"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

func TestDeployment(t *testing.T) {
	ctx := context.Background()
	empty := pgtestdb.New(t, pgtest.Config(t), pgtestdb.NoopMigrator{})
	if kind, populated, err := postgres.Deployment(ctx, empty); err != nil || kind != "" || populated {
		t.Errorf("a database never migrated: %q, %v, %v", kind, populated, err)
	}
	db := pgtest.New(t)
	if kind, populated, err := postgres.Deployment(ctx, db.DB); err != nil || kind != "" || populated {
		t.Errorf("a migrated, unused database: %q, %v, %v", kind, populated, err)
	}
	pgtest.AddStaff(t, postgres.NewDesk(db), boss, desk.RoleSupervisor, "Boss")
	s := postgres.New(db)
	if kind, populated, err := postgres.Deployment(ctx, db.DB); err != nil || kind != "" || !populated {
		t.Errorf("with a staff member: %q, %v, %v", kind, populated, err)
	}
	if err := s.MarkDeployment(ctx, postgres.DeploymentLive, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkDeployment(ctx, postgres.DeploymentDemo, t0); err != nil {
		t.Fatal(err)
	}
	if kind, _, err := postgres.Deployment(ctx, db.DB); err != nil || kind != postgres.DeploymentLive {
		t.Errorf("marked live, then demo: %q, %v; the first mark stays", kind, err)
	}
}

func newKey(t *testing.T) []byte {
	t.Helper()
	k := make([]byte, desk.KeySize)
	if _, err := rand.Read(k); err != nil {
		t.Fatal(err)
	}
	return k
}

func newSealer(t *testing.T, current []byte, old ...[]byte) *desk.Sealer {
	t.Helper()
	s, err := desk.NewSealer(current, old...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRekey re-seals passport and phone numbers from the old key to the
// new: afterwards the new key alone opens them, finds them by hash, and
// opens the canary.
func TestRekey(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	s, d := postgres.New(db), postgres.NewDesk(db)
	oldKey, newKey := newKey(t), newKey(t)
	old := newSealer(t, oldKey)
	if err := s.MarkDeployment(ctx, postgres.DeploymentLive, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.KeyCanary(ctx); flows.ErrorCode(err) != flows.ENotFound {
		t.Errorf("canary of a new database: %v, want not_found", err)
	}
	canary := pgtest.Must[[]byte](t)(old.Canary())
	if err := s.SetKeyCanary(ctx, canary, t0); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 450 { // more than one batch
		c := pgtest.OpenCase(t, d, pgtest.Reporter(int64(5000+i)), t0)
		ids = append(ids, c.ID)
		p := "M" + string(rune('0'+i%10)) + "2345678"
		if err := d.SetPassport(ctx, c.ID, pgtest.Must[[]byte](t)(old.Seal(p)), old.Hash(p), t0); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			if err := d.SetPhone(ctx, c.ID, "callback_phone", pgtest.Must[[]byte](t)(old.SealAs(desk.KindPhone, "+821098765432")),
				old.HashAs(desk.KindPhone, "+821098765432"), t0); err != nil {
				t.Fatal(err)
			}
		}
	}
	samples := pgtest.Must[[]postgres.SealedSample](t)(s.SealedSamples(ctx))
	if len(samples) != 2 {
		t.Errorf("%d samples, want one per kind under one key", len(samples))
	}

	rotating := newSealer(t, newKey, oldKey)
	n, err := s.Rekey(ctx, rotating, t0)
	if err != nil || n != 450+150 {
		t.Fatalf("Rekey = %d, %v; want 600", n, err)
	}
	if n, err := s.Rekey(ctx, rotating, t0); err != nil || n != 0 {
		t.Errorf("Rekey again = %d, %v; want 0", n, err)
	}
	fresh := newSealer(t, newKey)
	if err := fresh.CheckCanary(pgtest.Must[[]byte](t)(s.KeyCanary(ctx))); err != nil {
		t.Errorf("the new key alone does not open the canary: %v", err)
	}
	for _, sm := range pgtest.Must[[]postgres.SealedSample](t)(s.SealedSamples(ctx)) {
		if _, err := fresh.OpenAs(sm.Kind, sm.Sealed); err != nil {
			t.Errorf("a %s after rekey: %v", sm.Kind, err)
		}
	}
	if got := pgtest.Must[[]byte](t)(d.Passport(ctx, ids[7])); !bytes.Equal(got[:9], pgtest.Must[[]byte](t)(fresh.Seal("x"))[:9]) {
		t.Error("a passport is not sealed under the new key")
	}
	if got, err := fresh.Open(pgtest.Must[[]byte](t)(d.Passport(ctx, ids[7]))); err != nil || got != "M72345678" {
		t.Errorf("passport after rekey = %q, %v", got, err)
	}
	found := pgtest.Must[[]int64](t)(d.PhoneCases(ctx, fresh.Hashes(desk.KindPhone, "+821098765432")))
	if len(found) != 20 || found[0] != ids[len(ids)-3] {
		t.Errorf("by phone after rekey: %v", found)
	}
	phones := pgtest.Must[map[string][]byte](t)(d.Phones(ctx, ids[0]))
	if got, err := fresh.OpenAs(desk.KindPhone, phones["callback_phone"]); err != nil || got != "+821098765432" {
		t.Errorf("phone after rekey = %q, %v", got, err)
	}
	// With the new key alone, a value still sealed under the old one is
	// refused: what the start-up check sees.
	if err := d.SetPassport(ctx, ids[0], pgtest.Must[[]byte](t)(old.Seal("M0")), old.Hash("M0"), t0); err != nil {
		t.Fatal(err)
	}
	var refused bool
	for _, sm := range pgtest.Must[[]postgres.SealedSample](t)(s.SealedSamples(ctx)) {
		if _, err := fresh.OpenAs(sm.Kind, sm.Sealed); err != nil {
			refused = true
		}
	}
	if !refused {
		t.Error("no sample under the old key")
	}
}
