// Package desk is the Korean Desk's case queue: cases and their short
// references, what happened to each (events), the staff who work them and
// their roles, the audit trail and the statistics. It holds the domain
// types and the Store contract only; the postgres package implements it.
package desk

import "time"

// Case is one report to the desk: a person in danger, a job offer, a
// recruiter, a missing relative.
type Case struct {
	// ID is the database key. It is never shown to anyone: people name
	// a case by its Ref.
	ID       int64
	Ref      Ref
	Type     Type
	Priority Priority
	Status   Status

	// The reporter: who wrote, where to answer, in which language.
	ReporterUserID int64
	ReporterChatID int64
	ReporterLang   string // "ko", "km" or "en"
	ReporterName   string // Telegram display name, for staff only

	// AssigneeID is the Telegram user id of the staff member handling
	// the case, nil while nobody has claimed it.
	AssigneeID *int64
	// Answers holds what the conversation collected (location text,
	// names, phone, passport, compound...), by answer key.
	Answers map[string]string
	// LastLocation is the latest location the reporter shared.
	LastLocation *Location
	// Blocked is set when staff blocked an abusive reporter.
	Blocked bool
	// Held is set while a supervisor keeps the case past the retention
	// period (/hold).
	Held bool
	// ConsentShare records whether a family inquirer agreed to share
	// the case with the authorities; nil when not asked.
	ConsentShare *bool

	CreatedAt    time.Time
	UpdatedAt    time.Time
	FirstReplyAt *time.Time // the desk's first reply to the reporter
	ClosedAt     *time.Time // set while the case is resolved or closed
	EscalatedAt  *time.Time // supervisors were alerted it sat unclaimed
	Resolution   string
}

// Open reports whether the case is still in the queue.
func (c *Case) Open() bool { return c.Status.Open() }

// AssignedTo reports whether staff member userID handles the case.
func (c *Case) AssignedTo(userID int64) bool {
	return c.AssigneeID != nil && *c.AssigneeID == userID
}

// Location is a point the reporter shared, and when.
type Location struct {
	Lat float64
	Lon float64
	At  time.Time
}

// NewCase is what opening a case needs; the store adds the reference, the
// status (new) and the times.
type NewCase struct {
	Type           Type
	Priority       Priority
	ReporterUserID int64
	ReporterChatID int64
	ReporterLang   string
	ReporterName   string
	Answers        map[string]string
	ConsentShare   *bool
}

// Event is one thing that happened to a case. Reporters' messages, the
// desk's replies and notes, and every change of status, priority or
// assignee are events: together they are the case's timeline.
type Event struct {
	ID     int64
	CaseID int64
	Kind   EventKind
	// ActorID is the staff member who acted, 0 for the reporter or the
	// system.
	ActorID  int64
	Text     string
	FileID   string   // Telegram file_id of an attachment
	FileKind FileKind // photo, voice, document, video, video note or audio
	Lat      *float64
	Lon      *float64
	At       time.Time
	Data     map[string]string
}
