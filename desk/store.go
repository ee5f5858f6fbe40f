package desk

import (
	"context"
	"iter"
	"time"
)

// Errors. Every method returns the domain error (*flows.Error); the codes
// named below are the ones a caller is expected to handle, by code or by
// the cause (errors.Is/As with ErrClosed, ErrEscalated, *ClaimedError).
// Any other error (unavailable, internal) means the work must be retried
// or given up; inside a transaction the transaction is then unusable.
// The codes listed never leave a transaction unusable: the bot can answer
// "not found" or "already claimed" and commit.
//
// Time is always a parameter (now, an event's At): the store never reads
// the clock.

// Store is the whole case queue.
type Store interface {
	CaseStore
	QueueStore
	StaffStore
	AuditStore
	Escalations
	FamilyStore
	EntityStore
	TemplateStore
	CheckInStore
	IndicatorStore
	ReferralStore
}

// CaseStore opens, reads and changes cases. Every change records events
// for what it changed (status, priority, assignment, block), with the
// acting staff member (by) as actor. The staffID of Claim, and the by of
// SetStatus when it assigns, must be active staff: the bot checks that
// before any desk command (a foreign key refuses anyone else, failing
// the statement).
type CaseStore interface {
	// OpenCase opens a case in status new with a fresh reference and
	// records a created event. Errors: invalid.
	OpenCase(ctx context.Context, nc NewCase, now time.Time) (*Case, error)
	// Case returns the case with a reference. Errors: not_found.
	Case(ctx context.Context, ref Ref) (*Case, error)
	// CaseByID returns the case with a database id. Errors: not_found.
	CaseByID(ctx context.Context, id int64) (*Case, error)
	// OpenCaseOf returns the reporter's most recent open case.
	// Errors: not_found when they have none.
	OpenCaseOf(ctx context.Context, reporterChatID int64) (*Case, error)
	// CasesOf returns the reporter's cases, newest first, at most
	// MaxCasesOf of them (for /status).
	CasesOf(ctx context.Context, reporterChatID int64) ([]Case, error)
	// NewCasesSince counts the reporter's cases other than distress
	// reports opened at or after since (the daily cap of new cases).
	NewCasesSince(ctx context.Context, reporterChatID int64, since time.Time) (int, error)
	// ReporterBlocked reports whether staff blocked any case of the chat.
	ReporterBlocked(ctx context.Context, reporterChatID int64) (bool, error)
	// UpdateAnswers merges answers into the case's answers (a key given
	// again replaces the old value). Errors: not_found.
	UpdateAnswers(ctx context.Context, caseID int64, answers map[string]string, now time.Time) error
	// MoveLocation updates the case's last location without recording an
	// event (for live-location updates); an older location than the one
	// stored is ignored. Errors: not_found.
	MoveLocation(ctx context.Context, caseID int64, loc Location) error

	// Claim gives an unassigned open case to staff member staffID and
	// moves it from new to claimed. Of two concurrent claims exactly one
	// wins. Claiming one's own case again changes nothing. Errors:
	// not_found; conflict with *ClaimedError when someone else has it,
	// with ErrClosed when the case is not open.
	Claim(ctx context.Context, ref Ref, staffID int64, now time.Time) (*Case, error)
	// Assign gives an open case to active staff member assigneeID,
	// whoever had it. Errors: not_found (case, or assignee not active
	// staff); conflict with ErrClosed.
	Assign(ctx context.Context, ref Ref, assigneeID, by int64, now time.Time) (*Case, error)
	// SetPriority changes the priority. Errors: not_found, invalid.
	SetPriority(ctx context.Context, ref Ref, p Priority, by int64, now time.Time) (*Case, error)
	// SetStatus moves a case to status s, keeping the rules that a new
	// case has no assignee (it is released) and a claimed or waiting one
	// has one (by, when it had none). Closing (resolved, closed) sets
	// ClosedAt; an open status clears it and the resolution.
	// Errors: not_found, invalid.
	SetStatus(ctx context.Context, ref Ref, s Status, by int64, now time.Time) (*Case, error)
	// Close moves a case to s (StatusResolved or StatusClosed) with a
	// resolution. Closing a closed case again updates the resolution.
	// Errors: not_found, invalid.
	Close(ctx context.Context, ref Ref, s Status, resolution string, by int64, now time.Time) (*Case, error)
	// Reopen moves a resolved or closed case back to claimed, when its
	// assignee is still active staff, or to new. Reopening an open case
	// changes nothing. Errors: not_found.
	Reopen(ctx context.Context, ref Ref, by int64, now time.Time) (*Case, error)
	// Block marks (or unmarks) the case's reporter as abusive.
	// Errors: not_found.
	Block(ctx context.Context, ref Ref, blocked bool, by int64, now time.Time) (*Case, error)
	// SetRetentionHold places (on) or lifts a supervisor's hold, which
	// keeps a closed case's personal fields past the retention period,
	// with a timeline entry and a case.hold audit entry naming by.
	// Errors: not_found (no such case, or already erased).
	SetRetentionHold(ctx context.Context, caseID int64, on bool, by int64, now time.Time) error

	// AddEvent records an event at e.At and applies it to the case: a
	// location (with Lat and Lon) becomes the last location, the first
	// reply_out sets FirstReplyAt, and a message, location or attachment
	// from the reporter (ActorID 0) moves a waiting_reporter case back
	// to claimed. Errors: not_found, invalid.
	AddEvent(ctx context.Context, caseID int64, e Event) (*Event, error)
	// Timeline returns the case's latest limit events, oldest first.
	Timeline(ctx context.Context, caseID int64, limit int) ([]Event, error)
}

