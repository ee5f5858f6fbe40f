package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
)

// Tx is the update transaction as the bot uses it: the conversation store,
// the case queue bound to the same transaction, and the message log.
type Tx interface {
	flows.Tx
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

func asTx(tx flows.Tx) (Tx, error) {
	t, ok := tx.(Tx)
	if !ok {
		return nil, fmt.Errorf("store transaction %T lacks the desk", tx)
	}
	return t, nil
}

// update is the work on one update inside its transaction: what came in,
// who sent it, and the calls queued so far.
type update struct {
	h    *Handler
	ctx  context.Context
	tx   Tx
	desk desk.Store
	in   flows.Input
	prio flows.Priority
	now  time.Time
	// name is the sender's display name, for staff views.
	name string
	// replyTo is the message a Telegram reply answers, 0 for none.
	replyTo int
	// caseRef is the case the conversation fed before this step.
	caseRef string
	out     []flows.Outgoing
}

// send renders a reply in lang for chatID and queues it; caseID links the
// sent message to a case (0 for none).
func (u *update) send(chatID int64, lang string, caseID int64, rep flows.Reply) error {
	msgs, err := u.h.render.Reply(chatID, lang, u.prio, rep)
	if err != nil {
		return err
	}
	for i := range msgs {
		msgs[i].CaseID = caseID
	}
	u.out = append(u.out, msgs...)
	return nil
}

// queue adds a raw call.
func (u *update) queue(chatID int64, p flows.Priority, method string, c call, caseID int64) error {
	o, err := outgoing(chatID, p, method, c)
	if err != nil {
		return err
	}
	o.CaseID = caseID
	u.out = append(u.out, o)
	return nil
}

// text queues a one-message reply to the sender's chat.
func (u *update) text(lang, id string, kv ...any) error {
	return u.send(u.in.ChatID, lang, 0, flows.Reply{Text: flows.M(id, kv...)})
}
