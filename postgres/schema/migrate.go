// Package schema sets up the bot's database: its migrations, applied
// under an advisory lock so replicas starting together apply each once,
// and the runtime role's grants (rows, no power over the audit log).
package schema

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/koreandesk/hotline/migrations"
	"github.com/koreandesk/hotline/postgres/internal/pgerr"
)

// Migrate applies every pending migration under a PostgreSQL advisory lock,
// so replicas starting together apply each one exactly once. It returns
// the versions it applied.
func Migrate(ctx context.Context, db *sql.DB) ([]int64, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, fmt.Errorf("migration lock: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS, goose.WithSessionLocker(locker))
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, pgerr.Map(fmt.Errorf("migrate: %w", err))
	}
	applied := make([]int64, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Version)
	}
	return applied, nil
}

// Pending reports whether migrations remain to be applied. It needs only
// read access to goose's bookkeeping, which the runtime role has.
func Pending(ctx context.Context, db *sql.DB) (bool, error) {
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.FS)
	if err != nil {
		return false, fmt.Errorf("migrations: %w", err)
	}
	pending, err := p.HasPending(ctx)
	if err != nil {
		return false, pgerr.Map(fmt.Errorf("pending migrations: %w", err))
	}
	return pending, nil
}
