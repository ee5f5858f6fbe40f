package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// adminURL is the test server's DATABASE_URL, read before the tests
// replace it with their own database's.
var adminURL = os.Getenv("DATABASE_URL")

// freshDB returns the URL of a new, migrated database.
func freshDB(t *testing.T) string {
	t.Helper()
	url := adminURL
	t.Setenv("DATABASE_URL", url) // pgtest reads it
	return pgtest.URL(t)
}

// runMain runs the program in a child process (see TestMain) with exactly
// env (and PATH), and returns its exit code and output. A program that does not
// stop within 20 s is killed: it started when it should have refused.
func runMain(t *testing.T, args string, env ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], strings.Fields(args)...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOTLINE_TEST_MAIN=1"}, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("hotline %s did not stop within 20 s; it started:\n%s", args, out.String())
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String()
}

// rowsWritten counts the rows a start could have written.
func rowsWritten(t *testing.T, url string) int {
	t.Helper()
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.Get(&n, `SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM deployment)
		+ (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM chats)`); err != nil {
		t.Fatal(err)
	}
	return n
}

func emptyFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunRefusesWithoutAToken: hotline run with no token (unset, empty, or
// an empty _FILE: a secret that did not mount) exits non-zero naming the
// variable, before it opens the database: no simulator, no row written.
func TestRunRefusesWithoutAToken(t *testing.T) {
	key := "DATA_KEY=" + newDataKey(t)
	for name, env := range map[string][]string{
		"unset":      {key},
		"empty":      {key, "TELEGRAM_BOT_TOKEN="},
		"empty file": {key, "TELEGRAM_BOT_TOKEN_FILE=" + emptyFile(t)},
	} {
		t.Run(name, func(t *testing.T) {
			url := freshDB(t)
			code, out := runMain(t, "run", append(env, "DATABASE_URL="+url, "DESK_ADMIN_IDS=42", "DEMO_ADDR=127.0.0.1:0",
				"METRICS_ADDR=127.0.0.1:0")...)
			if code == 0 || !strings.Contains(out, "TELEGRAM_BOT_TOKEN") || strings.Contains(out, "Korean Desk simulator: open") {
				t.Errorf("exit %d, output:\n%s", code, out)
			}
			if n := rowsWritten(t, url); n != 0 {
				t.Errorf("%d rows written", n)
			}
		})
	}
}

// TestStartRefusesWithoutADataKey: run and demo exit non-zero without a
// data key (unset, an empty or missing DATA_KEY_FILE), writing nothing.
func TestStartRefusesWithoutADataKey(t *testing.T) {
	for name, env := range map[string][]string{
		"run, unset":        {"TELEGRAM_BOT_TOKEN=123:abc"},
		"run, empty file":   {"TELEGRAM_BOT_TOKEN=123:abc", "DATA_KEY_FILE=" + emptyFile(t)},
		"run, missing file": {"TELEGRAM_BOT_TOKEN=123:abc", "DATA_KEY_FILE=" + filepath.Join(t.TempDir(), "none")},
		"run, bad key":      {"TELEGRAM_BOT_TOKEN=123:abc", "DATA_KEY=c2hvcnQ="},
		"demo, unset":       {"DEMO_ADDR=127.0.0.1:0"},
	} {
		t.Run(name, func(t *testing.T) {
			url := freshDB(t)
			args := "run"
			if strings.HasPrefix(name, "demo") {
				args = "demo"
				env = append(env, "DEMO_DATABASE_URL="+url)
			}
			code, out := runMain(t, args, append(env, "DATABASE_URL="+url, "TELEGRAM_API_URL=http://127.0.0.1:9",
				"DESK_ADMIN_IDS=42", "METRICS_ADDR=127.0.0.1:0")...)
			if code == 0 || !strings.Contains(out, "DATA_KEY") {
				t.Errorf("exit %d, output:\n%s", code, out)
			}
			if n := rowsWritten(t, url); n != 0 {
				t.Errorf("%d rows written", n)
			}
		})
	}
}

// started runs the program in this process until the returned stop is
// called, once its health endpoint answers.
func started(t *testing.T, args ...string) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, args) }()
	health := "http://" + os.Getenv("METRICS_ADDR") + "/healthz"
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(health); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("hotline %v stopped: %v", args, err)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatal("the program did not become healthy")
		}
	}
	return func() {
		t.Helper()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("hotline %v: %v", args, err)
			}
		case <-time.After(20 * time.Second):
			t.Error("no clean exit within 20 s")
		}
	}
}

