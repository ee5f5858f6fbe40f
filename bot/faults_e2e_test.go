package bot_test

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/looplab/fsm"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// The faults of issue 12, each end to end: the emulated Bot API, the real
// client, a real PostgreSQL.

// gate is a conversation whose first step waits, inside the update's
// transaction, until the test lets it go: the test can then break the
// database under it. Each entry is announced on entered.
type gate struct {
	name    string
	entered chan struct{}
	proceed chan struct{}
}

func newGate(name string) gate {
	return gate{name: name, entered: make(chan struct{}, 16), proceed: make(chan struct{})}
}

func (g gate) Name() string    { return g.name }
func (g gate) Initial() string { return "opened" }
func (g gate) Events() fsm.Events {
	return fsm.Events{{Name: "noop", Src: []string{"opened"}, Dst: "opened"}}
}
func (g gate) Event(*flows.Session, flows.Input) string { return "" }
func (g gate) Callbacks(*flows.Turn) fsm.Callbacks      { return fsm.Callbacks{} }
func (g gate) Prompt(*flows.Turn)                       {}
func (g gate) Begin(t *flows.Turn) {
	g.entered <- struct{}{}
	<-g.proceed
	t.Say(flows.Reply{Text: flows.Literal("through the gate")})
	t.End()
}

// A NUL character is valid JSON but PostgreSQL's jsonb refuses it. The
// update is kept raw and set aside, the poller moves on, other chats are
// answered, and the person is answered at their next message.
func TestNULInAnUpdateStopsNobody(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	dara := bottest.User{ID: 9601, FirstName: "Dara", LanguageCode: "en"}
	sok := bottest.User{ID: 9602, FirstName: "Sok", LanguageCode: "en"}
	h.api.SendText(dara, "help\x00me")
	h.api.SendText(sok, "/start")
	h.texts(sok.ID, 2)
	h.api.SendText(dara, "/start")
	h.texts(dara.ID, 2)
	var row struct {
		Raw    []byte `db:"raw"`
		Reason string `db:"quarantine_reason"`
	}
	if err := h.db.Get(&row, `SELECT raw, quarantine_reason FROM inbox WHERE chat_id = $1 AND set_aside_at IS NOT NULL`, dara.ID); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(row.Raw), `help\u0000me`) || row.Reason == "" {
		t.Errorf("quarantined row: raw %q, reason %q", row.Raw, row.Reason)
	}
	if got := testutil.ToFloat64(h.metrics.UpdatesQuarantined); got != 1 {
		t.Errorf("hotline_updates_quarantined_total = %v, want 1", got)
	}
}

