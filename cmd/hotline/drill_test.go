package main

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/bot/bottest"
)

// TestBackupRestoreDrill is the restore drill of docs/operations.md, run
// on every change: a family inquiry leaves a sealed passport number in the
// database; the database is dumped with pg_dump (the dump holds no
// passport number in clear), restored with pg_restore into a new
// database, and a bot started on it with the same data key shows the
// number in /case; hotline check says the key opens the database. With
// another key, check fails and the bot refuses to start.
func TestBackupRestoreDrill(t *testing.T) {
	admin := os.Getenv("DATABASE_URL") // the test server's superuser, before deployed replaces it
	api, _, _ := deployed(t)
	key := newDataKey(t)
	t.Setenv("DATA_KEY", key)
	t.Setenv("DESK_ADMIN_IDS", "42")
	officer := bottest.User{ID: 42, FirstName: "Officer", LanguageCode: "en"}
	api.AddUser(officer)
	reporter := bottest.User{ID: 7001, FirstName: "Family", LanguageCode: "en"}

	bot := startHotline(t, "bot")
	bot.ready()
	inquiry(t, api, reporter, "M70315926")
	bot.stop()

	dir := t.TempDir()
	dump := filepath.Join(dir, "hotline.dump")
	pgTool(t, "pg_dump", "--format=custom", "--no-owner", "--file="+dump, os.Getenv("DATABASE_URL"))
	text := pgTool(t, "pg_restore", "--file=-", dump)
	if !strings.Contains(text, "COPY public.case_passports") {
		t.Fatal("the dump has no case_passports table")
	}
	if strings.Contains(text, "70315926") {
		t.Error("the dump holds the passport number in clear")
		for _, l := range strings.Split(text, "\n") {
			if strings.Contains(l, "70315926") {
				t.Log(l)
			}
		}
	}

	restored := restoreInto(t, admin, dump)
	t.Setenv("DATABASE_URL", restored)
	ref := caseRef(t, restored)

	bot = startHotline(t, "bot on the restored database")
	bot.ready()
	if got := caseView(t, api, officer, ref); !strings.Contains(got, "M70315926") {
		t.Errorf("/case %s on the restored database with the same key:\n%s\nwant the passport number M70315926", ref, got)
	}
	bot.stop()

	// The drill's check: the restored database and the backup copy of the
	// key go together.
	if out, code := runHotline(t, "check"); code != 0 || !strings.Contains(out, "sealed data   ok") {
		t.Errorf("hotline check on the restored database, exit status %d:\n%s", code, out)
	}

	t.Run("another key", func(t *testing.T) {
		t.Setenv("DATA_KEY", newDataKey(t))
		if out, code := runHotline(t, "check"); code != 1 || !strings.Contains(out, "sealed data   FAIL  DATA_KEY does not open") {
			t.Errorf("hotline check with another key, exit status %d:\n%s", code, out)
		}
		other := startHotline(t, "bot with another key")
		if !other.refused(30 * time.Second) {
			other.stop()
			t.Fatal("the bot started on the restored database with another data key")
		}
	})
}

// inquiry runs the start of a family inquiry up to its passport number,
// which the bot seals as soon as it arrives.
func inquiry(t *testing.T, api *bottest.Server, u bottest.User, passport string) {
	t.Helper()
	api.SendText(u, "/family")
	tap(t, api, u, "family:relationship:sibling")
	waitButton(t, api, u, "family:skip:name_latin", func() { api.SendText(u, "Kim Min-su") })
	tap(t, api, u, "family:skip:name_latin")
	tap(t, api, u, "family:skip:birth_date")
	waitButton(t, api, u, "family:skip:passport", nil)
	waitButton(t, api, u, "family:skip:last_contact", func() { api.SendText(u, passport) })
}

// tap presses the newest button with this callback data, waiting for it.
func tap(t *testing.T, api *bottest.Server, u bottest.User, data string) {
	t.Helper()
	id := waitButton(t, api, u, data, nil)
	api.SendCallback(u, id, data)
}

// waitButton runs send (if any), then waits until a bot message in u's
// chat offers the button, and returns that message's id.
func waitButton(t *testing.T, api *bottest.Server, u bottest.User, data string, send func()) int {
	t.Helper()
	if send != nil {
		send()
	}
	var id int
	err := api.WaitFor(func() bool {
		msgs := api.BotMessages(u.ID)
		for i := len(msgs) - 1; i >= 0; i-- {
			for _, row := range msgs[i].InlineKeyboard {
				for _, b := range row {
					if b.CallbackData == data {
						id = msgs[i].ID
						return true
					}
				}
			}
		}
		return false
	}, 30*time.Second)
	if err != nil {
		t.Fatalf("no button %q in chat %d", data, u.ID)
	}
	return id
}

// caseView sends /case REF as the officer and returns the answer.
func caseView(t *testing.T, api *bottest.Server, officer bottest.User, ref string) string {
	t.Helper()
	n := len(api.BotMessages(officer.ID))
	api.SendText(officer, "/case "+ref)
	msgs, err := api.WaitMessages(officer.ID, n+1, 30*time.Second)
	if err != nil {
		t.Fatalf("no answer to /case %s: %v", ref, err)
	}
	var b strings.Builder
	for _, m := range msgs[n:] {
		b.WriteString(m.Text + "\n")
	}
	return b.String()
}

// caseRef returns the reference of the only case in the database.
func caseRef(t *testing.T, dbURL string) string {
	t.Helper()
	db, err := sqlx.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var refs []string
	if err := db.Select(&refs, `SELECT ref FROM cases`); err != nil {
		t.Fatal(err)
	}
	if len(refs) != 1 {
		t.Fatalf("cases %v, want one", refs)
	}
	return refs[0]
}

// restoreInto creates a new database on the server of admin (a role that
// may create databases), restores the dump into it as the guide says,
// and returns its URL. The database is dropped after the test.
func restoreInto(t *testing.T, admin, dump string) string {
	t.Helper()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	name := "hotline_drill_" + strconv.FormatInt(time.Now().UnixNano(), 36)
	pgTool(t, "createdb", "--maintenance-db="+admin, name)
	t.Cleanup(func() { pgTool(t, "dropdb", "--force", "--maintenance-db="+admin, name) })
	u.Path = "/" + name
	pgTool(t, "pg_restore", "--no-owner", "--exit-on-error", "--dbname="+u.String(), dump)
	return u.String()
}

// pgTool runs a PostgreSQL client program of the newest version installed
// (Debian's /usr/lib/postgresql/N/bin, else PATH) and returns its output.
func pgTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	path := name
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return pgMajor(b) - pgMajor(a) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, name)); err == nil {
			path = filepath.Join(d, name)
			break
		}
	}
	out, err := exec.Command(path, args...).Output() // also at cleanup, when t.Context() has ended
	if err != nil {
		var stderr string
		if exit, ok := err.(*exec.ExitError); ok {
			stderr = string(exit.Stderr)
		}
		t.Fatalf("%s: %v\n%s", name, err, stderr)
	}
	return string(out)
}

var pgBinVersion = regexp.MustCompile(`/postgresql/(\d+)/bin`)

func pgMajor(dir string) int {
	m := pgBinVersion.FindStringSubmatch(dir)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
