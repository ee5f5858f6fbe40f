// Package listen wakes a replica when another replica commits work, through
// PostgreSQL's LISTEN/NOTIFY (migrations 00015 and 00021).
package listen

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"time"

	"github.com/lib/pq"

	"github.com/koreandesk/hotline/postgres/internal/pgerr"
)

// The channels on which commits announce new work (migration 00015's
// triggers): an update stored in the inbox, a message queued in the outbox.
const (
	ChannelInbox  = "hotline_inbox"
	ChannelOutbox = "hotline_outbox"
)

// listenPing is how often an idle listener checks its connection.
const listenPing = time.Minute

// WithReplica names this replica on a postgres:// URL's connections with
// a new random id (a key=value string is returned as it is, and id ""),
// so that Listen can ignore the replica's own commits (migration 00021).
func WithReplica(rawURL string) (withID, id string) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return rawURL, ""
	}
	id = fmt.Sprintf("%016x", rand.Uint64())
	q := u.Query()
	q.Set("hotline.replica", id)
	u.RawQuery = q.Encode()
	return u.String(), id
}

// Listen wakes this replica when another replica commits work: onInbox
// for new updates, onOutbox for new messages to send, both after the
// connection was lost and made again (a notification may have been missed
// meanwhile). Commits of this replica's connections (named replica by
// WithReplica; "" for none) are ignored. It runs until ctx is done; the
// workers' and dispatcher's slow timers remain the safety net.
func Listen(ctx context.Context, dbURL, replica string, log *slog.Logger, onInbox, onOutbox func()) error {
	log = log.With("component", "listener")
	l := pq.NewListener(dbURL, time.Second, time.Minute, func(ev pq.ListenerEventType, err error) {
		switch ev {
		case pq.ListenerEventConnectionAttemptFailed, pq.ListenerEventDisconnected:
			log.Warn("listen for other replicas' work: connection lost", "err", err)
		case pq.ListenerEventReconnected:
			log.Info("listen for other replicas' work: reconnected")
		}
	})
	for _, ch := range []string{ChannelInbox, ChannelOutbox} {
		if err := l.Listen(ch); err != nil {
			l.Close()
			return pgerr.Map(err)
		}
	}
	go func() {
		defer l.Close()
		ping := time.NewTicker(listenPing)
		defer ping.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case n := <-l.Notify:
				switch {
				case n == nil: // reconnected: anything may have been missed
					onInbox()
					onOutbox()
				case replica != "" && n.Extra == replica: // our own
				case n.Channel == ChannelInbox:
					onInbox()
				case n.Channel == ChannelOutbox:
					onOutbox()
				}
			case <-ping.C:
				go l.Ping()
			}
		}
	}()
	return nil
}
