package bot_test

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/jmoiron/sqlx"
	"github.com/looplab/fsm"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/koreandesk/hotline/app"
	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/registry"
	"github.com/koreandesk/hotline/jobcheck"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// wait is how long a test waits for the bot to answer. Answers normally
// take milliseconds; the margin is for -race on a loaded 2-core machine.
const wait = 15 * time.Second

// harness runs the whole bot (poller, inbox, workers, outbox, dispatcher)
// against an emulated Bot API server and a fresh PostgreSQL database.
type harness struct {
	t     *testing.T
	api   *bottest.Server
	db    *sqlx.DB
	store *postgres.Store
	stop  func()
	// clock is the bot's clock: real time plus an offset tests move
	// forward (escalation after five minutes takes no five minutes).
	clock *clock
	// deskChat is the desk's group chat id.
	deskChat int64
	// sealer seals passport numbers, with a key of this harness.
	sealer *desk.Sealer
	// escalateEvery runs the escalation loop at this period; zero leaves
	// it off, so that no test races a background job it did not ask for.
	escalateEvery time.Duration
	// checkInEvery runs the check-in loop at this period; zero leaves it
	// off, like the escalation loop.
	checkInEvery time.Duration
	// partners are those cases may be referred to (/refer).
	partners desk.Partners
	opts     harnessOpts
	// svc and metrics are the running bot's (replaced by restart).
	svc     *bot.Service
	metrics *bot.Metrics
	reg     *prometheus.Registry
}

// harnessOpts change how the bot is run, for the failure tests.
type harnessOpts struct {
	// dbURL, when set, is how the bot reaches its database (through a
	// proxy the test can cut); the test's own h.db still goes direct.
	dbURL string
	// conversations are added to the engine, each routed by its name.
	conversations []flows.Conversation
	// bot.Options overrides, when non-zero.
	maxAttempts                       int
	updateLease, sendLease, sendTimer time.Duration
	receiveStale                      time.Duration
	sendRate                          int
	noPoll                            bool
	ackEvery                          time.Duration
}

// checkingIn turns the check-in loop on, for the tests of check-ins.
func checkingIn(h *harness) { h.checkInEvery = 100 * time.Millisecond }

// escalating turns the escalation loop on, for the tests of escalation.
func escalating(h *harness) { h.escalateEvery = 100 * time.Millisecond }

// deskGroup is the desk's group chat in every harness.
const deskGroup = -1001000000001

type clock struct {
	mu     sync.Mutex
	offset time.Duration
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

func newHarness(t *testing.T, opts ...func(*harness)) *harness {
	t.Helper()
	return newHarnessWith(t, bottest.New(), pgtest.New(t), harnessOpts{}, opts...)
}

// newHarnessWith runs the bot against api and db with ho and opts.
func newHarnessWith(t *testing.T, api *bottest.Server, db *sqlx.DB, ho harnessOpts, opts ...func(*harness)) *harness {
	t.Helper()
	t.Cleanup(api.Close)
	key := make([]byte, desk.KeySize)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	sealer, err := desk.NewSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, api: api, db: db, store: postgres.New(db), clock: &clock{}, deskChat: deskGroup, sealer: sealer,
		opts: ho}
	if ho.dbURL != "" {
		botDB, err := postgres.Open(context.Background(), ho.dbURL, 8)
		if err != nil {
			t.Fatal(err)
		}
		botDB.SetMaxOpenConns(0)
		t.Cleanup(func() { botDB.Close() })
		h.store = postgres.New(botDB)
	}
	api.Group(deskGroup, "Korean Desk")
	for _, o := range opts {
		o(h)
	}
	h.start()
	t.Cleanup(func() { h.stop() })
	return h
}

func testLogger() *slog.Logger {
	if os.Getenv("TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// start runs a new bot process; stop (or a restart) ends it the way
// SIGTERM does.
func (h *harness) start() {
	h.t.Helper()
	log := testLogger()
	tg, err := tgbot.New(h.api.Token(), tgbot.WithServerURL(h.api.URL()), tgbot.WithSkipGetMe())
	if err != nil {
		h.t.Fatal(err)
	}
	cat, err := locales.Load(log)
	if err != nil {
		h.t.Fatal(err)
	}
	contacts := []flows.Contact{{Label: flows.M("contacts.police"), Number: "117"}}
	engine := registry.New(contacts, append([]flows.Conversation{survey{}, panicButton{}}, h.opts.conversations...)...)
	for _, c := range h.opts.conversations {
		engine.Route(c.Name(), c.Name())
	}
	engine.Route("survey", "survey")
	engine.Route("panic", "panic")
	checker, err := jobcheck.Load()
	if err != nil {
		h.t.Fatal(err)
	}
	render := bot.NewRenderer(cat)
	a := app.New(engine, render, log, h.clock.Now).WithDeskChat(h.deskChat, "ko").WithChecker(checker).
		WithSealer(h.sealer).WithPartners(h.partners)
	handler := bot.NewHandler(a, render, log, h.clock.Now)
	if h.escalateEvery == 0 {
		h.escalateEvery = -1 // off
	}
	if h.checkInEvery == 0 {
		h.checkInEvery = -1 // off
	}
	h.reg = prometheus.NewRegistry()
	h.metrics = bot.NewMetrics(h.reg)
	o := h.opts
	svc := bot.NewService(h.store, h.store, handler, bot.NewTelegramSender(tg), bot.Options{
		APIURL: h.api.URL(), Token: h.api.Token(), Workers: 4, SendRate: cmp.Or(o.sendRate, 1000),
		Metrics: h.metrics, Log: log, Now: h.clock.Now,
		EscalateAfter: 5 * time.Minute, EscalateEvery: h.escalateEvery, CheckInEvery: h.checkInEvery,
		MaxUpdateAttempts: o.maxAttempts, UpdateLease: o.updateLease, SendLease: o.sendLease, SendTimeout: o.sendTimer,
		ReceiveStale: o.receiveStale, AckCheckEvery: o.ackEvery,
	})
	h.svc = svc
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		svc.Run(ctx, !o.noPoll)
	}()
	h.stop = func() {
		cancel()
		<-done
		h.stop = func() {}
	}
}

func (h *harness) restart() {
	h.t.Helper()
	h.stop()
	h.start()
}

// texts waits for n bot messages in the chat and returns their texts.
func (h *harness) texts(chat int64, n int) []string {
	h.t.Helper()
	msgs, err := h.api.WaitMessages(chat, n, wait)
	if err != nil {
		h.t.Fatal(err)
	}
	out := make([]string, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, m.Text)
	}
	return out
}

