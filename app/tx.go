package app

import (
	"context"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// turn is the work on one input inside its update's transaction: what came
// in, and the messages queued so far.
type turn struct {
	h    *Handler
	ctx  context.Context
	tx   mailbox.Tx
	desk desk.Store
	in   flows.Input
	prio mailbox.Priority
	now  time.Time
	// caseRef is the case the conversation fed before this step.
	caseRef string
	// capped says the reporter reached the daily cap of new cases: the
	// conversation ends with a calm answer instead of its replies.
	capped bool
	out    []mailbox.Message
	// answered is set once a reply to the sender is queued.
	answered bool
}

// send renders a reply in lang for chatID and queues it; caseID links the
// sent message to a case (0 for none).
func (t *turn) send(chatID int64, lang string, caseID int64, rep flows.Reply) error {
	first := chatID == t.in.ChatID && !t.answered
	p := t.replyPriority(chatID)
	msgs, err := t.h.render.Reply(chatID, lang, p, rep)
	if err != nil {
		return err
	}
	if first && p == mailbox.PriorityUrgent && len(msgs) > 0 {
		msgs[0].Kind = mailbox.KindAck
	}
	for i := range msgs {
		msgs[i].CaseID = caseID
	}
	t.out = append(t.out, msgs...)
	return nil
}

// replyPriority is the outbox class of a message to chatID. The first
// answer to an urgent input (a /sos) goes with the desk's urgent alerts,
// before everything else; the sender's other answers come next, as
// replies to a person in a conversation; messages to other chats keep the
// turn's priority.
func (t *turn) replyPriority(chatID int64) mailbox.Priority {
	if chatID != t.in.ChatID {
		return t.prio
	}
	first := !t.answered
	t.answered = true
	if first && t.prio == mailbox.PriorityUrgent {
		return mailbox.PriorityUrgent
	}
	return mailbox.PriorityHigh
}

// queue adds a raw call.
func (t *turn) queue(chatID int64, p mailbox.Priority, method string, c mailbox.Call, caseID int64) error {
	o, err := mailbox.New(chatID, p, method, c)
	if err != nil {
		return err
	}
	o.CaseID = caseID
	t.out = append(t.out, o)
	return nil
}

// text queues a one-message reply to the sender's chat.
func (t *turn) text(lang, id string, kv ...any) error {
	return t.send(t.in.ChatID, lang, 0, flows.Reply{Text: flows.M(id, kv...)})
}
