// Package mailbox is what travels through the bot's durable mail: the
// updates received from Telegram wait in the inbox (Update), the calls to
// make wait in the outbox (Message, carrying a Call), both ordered by
// Priority; and each update is handled in one transaction (Tx) that also
// reads and writes the chat's session and the desk. The postgres package
// implements it, the bot package fills the inbox and drains the outbox,
// the app package handles one update inside its Tx.
package mailbox

import (
	"context"
	"errors"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Priority orders updates and outgoing messages: the first answer to a
// person in danger and urgent alerts leave before everything else.
type Priority int

// Priorities, most urgent first. They match the inbox and outbox CHECK
// constraints.
const (
	PriorityUrgent Priority = 0
	PriorityHigh   Priority = 1
	PriorityNormal Priority = 2
	PriorityLow    Priority = 3
)

// Update is a Telegram update as kept in the inbox until it is processed.
type Update struct {
	Seq      int64
	UpdateID int64
	ChatID   int64
	Priority Priority
	Payload  []byte
	// Attempts counts the attempts made, this one included: it is
	// counted before the handler runs, so a crash inside it counts too.
	Attempts int
	// Token fences the worker's claim on the update.
	Token int64
	// LastError is the error of the previous attempt, "" for none.
	LastError string
	// Parsed, when set, is Payload as the transport decoded it when it
	// received the update (from these very bytes), carried in memory to
	// the handler so that it is not decoded twice. It is not stored: an
	// update read back from the inbox has none.
	Parsed any
}

// ErrLeaseLost is wrapped (with code conflict) when a claim on an update
// or a lease on an outbox message ran out and passed to another worker.
var ErrLeaseLost = errors.New("lease lost")

// Message is one Bot API call waiting in the outbox: a method (see the
// Method constants) and its Call encoded as JSON.
type Message struct {
	ID       int64
	ChatID   int64
	Priority Priority
	Method   string
	Payload  []byte
	Attempts int
	// Ambiguous counts the attempts Telegram may have applied although
	// it did not say so (a timeout, a 5xx).
	Ambiguous int
	// Token fences the dispatcher's lease on the message.
	Token int64
	// CreatedAt is when the message was queued.
	CreatedAt time.Time
	// CaseID, when set, links the sent message to a case, so a staff
	// member's Telegram reply to it reaches that case.
	CaseID int64
	// Kind marks desk alerts (KindAlert, KindAlertBundle), which are
	// bundled per chat in a burst; Refs are the cases a bundle names.
	Kind string
	Refs []string
	// ClaimedAt is when the dispatcher's lease on it began (the claim's
	// time), so a send soon after needs no renewal.
	ClaimedAt time.Time
	// NotBefore, when set, holds the message back until then (an album
	// waiting for its other items).
	NotBefore time.Time
	// carried is the call New encoded, while Payload is its encoding
	// (see Call).
	carried *carried
}

// Outcome is what happened to a claimed message, for Outbox.Record.
type Outcome int

// Outcomes of a send.
const (
	// OutcomeSent: delivered (MessageID is Telegram's id, 0 if none).
	OutcomeSent Outcome = iota + 1
	// OutcomeRetry: to be tried again at At; Cause is kept among its
	// errors; Ambiguous when Telegram may have applied it.
	OutcomeRetry
	// OutcomeFail: given up for good, for Cause.
	OutcomeFail
	// OutcomeRelease: not tried (an earlier message of its chat failed,
	// or shutdown); handed back at once, its attempt not counted.
	OutcomeRelease
)

// Result is the outcome of one claimed message.
type Result struct {
	Message   Message
	Outcome   Outcome
	MessageID int64
	At        time.Time
	Cause     error
	Ambiguous bool
}

// Kinds of outbox messages that bundling counts, and albums, which
// gather the items of one album (Refs: the album) into one call.
const (
	KindAlert       = "alert"
	KindAlertBundle = "alert_bundle"
	KindAlbum       = "album"
	// KindAck is the first answer to an urgent input (a /sos): the desk
	// is alerted when it is not delivered within a minute.
	KindAck = "ack"
)

// LivePin is the pin showing a reporter's live location (the message
// ReporterMessage of chat ReporterChat) in a staff chat, until Until.
type LivePin struct {
	ReporterChat, ReporterMessage, CaseID int64
	Until                                 time.Time
}

// LiveMove moves a reporter's live location to Lat, Lon. A pin or move
// not sent yet is rewritten (the latest position wins); otherwise an
// editMessageLiveLocation is queued, at most one every Every for each
// pin. Stop ends the pins after this move (stopMessageLiveLocation).
type LiveMove struct {
	ReporterChat, ReporterMessage int64
	Lat, Lon                      float64
	Every                         time.Duration
	Stop                          bool
}

// Inbox keeps received updates durable until they are processed.
type Inbox interface {
	// SaveUpdate stores a received update. It returns false, and no
	// error, when an update with that update_id was stored before.
	// Errors: invalid when the database refuses the payload as it is.
	SaveUpdate(ctx context.Context, u Update, now time.Time) (bool, error)
	// SaveUpdates stores a batch of received updates at once (one
	// commit) and returns the update_ids that were new. With claim > 0,
	// up to claim of the new ones, each the only pending update of its
	// chat, are stored already claimed (as ClaimUpdates would, leased
	// for lease) and returned, most urgent first, for the caller's
	// workers to process without claiming them. Errors: invalid when the
	// database refuses one payload as it is; nothing is stored then.
	SaveUpdates(ctx context.Context, us []Update, now time.Time, claim int, lease time.Duration) (inserted []int64, claimed []Update, err error)
	// Quarantine stores an update that SaveUpdate refused: its raw bytes
	// and the reason, set aside at once.
	Quarantine(ctx context.Context, u Update, raw []byte, reason string, now time.Time) (bool, error)
	// ClaimUpdates counts an attempt at up to n ready updates, each the
	// oldest pending update of its chat (so of different chats), most
	// urgent first, and leases them for lease, durably, before any
	// handler runs. None when no update is ready.
	ClaimUpdates(ctx context.Context, now time.Time, lease time.Duration, n int) ([]Update, error)
	// Process runs fn in one transaction for a claimed update and marks
	// it processed when fn succeeds; if fn fails, the transaction is
	// rolled back and the error returned. It queues calls already
	// leased to the caller's dispatcher as ho offers (see HandOff and
	// Queued). Errors: conflict (ErrLeaseLost) when the claim was lost.
	Process(ctx context.Context, u Update, now time.Time, ho HandOff, fn func(context.Context, Tx, Update) error) (Queued, error)
	// ProcessAll is Process for several claimed updates in one
	// transaction (one commit): fn runs for each in order; if it fails
	// for one, nothing is kept and the error returned. Errors: conflict
	// (ErrLeaseLost) when a claim was lost.
	ProcessAll(ctx context.Context, us []Update, now time.Time, ho HandOff, fn func(context.Context, Tx, Update) error) (Queued, error)
	// RetryUpdate records a failed attempt and when to try again.
	RetryUpdate(ctx context.Context, u Update, at time.Time, cause error) error
	// ReleaseUpdate hands back an attempt that failed because the
	// database was unavailable, without counting it.
	ReleaseUpdate(ctx context.Context, u Update) error
	// SetAside gives up on an update after its attempts, keeping its
	// payload, in a transaction in which fn may still tell people.
	SetAside(ctx context.Context, u Update, now time.Time, cause error, fn func(context.Context, Tx) error) error
}

// HandOff is a dispatcher's offer to an update's transaction: the plain
// calls it queues into the update's own chat are queued already leased to
// that dispatcher for Lease, and handed to it after commit (Queued), when
// the chat's pending calls, as the transaction sees them, are all among
// Held (the calls the dispatcher holds for the chat, by ID and Token; none
// for a chat with nothing pending) and none is held back. The dispatcher
// sends them after the calls it holds, and only if those were sent. A
// zero HandOff (Lease 0) queues every call for a claim.
type HandOff struct {
	Lease time.Duration
	Held  []Message
}

// Queued is what an update's transaction queued in the outbox, as its
// dispatcher needs to know it.
type Queued struct {
	// Leased are calls queued already leased to the caller (each with
	// its Token and ClaimedAt, its attempt counted), in order: the
	// caller hands them to its dispatcher in memory, which sends them
	// as if it had claimed them. When the caller dies, their leases run
	// out and any dispatcher claims them.
	Leased []Message
	// Others is true when it queued calls that wait for a claim.
	Others bool
}

// Outbox hands queued calls to the dispatcher and records what happened.
// Every result is written only while the caller still holds the
// message's lease (its Token), so a stale dispatcher never undoes
// another's work.
type Outbox interface {
	// Claim leases the oldest pending call of up to limit chats whose
	// call is ready, most urgent first, each with up to follow more calls
	// of its chat that are ready and of the same priority; grouped by
	// chat, in order.
	Claim(ctx context.Context, now time.Time, limit, follow int, lease time.Duration) ([]Message, error)
	// Extend keeps claimed messages' leases from running out: each one
	// still held (pending, under its Token) lasts at least until
	// now+lease (a lease is never shortened). It returns the ids of those
	// no longer held: another dispatcher has them, or they are done.
	Extend(ctx context.Context, ms []Message, now time.Time, lease time.Duration) (lost []int64, err error)
	// Sent marks a message delivered, with the message id Telegram gave it.
	Sent(ctx context.Context, m Message, messageID int64, now time.Time) error
	// Retry releases a message to be tried again at the given time,
	// keeping cause among its errors; ambiguous counts it as an attempt
	// Telegram may have applied.
	Retry(ctx context.Context, m Message, at time.Time, cause error, ambiguous bool) error
	// Fail gives up on a message for good; the chat's next one goes next.
	Fail(ctx context.Context, m Message, cause error, now time.Time) error
	// Record writes many results at once, in one transaction, at now:
	// errs[i] is results[i]'s own error (conflict with ErrLeaseLost for
	// a retry, fail or release whose lease was lost; a sent message is
	// marked sent whoever holds it).
	Record(ctx context.Context, results []Result, now time.Time) (errs []error, err error)
	// Migrate moves a chat that became a supergroup: this message and
	// every later one to the old chat go to newChat.
	Migrate(ctx context.Context, m Message, newChat int64, now time.Time) error
}

// OverdueAck is an acknowledgement not delivered in time.
type OverdueAck struct {
	ChatID    int64     `db:"chat_id"`
	CaseID    int64     `db:"case_id"`
	Since     time.Time `db:"created_at"`
	Attempts  int       `db:"attempts"`
	LastError string    `db:"last_error"`
}

// FailedUpdate is an update set aside, as the desk sees it: no content.
type FailedUpdate struct {
	UpdateID    int64
	ChatID      int64
	At          time.Time // when it was set aside
	Attempts    int
	Reason      string
	Quarantined bool
}

// Backlog is what waits in the inbox and the outbox, for metrics and
// readiness.
type Backlog struct {
	InboxPending  int
	InboxOldest   time.Duration // age of the oldest pending update, 0 for none
	OutboxPending int
	OutboxOldest  time.Duration // age of the oldest pending message, 0 for none
	SetAside      int           // updates set aside (never pruned)
}

// Tx is everything one update's transaction may read and write: the
// chat's session, the desk, the chat's message log and the outbox. What
// it writes commits, or not, together.
type Tx interface {
	// Session returns the chat's session, locked for this transaction,
	// or a new one when the chat has never written.
	Session(ctx context.Context, chatID int64) (*flows.Session, error)
	// SaveSession stores the session.
	SaveSession(ctx context.Context, s *flows.Session, now time.Time) error
	// Enqueue adds calls to the outbox, to be sent after commit.
	Enqueue(ctx context.Context, now time.Time, out ...Message) error
	// Desk returns the case queue bound to this transaction.
	Desk() desk.Store

	// RecordMessage remembers a user's message (for /forget and replies).
	RecordMessage(ctx context.Context, chatID, messageID, caseID int64, at time.Time) error
	// MessageCase returns the case a message belongs to. Errors: not_found.
	MessageCase(ctx context.Context, chatID, messageID int64) (int64, error)
	// ChatMessages returns the ids of a chat's messages since a time.
	ChatMessages(ctx context.Context, chatID int64, since time.Time) ([]int64, error)
	// ForgetMessages drops deleted messages from the log.
	ForgetMessages(ctx context.Context, chatID int64, ids []int64) error

	// PendingAlerts counts alerts waiting for a chat and returns its open
	// bundle (id 0 for none) with the references it names.
	PendingAlerts(ctx context.Context, chatID int64, now time.Time) (n int, bundleID int64, refs []string, err error)
	// UpdateBundle rewrites a pending bundle.
	UpdateBundle(ctx context.Context, id int64, refs []string, payload []byte) error
	// Throttle reports whether an alert for key may go now, at most one
	// every every, and records it when it may.
	Throttle(ctx context.Context, key string, now time.Time, every time.Duration) (bool, error)
	// PinLive queues m, a live location (sendLocation with a live
	// period) to a staff chat, and records it as the pin that shows the
	// reporter's live location there.
	PinLive(ctx context.Context, m Message, pin LivePin, now time.Time) error
	// MoveLive moves every pin of a reporter's live location that is
	// still live (see LiveMove) and returns how many it moved.
	MoveLive(ctx context.Context, mv LiveMove, now time.Time) (int, error)
	// PendingAlbum returns the call gathering an album (KindAlbum, Refs
	// [album]) for a chat that has not gone out yet, locked for this
	// transaction, or id 0 when there is none.
	PendingAlbum(ctx context.Context, chatID int64, album string, now time.Time) (id int64, payload []byte, err error)

	// SetQuiet puts a chat in quiet mode (or out of it): from then on,
	// everything queued for it is sent silently.
	SetQuiet(ctx context.Context, chatID int64, quiet bool, now time.Time) error
	// OverdueAcks returns the acknowledgements (KindAck) queued before
	// before and still not delivered, each once: they are marked alerted
	// at now.
	OverdueAcks(ctx context.Context, before, now time.Time) ([]OverdueAck, error)
	// FailedUpdates returns the updates set aside (failed after their
	// attempts, or quarantined), newest first.
	FailedUpdates(ctx context.Context, limit int) ([]FailedUpdate, error)
	// RequeueUpdate puts a set-aside update back in the inbox with its
	// attempts reset (a quarantined one with its NUL characters
	// removed), for a retry after a fix. Errors: not_found.
	RequeueUpdate(ctx context.Context, updateID int64) error
}
