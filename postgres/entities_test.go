package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

type entityTx interface {
	LookupEntities(ctx context.Context, kinds, values []string, exceptCase int64) ([]desk.EntityHit, error)
	FlagEntity(ctx context.Context, kind, value, note string, by int64, now time.Time) error
}

// BenchmarkLookupEntities100k looks up the contacts of one job ad against
// 100,000 listed entities and 100,000 entities of earlier reports, as a
// job check does inside its transaction.
func BenchmarkLookupEntities100k(b *testing.B) {
	ctx := context.Background()
	db := pgtest.New(b)
	s := postgres.New(db)
	db.MustExec(`INSERT INTO flagged_entities (kind, value, note, added_by, added_at)
		SELECT 'phone', '+8551' || lpad(i::text, 7, '0'), 'listed', 1, now() FROM generate_series(1, 100000) i`)
	c, err := s.Desk().OpenCase(ctx, desk.NewCase{Type: desk.TypeJobReport, Priority: desk.PriorityNormal,
		ReporterUserID: 1, ReporterChatID: 1, ReporterLang: "ko"}, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	db.MustExec(`INSERT INTO case_entities (case_id, kind, value)
		SELECT $1, 'handle', '@recruiter_' || i FROM generate_series(1, 100000) i`, c.ID)
	db.MustExec(`ANALYZE flagged_entities; ANALYZE case_entities`)
	kinds := []string{"phone", "phone", "handle", "handle", "domain", "company"}
	values := []string{"+85510004242", "+85599999999", "@recruiter_77", "@nobody", "example.xyz", "golden fortune"}
	b.ResetTimer()
	for range b.N {
		err := s.Do(ctx, func(ctx context.Context, tx flows.Tx) error {
			hits, err := tx.(entityTx).LookupEntities(ctx, kinds, values, 0)
			if err == nil && len(hits) != 2 {
				b.Fatalf("hits = %+v, want the listed phone and the reported handle", hits)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