// MaxCasesOf caps CasesOf.
const MaxCasesOf = 20

// QueueStore lists, finds, counts and exports cases.
type QueueStore interface {
	// Queue returns a page of the open cases that f selects (FilterMine:
	// those of staffID), urgent first, then oldest first, and how many
	// there are in all. Errors: invalid (filter, limit < 1, offset < 0).
	Queue(ctx context.Context, f Filter, staffID int64, limit, offset int) ([]Case, int, error)
	// Find returns up to limit cases, open ones first, then newest, whose
	// reference is text (as ParseRef reads it) or whose reference,
	// reporter name or answer values (names, phone, passport,
	// compound...) contain it, ignoring case. A text of digits finds
	// phone numbers however they were written. Errors: invalid (empty
	// text, limit < 1).
	Find(ctx context.Context, text string, limit int) ([]Case, error)
	// Stats counts the queue as of now; "today" starts at midnight in
	// loc (DefaultLocation when nil).
	Stats(ctx context.Context, now time.Time, loc *time.Location) (*Stats, error)
	// Trends returns the series of the /stats chart as of now, days and
	// weeks starting at midnight in loc.
	Trends(ctx context.Context, now time.Time, loc *time.Location) (*Trends, error)
	// Export yields the cases created in [from, to), oldest first. The
	// loop body must not use the store: the rows are still being read.
	Export(ctx context.Context, from, to time.Time) iter.Seq2[Case, error]
}

// StaffStore keeps the desk's staff.
type StaffStore interface {
	// Staff returns an active staff member. Errors: not_found for
	// anyone else (never staff, or removed).
	Staff(ctx context.Context, userID int64) (*Staff, error)
	// AddStaff adds s, or updates and reactivates the staff member with
	// that user id (keeping a known name when s has none).
	// Errors: invalid.
	AddStaff(ctx context.Context, s Staff, now time.Time) (*Staff, error)
	// RemoveStaff deactivates a staff member and releases their open
	// cases back to new. It returns how many cases it released.
	// Errors: not_found.
	RemoveStaff(ctx context.Context, userID, by int64, now time.Time) (int, error)
	// ListStaff returns the active staff, supervisors first, by name.
	ListStaff(ctx context.Context) ([]Staff, error)
	// SetDuty puts a staff member on or off duty. Errors: not_found.
	SetDuty(ctx context.Context, userID int64, onDuty bool, now time.Time) error
	// SetStaffLanguage stores the language a staff member chose.
	// Errors: not_found, invalid.
	SetStaffLanguage(ctx context.Context, userID int64, lang string, now time.Time) error
	// SetStaffName updates a staff member's Telegram name and username.
	// Errors: not_found.
	SetStaffName(ctx context.Context, userID int64, name, username string, now time.Time) error
	// OnDutyStaff returns the active staff on duty.
	OnDutyStaff(ctx context.Context) ([]Staff, error)
	// Supervisors returns the active supervisors.
	Supervisors(ctx context.Context) ([]Staff, error)
	// SeedSupervisors bootstraps the desk (DESK_ADMIN_IDS): only when it
	// has no active supervisor, it makes each user id one (on duty when
	// added), recording staff.add in the audit log for each one it
	// changed. It never reactivates a removed staff member. It returns
	// how many it added or changed.
	SeedSupervisors(ctx context.Context, ids []int64, now time.Time) (int, error)
}

