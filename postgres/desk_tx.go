package postgres

import (
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres/deskdb"
)

// Desk returns the case queue bound to this update's transaction, so case
// writes commit or roll back with the update and its outbox messages.
func (x *tx) Desk() desk.Store { return deskdb.New(x.t) }
