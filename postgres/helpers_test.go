package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/deskdb"
)

// Staff of the tests.
const (
	agentA int64 = 1001
	agentB int64 = 1002
	boss   int64 = 1003
)

// The desk store's own tests live in deskdb; these few helpers let the
// pipeline tests here (retention, roles, deployment) set up staff and cases.

func mustAddStaff(t testing.TB, d *deskdb.Store, id int64, role desk.Role, name string) {
	t.Helper()
	if _, err := d.AddStaff(context.Background(), desk.Staff{UserID: id, Name: name, Role: role, OnDuty: true}, t0); err != nil {
		t.Fatal(err)
	}
}

// reporter returns a distress report from chat id, with answers kv.
func reporter(chat int64, kv ...string) desk.NewCase {
	nc := desk.NewCase{Type: desk.TypeDistress, Priority: desk.PriorityUrgent, ReporterUserID: chat,
		ReporterChatID: chat, ReporterLang: "ko", ReporterName: "Reporter", Answers: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		nc.Answers[kv[i]] = kv[i+1]
	}
	return nc
}

func mustOpen(t testing.TB, d *deskdb.Store, nc desk.NewCase, at time.Time) *desk.Case {
	t.Helper()
	c, err := d.OpenCase(context.Background(), nc, at)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func second[T any](_ T, err error) error { return err }

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := flows.ErrorCode(err); got != code {
		t.Errorf("error %v has code %q, want %q", err, got, code)
	}
}
