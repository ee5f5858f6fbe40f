package simulator_test

import (
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/koreandesk/hotline/simulator"
)

func TestTypedTextBecomesAnUpdate(t *testing.T) {
	e := newEnv(t, simulator.Options{})
	if code := e.post("/api/people/1001", map[string]string{"lang": "ko"}, nil); code != http.StatusOK {
		t.Fatalf("choose Korean: %d", code)
	}
	e.post("/api/send", map[string]any{"person": reporter, "text": "/start sos"}, nil)
	e.post("/api/send", map[string]any{"person": reporter, "text": "hello", "reply_to": 1}, nil)
	got := e.updates()
	if len(got) != 2 || got[1].ID != got[0].ID+1 {
		t.Fatalf("updates = %+v, want two with consecutive ids", got)
	}
	m := got[0].Message
	if m == nil || m.Text != "/start sos" || m.From.ID != reporter || m.From.Lang != "ko" || m.Chat.ID != reporter {
		t.Fatalf("first update = %+v", m)
	}
	if len(m.Entities) != 1 || m.Entities[0].Type != "bot_command" || m.Entities[0].Length != 6 {
		t.Errorf("entities = %+v, want /start marked as a bot command", m.Entities)
	}
	if r := got[1].Message.ReplyTo; r == nil || r.ID != 1 || got[1].Message.ID != 2 {
		t.Errorf("reply = %+v, want message 2 replying to 1", got[1].Message)
	}
}

func TestEventsShowWhatTheBotSendsEditsAndDeletes(t *testing.T) {
	e := newEnv(t, simulator.Options{})
	ev := e.events("")
	ev.next("reset", nil)
	people := decode[[]struct {
		ID    int64 `json:"id"`
		Chats []struct {
			ID int64 `json:"id"`
		} `json:"chats"`
	}](t, ev.next("people", nil).data)
	if len(people) != 2 || people[0].ID != reporter || people[1].ID != supervisor || len(people[1].Chats) != 2 {
		t.Fatalf("people = %+v, want the reporter and the supervisor, who also sees the desk chat", people)
	}
	e.post("/api/send", map[string]any{"person": reporter, "text": "/start"}, nil)
	ev.next("msg", msgWhere(t, func(m msg) bool { return m.Text == "/start" && !m.FromBot }))
	e.botCall("sendMessage", map[string]any{"chat_id": reporter, "text": "Choose",
		"reply_markup": map[string]any{"inline_keyboard": [][]map[string]string{{{"text": "한국어", "callback_data": "lang:ko"}}}}})
	sent := decode[msg](t, ev.next("msg", msgWhere(t, func(m msg) bool { return m.FromBot })).data)
	if sent.ID != 2 || sent.Text != "Choose" || len(sent.Inline) != 1 || sent.Inline[0][0].Data != "lang:ko" {
		t.Fatalf("bot message = %+v", sent)
	}
	e.botCall("editMessageText", map[string]any{"chat_id": reporter, "message_id": 2, "text": "Chosen"})
	ev.next("msg", msgWhere(t, func(m msg) bool { return m.ID == 2 && m.Edited && m.Text == "Chosen" && m.Inline == nil }))
	e.botCall("deleteMessages", map[string]any{"chat_id": reporter, "message_ids": []int{1, 2}})
	gone := ev.next("msg", msgWhere(t, func(m msg) bool { return m.Deleted }))

	// A reconnecting browser gets what it missed; a reloaded page gets the rest only.
	again := e.events(gone.id)
	again.next("msg", msgWhere(t, func(m msg) bool { return m.ID == 2 && m.Deleted }))
	fresh := e.events("")
	fresh.next("reset", nil)
	e.post("/api/send", map[string]any{"person": reporter, "text": "after"}, nil)
	if m := decode[msg](t, fresh.next("msg", nil).data); m.Text != "after" {
		t.Errorf("a fresh stream showed %+v first; deleted messages must not come back", m)
	}
}

func TestButtonsLocationsPhotosAndFiles(t *testing.T) {
	e := newEnv(t, simulator.Options{LiveEvery: 20 * time.Millisecond})
	e.botCall("sendMessage", map[string]any{"chat_id": reporter, "text": "Where are you?",
		"reply_markup": map[string]any{"inline_keyboard": [][]map[string]string{{{"text": "Skip", "callback_data": "skip"}}}}})
	e.post("/api/callback", map[string]any{"person": reporter, "message_id": 1, "data": "skip"}, nil)
	e.post("/api/location", map[string]any{"person": reporter, "lat": 10.6273, "lon": 103.5225}, nil)
	e.post("/api/photo", map[string]any{"person": reporter, "text": "the gate"}, nil)
	got := e.updates()
	if len(got) != 3 || got[0].Callback == nil || got[0].Callback.Data != "skip" || got[0].Callback.Message.ID != 1 {
		t.Fatalf("updates = %+v, want the callback first", got)
	}
	if l := got[1].Message.Location; l == nil || l.Lat != 10.6273 || l.LivePeriod != 0 {
		t.Errorf("location update = %+v", got[1].Message)
	}

	var live struct {
		MessageID int `json:"message_id"`
	}
	e.post("/api/location", map[string]any{"person": reporter, "lat": 11.5564, "lon": 104.9282, "live": true}, &live)
	ev := e.events("")
	ev.next("msg", msgWhere(t, func(m msg) bool { return m.ID == live.MessageID && m.Edited && m.Location.Live }))
	e.post("/api/live/stop", map[string]any{"person": reporter}, nil)
	var moved int
	for _, u := range e.updates() {
		if u.Edited != nil && u.Edited.ID == live.MessageID && u.Edited.Location.Lat != 11.5564 {
			moved++
		}
	}
	if moved == 0 {
		t.Error("a live location must move through edited_message updates")
	}

	doc := uploadCSV(t, e)
	resp, err := http.Get(e.page.URL + "/api/files/" + doc)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "ref,status\nKD-7Q3M,new\n" || !strings.Contains(resp.Header.Get("Content-Disposition"), `filename=cases.csv`) {
		t.Errorf("download = %q, %q", body, resp.Header.Get("Content-Disposition"))
	}
}

