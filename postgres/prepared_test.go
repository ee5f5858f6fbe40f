package postgres_test

import (
	"context"
	"testing"

	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// The service's connections (postgres/internal/prepared) prepare each statement with parameters once
// and run it by name after; these are the cases where PostgreSQL could
// lose or refuse a prepared statement.
func TestPreparedStatements(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.URL(t), 2)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: every statement below meets the same prepared ones
	const add = `SELECT $1::int + 1`
	var n int

	t.Run("a rollback keeps them", func(t *testing.T) {
		tx := db.MustBeginTx(ctx, nil)
		if err := tx.GetContext(ctx, &n, add, 1); err != nil || n != 2 {
			t.Fatalf("in a transaction: %d, %v", n, err)
		}
		if err := tx.GetContext(ctx, &n, `SELECT 1 / $1::int`, 0); err == nil {
			t.Fatal("division by zero: no error")
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		// Inside a transaction a lost statement would fail, not be prepared again.
		tx = db.MustBeginTx(ctx, nil)
		defer tx.Rollback()
		if err := tx.GetContext(ctx, &n, add, 2); err != nil || n != 3 {
			t.Fatalf("after the rollback: %d, %v", n, err)
		}
		if err := tx.GetContext(ctx, &n, `SELECT 1 / $1::int`, 1); err != nil || n != 1 {
			t.Fatalf("the failed statement again: %d, %v", n, err)
		}
		var kept int
		if err := tx.GetContext(ctx, &kept, `SELECT count(*) FROM pg_prepared_statements`); err != nil || kept < 2 {
			t.Fatalf("prepared statements on the connection: %d, %v", kept, err)
		}
	})

	t.Run("a table that changed shape", func(t *testing.T) {
		db.MustExecContext(ctx, `CREATE TABLE shapes (a int)`)
		db.MustExecContext(ctx, `INSERT INTO shapes VALUES ($1)`, 7)
		const all = `SELECT * FROM shapes WHERE a = $1`
		if rows, err := db.QueryxContext(ctx, all, 7); err != nil {
			t.Fatal(err)
		} else {
			rows.Close()
		}
		db.MustExecContext(ctx, `ALTER TABLE shapes ADD COLUMN b int DEFAULT 8`)
		var got struct{ A, B int }
		if err := db.GetContext(ctx, &got, all, 7); err != nil || got.A != 7 || got.B != 8 {
			t.Fatalf("after ALTER TABLE: %+v, %v", got, err)
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO shapes VALUES ($1, $2)`, 1, 2); err != nil {
			t.Fatal(err)
		}
	})
}
