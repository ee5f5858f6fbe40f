package deskdb_test

import (
	"context"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// BenchmarkLookupEntities100k looks up the contacts of one job ad against
// 100,000 listed entities and 100,000 entities of earlier reports, as a
// job check does.
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
	es := []desk.Entity{{Kind: "phone", Value: "+85510004242"}, {Kind: "phone", Value: "+85599999999"},
		{Kind: "handle", Value: "@recruiter_77"}, {Kind: "handle", Value: "@nobody"},
		{Kind: "domain", Value: "example.xyz"}, {Kind: "company", Value: "golden fortune"}}
	b.ResetTimer()
	for range b.N {
		hits, err := s.Desk().LookupEntities(ctx, es, 0)
		if err != nil {
			b.Fatal(err)
		}
		if len(hits) != 2 {
			b.Fatalf("hits = %+v, want the listed phone and the reported handle", hits)
		}
	}
}
