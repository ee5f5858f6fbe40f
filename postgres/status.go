package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pressly/goose/v3"

	"github.com/koreandesk/hotline/migrations"
)

// goose's version table is read, never created: a database nobody
// migrated yet is at version 0.
const (
	hasVersionTable     = `SELECT to_regclass('goose_db_version') IS NOT NULL`
	selectSchemaVersion = `SELECT COALESCE(max(version_id), 0) FROM goose_db_version WHERE is_applied`
)

// MigrationStatus returns the version of the last migration applied to
// the database and of the last one this build carries. It changes
// nothing, so a role that may not create tables can ask.
func MigrationStatus(ctx context.Context, db *sql.DB) (current, latest int64, err error) {
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS)
	if err != nil {
		return 0, 0, fmt.Errorf("migrations: %w", err)
	}
	for _, s := range p.ListSources() {
		latest = max(latest, s.Version)
	}
	var migrated bool
	if err := db.QueryRowContext(ctx, hasVersionTable).Scan(&migrated); err != nil {
		return 0, latest, mapError(fmt.Errorf("schema version: %w", err))
	}
	if !migrated {
		return 0, latest, nil
	}
	if err := db.QueryRowContext(ctx, selectSchemaVersion).Scan(&current); err != nil {
		return 0, latest, mapError(fmt.Errorf("schema version: %w", err))
	}
	return current, latest, nil
}

// ServerVersion returns the PostgreSQL server's version, e.g. "15.14".
func ServerVersion(ctx context.Context, db *sql.DB) (string, error) {
	var v string
	if err := db.QueryRowContext(ctx, `SHOW server_version`).Scan(&v); err != nil {
		return "", mapError(fmt.Errorf("server version: %w", err))
	}
	return v, nil
}
