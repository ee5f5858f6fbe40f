package desk

import (
	"errors"
	"fmt"
)

// Sentinel causes. Stores wrap them in the domain error (*flows.Error with
// the code given), so callers can check either the code or, with
// errors.Is, the precise cause.
var (
	// ErrInvalid: a reference, type, priority, status, role or event
	// that is not one of the known values (code invalid).
	ErrInvalid = errors.New("invalid")
	// ErrClosed: the case is no longer open, so it cannot be claimed or
	// assigned (code conflict).
	ErrClosed = errors.New("case is closed")
	// ErrEscalated: the case was escalated before (code conflict).
	ErrEscalated = errors.New("case already escalated")
)

// ClaimedError says a case is already someone else's. Claim returns it
// (with code conflict) so the bot can name who has the case.
type ClaimedError struct {
	Ref Ref
	By  int64 // the staff member's Telegram user id
}

func (e *ClaimedError) Error() string {
	return fmt.Sprintf("case %s is claimed by %d", e.Ref, e.By)
}
