package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/koreandesk/hotline/mailbox"
)

const selectBacklog = `
SELECT
    (SELECT count(*) FROM inbox WHERE processed_at IS NULL) AS inbox_pending,
    COALESCE((SELECT extract(epoch FROM $1 - min(received_at)) FROM inbox WHERE processed_at IS NULL), 0) AS inbox_oldest,
    (SELECT count(*) FROM outbox WHERE status = 'pending') AS outbox_pending,
    COALESCE((SELECT extract(epoch FROM $1 - min(created_at)) FROM outbox WHERE status = 'pending'), 0) AS outbox_oldest,
    (SELECT count(*) FROM inbox WHERE set_aside_at IS NOT NULL) AS set_aside`

// Backlog counts what waits in the inbox and the outbox, and the updates
// set aside.
func (s *Store) Backlog(ctx context.Context, now time.Time) (mailbox.Backlog, error) {
	var r struct {
		InboxPending  int     `db:"inbox_pending"`
		InboxOldest   float64 `db:"inbox_oldest"`
		OutboxPending int     `db:"outbox_pending"`
		OutboxOldest  float64 `db:"outbox_oldest"`
		SetAside      int     `db:"set_aside"`
	}
	if err := s.db.GetContext(ctx, &r, selectBacklog, now); err != nil {
		return mailbox.Backlog{}, mapError(fmt.Errorf("backlog: %w", err))
	}
	sec := func(f float64) time.Duration { return time.Duration(max(f, 0) * float64(time.Second)) }
	return mailbox.Backlog{InboxPending: r.InboxPending, InboxOldest: sec(r.InboxOldest), OutboxPending: r.OutboxPending,
		OutboxOldest: sec(r.OutboxOldest), SetAside: r.SetAside}, nil
}
