package deskdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// countNewCases counts a reporter's cases opened since a time, distress
// reports aside (never capped), on the cases_reporter index.
const countNewCases = `
SELECT count(*) FROM cases
WHERE reporter_chat_id = $1 AND created_at >= $2 AND type <> 'distress'`

// NewCasesSince counts the reporter's cases other than distress reports
// opened at or after since: the daily cap of new cases per reporter.
func (d *Store) NewCasesSince(ctx context.Context, reporterChatID int64, since time.Time) (int, error) {
	var n int
	if err := sqlx.GetContext(ctx, d.q, &n, countNewCases, reporterChatID, since); err != nil {
		return 0, mapError(fmt.Errorf("count new cases of chat %d: %w", reporterChatID, err))
	}
	return n, nil
}
