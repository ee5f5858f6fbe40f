package flows

import (
	"errors"
	"fmt"
)

// Error codes. Every error a store or flow returns carries one, so callers
// decide what to do by code, not by driver details.
const (
	ENotFound    = "not_found"
	EConflict    = "conflict"
	EInvalid     = "invalid"
	EUnavailable = "unavailable" // the database or Telegram is down: retry
	EInternal    = "internal"
)

// Error is the one domain error type.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	switch {
	case e.Err != nil && e.Message != "":
		return e.Message + ": " + e.Err.Error()
	case e.Err != nil:
		return e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first Error in err's chain, EInternal
// for any other error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}
