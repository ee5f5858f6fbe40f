package bot_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
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
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// crasher is a flow that kills its process on its first step: a bug that
// takes the whole bot down (an out-of-memory kill, a segfault in cgo).
type crasher struct{}

func (crasher) Name() string    { return "crasher" }
func (crasher) Initial() string { return "opened" }
func (crasher) Events() fsm.Events {
	return fsm.Events{{Name: "noop", Src: []string{"opened"}, Dst: "opened"}}
}
func (crasher) Event(*flows.Session, flows.Input) string { return "" }
func (crasher) Callbacks(*flows.Turn) fsm.Callbacks      { return fsm.Callbacks{} }
func (crasher) Prompt(*flows.Turn)                       {}
func (crasher) Begin(*flows.Turn)                        { os.Exit(3) }

// crashEnv names the child process's Bot API and database.
const crashEnv = "HOTLINE_CRASH_CHILD"

// TestCrashChild is not a test: it is the bot process that
// TestKilledInsideTheHandlerCountsAttempts starts and that dies inside the
// handler of /sos.
func TestCrashChild(t *testing.T) {
	if os.Getenv(crashEnv) == "" {
		t.Skip("run by TestKilledInsideTheHandlerCountsAttempts")
	}
	db, err := sqlx.Open("postgres", os.Getenv(crashEnv+"_DB"))
	if err != nil {
		t.Fatal(err)
	}
	api, token := os.Getenv(crashEnv+"_API"), os.Getenv(crashEnv+"_TOKEN")
	tg, err := tgbot.New(token, tgbot.WithServerURL(api), tgbot.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	log := testLogger()
	cat, err := locales.Load(log)
	if err != nil {
		t.Fatal(err)
	}
	engine := flows.NewEngine(nil, crasher{})
	engine.Route("sos", "crasher")
	store := postgres.New(db)
	render := bot.NewRenderer(cat)
	handler := bot.NewHandler(app.New(engine, render, log, time.Now), render, log, time.Now)
	svc := bot.NewService(store, store, handler, bot.NewTelegramSender(tg), bot.Options{
		APIURL: api, Token: token, Workers: 1, SendRate: 100, Metrics: bot.NewMetrics(prometheus.NewRegistry()),
		Log: log, Now: time.Now, MaxUpdateAttempts: 3, UpdateLease: 500 * time.Millisecond,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	svc.Run(ctx, true) // ends by os.Exit(3) inside the handler
}

// A flow that fails on /sos by killing the process, three times: each
// death has used an attempt (counted before the handler ran), so the next
// process sets the update aside instead of dying again: the payload is
// kept, the person gets one apology, and their chat is free.
func TestKilledInsideTheHandlerCountsAttempts(t *testing.T) {
	t.Parallel()
	api := bottest.New()
	url := pgtest.URL(t)
	db := sqlxOpen(t, url)
	reporter := bottest.User{ID: 9680, FirstName: "Srey", LanguageCode: "ko"}
	api.SendText(reporter, "/sos")
	for i := 1; i <= 3; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"=1", crashEnv+"_DB="+url, crashEnv+"_API="+api.URL(),
			crashEnv+"_TOKEN="+api.Token())
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 3 {
			t.Fatalf("child %d: %v, want it killed inside the handler (exit 3)", i, err)
		}
		var attempts int
		if err := db.Get(&attempts, `SELECT attempts FROM inbox WHERE chat_id = $1`, reporter.ID); err != nil {
			t.Fatal(err)
		}
		if attempts != i {
			t.Errorf("after %d deaths: attempts = %d", i, attempts)
		}
		time.Sleep(600 * time.Millisecond) // the dead process's claim runs out
	}
	h := newHarnessWith(t, api, db, harnessOpts{maxAttempts: 3, updateLease: 500 * time.Millisecond})
	h.staff(supervisor, desk.RoleSupervisor, "en")
	apology := h.texts(reporter.ID, 1)[0]
	contains(t, apology, "문제가") // common.error in Korean
	var row struct {
		Payload  string `db:"payload"`
		SetAside bool   `db:"set_aside"`
	}
	if err := db.Get(&row, `SELECT payload::text, set_aside_at IS NOT NULL AS set_aside FROM inbox WHERE chat_id = $1`, reporter.ID); err != nil {
		t.Fatal(err)
	}
	if !row.SetAside || !strings.Contains(row.Payload, "/sos") {
		t.Errorf("inbox row = %+v, want set aside with its payload kept", row)
	}
	api.SendText(reporter, "/help")
	contains(t, h.texts(reporter.ID, 2)[1], "/sos") // the help, in Korean
	for _, m := range h.api.BotMessages(reporter.ID) {
		if strings.Contains(m.Text, "문제가") && m.Text != apology {
			t.Errorf("a second apology: %q", m.Text)
		}
	}
	var apologies int
	for _, m := range h.api.BotMessages(reporter.ID) {
		if m.Text == apology {
			apologies++
		}
	}
	if apologies != 1 {
		t.Errorf("%d apologies, want 1", apologies)
	}
}
