// Package simulator lets a newcomer, a trainer or a desk officer in training
// talk to the bot in a web browser, with no bot token and no internet.
//
// It runs the Bot API emulator of bot/bottest on 127.0.0.1 (the bot, given
// its URL as TELEGRAM_API_URL, does not know it is not Telegram) and serves
// a page that looks like Telegram: one pane per person (a reporter, the desk
// officer, and whoever is added), each speaking to the bot through small
// JSON endpoints that turn clicks and typing into real Bot API updates, and
// a Server-Sent Events stream that shows what the bot sends, edits and
// deletes. The emulator's histories, message ids and update_ids are kept in
// a JSON file, so that a restart goes on where it stopped.
package simulator

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
)

// Options configure a Simulator.
type Options struct {
	// Path is the JSON file the simulator's state is kept in; "" keeps it
	// in memory only.
	Path string
	// DeskChatID is the desk's group chat, shown to officers; 0 means
	// DefaultDeskChatID.
	DeskChatID int64
	// LiveEvery is how often a shared live location moves (default 4s).
	LiveEvery time.Duration
	// SaveDelay is how long the state file waits for changes to settle
	// before it is written (default 300ms).
	SaveDelay time.Duration
	// Now is the emulator's clock (message dates, the 48-hour limit of
	// deleteMessage); nil is time.Now.
	Now func() time.Time
	Log *slog.Logger
}

// DefaultDeskChatID is the desk's group chat unless Options.DeskChatID says otherwise.
const DefaultDeskChatID = -1001000000777

// BotUsername is the emulated bot's username, used in deep links.
const BotUsername = "KoreanDeskBot"

// Simulator is the emulated Bot API server plus the people who use it and
// the web page they use it from.
type Simulator struct {
	api  *bottest.Server
	opts Options
	// epoch names this process in event ids: a page that reconnects to a
	// restarted simulator gets the whole history again.
	epoch string

	mu       sync.Mutex
	people   []Person
	nextID   int64
	changed  chan struct{} // closed and replaced when people or live locations change
	live     map[int64]*liveLocation
	closed   bool
	done     chan struct{}
	wg       sync.WaitGroup
	lastSave []byte
}

// Open loads the state file (when there is one), starts the emulator and
// the goroutine that keeps the state file current. Close it when done.
func Open(opts Options) (*Simulator, error) {
	if opts.DeskChatID == 0 {
		opts.DeskChatID = DefaultDeskChatID
	}
	if opts.LiveEvery <= 0 {
		opts.LiveEvery = 4 * time.Second
	}
	if opts.SaveDelay <= 0 {
		opts.SaveDelay = 300 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	opts.Log = opts.Log.With("component", "simulator")
	saved, err := load(opts.Path)
	if err != nil {
		return nil, err
	}
	s := &Simulator{opts: opts, epoch: newEpoch(), changed: make(chan struct{}),
		live: map[int64]*liveLocation{}, done: make(chan struct{})}
	apiOpts := []bottest.Option{bottest.WithBotUsername(BotUsername)}
	if saved != nil {
		s.people, s.nextID = saved.People, saved.NextPersonID
		apiOpts = append(apiOpts, bottest.WithState(saved.Emulator))
	} else {
		s.people, s.nextID = seedPeople(), firstAddedID
		// The bot's inbox remembers update ids for days: a fresh emulator
		// on an old database must not reuse them. Milliseconds since 1970
		// leave a thousand updates a second between two fresh starts.
		apiOpts = append(apiOpts, bottest.WithNextUpdateID(time.Now().UnixMilli()))
	}
	s.api = bottest.New(apiOpts...)
	if opts.Now != nil {
		s.api.SetClock(opts.Now)
	}
	s.api.Group(opts.DeskChatID, "Korean Desk")
	for _, p := range s.people {
		s.api.AddUser(p.user())
	}
	s.wg.Go(s.saveLoop)
	return s, nil
}

func newEpoch() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// API is the emulated Bot API server: give the bot its URL and Token.
func (s *Simulator) API() *bottest.Server { return s.api }

// DeskChatID is the desk's group chat.
func (s *Simulator) DeskChatID() int64 { return s.opts.DeskChatID }

// Supervisor is the desk officer the simulator starts with; the bot must
// make them a supervisor (DESK_ADMIN_IDS).
func (s *Simulator) Supervisor() Person {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.people {
		if p.Role == RoleSupervisor {
			return p
		}
	}
	return seedPeople()[1]
}

// notify wakes the event streams and the saver; s.mu held.
func (s *Simulator) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Simulator) changedCh() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

// Close stops live locations and event streams, writes the state file one
// last time and stops the emulator.
func (s *Simulator) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	for _, l := range s.live {
		l.stop()
	}
	close(s.done)
	s.mu.Unlock()
	s.wg.Wait()
	err := s.save()
	s.api.Close()
	if err != nil {
		return fmt.Errorf("simulator: %w", err)
	}
	return nil
}
