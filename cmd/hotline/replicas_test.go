package main

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/bot/bottest"
)

// replicaScript is what each chat sends, in order: the idle commands and
// then /sos, which opens an urgent case and alerts the desk.
var replicaScript = []string{"/start", "/help", "/status", "/language", "/sos"}

const (
	replicaChats  = 30
	replicaSecret = "replica-test-secret-0123456789abcdef0123"
	replicaGroup  = -1001000000077
)

// TestTwoReplicas runs two bot processes in webhook mode on one database,
// as two replicas behind a load balancer, and posts each chat's updates
// to them alternately (30 chats at once, 5 updates each, each update
// posted after the previous one of its chat was accepted, as Telegram
// does). Every chat must get exactly the answers one bot gives the same
// script, in order (so every update was answered once and in order), the
// desk must hear of every case exactly once, and both replicas must have
// taken updates.
func TestTwoReplicas(t *testing.T) {
	api, _, _ := deployed(t)
	api.Group(replicaGroup, "Korean Desk")
	officer := bottest.User{ID: 42, FirstName: "Officer", LanguageCode: "en"}
	api.AddUser(officer)
	env := []string{"WEBHOOK_URL=https://desk.example.org/telegram/webhook", "WEBHOOK_SECRET=" + replicaSecret,
		"DESK_ADMIN_IDS=42", "DESK_CHAT_ID=" + strconv.Itoa(replicaGroup), "DESK_LANGUAGE=en",
		// Pacing lifted: the test counts what each chat got, not when.
		"DATA_KEY=" + newDataKey(t), "SEND_RATE=100", "CHAT_PACE=0"}
	replicas := []*process{startHotline(t, "replica 1", env...), startHotline(t, "replica 2", env...)}
	for _, r := range replicas {
		r.ready()
	}

	// The answers one bot gives the script, step by step: a pilot chat
	// sends it slowly to replica 1 alone.
	var updateID atomic.Int64
	updateID.Store(100000)
	pilot := bottest.User{ID: 5000, FirstName: "Reporter", LanguageCode: "en"}
	api.AddUser(pilot)
	for _, text := range replicaScript {
		n := len(api.BotMessages(pilot.ID))
		postUpdate(t, replicas[0], updateID.Add(1), pilot, text)
		settle(t, api, pilot.ID, n)
	}
	want := normalised(api.BotMessages(pilot.ID))
	t.Logf("the script gets %d answers from one bot", len(want))

	// The burst: every chat at once, each update to the other replica than
	// the chat's previous one.
	var wg sync.WaitGroup
	for c := range replicaChats {
		u := bottest.User{ID: int64(6000 + c), FirstName: "Reporter", LanguageCode: "en"}
		api.AddUser(u)
		wg.Go(func() {
			for i, text := range replicaScript {
				postUpdate(t, replicas[(c+i)%2], updateID.Add(1), u, text)
			}
		})
	}
	wg.Wait()
	for c := range replicaChats {
		chat := int64(6000 + c)
		if _, err := api.WaitMessages(chat, len(want), 60*time.Second); err != nil {
			t.Fatalf("chat %d: %v", chat, err)
		}
	}
	time.Sleep(time.Second) // anything doubled would arrive now
	for c := range replicaChats {
		chat := int64(6000 + c)
		if got := normalised(api.BotMessages(chat)); !slices.Equal(got, want) {
			t.Errorf("chat %d got %d messages, want the pilot's %d in the same order:\n got %q\nwant %q",
				chat, len(got), len(want), got, want)
		}
	}

	// Every case the desk has was announced once in the desk group and
	// once to the officer on duty: in an alert of its own or in a bundle.
	refs := allRefs(t)
	if len(refs) != replicaChats+1 {
		t.Errorf("%d cases, want %d (one /sos each)", len(refs), replicaChats+1)
	}
	for _, chat := range []int64{replicaGroup, officer.ID} {
		start := time.Now()
		if err := api.WaitFor(func() bool { return len(announced(api, chat)) >= len(refs) }, 30*time.Second); err != nil {
			t.Errorf("chat %d heard of %d cases, want %d", chat, len(announced(api, chat)), len(refs))
		}
		t.Logf("chat %d: every case announced after %v more", chat, time.Since(start).Round(time.Millisecond))
	}
	time.Sleep(time.Second) // an alert sent twice would arrive now
	for _, chat := range []int64{replicaGroup, officer.ID} {
		seen := announced(api, chat)
		t.Logf("chat %d: %d cases announced in %d messages", chat, len(seen), len(api.BotMessages(chat)))
		for _, ref := range refs {
			if seen[ref] != 1 {
				t.Errorf("chat %d: case %s announced %d times, want once", chat, ref, seen[ref])
			}
		}
	}

	// Both replicas took updates, and each update was stored once.
	var received int
	for _, r := range replicas {
		n, _ := strconv.Atoi(r.metric("hotline_updates_received_total"))
		dup, _ := strconv.Atoi(r.metric("hotline_updates_duplicate_total"))
		if n == 0 {
			t.Errorf("%s received no update", r.name)
		}
		if dup != 0 {
			t.Errorf("%s saw %d duplicates, want none", r.name, dup)
		}
		t.Logf("%s: %d updates received, %s processed", r.name, n, r.metric("hotline_updates_processed_total"))
		received += n
	}
	if wantN := (replicaChats + 1) * len(replicaScript); received != wantN {
		t.Errorf("replicas received %d updates together, want %d", received, wantN)
	}
	for _, r := range replicas {
		r.stop()
	}
}