// refused runs the program, which must stop at once with an error
// naming want.
func refused(t *testing.T, want string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := run(ctx, args)
	if ctx.Err() != nil {
		t.Fatalf("hotline %v ran instead of refusing", args)
	}
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("hotline %v = %v, want an error naming %s", args, err, want)
	}
}

func openDB(t *testing.T) *sqlx.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), os.Getenv("DATABASE_URL"), 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestRemovedSupervisorStaysRemovedAfterRestart: DESK_ADMIN_IDS only
// bootstraps the desk; a supervisor removed with /staff remove is not
// brought back by a restart.
func TestRemovedSupervisorStaysRemovedAfterRestart(t *testing.T) {
	deployed(t)
	t.Setenv("DESK_ADMIN_IDS", "42,43")
	started(t)()
	d := postgres.NewDesk(openDB(t))
	if _, err := d.RemoveStaff(context.Background(), 42, 43, time.Now()); err != nil {
		t.Fatal(err)
	}
	started(t)()
	staff, err := d.ListStaff(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(staff) != 1 || staff[0].UserID != 43 || !staff[0].Supervisor() {
		t.Errorf("staff after the restart = %+v, want supervisor 43 alone", staff)
	}
}

// TestWrongDataKeyRefusedAtStart: a database first used with one key
// refuses another at start (the canary), as does a database holding a
// value sealed under another key.
func TestWrongDataKeyRefusedAtStart(t *testing.T) {
	deployed(t)
	started(t)()
	good := os.Getenv("DATA_KEY")
	t.Setenv("DATA_KEY", newDataKey(t))
	refused(t, "DATA_KEY does not open the data")
	t.Setenv("DATA_KEY", good)
	started(t)()

	// A database with a sealed value (and no canary yet) refuses a key
	// that does not open it.
	_, _, _ = deployed(t)
	db := openDB(t)
	other := sealerFor(t, newDataKey(t))
	c, err := postgres.NewDesk(db).OpenCase(context.Background(), desk.NewCase{Type: desk.TypeFamily, Priority: desk.PriorityNormal,
		ReporterUserID: 5, ReporterChatID: 5, Answers: map[string]string{}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := other.Seal("M12345678")
	if err := postgres.NewDesk(db).SetPassport(context.Background(), c.ID, sealed, other.Hash("M12345678"), time.Now()); err != nil {
		t.Fatal(err)
	}
	refused(t, "DATA_KEY does not open the data")
}

func sealerFor(t *testing.T, b64 ...string) *desk.Sealer {
	t.Helper()
	var keys [][]byte
	for _, k := range b64 {
		key, err := decodeKey(k)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key)
	}
	s, err := desk.NewSealer(keys[0], keys[1:]...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRekey changes the data key: with the new key as DATA_KEY and the
// old as DATA_KEY_OLD, hotline rekey re-seals everything; then the new
// key alone starts the bot and opens the numbers, and the old one is
// refused.
func TestRekey(t *testing.T) {
	deployed(t)
	oldKey := os.Getenv("DATA_KEY")
	started(t)()
	db := openDB(t)
	d := postgres.NewDesk(db)
	old := sealerFor(t, oldKey)
	c, err := d.OpenCase(context.Background(), desk.NewCase{Type: desk.TypeFamily, Priority: desk.PriorityNormal,
		ReporterUserID: 5, ReporterChatID: 5, Answers: map[string]string{}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := old.Seal("M12345678")
	if err := d.SetPassport(context.Background(), c.ID, sealed, old.Hash("M12345678"), time.Now()); err != nil {
		t.Fatal(err)
	}

	newKey := newDataKey(t)
	t.Setenv("DATA_KEY", newKey)
	refused(t, "DATA_KEY_OLD", "rekey") // the old key is needed to open what it sealed
	t.Setenv("DATA_KEY_OLD", oldKey)
	if err := run(context.Background(), []string{"rekey"}); err != nil {
		t.Fatalf("rekey: %v", err)
	}
	t.Setenv("DATA_KEY_OLD", "")
	started(t)()
	got, err := d.Passport(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := sealerFor(t, newKey).Open(got); err != nil || n != "M12345678" {
		t.Errorf("after rekey the new key opens %q, %v", n, err)
	}
	t.Setenv("DATA_KEY", oldKey)
	refused(t, "DATA_KEY does not open the data")
}

// TestDemoOnlyOnItsOwnDatabase: the simulator refuses the bot's database
// (or any holding staff or cases it did not create), and the bot refuses
// the simulator's.
func TestDemoOnlyOnItsOwnDatabase(t *testing.T) {
	e := newDemoEnv(t)
	demoURL := os.Getenv("DEMO_DATABASE_URL")
	e.start()
	demoDB, err := sqlx.Open("postgres", demoURL)
	if err != nil {
		t.Fatal(err)
	}
	defer demoDB.Close()
	var kind string
	if err := waitDB(t, demoDB, &kind, `SELECT kind FROM deployment WHERE EXISTS (SELECT 1 FROM staff WHERE user_id = 9001)`); err != nil || kind != "demo" {
		t.Fatalf("the demo's database is marked %q, %v", kind, err)
	}
	e.stop()

	deployed(t)
	t.Setenv("DATABASE_URL", demoURL)
	refused(t, "simulator's database")

	live := freshDB(t)
	t.Setenv("DATABASE_URL", live)
	started(t)()
	t.Setenv("DEMO_DATABASE_URL", live)
	refused(t, "live database", "demo")

	unmarked := freshDB(t)
	db, err := postgres.Open(context.Background(), unmarked, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := postgres.NewDesk(db).AddStaff(context.Background(), desk.Staff{UserID: 7, Role: desk.RoleAgent}, time.Now()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DEMO_DATABASE_URL", unmarked)
	refused(t, "did not create", "demo")
}

// TestNoPassportNumberAtRest: after a family inquiry with a passport
// number and a callback phone, a supervisor's /case (which shows both in
// full) and /export, a data-only dump of the database and the bot's debug
// logs hold neither number; and while the export waits in the outbox (held
// back by Telegram), a dump holds nothing of the file.
func TestNoPassportNumberAtRest(t *testing.T) {
	api, _, _ := deployed(t)
	t.Setenv("DESK_ADMIN_IDS", "42")
	t.Setenv("LOG_LEVEL", "debug")
	logs := &syncBuffer{}
	logOutput = logs
	t.Cleanup(func() { logOutput = os.Stderr })
	stop := started(t)
	defer stop()

	const passport = "M87654321"
	u := bottest.User{ID: 77, FirstName: "Mother", LanguageCode: "en"}
	officer := bottest.User{ID: 42, FirstName: "Officer", LanguageCode: "en"}
	api.AddUser(officer)
	talk := &chat{t: t, api: api, u: u}
	talk.send("/family", "family:relationship:parent")
	talk.tap("family:relationship:parent", "")
	talk.send("Park Seojun", "family:skip:name_latin")
	talk.send("PARK SEOJUN", "family:skip:birth_date")
	talk.send("1995-03-07", "family:skip:passport")
	talk.send(passport, "family:skip:last_contact")
	talk.tap("family:skip:last_contact", "family:skip:last_place")
	talk.tap("family:skip:last_place", "family:situation:police")
	talk.tap("family:situation:compound", "family:skip:photo")
	talk.tap("family:skip:photo", "family:skip:phone")
	talk.send("010-9876-5432", "family:consent:yes")
	talk.tap("family:consent:yes", "")

	db := openDB(t)
	var ref string
	if err := waitDB(t, db, &ref, `SELECT ref FROM cases WHERE reporter_chat_id = 77 AND consent_share IS NOT NULL`); err != nil {
		t.Fatal(err)
	}
	n := len(api.BotMessages(officer.ID))
	api.SendText(officer, "/case "+ref)
	if err := api.WaitFor(func() bool {
		for _, m := range api.BotMessages(officer.ID)[n:] {
			if strings.Contains(m.Text, passport) && strings.Contains(m.Text, "+821098765432") {
				return true
			}
		}
		return false
	}, 15*time.Second); err != nil {
		t.Fatal("the supervisor's /case does not show the passport and callback numbers")
	}
	// The supervisor's /export: a CSV document in their private chat.
	// Telegram holds it back at first (a 429): while it waits in the
	// outbox for its retry, its row is a recipe and the database holds
	// nothing of the file (its masked passport number, its header).
	const masked, header = "******321", "reporter_name,assignee"
	n = len(api.BotMessages(officer.ID))
	api.FailChat(officer.ID, "sendDocument", 1, tgapi.TooManyRequests(3))
	api.SendText(officer, "/export")
	var held string
	if err := waitDB(t, db, &held, `SELECT payload::text FROM outbox
		WHERE method = 'sendDocument' AND status = 'pending' AND cardinality(errors) > 0`); err != nil {
		t.Fatal("the export was not held back in the outbox")
	}
	if strings.Contains(held, "file_data") || strings.Contains(held, ref) || !strings.Contains(held, `"document"`) {
		t.Errorf("the pending export's outbox row is not a recipe: %s", held)
	}
	heldDump := pgDump(t, os.Getenv("DATABASE_URL"))
	if !strings.Contains(heldDump, `"kind": "export"`) {
		t.Fatal("the dump was not taken while the export waited in the outbox (its recipe is not in it)")
	}
	for _, s := range []string{passport, "87654321", masked, header, "file_data"} { // a file is stored as base64 in file_data
		if c := strings.Count(heldDump, s); c != 0 {
			t.Errorf("while the export waits for its retry, the data-only dump holds %q %d times", s, c)
		}
	}
	if err := api.WaitFor(func() bool {
		for _, m := range api.BotMessages(officer.ID)[n:] {
			if m.Kind == bottest.KindDocument && m.File != nil && strings.Contains(string(m.File.Content), ref) &&
				strings.Contains(string(m.File.Content), masked) && strings.Contains(string(m.File.Content), header) {
				return true
			}
		}
		return false
	}, 15*time.Second); err != nil {
		t.Fatal("no /export document holding the case")
	}
	var pending int
	if err := waitDB(t, db, &pending, `SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE status = 'pending')`); err != nil {
		t.Fatal(err)
	}

	dump := pgDump(t, os.Getenv("DATABASE_URL"))
	for _, s := range []string{passport, "87654321", "98765432", masked, header} { // the numbers, the export
		if c := strings.Count(dump, s); c != 0 {
			t.Errorf("the data-only dump holds %q %d times", s, c)
		}
	}
	if !strings.Contains(dump, ref) {
		t.Errorf("the dump lacks the case %s: not a dump of this database?", ref)
	}
	for _, s := range []string{"87654321", "98765432"} {
		if c := strings.Count(logs.String(), s); c != 0 {
			t.Errorf("the debug logs hold %q %d times", s, c)
		}
	}
}

// chat drives one user's conversation through the emulator.
type chat struct {
	t   *testing.T
	api *bottest.Server
	u   bottest.User
}

// send sends text and waits for the button next (none: any answer).
func (c *chat) send(text, next string) {
	c.t.Helper()
	n := len(c.api.BotMessages(c.u.ID))
	c.api.SendText(c.u, text)
	c.wait(n, next)
}

// tap taps the newest button with data and waits for the button next.
func (c *chat) tap(data, next string) {
	c.t.Helper()
	msgs := c.api.BotMessages(c.u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, row := range msgs[i].InlineKeyboard {
			for _, b := range row {
				if b.CallbackData == data {
					c.api.SendCallback(c.u, msgs[i].ID, data)
					c.wait(len(msgs), next)
					return
				}
			}
		}
	}
	c.t.Fatalf("no button %q in chat %d", data, c.u.ID)
}

func (c *chat) wait(n int, button string) {
	c.t.Helper()
	err := c.api.WaitFor(func() bool {
		msgs := c.api.BotMessages(c.u.ID)
		if button == "" {
			return len(msgs) > n
		}
		for _, m := range msgs[min(n, len(msgs)):] {
			for _, row := range m.InlineKeyboard {
				for _, b := range row {
					if b.CallbackData == button {
						return true
					}
				}
			}
		}
		return false
	}, 15*time.Second)
	if err != nil {
		c.t.Fatalf("chat %d: no %q after message %d", c.u.ID, button, n)
	}
}

// waitDB polls query until it returns a row, scanned into dest.
func waitDB(t *testing.T, db *sqlx.DB, dest any, query string) error {
	t.Helper()
	var err error
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if err = db.Get(dest, query); err == nil {
			return nil
		}
	}
	return err
}

// pgDump returns a data-only dump of the database at url, made with the
// newest pg_dump installed.
func pgDump(t *testing.T, url string) string {
	t.Helper()
	bin, err := exec.LookPath("pg_dump")
	if matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump"); len(matches) > 0 {
		sort.Slice(matches, func(i, j int) bool { return len(matches[i]) < len(matches[j]) || matches[i] < matches[j] })
		bin, err = matches[len(matches)-1], nil
	}
	if err != nil {
		t.Fatal("pg_dump is not installed (sudo apt-get install postgresql-client)")
	}
	out, err := exec.Command(bin, "--data-only", "--dbname="+url).Output()
	if err != nil {
		t.Fatalf("pg_dump: %v", err)
	}
	return string(out)
}
