package desk

import (
	"context"
	"time"
)

// Entity is a contact or identifier a job offer names: a phone number, a
// Telegram handle, a domain, a company, a wallet, a bank account or an
// e-mail address, normalised by the jobcheck package.
type Entity struct {
	Kind  string // phone, handle, domain, company, crypto, account, email
	Value string
}

// EntityHit is what the desk knows about one entity found in a job offer:
// whether staff put it on the desk's list (/flag), with their note (for
// staff: a reporter is told only that it is listed), and how many people
// named it before.
type EntityHit struct {
	Entity
	Listed bool
	Note   string
	// People counts the distinct reporters, the asker aside, whose job
	// checks or recruiter reports named it: one person checking again
	// and again counts once.
	People int
}

// EntityStore keeps the entities cases named and the desk's list.
type EntityStore interface {
	// LookupEntities returns the entities that are on the desk's list or
	// named by job checks or recruiter reports of reporters other than
	// the chat exceptReporter. Errors: none expected.
	LookupEntities(ctx context.Context, es []Entity, exceptReporter int64) ([]EntityHit, error)
	// SaveEntities records the entities a case named. Errors: not_found
	// (no such case).
	SaveEntities(ctx context.Context, caseID int64, es []Entity) error
	// FlagEntity puts an entity on the desk's list, or changes its note.
	// Errors: invalid.
	FlagEntity(ctx context.Context, e Entity, note string, by int64, now time.Time) error
}
