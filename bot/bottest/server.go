// Package bottest is an in-process emulation of the Telegram Bot API server.
//
// It speaks the real wire format of https://core.telegram.org/bots/api, so the
// unmodified go-telegram/bot client (configured with bot.WithServerURL) and any
// hand-written getUpdates poller work against it. Tests, and the browser
// simulator (package simulator), play the user side: they inject updates
// (SendText, SendCallback, SendLocation, ...) and inspect what the bot did
// (Messages, Changes, Calls, Commands, MenuFor). Snapshot and WithState carry
// its chats across a restart.
//
// The package does not import testing; every wait returns an error instead of
// failing a test. All methods are safe for concurrent use.
package bottest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// DefaultToken is the bot token a Server accepts unless WithToken is given.
const DefaultToken = "123456:TEST-token"

// DefaultBotUsername is the username of the emulated bot unless WithBotUsername is given.
const DefaultBotUsername = "KoreanDeskTestBot"

// ErrClosed is returned by waits when the Server has been closed.
var ErrClosed = errors.New("bottest: server closed")

// Server is an emulated Telegram Bot API server listening on 127.0.0.1.
type Server struct {
	hs    *httptest.Server
	token string
	bot   models.User

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every state change
	closed  bool
	clock   func() time.Time

	nextUpdateID int64
	queue        []queued // unconfirmed updates, ascending update_id
	redeliver    []queued // duplicates to hand out once, ahead of the queue
	sentUpdates  map[int64]json.RawMessage
	pollGen      int64

	chats     map[int64]*chat
	calls     []Call
	files     map[string]*File
	fileSeq   int
	albumSeq  int64
	callbacks map[string]*callbackState
	cbByUpd   map[int64]string
	cbSeq     int

	faults    map[string][]tgapi.Failure
	chatFault map[string][]tgapi.Failure // by "chat_id method"
	down      bool
	rateLimit int

	webhook  models.WebhookInfo
	commands map[string][]models.BotCommand

	seq int64 // last Message.Seq handed out
}

// Option configures a Server created by New.
type Option func(*Server)

// WithToken sets the accepted bot token. The bot user id is the number before
// the colon, as with real tokens.
func WithToken(token string) Option {
	return func(s *Server) {
		s.token = token
		if id, err := strconv.ParseInt(strings.SplitN(token, ":", 2)[0], 10, 64); err == nil {
			s.bot.ID = id
		}
	}
}

// WithBotUsername sets the username reported by getMe and used in message.from.
func WithBotUsername(username string) Option {
	return func(s *Server) { s.bot.Username = username }
}

// New starts a Server on a random 127.0.0.1 port. Close it when done.
func New(opts ...Option) *Server {
	s := &Server{
		token: DefaultToken,
		bot: models.User{
			ID: 123456, IsBot: true, FirstName: "Korean Desk Test",
			Username: DefaultBotUsername, CanJoinGroups: true,
		},
		changed:      make(chan struct{}),
		clock:        time.Now,
		nextUpdateID: 1,
		sentUpdates:  map[int64]json.RawMessage{},
		chats:        map[int64]*chat{},
		files:        map[string]*File{},
		callbacks:    map[string]*callbackState{},
		cbByUpd:      map[int64]string{},
		faults:       map[string][]tgapi.Failure{},
		chatFault:    map[string][]tgapi.Failure{},
		commands:     map[string][]models.BotCommand{},
	}
	for _, o := range opts {
		o(s)
	}
	s.hs = httptest.NewServer(s)
	return s
}

// URL is the base URL to hand to bot.WithServerURL, e.g. "http://127.0.0.1:34567".
func (s *Server) URL() string { return s.hs.URL }

// Token is the bot token the Server accepts.
func (s *Server) Token() string { return s.token }

// BotUser is the emulated bot's own user, as returned by getMe.
func (s *Server) BotUser() models.User { return s.bot }

// Handler returns the Bot API handler, for mounting on another listener.
func (s *Server) Handler() http.Handler { return s }

// Close wakes pending long polls and waits, then shuts the listener down.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.notify()
	s.mu.Unlock()
	s.hs.CloseClientConnections()
	s.hs.Close()
}

// SetClock replaces the clock used for message dates, the 48 hour deletion
// limit, live location expiry and the flood limit. nil restores time.Now.
// The function is called with the Server's lock held and must not call back
// into the Server. getUpdates timeouts and Wait* always use real time.
func (s *Server) SetClock(now func() time.Time) {
	if now == nil {
		now = time.Now
	}
	s.mu.Lock()
	s.clock = now
	s.mu.Unlock()
}

// now must be called with s.mu held.
func (s *Server) now() time.Time { return s.clock() }

// notify wakes every waiter; must be called with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// WaitFor blocks until cond returns true, re-evaluating it after every state
// change (update queued or confirmed, API call served, message stored, ...).
// cond is called without the lock held, so it may call Messages, Calls, etc.
// It returns an error on timeout or when the Server is closed.
func (s *Server) WaitFor(cond func() bool, timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		ch, closed := s.changed, s.closed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		if closed {
			return ErrClosed
		}
		select {
		case <-ch:
		case <-timer.C:
			if cond() {
				return nil
			}
			return fmt.Errorf("bottest: condition not met within %v", timeout)
		}
	}
}
