package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
	"github.com/koreandesk/hotline/postgres/schema"
)

// TestRuntimeRoleCannotChangeTheAuditLog migrates a new database as its
// owner role (hotline migrate with MIGRATE_DATABASE_URL), grants the
// runtime role, and connects as the runtime role, as the bot does: it
// works cases and appends to the audit log, but cannot change, delete,
// truncate, alter or drop the audit log or its triggers.
func TestRuntimeRoleCannotChangeTheAuditLog(t *testing.T) {
	ctx := context.Background()
	admin := os.Getenv("DATABASE_URL")
	if admin == "" {
		t.Fatal("DATABASE_URL is not set: run the tests with `make test`")
	}
	su, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { su.Close() })
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	suffix := hex.EncodeToString(b)
	owner, app, dbname := "hl_owner_"+suffix, "hl_app_"+suffix, "hl_roles_"+suffix
	for _, q := range []string{
		"CREATE ROLE " + owner + " LOGIN", "CREATE ROLE " + app + " LOGIN",
		"CREATE DATABASE " + dbname + " OWNER " + owner,
	} {
		if _, err := su.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		for _, q := range []string{"DROP DATABASE IF EXISTS " + dbname + " WITH (FORCE)", "DROP ROLE IF EXISTS " + app, "DROP ROLE IF EXISTS " + owner} {
			if _, err := su.ExecContext(context.Background(), q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	as := func(role string) *sql.DB {
		u, _ := url.Parse(admin)
		u.User, u.Path = url.User(role), "/"+dbname
		db, err := sql.Open("postgres", u.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	ownerDB, appDB := as(owner), as(app)
	if _, err := schema.Migrate(ctx, ownerDB); err != nil {
		t.Fatal(err)
	}
	if err := schema.GrantRuntime(ctx, ownerDB, app); err != nil {
		t.Fatal(err)
	}
	if owns, err := schema.OwnsAuditLog(ctx, ownerDB); err != nil || !owns {
		t.Errorf("OwnsAuditLog(owner) = %v, %v", owns, err)
	}
	if owns, err := schema.OwnsAuditLog(ctx, appDB); err != nil || owns {
		t.Errorf("OwnsAuditLog(runtime) = %v, %v", owns, err)
	}
	if pending, err := schema.Pending(ctx, appDB); err != nil || pending {
		t.Errorf("Pending as the runtime role = %v, %v", pending, err)
	}

	// The bot's work, as the runtime role.
	d := postgres.NewDesk(sqlxDB(appDB))
	pgtest.AddStaff(t, d, boss, desk.RoleSupervisor, "Boss")
	c := pgtest.OpenCase(t, d, pgtest.Reporter(42, "location_text", "Bavet"), t0)
	if err := d.Audit(ctx, desk.AuditEntry{ActorID: boss, Action: desk.ActionCaseView, CaseID: &c.ID, At: t0}); err != nil {
		t.Fatalf("the runtime role cannot append to the audit log: %v", err)
	}
	if _, err := postgres.New(sqlxDB(appDB)).Prune(ctx, t0, t0); err != nil {
		t.Errorf("the runtime role cannot prune: %v", err)
	}

	var before int
	if err := appDB.QueryRowContext(ctx, "SELECT count(*) FROM audit_log").Scan(&before); err != nil || before == 0 {
		t.Fatalf("audit log rows = %d, %v", before, err)
	}
	for _, q := range []string{
		"UPDATE audit_log SET detail = 'x'",
		"DELETE FROM audit_log",
		"TRUNCATE audit_log",
		"ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change",
		"DROP TRIGGER audit_log_no_change ON audit_log",
		"DROP TABLE audit_log",
		"ALTER TABLE audit_log ADD COLUMN x int",
		"DROP FUNCTION audit_log_append_only() CASCADE",
		"CREATE TABLE intruder (x int)",
		"DELETE FROM goose_db_version",
	} {
		_, err := appDB.ExecContext(ctx, q)
		var pqe *pq.Error
		if err == nil {
			t.Errorf("the runtime role may: %s", q)
		} else if !errors.As(err, &pqe) || !strings.HasPrefix(string(pqe.Code), "42") {
			t.Errorf("%s: %v, want a privilege error", q, err)
		}
	}
	var after int
	if err := appDB.QueryRowContext(ctx, "SELECT count(*) FROM audit_log").Scan(&after); err != nil || after != before {
		t.Errorf("audit log rows = %d, %v; want %d", after, err, before)
	}
}

func sqlxDB(db *sql.DB) *sqlx.DB { return sqlx.NewDb(db, "postgres") }
