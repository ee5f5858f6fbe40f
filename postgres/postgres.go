// Package postgres keeps the Korean Desk's state in PostgreSQL: sessions,
// the update inbox, the outbox and (later) the case queue. Every SQL
// statement of the service lives in this package.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Open connects to PostgreSQL and checks the connection. The URL must say
// sslmode explicitly (lib/pq otherwise insists on TLS).
func Open(ctx context.Context, url string) (*sqlx.DB, error) {
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		return nil, mapError(fmt.Errorf("open database: %w", err))
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, mapError(fmt.Errorf("connect to database: %w", err))
	}
	return db, nil
}

// Store implements the mailbox interfaces (inbox, outbox, the update transaction) on one database.
type Store struct {
	db *sqlx.DB
}

var (
	_ mailbox.Inbox  = (*Store)(nil)
	_ mailbox.Outbox = (*Store)(nil)
	_ mailbox.Tx     = (*tx)(nil)
)

// New returns a store on db.
func New(db *sqlx.DB) *Store { return &Store{db: db} }

// DB returns the underlying handle, for health checks.
func (s *Store) DB() *sqlx.DB { return s.db }

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return mapError(s.db.PingContext(ctx)) }

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sqlx.Tx) error) error {
	t, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return mapError(fmt.Errorf("begin: %w", err))
	}
	if err := fn(t); err != nil {
		_ = t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return mapError(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// mapError turns driver errors into domain errors. It is the only place
// that knows lib/pq's error codes.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var fe *flows.Error
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &flows.Error{Code: flows.ENotFound, Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var pqe *pq.Error
	if errors.As(err, &pqe) {
		switch {
		case pqe.Code == "23505": // unique_violation
			return &flows.Error{Code: flows.EConflict, Err: err}
		case pqe.Code.Class() == "23" || pqe.Code.Class() == "22": // integrity, data
			return &flows.Error{Code: flows.EInvalid, Err: err}
		case pqe.Code.Class() == "08" || pqe.Code.Class() == "57" || pqe.Code.Class() == "53" || pqe.Code == "40001" || pqe.Code == "40P01":
			return &flows.Error{Code: flows.EUnavailable, Err: err}
		}
		return &flows.Error{Code: flows.EInternal, Err: err}
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, sql.ErrConnDone) || errors.Is(err, pq.ErrSSLNotSupported) {
		return &flows.Error{Code: flows.EUnavailable, Err: err}
	}
	return &flows.Error{Code: flows.EInternal, Err: err}
}

// Do runs fn in one transaction outside any update (the escalation
// ticker), committing when it returns nil.
func (s *Store) Do(ctx context.Context, fn func(context.Context, mailbox.Tx) error) error {
	return s.inTx(ctx, func(t *sqlx.Tx) error { return fn(ctx, &tx{t: t}) })
}

// Desk returns the case queue outside any transaction (startup seeding).
func (s *Store) Desk() *DeskStore { return NewDesk(s.db) }

// mapErrorCode is the domain code of a driver error.
func mapErrorCode(err error) string { return flows.ErrorCode(mapError(err)) }

const selectDatabaseExists = `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`

// EnsureDatabase creates the database name on the server of serverURL
// unless it exists, and returns the URL of it (serverURL with its path
// replaced). The role needs CREATEDB when it does not exist.
func EnsureDatabase(ctx context.Context, serverURL, name string) (string, error) {
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", fmt.Errorf("database URL: %w", err)
	}
	db, err := Open(ctx, serverURL)
	if err != nil {
		return "", err
	}
	defer db.Close()
	var exists bool
	if err := db.GetContext(ctx, &exists, selectDatabaseExists, name); err != nil {
		return "", mapError(fmt.Errorf("look up database %s: %w", name, err))
	}
	if !exists {
		// CREATE DATABASE takes no parameters: the name is quoted instead.
		if _, err := db.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
			// Another process may have created it meanwhile.
			if db.GetContext(ctx, &exists, selectDatabaseExists, name) != nil || !exists {
				return "", mapError(fmt.Errorf("create database %s: %w", name, err))
			}
		}
	}
	u.Path = "/" + name
	return u.String(), nil
}