// AuditStore keeps the append-only audit log.
type AuditStore interface {
	// Audit appends an entry. Errors: invalid.
	Audit(ctx context.Context, e AuditEntry) error
	// AuditLog returns the latest limit entries, newest first.
	AuditLog(ctx context.Context, limit int) ([]AuditEntry, error)
}

// Escalations finds urgent cases that nobody claimed in time.
type Escalations interface {
	// UnclaimedUrgent returns urgent cases still new, created at or
	// before olderThan and not escalated yet, oldest first, at most
	// MaxEscalations. Inside a transaction it locks them, skipping cases
	// another replica is escalating.
	UnclaimedUrgent(ctx context.Context, olderThan time.Time) ([]Case, error)
	// MarkEscalated records that supervisors were alerted.
	// Errors: not_found; conflict with ErrEscalated when it was already.
	MarkEscalated(ctx context.Context, caseID int64, now time.Time) error
	// MarkRealerted records that the desk is alerted about a case again
	// (a repeated /sos), unless it was alerted (or the case opened) less
	// than quiet ago; it reports whether to alert. Errors: not_found.
	MarkRealerted(ctx context.Context, caseID int64, now time.Time, quiet time.Duration) (bool, error)
}

// MaxEscalations caps UnclaimedUrgent.
const MaxEscalations = 100

// TemplateStore keeps the reply templates supervisors added, edited or
// removed; the default library is in the catalogues.
type TemplateStore interface {
	// Templates returns every stored template, removed ones included,
	// by key.
	Templates(ctx context.Context) ([]Template, error)
	// SaveTemplate adds or replaces a template (Removed: takes it out).
	// Errors: invalid (a bad key, or a language missing from a template
	// that is not removed).
	SaveTemplate(ctx context.Context, t Template) error
}

// CheckInStore keeps the cases' safety check-ins, one per case at most.
type CheckInStore interface {
	// SaveCheckIn starts or updates the case's check-in.
	// Errors: not_found (no such case), invalid.
	SaveCheckIn(ctx context.Context, c CheckIn) error
	// CheckInOf returns the case's check-in. Errors: not_found.
	CheckInOf(ctx context.Context, caseID int64) (*CheckIn, error)
	// StopCheckIn ends the case's check-in; it reports whether there was one.
	StopCheckIn(ctx context.Context, caseID int64) (bool, error)
	// CheckInsDue returns the check-ins of open cases that need the
	// desk at now: a prompt due (NextAt reached) or an unanswered prompt
	// past its grace time and not escalated, at most MaxEscalations.
	// Inside a transaction it locks them, skipping those another
	// replica is handling.
	CheckInsDue(ctx context.Context, now time.Time) ([]CheckIn, error)
	// AnswerCheckIn takes the reporter's answer to the case's check-in:
	// its prompt no longer waits and is not escalated. It returns the
	// check-in as it was (PromptedAt and EscalatedAt: the prompt
	// answered). Errors: not_found (the case has none).
	AnswerCheckIn(ctx context.Context, caseID int64) (*CheckIn, error)
}

// IndicatorStore keeps the trafficking indicators recorded on cases.
type IndicatorStore interface {
	// IndicatorMarks returns what the desk recorded on a case, in
	// Indicators order.
	IndicatorMarks(ctx context.Context, caseID int64) ([]IndicatorMark, error)
	// MarkIndicator records one indicator, replacing an earlier mark.
	// Errors: invalid.
	MarkIndicator(ctx context.Context, caseID int64, m IndicatorMark) error
	// IndicatorsCreated returns the marks of the cases created in
	// [from, to), by case id, for the export.
	IndicatorsCreated(ctx context.Context, from, to time.Time) (map[int64][]IndicatorMark, error)
}

// ReferralStore keeps the referrals of cases to partners.
type ReferralStore interface {
	// CreateReferral records an officer's request (Status pending) and
	// returns its id. Errors: not_found (no such case).
	CreateReferral(ctx context.Context, r Referral) (int64, error)
	// Referral returns a referral. Errors: not_found.
	Referral(ctx context.Context, id int64) (*Referral, error)
	// AnswerReferral records the reporter's answer to a pending
	// referral. Errors: not_found; conflict when it was answered before.
	AnswerReferral(ctx context.Context, id int64, consent bool, at time.Time) (*Referral, error)
}
