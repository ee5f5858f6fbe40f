package entity_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/jobcheck/entity"
)

func TestIndexLookup(t *testing.T) {
	ix, err := entity.NewIndex([]entity.Entry{
		{Kind: entity.KindPhone, Value: "012 000 001", Listed: true},
		{Kind: entity.KindPhone, Value: "+855 12 000 001", Reports: 2},
		{Kind: entity.KindHandle, Value: "https://t.me/Fake_Recruiter_1", Reports: 3},
		{Kind: entity.KindDomain, Value: "https://fake-jobs.example.com/apply", Listed: true},
		{Kind: entity.KindCompany, Value: "Golden Example Co., Ltd.", Listed: true},
		{Kind: entity.KindCrypto, Value: "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC", Reports: 1},
		{Kind: entity.KindPhone, Value: "not a phone"},
	})
	if err == nil {
		t.Error("NewIndex accepted an entry that does not normalise")
	}
	if got := ix.Len(); got != 5 {
		t.Errorf("Len = %d, want 5", got)
	}
	r := jobcheck.Check("Golden Example Co., Ltd. is hiring! Call +855 12 000 001, Telegram @fake_recruiter_1, " +
		"apply at hr.fake-jobs.example.com, paid to TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC")
	want := []entity.Match{
		{Kind: entity.KindPhone, Value: "+85512000001", Listed: true, Reports: 2},
		{Kind: entity.KindHandle, Value: "@fake_recruiter_1", Reports: 3},
		{Kind: entity.KindDomain, Value: "fake-jobs.example.com", Listed: true},
		{Kind: entity.KindCompany, Value: "golden example", Listed: true},
		{Kind: entity.KindCrypto, Value: "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC", Reports: 1},
	}
	if diff := cmp.Diff(want, ix.Lookup(r.Entities.All())); diff != "" {
		t.Errorf("Lookup (-want +got):\n%s", diff)
	}
	if got := ix.Lookup(jobcheck.Check("Apply at example.com or call 012 999 999").Entities.All()); len(got) != 0 {
		t.Errorf("Lookup of unknown entities = %v, want none", got)
	}
}

// TestIndexParentStopsAtPublicSuffix: a listed com.kh never matches every .com.kh site.
func TestIndexParentStopsAtPublicSuffix(t *testing.T) {
	ix, _ := entity.NewIndex([]entity.Entry{{Kind: entity.KindDomain, Value: "com.kh", Listed: true}})
	if got := ix.Lookup([]entity.Found{{Kind: entity.KindDomain, Value: "bank.com.kh"}}); len(got) != 0 {
		t.Errorf("Lookup = %v, want none", got)
	}
}

// bigIndex builds an index of n listed entities spread over the kinds.
func bigIndex(tb testing.TB, n int) *entity.Index {
	tb.Helper()
	entries := make([]entity.Entry, 0, n)
	for i := 0; i < n; i++ {
		var e entity.Entry
		switch i % 5 {
		case 0:
			e = entity.Entry{Kind: entity.KindPhone, Value: fmt.Sprintf("+855 9%d", 10000000+i)}
		case 1:
			e = entity.Entry{Kind: entity.KindHandle, Value: fmt.Sprintf("@fake_listed_%d", i)}
		case 2:
			e = entity.Entry{Kind: entity.KindDomain, Value: fmt.Sprintf("fake-%d.example.com", i)}
		case 3:
			e = entity.Entry{Kind: entity.KindCompany, Value: fmt.Sprintf("Fake Example %d Co., Ltd.", i)}
		default:
			e = entity.Entry{Kind: entity.KindAccount, Value: fmt.Sprintf("%012d", i)}
		}
		e.Listed = true
		entries = append(entries, e)
	}
	ix, err := entity.NewIndex(entries)
	if err != nil {
		tb.Fatal(err)
	}
	if ix.Len() != n {
		tb.Fatalf("index holds %d entities, want %d", ix.Len(), n)
	}
	return ix
}

func BenchmarkLookup100k(b *testing.B) {
	ix := bigIndex(b, 100_000)
	ents := jobcheck.Check("Call +855 91 0000005 or @fake_listed_6, see sub.fake-7.example.com, Fake Example 8 Co., Ltd., " +
		"account 000000000009, or @someone_else and 012 000 777").Entities.All()
	if got := len(ix.Lookup(ents)); got != 5 {
		b.Fatalf("Lookup found %d, want 5 (%+v)", got, ents)
	}
	b.ResetTimer()
	for b.Loop() {
		ix.Lookup(ents)
	}
}
