// Package pgtest gives each test its own PostgreSQL database, cloned in
// milliseconds from a template that has every migration applied
// (peterldowns/pgtestdb). The server comes from DATABASE_URL, which the
// test command (make test) sets to a private cluster it starts.
package pgtest

import (
	"context"
	"database/sql"
	"net/url"
	"os"

	"github.com/jmoiron/sqlx"
	"github.com/peterldowns/pgtestdb"
	"github.com/peterldowns/pgtestdb/migrators/common"

	"github.com/koreandesk/hotline/migrations"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/schema"
)

// Config returns the pgtestdb configuration for DATABASE_URL. Tests fail,
// rather than skip, without a database: an untested store is no store.
func Config(tb pgtestdb.TB) pgtestdb.Config {
	tb.Helper()
	raw := os.Getenv("DATABASE_URL")
	if raw == "" {
		tb.Fatalf("DATABASE_URL is not set: run the tests with `make test`, which starts a private PostgreSQL")
	}
	u, err := url.Parse(raw)
	if err != nil {
		tb.Fatalf("DATABASE_URL: %v", err)
	}
	password, _ := u.User.Password()
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	q := u.Query()
	if !q.Has("sslmode") {
		q.Set("sslmode", "disable")
	}
	return pgtestdb.Config{
		DriverName: "postgres", Host: u.Hostname(), Port: port, User: u.User.Username(),
		Password: password, Database: u.Path[1:], Options: q.Encode(),
		ForceTerminateConnections: true,
	}
}

// New returns a fresh, migrated database for one test, dropped when the
// test passes, opened as the service opens its own (postgres.Open: its
// statements prepared on each connection) but with no bound on the pool.
func New(tb pgtestdb.TB) *sqlx.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), URL(tb), 8)
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	db.SetMaxOpenConns(0)
	tb.Cleanup(func() { db.Close() })
	return db
}

// URL returns the connection URL of a fresh, migrated database, for tests
// that open their own connections (the program under test).
func URL(tb pgtestdb.TB) string {
	tb.Helper()
	return pgtestdb.Custom(tb, Config(tb), Migrator{}).URL()
}

// Migrator applies the project's migrations to pgtestdb's template.
type Migrator struct{}

// Hash identifies the template by the migration files' contents.
func (Migrator) Hash() (string, error) {
	return common.HashDirs(migrations.FS, "*.sql", ".")
}

// Migrate applies every migration.
func (Migrator) Migrate(ctx context.Context, db *sql.DB, _ pgtestdb.Config) error {
	_, err := schema.Migrate(ctx, db)
	return err
}
