package desk

import "time"

// Staff is a desk officer or supervisor. Staff use the same bot as
// reporters; being in this table, active, is what lets them see cases.
// Removed staff are deactivated, never deleted, so the audit trail and old
// timelines keep their names.
type Staff struct {
	UserID   int64 // Telegram user id
	ChatID   int64 // their private chat with the bot, for alerts
	Name     string
	Username string // Telegram @username without the @, if any
	Role     Role
	OnDuty   bool   // receives new-case alerts
	Language string // the language staff chose for the desk's messages
	AddedBy  int64  // the supervisor who added them, 0 for configuration
	Active   bool
	// CreatedAt is when they were first added; UpdatedAt the last change.
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Supervisor reports whether s may manage staff, export and read the
// audit log.
func (s *Staff) Supervisor() bool { return s.Role == RoleSupervisor }

// Audit actions: lowercase dotted names, all of them here. The desk
// command table (app/staff) names the one each command records.
const (
	ActionCaseView     = "case.view"
	ActionCaseClaim    = "case.claim"
	ActionCaseAssign   = "case.assign"
	ActionCaseReply    = "case.reply"
	ActionCaseNote     = "case.note"
	ActionCasePriority = "case.priority"
	ActionCaseClose    = "case.close"
	ActionCaseReopen   = "case.reopen"
	ActionCaseBlock    = "case.block"
	ActionCaseRisk     = "case.risk"
	ActionCaseErase    = "case.erase"
	ActionCaseHold     = "case.hold"
	ActionFind         = "find"
	ActionQueueView    = "queue.view"
	ActionStatsView    = "stats.view"
	ActionExport       = "export"
	ActionFlagAdd      = "flag.add"
	ActionStaffAdd     = "staff.add"
	ActionStaffRemove  = "staff.remove"
	ActionStaffList    = "staff.list"
	ActionStaffDuty    = "staff.duty"
	// Issue 18: reply templates, check-ins, indicators.
	ActionTemplateList   = "template.list"
	ActionTemplateAdd    = "template.add"
	ActionTemplateEdit   = "template.edit"
	ActionTemplateRemove = "template.remove"
	ActionCheckIn        = "case.checkin"
	ActionIndicators     = "case.indicators"
	// Issue 12: set-aside updates.
	ActionFailedView  = "failed.view"
	ActionFailedRetry = "failed.retry"
	// Issue 13: roles and retention holds. A refusal records what an
	// officer tried on a case that is not theirs; an override records a
	// supervisor acting on another officer's case.
	ActionCaseRefused  = "case.refused"
	ActionCaseOverride = "case.override"
	// Issue 18: referrals to partners. The request is the officer's; the
	// answer is recorded under the reporter's user id; the summary under
	// the officer who received it.
	ActionCaseRefer        = "case.refer"
	ActionCaseReferAnswer  = "case.refer_answer"
	ActionCaseReferSummary = "case.refer_summary"
)

// Actions lists every audit action the desk records.
var Actions = []string{ActionCaseView, ActionCaseClaim, ActionCaseAssign, ActionCaseReply, ActionCaseNote,
	ActionCasePriority, ActionCaseClose, ActionCaseReopen, ActionCaseBlock, ActionCaseRisk, ActionCaseErase, ActionCaseHold, ActionFind,
	ActionQueueView, ActionStatsView, ActionExport, ActionFlagAdd, ActionStaffAdd, ActionStaffRemove,
	ActionStaffList, ActionStaffDuty, ActionTemplateList, ActionTemplateAdd, ActionTemplateEdit,
	ActionTemplateRemove, ActionCheckIn, ActionIndicators,
	ActionFailedView, ActionFailedRetry, ActionCaseRefused, ActionCaseOverride,
	ActionCaseRefer, ActionCaseReferAnswer, ActionCaseReferSummary}

// AuditEntry records that a staff member did or saw something. The audit
// log is append-only: the database refuses to change or delete entries.
type AuditEntry struct {
	ID      int64
	ActorID int64
	Action  string // e.g. "case.view", "staff.add": lowercase dotted words
	CaseID  *int64
	// Ref is the reference of CaseID, filled when entries are read.
	Ref    Ref
	Detail string
	At     time.Time
}
