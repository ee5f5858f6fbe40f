// Package prepared keeps the statements of a lib/pq connection prepared.
//
// lib/pq runs a statement with parameters as an unnamed prepared
// statement: Parse and Describe, wait for the answer, then Bind and
// Execute, two round trips, and PostgreSQL plans it anew each time. The
// connections of Connector keep every statement with parameters prepared
// by name instead, once per connection, and run it with one round trip
// (Bind, Execute). Statements without parameters still go as simple
// queries.
//
// A protocol-level prepared statement belongs to the session, not to a
// transaction: a rollback keeps it (postgres' TestPreparedStatements).
package prepared

import (
	"context"
	"database/sql/driver"
	"errors"

	"github.com/lib/pq"
)

// maxPrepared bounds the statements kept per connection (the service has
// a few hundred, most of them rare).
const maxPrepared = 300

// Connector wraps lib/pq's connector: its connections prepare their
// statements.
func Connector(c driver.Connector) driver.Connector { return preparingConnector{c} }

type preparingConnector struct{ driver.Connector }

func (c preparingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &preparingConn{pqConn: conn.(pqConn), stmts: map[string]preparedStmt{}}, nil
}

// pqConn is what lib/pq's connection implements and database/sql uses.
type pqConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.NamedValueChecker
	driver.SessionResetter
	driver.Validator
}

type preparedStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

// preparingConn is one connection with its prepared statements.
// database/sql uses a connection from one goroutine at a time.
type preparingConn struct {
	pqConn
	stmts map[string]preparedStmt
	inTx  bool
}

func (c *preparingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	t, err := c.pqConn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	c.inTx = true
	return preparingTx{t, c}, nil
}

// preparingTx notes the transaction's end on its connection.
type preparingTx struct {
	driver.Tx
	c *preparingConn
}

func (t preparingTx) Commit() error   { t.c.inTx = false; return t.Tx.Commit() }
func (t preparingTx) Rollback() error { t.c.inTx = false; return t.Tx.Rollback() }

func (c *preparingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) == 0 {
		return c.pqConn.ExecContext(ctx, query, args)
	}
	return run(ctx, c, query, func(st preparedStmt) (driver.Result, error) { return st.ExecContext(ctx, args) })
}

func (c *preparingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) == 0 {
		return c.pqConn.QueryContext(ctx, query, args)
	}
	return run(ctx, c, query, func(st preparedStmt) (driver.Rows, error) { return st.QueryContext(ctx, args) })
}

// run runs query's prepared statement with do, preparing it again once
// when PostgreSQL no longer accepts it (see stale).
func run[T any](ctx context.Context, c *preparingConn, query string, do func(preparedStmt) (T, error)) (T, error) {
	var zero T
	st, err := c.prepared(ctx, query)
	if err != nil {
		return zero, err
	}
	out, err := do(st)
	if c.stale(query, err) {
		if st, err = c.prepared(ctx, query); err != nil {
			return zero, err
		}
		return do(st)
	}
	return out, err
}

// prepared returns query's statement on this connection, preparing it on
// first use.
func (c *preparingConn) prepared(ctx context.Context, query string) (preparedStmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxPrepared {
		for q, st := range c.stmts { // drop any one: a rare statement, most likely
			delete(c.stmts, q)
			_ = st.Close() // a failure here shows in the next statement
			break
		}
	}
	s, err := c.pqConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	st, ok := s.(preparedStmt)
	if !ok { // COPY: not kept
		_ = s.Close()
		return nil, driver.ErrSkip
	}
	c.stmts[query] = st
	return st, nil
}

// stale drops a statement PostgreSQL no longer accepts as prepared (its
// tables changed shape, by a migration, or it was deallocated) and says
// whether to run it again: only outside a transaction, which the error
// has not aborted then.
func (c *preparingConn) stale(query string, err error) bool {
	var pqe *pq.Error
	if !errors.As(err, &pqe) || (pqe.Code != "0A000" && pqe.Code != "26000") { // cached plan must not change result type; no such statement
		return false
	}
	delete(c.stmts, query)
	return !c.inTx
}

// Close closes the connection; its statements go with it.
func (c *preparingConn) Close() error {
	c.stmts = nil
	return c.pqConn.Close()
}