// uploadCSV sends a CSV document to the supervisor as the bot's /export
// does (multipart upload) and returns its file id.
func uploadCSV(t *testing.T, e *env) string {
	t.Helper()
	var buf strings.Builder
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("chat_id", "9001")
	fw, _ := w.CreateFormFile("document", "cases.csv")
	_, _ = fw.Write([]byte("ref,status\nKD-7Q3M,new\n"))
	_ = w.Close()
	resp, err := http.Post(e.api.URL()+"/bot"+e.api.Token()+"/sendDocument", w.FormDataContentType(), strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Result struct {
			Document struct {
				FileID string `json:"file_id"`
			} `json:"document"`
		} `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || r.Result.Document.FileID == "" {
		t.Fatalf("sendDocument: %v", err)
	}
	return r.Result.Document.FileID
}

func TestPeopleAndMenus(t *testing.T) {
	e := newEnv(t, simulator.Options{})
	var family, officer simulator.Person
	if code := e.post("/api/people", map[string]string{"name": "Mother Park", "lang": "ko", "role": "family"}, &family); code != http.StatusOK || family.ID == 0 {
		t.Fatalf("add family: %d %+v", code, family)
	}
	e.post("/api/people", map[string]string{"name": "Officer Sok", "lang": "km", "role": "officer"}, &officer)
	if got := e.updates(); len(got) != 1 || got[0].Message.Text != "/staff add 1003 agent" || got[0].Message.From.ID != supervisor {
		t.Errorf("adding an officer sent %+v, want the supervisor's /staff add 1003 agent", got)
	}
	for _, bad := range []map[string]string{{"name": "X", "lang": "fr", "role": "family"}, {"name": "", "lang": "ko", "role": "family"}, {"name": "X", "lang": "ko", "role": "supervisor"}} {
		if code := e.post("/api/people", bad, nil); code != http.StatusBadRequest {
			t.Errorf("add %v = %d, want 400", bad, code)
		}
	}
	e.botCall("setMyCommands", map[string]any{"commands": []map[string]string{{"command": "start", "description": "Start"}}})
	e.botCall("setMyCommands", map[string]any{"language_code": "ko", "commands": []map[string]string{{"command": "start", "description": "처음 메뉴"}}})
	e.botCall("setMyCommands", map[string]any{"scope": map[string]any{"type": "chat", "chat_id": supervisor},
		"commands": []map[string]string{{"command": "queue", "description": "사건 목록"}}})
	ev := e.events("")
	type menuPerson struct {
		ID    int64 `json:"id"`
		Chats []struct {
			ID   int64 `json:"id"`
			Menu []struct {
				Command, Description string
			} `json:"menu"`
		} `json:"chats"`
	}
	people := decode[[]menuPerson](t, ev.next("people", nil).data)
	menus := map[int64]string{}
	for _, p := range people {
		menus[p.ID] = p.Chats[0].Menu[0].Description
	}
	if menus[reporter] != "Start" || menus[family.ID] != "처음 메뉴" || menus[supervisor] != "사건 목록" || menus[officer.ID] != "Start" {
		t.Errorf("menus = %v", menus)
	}
	req, _ := http.NewRequest(http.MethodDelete, e.page.URL+"/api/people/"+strconv.FormatInt(family.ID, 10), nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("remove family: %v %v", err, resp)
	}
	if got := len(e.sim.People()); got != 3 {
		t.Errorf("%d people after removing one of 4", got)
	}
}

func TestOnlyThePageMayAct(t *testing.T) {
	e := newEnv(t, simulator.Options{})
	for _, tt := range []struct {
		name, ct, origin string
		want             int
	}{
		{"form post", "text/plain", "", http.StatusForbidden},
		{"other site", "application/json", "http://evil.example", http.StatusForbidden},
		{"the page", "application/json", e.page.URL, http.StatusOK},
		{"unknown person", "application/json", "", http.StatusNotFound},
		{"rebound name", "application/json", "", http.StatusForbidden},
	} {
		t.Run(tt.name, func(t *testing.T) {
			person := reporter
			if tt.want == http.StatusNotFound {
				person = 4242
			}
			req, _ := http.NewRequest(http.MethodPost, e.page.URL+"/api/send", strings.NewReader(`{"person":`+strconv.Itoa(person)+`,"text":"hi"}`))
			req.Header.Set("Content-Type", tt.ct)
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.name == "rebound name" {
				req.Host = "attacker.example:80"
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

func TestThePageIsEmbedded(t *testing.T) {
	e := newEnv(t, simulator.Options{})
	for _, path := range []string{"/", "/app.js", "/pane.js", "/message.js", "/app.css"} {
		resp, err := http.Get(e.page.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || len(body) < 100 {
			t.Errorf("GET %s = %d (%d bytes)", path, resp.StatusCode, len(body))
		}
		if strings.Contains(string(body), "https://") && path != "/" {
			t.Errorf("%s loads something from the internet", path)
		}
	}
}
