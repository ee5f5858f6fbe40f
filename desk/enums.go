package desk

import (
	"fmt"
	"slices"
	"strings"
)

// Type says what a case is about.
type Type string

// Case types. They match the cases.type CHECK constraint.
const (
	TypeDistress  Type = "distress"   // a person in danger, from /sos
	TypeJobCheck  Type = "job_check"  // a job offer someone asked about
	TypeJobReport Type = "job_report" // a recruiter reported to the desk
	TypeFamily    Type = "family"     // a relative asking about someone
)

// Types lists every case type, in display order.
var Types = []Type{TypeDistress, TypeJobCheck, TypeJobReport, TypeFamily}

// Valid reports whether t is a known type.
func (t Type) Valid() bool { return slices.Contains(Types, t) }

// ParseType reads a type name, ignoring case and surrounding space.
func ParseType(s string) (Type, error) { return parseEnum(s, "case type", Types) }

// Priority says how soon a case needs a person.
type Priority string

// Priorities, most urgent first. They match the cases.priority CHECK
// constraint.
const (
	PriorityUrgent Priority = "urgent"
	PriorityHigh   Priority = "high"
	PriorityNormal Priority = "normal"
	PriorityLow    Priority = "low"
)

// Priorities lists every priority, most urgent first.
var Priorities = []Priority{PriorityUrgent, PriorityHigh, PriorityNormal, PriorityLow}

// Valid reports whether p is a known priority.
func (p Priority) Valid() bool { return slices.Contains(Priorities, p) }

// Rank orders priorities: 0 for urgent, 3 for low, 4 for an unknown one.
func (p Priority) Rank() int {
	if i := slices.Index(Priorities, p); i >= 0 {
		return i
	}
	return len(Priorities)
}

// ParsePriority reads a priority name, ignoring case and surrounding space.
func ParsePriority(s string) (Priority, error) { return parseEnum(s, "priority", Priorities) }

// Status is where a case is in its life.
type Status string

// Statuses. They match the cases.status CHECK constraint.
const (
	StatusNew             Status = "new"              // nobody has claimed it
	StatusClaimed         Status = "claimed"          // a staff member handles it
	StatusWaitingReporter Status = "waiting_reporter" // the desk waits for the reporter
	StatusResolved        Status = "resolved"         // done, with an outcome
	StatusClosed          Status = "closed"           // done
)

// Statuses lists every status; the first three are the open ones.
var Statuses = []Status{StatusNew, StatusClaimed, StatusWaitingReporter, StatusResolved, StatusClosed}

// OpenStatuses are the statuses of cases still in the queue.
var OpenStatuses = Statuses[:3:3]

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Open reports whether a case in status s is still in the queue.
func (s Status) Open() bool { return slices.Contains(OpenStatuses, s) }

// ParseStatus reads a status name, ignoring case and surrounding space.
func ParseStatus(s string) (Status, error) { return parseEnum(s, "status", Statuses) }

// Role is what a staff member may do.
type Role string

// Roles. They match the staff.role CHECK constraint.
const (
	RoleAgent      Role = "agent"      // works cases
	RoleSupervisor Role = "supervisor" // also manages staff, exports, sees the audit log
)

// Roles lists every role.
var Roles = []Role{RoleAgent, RoleSupervisor}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// ParseRole reads a role name, ignoring case and surrounding space.
func ParseRole(s string) (Role, error) { return parseEnum(s, "role", Roles) }

// EventKind says what happened to a case.
type EventKind string

// Event kinds. They match the case_events.kind CHECK constraint.
const (
	EventCreated    EventKind = "created"
	EventMessageIn  EventKind = "message_in" // the reporter wrote
	EventReplyOut   EventKind = "reply_out"  // the desk answered the reporter
	EventNote       EventKind = "note"       // internal, never shown to the reporter
	EventStatus     EventKind = "status"     // Data: from, to; Text: resolution
	EventPriority   EventKind = "priority"   // Data: from, to
	EventAssignment EventKind = "assignment" // Data: from, to (staff ids, "" for nobody)
	EventLocation   EventKind = "location"   // Lat, Lon
	EventAttachment EventKind = "attachment" // FileID, FileKind
	EventBlock      EventKind = "block"      // Data: blocked ("true" or "false")
	EventErased     EventKind = "erased"     // retention erased the personal fields
	EventHold       EventKind = "hold"       // Data: hold ("on" or "off")
	EventForget     EventKind = "forget"     // the reporter used /forget: the phone may be inspected
	EventQuiet      EventKind = "quiet"      // the reporter's messages now arrive silently
	// EventCheckIn is a safety check-in: Data["checkin"] says what
	// (CheckIn* below), Data["every"] the interval.
	EventCheckIn EventKind = "checkin"
	// EventIndicator is a trafficking indicator ticked or cleared:
	// Data: indicator, present ("true" or "false"); Text: the note.
	EventIndicator EventKind = "indicator"
	// EventReferral is a referral to a partner: Data["referral"] says
	// what (Referral* in referral.go), Data["partner"] to whom.
	EventReferral EventKind = "referral"
)

// What a check-in event records (its Data["checkin"]).
const (
	CheckInStarted  = "started"
	CheckInStopped  = "stopped"
	CheckInPrompted = "prompted"
	CheckInOK       = "ok"
	CheckInHelp     = "help"
	CheckInMissed   = "missed"
	// CheckInWrote: the reporter wrote (anything) while a prompt waited,
	// which answers it as well as a tap.
	CheckInWrote = "wrote"
)

// EventKinds lists every event kind.
var EventKinds = []EventKind{EventCreated, EventMessageIn, EventReplyOut, EventNote, EventStatus,
	EventPriority, EventAssignment, EventLocation, EventAttachment, EventBlock, EventCheckIn, EventIndicator,
	EventErased, EventHold, EventForget, EventQuiet, EventReferral}

// Valid reports whether k is a known event kind.
func (k EventKind) Valid() bool { return slices.Contains(EventKinds, k) }

// FromReporter reports whether events of kind k come from the reporter
// when they have no actor.
func (k EventKind) FromReporter() bool {
	return k == EventMessageIn || k == EventLocation || k == EventAttachment
}

// ParseEventKind reads an event kind, ignoring case and surrounding space.
func ParseEventKind(s string) (EventKind, error) { return parseEnum(s, "event kind", EventKinds) }

// FileKind says what an attachment is.
type FileKind string

// File kinds of attachments. They match the case_events.file_kind CHECK
// constraint.
const (
	FilePhoto     FileKind = "photo"
	FileVoice     FileKind = "voice"
	FileDocument  FileKind = "document"
	FileVideo     FileKind = "video"
	FileVideoNote FileKind = "video_note"
	FileAudio     FileKind = "audio"
)

// FileKinds lists every file kind.
var FileKinds = []FileKind{FilePhoto, FileVoice, FileDocument, FileVideo, FileVideoNote, FileAudio}

// Valid reports whether k is a known file kind.
func (k FileKind) Valid() bool { return slices.Contains(FileKinds, k) }

func parseEnum[T ~string](s, what string, valid []T) (T, error) {
	v := T(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(valid, v) {
		return "", fmt.Errorf("%s: %w", what, ErrInvalid) // never the input: errors are logged
	}
	return v, nil
}