// A send that Telegram applies but answers 500 may have been delivered:
// it is tried a bounded number of times (three copies at most), the row
// ends failed with every attempt's error and a metric, and the chat's
// next message still goes.
func TestAppliedButFailedSendsAreBounded(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		fault tgapi.Failure
	}{
		{"500", tgapi.Failure{Code: http.StatusInternalServerError, Applied: true}},
		{"timeout", tgapi.Failure{Delay: 2 * time.Second, Applied: true, Code: http.StatusInternalServerError}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarnessWith(t, bottest.New(), pgtest.New(t), harnessOpts{sendTimer: 700 * time.Millisecond, sendLease: 3 * time.Second})
			u := bottest.User{ID: 9611, FirstName: "Mina", LanguageCode: "en"}
			h.api.FailChat(u.ID, "sendMessage", 10, tt.fault)
			h.api.SendText(u, "/help")
			err := h.eventually(func() bool {
				return h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1 AND status = 'failed'`, u.ID) == 1
			}, wait)
			if err != nil {
				t.Fatal("the row never ended failed")
			}
			// Every copy is of the first answer (the next waits behind it).
			first := h.api.BotMessages(u.ID)[0].Text
			copies := func() int {
				n := 0
				for _, m := range h.api.BotMessages(u.ID) {
					if m.Text == first {
						n++
					}
				}
				return n
			}
			if got := copies(); got != 3 {
				t.Errorf("copies delivered = %d, want 3 (the bound)", got)
			}
			var errs pq.StringArray
			if err := h.db.Get(&errs, `SELECT errors FROM outbox WHERE chat_id = $1 AND status = 'failed'`, u.ID); err != nil {
				t.Fatal(err)
			}
			if len(errs) != 3 {
				t.Errorf("errors kept = %q, want one for each of 3 attempts", errs)
			}
			if got := testutil.ToFloat64(h.metrics.OutboxGivenUp.WithLabelValues("ambiguous")); got != 1 {
				t.Errorf("hotline_outbox_given_up_total{reason=ambiguous} = %v, want 1", got)
			}
			// The chat's next message still goes.
			h.api.ClearFailures()
			h.api.SendText(u, "/help")
			if err := h.api.WaitFor(func() bool { return copies() == 4 }, wait); err != nil {
				t.Errorf("the next /help was not answered: %d copies", copies())
			}
		})
	}
}

// Two services on one database (two replicas, or a rolling deploy), slow
// sends and leases short enough to run out while calls wait for the rate
// limiter: every row is delivered exactly once, each chat in order.
func TestTwoServicesDeliverEachRowOnce(t *testing.T) {
	// The pace (2 a second for six chats) makes calls wait far longer than
	// their 600 ms lease: the dispatchers must keep the leases of calls in
	// hand alive, or each takes the other's calls for ever and none is sent
	// (a livelock seen under load before bot/sending kept leases alive).
	t.Parallel()
	api := bottest.New()
	db := pgtest.New(t)
	// The send timeout is generous: a send that times out under a loaded -race run is retried
	// minutes later (an ambiguous failure), which is the retry rule's business, not this test's.
	opts := harnessOpts{sendLease: 600 * time.Millisecond, sendTimer: 3 * time.Second, sendRate: 2}
	a := newHarnessWith(t, api, db, opts)
	opts.noPoll = true
	newHarnessWith(t, api, db, opts) // b: the same database, not polling
	api.FailNext("sendMessage", 1000, tgapi.Failure{Delay: 150 * time.Millisecond})
	var users []bottest.User
	for i := range 6 {
		u := bottest.User{ID: int64(9620 + i), FirstName: "U", LanguageCode: "en"}
		users = append(users, u)
		for _, cmd := range []string{"/start", "/help", "/survey"} {
			api.SendText(u, cmd)
		}
	}
	err := a.eventually(func() bool {
		return a.count(`SELECT count(*) FROM inbox WHERE processed_at IS NULL`) == 0 &&
			a.count(`SELECT count(*) FROM outbox WHERE status = 'pending'`) == 0
	}, 60*time.Second)
	if err != nil {
		var left []string
		_ = db.Select(&left, `SELECT format('id %s chat %s attempts %s ambiguous %s not_before %s leased_until %s errors %s',
			id, chat_id, attempts, ambiguous, not_before, leased_until, errors) FROM outbox WHERE status = 'pending' ORDER BY id`)
		t.Fatalf("outbox not drained; %d updates unprocessed; pending calls:\n%s",
			a.count(`SELECT count(*) FROM inbox WHERE processed_at IS NULL`), strings.Join(left, "\n"))
	}
	// Each sent row names the message it delivered: every message in a
	// chat must be exactly one row's (no copies), in the rows' order.
	for _, u := range users {
		var rows []int64
		if err := db.Select(&rows, `SELECT sent_message_id FROM outbox WHERE chat_id = $1 AND method = 'sendMessage'
			ORDER BY id`, u.ID); err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, m := range api.BotMessages(u.ID) {
			got = append(got, int64(m.ID))
		}
		if diff := cmp.Diff(rows, got); diff != "" {
			t.Errorf("chat %d: messages (-rows +delivered):\n%s", u.ID, diff)
		}
	}
	if n := a.count(`SELECT count(*) FROM outbox WHERE status <> 'sent'`); n != 0 {
		t.Errorf("%d rows not sent", n)
	}
}

// proxy stands between the bot and PostgreSQL, so a test can take the
// database away (connections cut, new ones refused) and bring it back.
type proxy struct {
	l      net.Listener
	target string
	mu     sync.Mutex
	down   bool
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l, target: target}
	t.Cleanup(func() { l.Close(); p.setDown(true) })
	go p.serve()
	return p
}

func (p *proxy) serve() {
	for {
		c, err := p.l.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.down {
			p.mu.Unlock()
			c.Close()
			continue
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			p.mu.Unlock()
			c.Close()
			continue
		}
		p.conns = append(p.conns, c, s)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(s, c); s.Close() }()
		go func() { _, _ = io.Copy(c, s); c.Close() }()
	}
}

func (p *proxy) setDown(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = down
	if down {
		for _, c := range p.conns {
			c.Close()
		}
		p.conns = nil
	}
}

// The database connection is terminated mid-transaction three times, then
// the database is unreachable for a while (its connections cut and new
// ones refused by a proxy: stopping the shared test cluster would stop
// every other test). The update is processed once, with one reply, its
// attempts are not used up, and the webhook answers 503 while the
// database is away.
func TestDatabaseOutageUsesNoAttempts(t *testing.T) {
	t.Parallel()
	raw := pgtest.URL(t)
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	px := newProxy(t, u.Host)
	u.Host = px.l.Addr().String()
	g := newGate("gate")
	db := sqlxOpen(t, raw)
	h := newHarnessWith(t, bottest.New(), db, harnessOpts{dbURL: u.String(), conversations: []flows.Conversation{g},
		maxAttempts: 2, updateLease: 20 * time.Second})
	hook := httptest.NewServer(bot.WebhookHandler(h.svc, "secret", testLogger()))
	defer hook.Close()
	post := func(id int) int {
		body := fmt.Sprintf(`{"update_id": %d, "message": {"message_id": %d, "date": 1800000000, "chat": {"id": 9641, "type": "private"},
			"from": {"id": 9641, "is_bot": false, "first_name": "W"}, "text": "hello"}}`, 900000+id, id)
		req, _ := http.NewRequest(http.MethodPost, hook.URL, strings.NewReader(body))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}

	reporter := bottest.User{ID: 9640, FirstName: "Vanna", LanguageCode: "en"}
	h.api.SendText(reporter, "/gate")
	for range 3 {
		<-g.entered
		if _, err := db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
			t.Fatal(err)
		}
		g.proceed <- struct{}{}
	}
	<-g.entered
	px.setDown(true)
	g.proceed <- struct{}{}
	if code := post(1); code != http.StatusServiceUnavailable {
		t.Errorf("webhook while the database is down = %d, want 503", code)
	}
	time.Sleep(2 * time.Second)
	px.setDown(false)
	<-g.entered
	g.proceed <- struct{}{}
	msgs := h.texts(reporter.ID, 1)
	if msgs[0] != "through the gate" {
		t.Errorf("reply = %q", msgs[0])
	}
	h.quiet(reporter.ID, 1)
	var row struct {
		Processed bool `db:"processed"`
		SetAside  bool `db:"set_aside"`
		Attempts  int  `db:"attempts"`
	}
	if err := db.Get(&row, `SELECT processed_at IS NOT NULL AS processed, set_aside_at IS NOT NULL AS set_aside, attempts
		FROM inbox WHERE chat_id = $1`, reporter.ID); err != nil {
		t.Fatal(err)
	}
	if !row.Processed || row.SetAside || row.Attempts > 2 {
		t.Errorf("update row = %+v, want processed on its budget of 2 attempts, not set aside", row)
	}
	if code := post(2); code != http.StatusOK {
		t.Errorf("webhook after the outage = %d, want 200", code)
	}
}

// A desk group that became a supergroup: Telegram answers 400 with
// migrate_to_chat_id; the alert goes to the new chat, which is stored and
// used for every later message.
func TestDeskGroupMigrationIsFollowed(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	const newGroup = -1001000000777
	h.api.MigrateGroup(deskGroup, newGroup)
	c := h.sos(bottest.User{ID: 9650, FirstName: "Bora", LanguageCode: "ko"})
	h.until(newGroup, 0, string(c.Ref))
	if n := h.count(`SELECT count(*) FROM chat_migrations WHERE old_chat_id = $1 AND new_chat_id = $2`, deskGroup, newGroup); n != 1 {
		t.Errorf("stored migrations = %d, want 1", n)
	}
	c2 := h.sos(bottest.User{ID: 9651, FirstName: "Chan", LanguageCode: "ko"})
	h.until(newGroup, 1, string(c2.Ref))
	if n := h.count(`SELECT count(*) FROM outbox WHERE chat_id = $1`, deskGroup); n != 0 {
		t.Errorf("%d outbox rows still aimed at the old group", n)
	}
	if got := testutil.ToFloat64(h.metrics.ChatsMigrated); got != 1 {
		t.Errorf("hotline_chats_migrated_total = %v, want 1", got)
	}
}

// Telegram counts UTF-16 units: 4,096 a message, 1,024 a caption. A
// reporter's follow-ups of 2,040 emoji (4,080 units, within what a person can send) and a photo with a
// 1,000-unit caption of emoji reach the desk whole, split over several
// messages, never cut or refused.
func TestLongFollowUpsReachTheDeskWhole(t *testing.T) {
	t.Parallel()
	h := withDesk(t)
	reporter := bottest.User{ID: 9660, FirstName: "Dara", LanguageCode: "km"}
	c := h.sos(reporter)
	h.until(officer.ID, 0, string(c.Ref)) // the alert; follow-ups go to the officers on duty, in private
	before := settled(h, officer.ID)
	caption := strings.Repeat("😀", 500)
	h.api.SendPhoto(reporter, caption)
	msgs, err := h.api.WaitMessages(officer.ID, before+2, wait)
	if err != nil {
		t.Fatal(err)
	}
	photo, rest := msgs[before], msgs[before+1]
	if photo.Kind != bottest.KindPhoto || !strings.Contains(photo.Text, string(c.Ref)) {
		t.Fatalf("first part = %s %q, want the photo with the case", photo.Kind, photo.Text)
	}
	if got := strings.Count(photo.Text+rest.Text, "😀"); got != 500 {
		t.Errorf("the desk got %d of the 500 emoji", got)
	}
	before = settled(h, officer.ID)
	h.api.SendText(reporter, strings.Repeat("🆘", 2040))
	msgs, err = h.api.WaitMessages(officer.ID, before+2, wait)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(msgs[before].Text+msgs[before+1].Text, "🆘"); got != 2040 {
		t.Errorf("the desk got %d of the 2,040 emoji", got)
	}
	if n := h.count(`SELECT count(*) FROM outbox WHERE status = 'failed'`); n != 0 {
		t.Errorf("%d sends refused", n)
	}
}

// /livez and /readyz for an orchestrator, and the backlog gauges.
func TestProbesAndBacklogMetrics(t *testing.T) {
	t.Parallel()
	h := newHarnessWith(t, bottest.New(), pgtest.New(t), harnessOpts{receiveStale: time.Second})
	probes := httptest.NewServer(h.svc.Probes())
	defer probes.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(probes.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	u := bottest.User{ID: 9670, FirstName: "Sophea", LanguageCode: "en"}
	h.api.SendText(u, "/start")
	h.texts(u.ID, 2)
	if code, body := get("/readyz"); code != http.StatusOK {
		t.Errorf("/readyz = %d %s, want 200", code, body)
	}
	h.api.SetDown(true) // getUpdates fails: receiving is broken
	time.Sleep(2 * time.Second)
	if code, body := get("/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "getUpdates") {
		t.Errorf("/readyz with polling broken = %d %q, want 503 naming getUpdates", code, body)
	}
	if code, _ := get("/livez"); code != http.StatusOK {
		t.Errorf("/livez = %d, want 200", code)
	}
	h.api.SendText(u, "/help") // stays in the emulator: not received
	h.api.SetDown(false)
	h.texts(u.ID, 3)
	if code, body := get("/readyz"); code != http.StatusOK {
		t.Errorf("/readyz after recovery = %d %s", code, body)
	}
	reg := h.reg
	for _, name := range []string{"hotline_inbox_pending", "hotline_inbox_oldest_seconds", "hotline_outbox_pending",
		"hotline_outbox_oldest_seconds", "hotline_updates_set_aside", "hotline_getupdates_last_success_timestamp_seconds"} {
		if n, err := testutil.GatherAndCount(reg, name); err != nil || n != 1 {
			t.Errorf("metric %s: %d series, %v", name, n, err)
		}
	}
	if got := testutil.ToFloat64(h.metrics.LastGetUpdates); time.Since(time.Unix(int64(got), 0)) > time.Minute {
		t.Errorf("last getUpdates = %v, want recent", got)
	}
}

// sqlxOpen opens the test's own connection to the database, with no idle
// connections kept: the test terminates backends under the bot.
func sqlxOpen(t *testing.T, url string) *sqlx.DB {
	t.Helper()
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxIdleConns(0)
	t.Cleanup(func() { db.Close() })
	return db
}
