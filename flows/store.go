package flows

import (
	"context"
	"time"
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

// Outgoing is one Bot API call waiting in the outbox: a method such as
// "sendMessage" and its JSON parameters.
type Outgoing struct {
	ID       int64
	ChatID   int64
	Priority Priority
	Method   string
	Payload  []byte
	Attempts int
	// CaseID, when set, links the sent message to a case, so a staff
	// member's Telegram reply to it reaches that case.
	CaseID int64
	// Kind marks desk alerts ("alert", "alert_bundle"), which are bundled
	// per chat in a burst; Refs are the cases a bundle names.
	Kind string
	Refs []string
}

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

// Tx is what one update's transaction may read and write.
type Tx interface {
	// Session returns the chat's session, locked for this transaction,
	// or a new one when the chat has never written.
	Session(ctx context.Context, chatID int64) (*Session, error)
	// SaveSession stores the session.
	SaveSession(ctx context.Context, s *Session, now time.Time) error
	// Enqueue adds calls to the outbox, to be sent after commit.
	Enqueue(ctx context.Context, now time.Time, out ...Outgoing) error
}

// Outbox hands queued calls to the dispatcher and records what happened.
type Outbox interface {
	// Claim leases up to limit ready calls, at most one per chat and
	// always the oldest pending one of its chat, most urgent first.
	Claim(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]Outgoing, error)
	// Sent marks a call delivered, with the message id Telegram gave it.
	Sent(ctx context.Context, id int64, messageID int64, now time.Time) error
	// Retry releases a call to be tried again at the given time.
	Retry(ctx context.Context, id int64, at time.Time, cause error) error
	// Fail gives up on a call for good; the chat's next call goes next.
	Fail(ctx context.Context, id int64, cause error, now time.Time) error
}
