package pgtest

import (
	"context"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/deskdb"
)

// T0 is the stores' tests' fixed "now".
var T0 = time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)

// AddStaff adds an on-duty staff member at T0, failing the test on error.
func AddStaff(t testing.TB, d *deskdb.Store, id int64, role desk.Role, name string) {
	t.Helper()
	if _, err := d.AddStaff(context.Background(), desk.Staff{UserID: id, Name: name, Role: role, OnDuty: true}, T0); err != nil {
		t.Fatal(err)
	}
}

// Reporter returns an urgent distress report from chat, with answers kv.
func Reporter(chat int64, kv ...string) desk.NewCase {
	nc := desk.NewCase{Type: desk.TypeDistress, Priority: desk.PriorityUrgent, ReporterUserID: chat,
		ReporterChatID: chat, ReporterLang: "ko", ReporterName: "Reporter", Answers: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		nc.Answers[kv[i]] = kv[i+1]
	}
	return nc
}

// OpenCase opens nc at at, failing the test on error.
func OpenCase(t testing.TB, d *deskdb.Store, nc desk.NewCase, at time.Time) *desk.Case {
	t.Helper()
	c, err := d.OpenCase(context.Background(), nc, at)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Must returns a function that fails the test on a non-nil error and returns the value.
func Must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// WantCode fails the test unless err carries the domain error code.
func WantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := flows.ErrorCode(err); got != code {
		t.Errorf("error %v has code %q, want %q", err, got, code)
	}
}
