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
	Attempts int
}

// Message is one Bot API call waiting in the outbox: a method (see the
// Method constants) and its Call encoded as JSON.
type Message struct {
	ID       int64
	ChatID   int64
	Priority Priority
	Method   string
	Payload  []byte
	Attempts int
	// CaseID, when set, links the sent message to a case, so a staff
	// member's Telegram reply to it reaches that case.
	CaseID int64
	// Kind marks desk alerts (KindAlert, KindAlertBundle), which are
	// bundled per chat in a burst; Refs are the cases a bundle names.
	Kind string
	Refs []string
}

// Kinds of outbox messages that bundling counts.
const (
	KindAlert       = "alert"
	KindAlertBundle = "alert_bundle"
)

// Inbox keeps received updates durable until they are processed.
type Inbox interface {
	// SaveUpdate stores a received update. It returns false, and no
	// error, when an update with that update_id was stored before.
	SaveUpdate(ctx context.Context, u Update, now time.Time) (bool, error)
	// ProcessNext runs fn in one transaction for the oldest ready update
	// of a chat that has no earlier update pending, and marks it
	// processed when fn succeeds. It returns false when no update is
	// ready. If fn fails the transaction is rolled back and the error
	// returned; the update stays pending.
	ProcessNext(ctx context.Context, now time.Time, fn func(context.Context, Tx, Update) error) (bool, error)
	// RetryUpdate records a failed attempt and when to try again.
	RetryUpdate(ctx context.Context, seq int64, at time.Time, cause error) error
	// AbandonUpdate gives up on an update after too many attempts, in a
	// transaction in which fn may still tell the user.
	AbandonUpdate(ctx context.Context, u Update, now time.Time, cause error, fn func(context.Context, Tx) error) error
}

// Outbox hands queued calls to the dispatcher and records what happened.
type Outbox interface {
	// Claim leases up to limit ready calls, at most one per chat and
	// always the oldest pending one of its chat, most urgent first.
	Claim(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]Message, error)
	// Sent marks a call delivered, with the message id Telegram gave it.
	Sent(ctx context.Context, id int64, messageID int64, now time.Time) error
	// Retry releases a call to be tried again at the given time.
	Retry(ctx context.Context, id int64, at time.Time, cause error) error
	// Fail gives up on a call for good; the chat's next call goes next.
	Fail(ctx context.Context, id int64, cause error, now time.Time) error
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
}
