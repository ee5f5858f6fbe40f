// Package pgerr maps lib/pq's and database/sql's errors to the project's
// domain errors. It is the only place that knows PostgreSQL error codes.
package pgerr

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"syscall"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/flows"
)

// Map turns driver errors into domain errors. It is the only place
// that knows lib/pq's error codes.
func Map(err error) error {
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
	if Unavailable(err) {
		return &flows.Error{Code: flows.EUnavailable, Err: err}
	}
	return &flows.Error{Code: flows.EInternal, Err: err}
}

// Unavailable reports a driver error that means the database could not
// be reached or the connection broke: lib/pq's ErrBadConn after a
// terminated backend, a connection cut mid-answer, a refused dial.
func Unavailable(err error) bool {
	var ne net.Error
	var se syscall.Errno
	return errors.As(err, &ne) || errors.Is(err, sql.ErrConnDone) || errors.Is(err, pq.ErrSSLNotSupported) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		(errors.As(err, &se) && (se == syscall.ECONNREFUSED || se == syscall.ECONNRESET || se == syscall.EPIPE))
}
