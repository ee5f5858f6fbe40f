package simulator_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/simulator"
)

const (
	reporter   = 1001
	supervisor = 9001
	wait       = 5 * time.Second
)

// env is a simulator with its page served over HTTP.
type env struct {
	t    *testing.T
	sim  *simulator.Simulator
	api  *bottest.Server
	page *httptest.Server
	path string
}

func newEnv(t *testing.T, opts simulator.Options) *env {
	t.Helper()
	if opts.Path == "" {
		opts.Path = filepath.Join(t.TempDir(), "simulator.json")
	}
	sim, err := simulator.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	page := httptest.NewServer(sim.Handler())
	t.Cleanup(func() {
		page.CloseClientConnections()
		page.Close()
		_ = sim.Close()
	})
	return &env{t: t, sim: sim, api: sim.API(), page: page, path: opts.Path}
}

// post calls a JSON endpoint of the page and decodes the answer into out.
func (e *env) post(path string, body any, out any) int {
	e.t.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(e.page.URL+path, "application/json", bytes.NewReader(b))
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			e.t.Fatalf("POST %s: %v", path, err)
		}
	}
	return resp.StatusCode
}

// botCall calls the emulated Bot API as the bot does.
func (e *env) botCall(method string, params any) json.RawMessage {
	e.t.Helper()
	b, _ := json.Marshal(params)
	resp, err := http.Post(e.api.URL()+"/bot"+e.api.Token()+"/"+method, "application/json", bytes.NewReader(b))
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		OK     bool            `json:"ok"`
		Result json.RawMessage `json:"result"`
		Desc   string          `json:"description"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || !r.OK {
		e.t.Fatalf("%s: %v %s", method, err, r.Desc)
	}
	return r.Result
}

// update is the part of a Bot API update the tests look at.
type update struct {
	ID      int64 `json:"update_id"`
	Message *struct {
		ID       int    `json:"message_id"`
		Text     string `json:"text"`
		Entities []struct {
			Type   string `json:"type"`
			Length int    `json:"length"`
		} `json:"entities"`
		From struct {
			ID   int64  `json:"id"`
			Lang string `json:"language_code"`
		} `json:"from"`
		Chat struct {
			ID int64 `json:"id"`
		} `json:"chat"`
		ReplyTo *struct {
			ID int `json:"message_id"`
		} `json:"reply_to_message"`
		Location *struct {
			Lat        float64 `json:"latitude"`
			LivePeriod int     `json:"live_period"`
		} `json:"location"`
	} `json:"message"`
	Edited *struct {
		ID       int `json:"message_id"`
		Location struct {
			Lat float64 `json:"latitude"`
		} `json:"location"`
	} `json:"edited_message"`
	Callback *struct {
		Data    string `json:"data"`
		Message struct {
			ID int `json:"message_id"`
		} `json:"message"`
	} `json:"callback_query"`
}

// updates takes every pending update, as the bot's poller would.
func (e *env) updates() []update {
	e.t.Helper()
	raw := e.botCall("getUpdates", map[string]any{"timeout": 0})
	var out []update
	if err := json.Unmarshal(raw, &out); err != nil {
		e.t.Fatal(err)
	}
	if len(out) > 0 {
		e.botCall("getUpdates", map[string]any{"offset": out[len(out)-1].ID + 1, "timeout": 0})
	}
	return out
}

// event is one Server-Sent Event.
type event struct {
	name, id string
	data     json.RawMessage
}

// events reads the page's event stream.
type events struct {
	t  *testing.T
	ch chan event
}

func (e *env) events(lastID string) *events {
	e.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	e.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.page.URL+"/api/events", nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		e.t.Fatalf("events Content-Type = %q", ct)
	}
	ev := &events{t: e.t, ch: make(chan event, 100)}
	go ev.read(resp.Body)
	return ev
}

func (ev *events) read(body io.ReadCloser) {
	defer body.Close()
	defer close(ev.ch)
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var cur event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.name != "" {
				ev.ch <- cur
			}
			cur = event{}
		case strings.HasPrefix(line, "event: "):
			cur.name = line[7:]
		case strings.HasPrefix(line, "id: "):
			cur.id = line[4:]
		case strings.HasPrefix(line, "data: "):
			cur.data = json.RawMessage(line[6:])
		}
	}
}

// next waits for an event named name whose data satisfies match.
func (ev *events) next(name string, match func(json.RawMessage) bool) event {
	ev.t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case e, ok := <-ev.ch:
			if !ok {
				ev.t.Fatalf("event stream ended while waiting for %s", name)
			}
			if e.name == name && (match == nil || match(e.data)) {
				return e
			}
		case <-timeout:
			ev.t.Fatalf("no %s event within %v", name, wait)
		}
	}
}

// msg is a message event's data.
type msg struct {
	Chat    int64  `json:"chat"`
	ID      int    `json:"id"`
	FromBot bool   `json:"from_bot"`
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Edited  bool   `json:"edited"`
	Deleted bool   `json:"deleted"`
	Inline  [][]struct {
		Text string `json:"text"`
		Data string `json:"callback_data"`
	} `json:"inline"`
	Location *struct {
		Lat  float64 `json:"lat"`
		Live bool    `json:"live"`
	} `json:"location"`
	File *struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"file"`
}

func decode[T any](t *testing.T, raw json.RawMessage) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return v
}

func msgWhere(t *testing.T, cond func(msg) bool) func(json.RawMessage) bool {
	return func(raw json.RawMessage) bool { return cond(decode[msg](t, raw)) }
}
