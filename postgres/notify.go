package postgres

import (
	"context"
	"log/slog"
	"time"

	"github.com/lib/pq"
)

// The channels on which commits announce new work (migration 00015's
// triggers): an update stored in the inbox, a message queued in the outbox.
const (
	ChannelInbox  = "hotline_inbox"
	ChannelOutbox = "hotline_outbox"
)

// listenPing is how often an idle listener checks its connection.
const listenPing = time.Minute

// Listen wakes this replica when any replica commits work: onInbox for
// new updates, onOutbox for new messages to send, both after the
// connection was lost and made again (a notification may have been missed
// meanwhile). It runs until ctx is done; the workers' and dispatcher's
// slow timers remain the safety net.
func Listen(ctx context.Context, dbURL string, log *slog.Logger, onInbox, onOutbox func()) error {
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
			return mapError(err)
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
