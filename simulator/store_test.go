package simulator_test

import (
	"io"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/koreandesk/hotline/simulator"
)

func TestARestartGoesOnWhereItStopped(t *testing.T) {
	e := newEnv(t, simulator.Options{SaveDelay: 10 * time.Millisecond})
	var added simulator.Person
	e.post("/api/people", map[string]string{"name": "Mother Park", "lang": "ko", "role": "family"}, &added)
	e.post("/api/send", map[string]any{"person": reporter, "text": "/start"}, nil)
	first := e.updates()[0].ID
	e.botCall("sendMessage", map[string]any{"chat_id": reporter, "text": "안녕하세요"})
	for deadline := time.Now().Add(wait); ; time.Sleep(10 * time.Millisecond) { // no Close: as if killed
		if b, err := os.ReadFile(e.path); err == nil && strings.Contains(string(b), "안녕하세요") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the state file was not written after a change")
		}
	}

	again := newEnv(t, simulator.Options{Path: e.path})
	if got := again.sim.People(); len(got) != 3 || got[2] != added {
		t.Errorf("people after restart = %+v", got)
	}
	msgs := again.api.Messages(reporter)
	if len(msgs) != 2 || msgs[1].Text != "안녕하세요" || !msgs[1].FromBot {
		t.Fatalf("history after restart = %+v", msgs)
	}
	again.post("/api/send", map[string]any{"person": reporter, "text": "/status"}, nil)
	got := again.updates()
	if len(got) != 1 || got[0].ID != first+1 || got[0].Message.ID != 3 {
		t.Errorf("after restart: update %d message %d, want update %d message 3", got[0].ID, got[0].Message.ID, first+1)
	}
	var p simulator.Person
	again.post("/api/people", map[string]string{"name": "Dara", "lang": "km", "role": "reporter"}, &p)
	if p.ID == added.ID {
		t.Errorf("a person added after restart reused id %d", p.ID)
	}
}

func TestAFreshStartDoesNotReuseUpdateIDs(t *testing.T) {
	e := newEnv(t, simulator.Options{})
	e.post("/api/send", map[string]any{"person": reporter, "text": "/start"}, nil)
	if id := e.updates()[0].ID; id < time.Now().Add(-time.Minute).UnixMilli() {
		t.Errorf("first update_id = %d: an old database would take it for one it has seen", id)
	}
}

func TestABrokenStateFileIsNotOverwritten(t *testing.T) {
	path := t.TempDir() + "/simulator.json"
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := simulator.Open(simulator.Options{Path: path})
	if err == nil || !strings.Contains(err.Error(), "move it away") {
		t.Fatalf("Open = %v, want an error saying what to do", err)
	}
}

func TestTheDeleteLimitFollowsTheClock(t *testing.T) {
	var offset atomic.Int64
	clock := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	e := newEnv(t, simulator.Options{Now: clock})
	e.post("/api/send", map[string]any{"person": reporter, "text": "secret"}, nil)
	e.post("/api/send", map[string]any{"person": reporter, "text": "older secret"}, nil)
	e.botCall("deleteMessage", map[string]any{"chat_id": reporter, "message_id": 1})
	offset.Store(int64(49 * time.Hour))
	resp, err := http.Post(e.api.URL()+"/bot"+e.api.Token()+"/deleteMessage", "application/json",
		strings.NewReader(`{"chat_id":1001,"message_id":2}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "can't be deleted for everyone") {
		t.Errorf("deleting a 49-hour-old message: %d %s", resp.StatusCode, body)
	}
}
