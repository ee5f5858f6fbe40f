// Package postgres keeps the Korean Desk's state in PostgreSQL: sessions,
// the update inbox, the outbox and (later) the case queue. Every SQL
// statement of the service lives in this package.
package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres/deskdb"
	"github.com/koreandesk/hotline/postgres/internal/pgerr"
	"github.com/koreandesk/hotline/postgres/internal/prepared"
)

// Limits set on every connection, so that no statement, lock wait or
// forgotten transaction holds a worker (or a row) for long: a stuck
// statement fails and its update is retried.
const (
	StatementTimeout = 30 * time.Second
	LockTimeout      = 10 * time.Second
	IdleInTxTimeout  = 60 * time.Second
)

// Open connects to PostgreSQL with at most maxConns connections and checks
// the connection. The URL must say sslmode explicitly (lib/pq otherwise
// insists on TLS); statement_timeout, lock_timeout and
// idle_in_transaction_session_timeout are added to it unless it sets them.
func Open(ctx context.Context, rawURL string, maxConns int) (*sqlx.DB, error) {
	connector, err := pq.NewConnector(WithTimeouts(rawURL))
	if err != nil {
		return nil, mapError(fmt.Errorf("open database: %w", err))
	}
	db := sqlx.NewDb(sql.OpenDB(prepared.Connector(connector)), "postgres")
	maxConns = max(maxConns, 2)
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, mapError(fmt.Errorf("connect to database: %w", err))
	}
	return db, nil
}

// WithTimeouts adds the per-connection timeouts to a postgres:// URL
// (lib/pq sends unknown parameters as run-time settings), keeping any the
// URL sets itself. A key=value connection string is returned as it is.
func WithTimeouts(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return rawURL
	}
	q := u.Query()
	for k, d := range map[string]time.Duration{"statement_timeout": StatementTimeout, "lock_timeout": LockTimeout,
		"idle_in_transaction_session_timeout": IdleInTxTimeout} {
		if !q.Has(k) {
			q.Set(k, fmt.Sprint(d.Milliseconds()))
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Store implements the flows store interfaces on one database.
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

// mapError turns driver errors into domain errors (see pgerr.Map).
func mapError(err error) error { return pgerr.Map(err) }

// Do runs fn in one transaction outside any update (the escalation
// ticker), committing when it returns nil.
func (s *Store) Do(ctx context.Context, fn func(context.Context, mailbox.Tx) error) error {
	return s.inTx(ctx, func(t *sqlx.Tx) error { return fn(ctx, &tx{t: query{Tx: t}}) })
}

// Desk returns the case queue outside any transaction (startup seeding).
func (s *Store) Desk() *deskdb.Store { return deskdb.New(s.db) }

// NewDesk returns the case queue on q: a *sqlx.DB or a *sqlx.Tx.
func NewDesk(q sqlx.ExtContext) *deskdb.Store { return deskdb.New(q) }

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
	db, err := Open(ctx, serverURL, 2)
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