// quiet asserts the bot sends nothing more to chat beyond n messages for a
// short while.
func (h *harness) quiet(chat int64, n int) {
	h.t.Helper()
	time.Sleep(700 * time.Millisecond)
	if got := len(h.api.BotMessages(chat)); got != n {
		h.t.Errorf("chat %d has %d bot messages, want exactly %d", chat, got, n)
	}
}

func (h *harness) count(query string, args ...any) int {
	h.t.Helper()
	var n int
	if err := h.db.Get(&n, query, args...); err != nil {
		h.t.Fatal(err)
	}
	return n
}

func contains(t *testing.T, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("message %q does not contain %q", got, want)
	}
}

// survey is a two-question conversation that stands in for the real
// flows, so the foundation's guarantees are tested on a multi-step
// machine: it asks a name, then a city, then ends.
type survey struct{}

func (survey) Name() string    { return "survey" }
func (survey) Initial() string { return "ask_name" }
func (survey) Events() fsm.Events {
	return fsm.Events{
		{Name: "answer", Src: []string{"ask_name"}, Dst: "ask_city"},
		{Name: "answer", Src: []string{"ask_city"}, Dst: "done"},
	}
}

func (survey) Event(_ *flows.Session, in flows.Input) string {
	if in.Kind != flows.KindText || len([]rune(in.Text)) > flows.MaxTextRunes {
		return ""
	}
	return "answer"
}

func (survey) Callbacks(t *flows.Turn) fsm.Callbacks {
	return fsm.Callbacks{
		"leave_state": func(_ context.Context, e *fsm.Event) { t.Session.Set(e.Src, t.Input.Text) },
		"enter_ask_city": func(context.Context, *fsm.Event) {
			t.Say(flows.Reply{Text: flows.Literal("city? (name " + t.Session.Answers["ask_name"] + ")")})
		},
		"enter_done": func(context.Context, *fsm.Event) {
			t.Say(flows.Reply{Text: flows.Literal("done: " + t.Session.Answers["ask_name"] + " in " + t.Session.Answers["ask_city"])})
			t.End()
		},
	}
}

func (survey) Prompt(t *flows.Turn) {
	t.Say(flows.Reply{Text: flows.Literal(strings.ReplaceAll(t.Session.State, "_", " ") + "?")})
}

// panicButton stands in for the distress flow: its first tap opens an
// urgent case, alerts the desk and ends, so what the reporter writes next
// goes to the case.
type panicButton struct{}

func (panicButton) Name() string    { return "panic" }
func (panicButton) Initial() string { return "opened" }
func (panicButton) Events() fsm.Events {
	return fsm.Events{{Name: "noop", Src: []string{"opened"}, Dst: "opened"}}
}
func (panicButton) Event(*flows.Session, flows.Input) string { return "" }
func (panicButton) Callbacks(*flows.Turn) fsm.Callbacks      { return fsm.Callbacks{} }
func (panicButton) Prompt(*flows.Turn)                       {}
func (panicButton) Begin(t *flows.Turn) {
	t.Do(flows.OpenCase{Type: "distress", Priority: "urgent", Alert: true,
		Answers: map[string]string{"address": "Building B, " + t.Input.Args}})
	t.Say(flows.Reply{Text: flows.M("relay.added", "Ref", flows.CaseRef{})})
	t.End()
}

// staff adds an active, on-duty staff member.
func (h *harness) staff(u bottest.User, role desk.Role, lang string) {
	h.t.Helper()
	h.api.AddUser(u)
	_, err := h.store.Desk().AddStaff(context.Background(), desk.Staff{UserID: u.ID, ChatID: u.ID, Name: u.FirstName,
		Username: u.Username, Role: role, OnDuty: true, Language: lang}, time.Now())
	if err != nil {
		h.t.Fatal(err)
	}
}

// caseOf returns the reporter's open case.
func (h *harness) caseOf(chat int64) *desk.Case {
	h.t.Helper()
	c, err := h.store.Desk().OpenCaseOf(context.Background(), chat)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// eventually waits for a condition on the database, which the emulator
// cannot signal, by polling it.
func (h *harness) eventually(cond func() bool, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return errors.New("condition not met in time")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil
}

// advance moves the bot's clock on once the dispatcher has no call in
// hand. A call delivered whose result is not yet recorded is still leased
// until claim time + SEND_LEASE on the bot's clock: moved on past that, the
// lease would look run out and the call be claimed and sent again, a copy
// no real clock makes.
func (h *harness) advance(d time.Duration) {
	h.t.Helper()
	err := h.eventually(func() bool {
		return h.count(`SELECT count(*) FROM outbox WHERE status = 'pending' AND lease_token IS NOT NULL`) == 0
	}, 30*time.Second)
	if err != nil {
		h.t.Fatalf("advance the clock: the dispatcher still holds calls: %v", err)
	}
	h.clock.Advance(d)
}