// postUpdate posts a text message from u to a replica's webhook, as
// Telegram does, and retries until the replica has stored it (200).
func postUpdate(t *testing.T, r *process, id int64, u bottest.User, text string) {
	body := fmt.Sprintf(`{"update_id": %d, "message": {"message_id": %d, "date": %d,
		"chat": {"id": %d, "type": "private", "first_name": %q},
		"from": {"id": %d, "is_bot": false, "first_name": %q, "language_code": %q}, "text": %q%s}}`,
		id, id, time.Now().Unix(), u.ID, u.FirstName, u.ID, u.FirstName, u.LanguageCode, text, commandEntity(text))
	for range 50 {
		req, err := http.NewRequest(http.MethodPost, "http://"+r.addr+"/telegram/webhook", strings.NewReader(body))
		if err != nil {
			t.Error(err)
			return
		}
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", replicaSecret)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("%s did not accept update %d", r.name, id)
}

func commandEntity(text string) string {
	if !strings.HasPrefix(text, "/") {
		return ""
	}
	return fmt.Sprintf(`, "entities": [{"type": "bot_command", "offset": 0, "length": %d}]`, len(text))
}

// settle waits until the chat has more than n bot messages and then no
// new one for a while.
func settle(t *testing.T, api *bottest.Server, chat int64, n int) {
	t.Helper()
	if _, err := api.WaitMessages(chat, n+1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	for last := -1; ; {
		time.Sleep(700 * time.Millisecond)
		got := len(api.BotMessages(chat))
		if got == last {
			return
		}
		last = got
	}
}

var caseRefPattern = regexp.MustCompile(`KD-[0-9A-Z]{4}`)

// normalised are a chat's bot messages with case references blanked out,
// the only thing that differs between chats running one script.
func normalised(msgs []bottest.Message) []string {
	out := make([]string, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, caseRefPattern.ReplaceAllString(m.Kind+": "+m.Text, "KD-····"))
	}
	return out
}

// announced counts, for each case reference, the bot messages in a chat
// that name it.
func announced(api *bottest.Server, chat int64) map[string]int {
	seen := map[string]int{}
	for _, m := range api.BotMessages(chat) {
		refs := caseRefPattern.FindAllString(m.Text, -1)
		slices.Sort(refs)
		for _, ref := range slices.Compact(refs) {
			seen[ref]++
		}
	}
	return seen
}

// allRefs returns the references of every case in the test's database.
func allRefs(t *testing.T) []string {
	t.Helper()
	db, err := sqlx.Open("postgres", getenvT(t, "DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var refs []string
	if err := db.Select(&refs, `SELECT ref FROM cases ORDER BY ref`); err != nil {
		t.Fatal(err)
	}
	return refs
}

func getenvT(t *testing.T, name string) string {
	t.Helper()
	v, err := getenv(name)
	if err != nil || v == "" {
		t.Fatalf("%s is not set", name)
	}
	return v
}
