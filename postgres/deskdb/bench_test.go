package deskdb_test

import (
	"context"
	"testing"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// seedCases inserts n cases in one statement: a year of reports, one in
// ten still open (a third of those unclaimed), priorities and types mixed,
// names in Latin and Hangul, phones, passports and five compounds.
const seedCases = `
INSERT INTO cases (ref, type, priority, status, reporter_user_id, reporter_chat_id, reporter_lang,
    reporter_name, assignee_id, answers, created_at, updated_at, closed_at)
SELECT 'KD-' || substr(a, (i / 331776) % 24 + 1, 1) || substr(a, (i / 13824) % 24 + 1, 1)
           || substr(a, (i / 576) % 24 + 1, 1) || substr(a, (i / 24) % 24 + 1, 1) || substr(a, i % 24 + 1, 1),
       (ARRAY['distress', 'job_check', 'job_report', 'family'])[(i / 7) % 4 + 1],
       (ARRAY['urgent', 'high', 'normal', 'low'])[(i / 10) % 4 + 1],
       status, 5000000 + i, 5000000 + i, 'ko', 'Reporter ' || i,
       CASE WHEN status <> 'new' THEN $3::bigint + i % 2 END,
       jsonb_build_object(
           'name', CASE WHEN i % 3 = 0 THEN '김민' || i ELSE 'Person ' || i END,
           'phone', '+855 ' || lpad(((i::bigint * 7919) % 100000000)::text, 8, '0'),
           'passport', 'M' || lpad(((i::bigint * 104729) % 100000000)::text, 8, '0'),
           'compound', (ARRAY['Golden Fortune', 'Jin Bei', 'Huione', 'Kaibo', 'Xinhua'])[(i / 10) % 5 + 1]),
       created, created,
       CASE WHEN status = 'closed' THEN created + interval '1 day' END
FROM generate_series(1, $1::int) AS i,
     LATERAL (SELECT '3479ACDEFGHJKMNPQRTUVWXY'::text AS a,
                     $2::timestamptz - ($1::int - i) * interval '5 minutes' AS created,
                     CASE WHEN i % 10 <> 0 THEN 'closed' WHEN i % 30 = 0 THEN 'new' ELSE 'claimed' END AS status) x`

// BenchmarkQueueAndFind measures the desk's two hot reads on 100,000
// cases (10,000 open). Target: under 10 ms each.
func BenchmarkQueueAndFind(b *testing.B) {
	ctx := context.Background()
	db := pgtest.New(b)
	d := deskdb.New(db)
	pgtest.AddStaff(b, d, agentA, desk.RoleAgent, "A")
	pgtest.AddStaff(b, d, agentB, desk.RoleAgent, "B")
	const n = 100_000
	if _, err := db.ExecContext(ctx, seedCases, n, t0, agentA); err != nil {
		b.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `VACUUM ANALYZE cases`); err != nil {
		b.Fatal(err)
	}
	var ref string
	if err := db.GetContext(ctx, &ref, `SELECT ref FROM cases WHERE reporter_chat_id = 5054321`); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name   string
		filter desk.Filter
		offset int
	}{
		{"all", desk.FilterAll, 0}, {"all_page_11", desk.FilterAll, 200}, {"urgent", desk.FilterUrgent, 0},
		{"new", desk.FilterNew, 0}, {"mine", desk.FilterMine, 0},
	} {
		b.Run("Queue/"+q.name, func(b *testing.B) {
			for b.Loop() {
				cases, total, err := d.Queue(ctx, q.filter, agentA, 20, q.offset)
				if err != nil || len(cases) != 20 || total == 0 {
					b.Fatalf("Queue = %d cases of %d, %v", len(cases), total, err)
				}
			}
		})
	}
	for _, f := range []struct{ name, text string }{
		{"ref", ref}, {"ref_typed_loosely", "kd " + ref[3:]},
		{"name", "Person 54322"}, {"hangul_name", "김민54321"}, {"reporter_name", "reporter 54321"},
		{"phone", "+855 30167999"}, {"phone_other_format", "030-167-999"}, {"passport", "m88984009"},
		{"common_compound_20_of_20000", "golden fortune"}, {"no_match", "nobody at all"},
	} {
		b.Run("Find/"+f.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := d.Find(ctx, f.text, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
