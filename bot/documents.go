package bot

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// documents makes a call's document from its recipe (mailbox.Document)
// just before the call is sent, in a transaction of its own, and sends
// it: the file exists in memory only, never in the outbox, and each
// attempt makes it anew. A file that can no longer be made is given up
// (its asker is told); one the database could not make now is retried.
type documents struct {
	Sender
	h  *Handler
	db Pruner
}

func (s documents) Send(ctx context.Context, chatID int64, method string, c mailbox.Call) (int64, error) {
	if method != mailbox.MethodSendDocument || c.Document == nil {
		return s.Sender.Send(ctx, chatID, method, c)
	}
	var f mailbox.File
	err := s.db.Do(ctx, func(ctx context.Context, tx mailbox.Tx) error {
		var err error
		f, err = s.h.app.MakeDocument(ctx, tx, chatID, *c.Document)
		return err
	})
	switch code := flows.ErrorCode(err); {
	case code == flows.ENotFound || code == flows.EInvalid:
		return 0, permanent(fmt.Errorf("make %s document: %w", c.Document.Kind, err))
	case err != nil:
		return 0, unsent{fmt.Errorf("make %s document: %w", c.Document.Kind, err)}
	}
	c.Document, c.FileName, c.FileData = nil, f.Name, f.Data
	return s.Sender.Send(ctx, chatID, method, c)
}

// unsent marks a call that was not made at all: safe to retry.
type unsent struct{ error }

func (e unsent) Unwrap() error { return e.error }

// documentOf is the recipe of a call's document, nil for none.
func documentOf(m mailbox.Message) *mailbox.Document {
	var c mailbox.Call
	if m.Method != mailbox.MethodSendDocument || json.Unmarshal(m.Payload, &c) != nil {
		return nil
	}
	return c.Document
}
