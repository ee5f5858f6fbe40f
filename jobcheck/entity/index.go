package entity

import (
	"errors"
	"fmt"
	"strings"
)

// Kind is the kind of an entity: what the desk's list and earlier reports are keyed on.
type Kind string

// The kinds of entity.
const (
	KindPhone   Kind = "phone"
	KindHandle  Kind = "handle"
	KindDomain  Kind = "domain"
	KindCompany Kind = "company"
	KindCrypto  Kind = "crypto"
	KindAccount Kind = "account"
	KindEmail   Kind = "email"
)

// Found is one entity of a text: its kind and normalised value.
type Found struct {
	Kind  Kind
	Value string
}

// Normalize normalises value as an entity of kind k, the way the checker does, so rows of the
// desk's list compare equal to what is extracted from a text.
func Normalize(k Kind, value string) (string, bool) {
	switch k {
	case KindPhone:
		return NormalizePhone(value)
	case KindHandle:
		return NormalizeHandle(value)
	case KindDomain:
		return NormalizeDomain(value)
	case KindCompany:
		return NormalizeCompany(value)
	case KindCrypto:
		return NormalizeCrypto(value)
	case KindAccount:
		return NormalizeAccount(value)
	case KindEmail:
		return NormalizeEmail(value)
	}
	return "", false
}

// Entry is one entity known to the desk: on its list (added with /flag), or seen in earlier
// reports, or both.
type Entry struct {
	Kind    Kind
	Value   string // normalised by NewIndex
	Listed  bool   // on the desk's list
	Reports int    // times reported before
}

// Match is one entity of a text that the desk knows, with the entries for it merged.
type Match struct {
	Kind    Kind
	Value   string
	Listed  bool
	Reports int
}

// Index is an in-memory lookup of the desk's entities: one map per kind. It is immutable
// once built and safe for concurrent use; rebuild it to take in new entries.
type Index struct {
	byKind map[Kind]map[string]Match
}

// NewIndex builds an Index from entries, normalising each value. Entries that do not
// normalise are left out and reported in the error; the Index is usable either way.
func NewIndex(entries []Entry) (*Index, error) {
	ix := &Index{byKind: map[Kind]map[string]Match{}}
	var errs []error
	for _, e := range entries {
		v, ok := Normalize(e.Kind, e.Value)
		if !ok {
			errs = append(errs, fmt.Errorf("%s %q does not normalise", e.Kind, e.Value))
			continue
		}
		m := ix.byKind[e.Kind]
		if m == nil {
			m = map[string]Match{}
			ix.byKind[e.Kind] = m
		}
		cur := m[v]
		m[v] = Match{Kind: e.Kind, Value: v, Listed: cur.Listed || e.Listed, Reports: cur.Reports + e.Reports}
	}
	return ix, errors.Join(errs...)
}

// Len is the number of distinct entities in the index.
func (ix *Index) Len() int {
	n := 0
	for _, m := range ix.byKind {
		n += len(m)
	}
	return n
}

// Lookup returns the entities of found (normalised values) that the desk knows. A domain
// also matches a listed parent domain (hr.example.xyz matches example.xyz). No match does not
// mean the offer is genuine.
func (ix *Index) Lookup(found []Found) []Match {
	var out []Match
	for _, f := range found {
		m := ix.byKind[f.Kind]
		if m == nil {
			continue
		}
		hit, ok := m[f.Value]
		if f.Kind == KindDomain {
			hit, ok = lookupDomain(m, f.Value)
		}
		if ok {
			out = append(out, hit)
		}
	}
	return out
}

// publicSuffixes end a parent-domain walk: com.kh is never a recruiter's domain.
var publicSuffixes = map[string]bool{"com.kh": true, "org.kh": true, "edu.kh": true,
	"gov.kh": true, "co.kr": true, "or.kr": true, "go.kr": true, "ac.kr": true, "co.th": true,
	"in.th": true, "go.th": true, "com.vn": true, "com.cn": true, "com.ph": true,
	"com.my": true, "com.sg": true, "co.uk": true, "com.au": true}

func lookupDomain(m map[string]Match, d string) (Match, bool) {
	for {
		if hit, ok := m[d]; ok {
			return hit, true
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			return Match{}, false
		}
		d = d[i+1:]
		if !strings.Contains(d, ".") || publicSuffixes[d] {
			return Match{}, false
		}
	}
}
