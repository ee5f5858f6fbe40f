package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// loadServer is the smallest Bot API a bot needs to be measured: getUpdates
// (long polling, offsets) and the sending methods, nothing stored. With
// limits on, it answers like Telegram under load: at most globalRate
// messages a second in all and one a second per chat, 429 with
// retry_after beyond.
type loadServer struct {
	hs    *httptest.Server
	token string

	mu      sync.Mutex
	changed chan struct{}
	updates []pending // unconfirmed, ascending id
	nextID  int64

	// limits
	limited    bool
	globalRate float64
	tokens     float64
	refilled   time.Time
	chatLast   map[int64]time.Time

	msgID    atomic.Int64
	sends    atomic.Int64 // messages accepted
	tooMany  atomic.Int64 // 429 answers
	received atomic.Int64 // updates handed out

	// onSend is told of every message accepted, with its chat.
	onSend func(chat int64, at time.Time)
}

type pending struct {
	id  int64
	raw []byte
}

func newLoadServer(onSend func(int64, time.Time)) *loadServer {
	s := &loadServer{token: "4242:BENCH", changed: make(chan struct{}), nextID: 1, chatLast: map[int64]time.Time{},
		onSend: onSend}
	s.hs = httptest.NewServer(s)
	return s
}

func (s *loadServer) URL() string { return s.hs.URL }

func (s *loadServer) Close() {
	s.mu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	s.hs.CloseClientConnections()
	s.hs.Close()
}

// limit turns Telegram's limits on (perSecond messages in all, one a
// second per chat) or off (perSecond 0).
func (s *loadServer) limit(perSecond float64) {
	s.mu.Lock()
	s.limited, s.globalRate, s.tokens, s.refilled = perSecond > 0, perSecond, perSecond, time.Now()
	s.chatLast = map[int64]time.Time{}
	s.mu.Unlock()
}

// inject queues a text message from chat (a private chat, the user's id).
func (s *loadServer) inject(chat int64, text string) {
	s.mu.Lock()
	id := s.nextID
	s.nextID++
	ent := ""
	if strings.HasPrefix(text, "/") {
		n := len(text)
		if i := strings.IndexByte(text, ' '); i > 0 {
			n = i
		}
		ent = fmt.Sprintf(`,"entities":[{"type":"bot_command","offset":0,"length":%d}]`, n)
	}
	raw := fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private","first_name":"P%d"},`+
		`"from":{"id":%d,"is_bot":false,"first_name":"P%d","language_code":"en"},"text":%q%s}}`,
		id, id, time.Now().Unix(), chat, chat, chat, chat, text, ent)
	s.updates = append(s.updates, pending{id: id, raw: []byte(raw)})
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

type params struct {
	Offset  int64           `json:"offset"`
	Timeout int             `json:"timeout"`
	ChatID  json.RawMessage `json:"chat_id"`
}

func readParams(r *http.Request) params {
	var p params
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		body, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(body, &p)
		return p
	}
	_ = r.ParseMultipartForm(1 << 20)
	p.Offset, _ = strconv.ParseInt(r.FormValue("offset"), 10, 64)
	p.Timeout, _ = strconv.Atoi(r.FormValue("timeout"))
	p.ChatID = json.RawMessage(r.FormValue("chat_id"))
	return p
}

func (s *loadServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	method := strings.ToLower(strings.TrimPrefix(r.URL.Path, "/bot"+s.token+"/"))
	p := readParams(r)
	switch method {
	case "getupdates":
		s.getUpdates(w, r, p)
	case "sendmessage", "sendlocation", "sendphoto", "senddocument", "sendvoice":
		chat, _ := strconv.ParseInt(strings.Trim(string(p.ChatID), `"`), 10, 64)
		if wait := s.admit(chat); wait > 0 {
			s.tooMany.Add(1)
			writeJSON(w, http.StatusTooManyRequests, fmt.Sprintf(
				`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after %d","parameters":{"retry_after":%d}}`, wait, wait))
			return
		}
		id := s.msgID.Add(1)
		s.sends.Add(1)
		writeJSON(w, http.StatusOK, fmt.Sprintf(`{"ok":true,"result":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private"},"text":""}}`,
			id, time.Now().Unix(), chat))
		if s.onSend != nil {
			s.onSend(chat, time.Now())
		}
	case "getme":
		writeJSON(w, http.StatusOK, `{"ok":true,"result":{"id":4242,"is_bot":true,"first_name":"Bench","username":"BenchBot"}}`)
	default: // answerCallbackQuery, setMyCommands, deleteMessages, ...
		writeJSON(w, http.StatusOK, `{"ok":true,"result":true}`)
	}
}

// admit applies the limits to one message and returns the retry_after
// of a 429, 0 when it may go.
func (s *loadServer) admit(chat int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.limited {
		return 0
	}
	now := time.Now()
	s.tokens = math.Min(s.globalRate, s.tokens+now.Sub(s.refilled).Seconds()*s.globalRate)
	s.refilled = now
	if last, ok := s.chatLast[chat]; ok && now.Sub(last) < time.Second {
		return int(math.Ceil((time.Second - now.Sub(last)).Seconds()))
	}
	if s.tokens < 1 {
		return 1
	}
	s.tokens--
	s.chatLast[chat] = now
	return 0
}

func (s *loadServer) getUpdates(w http.ResponseWriter, r *http.Request, p params) {
	deadline := time.NewTimer(time.Duration(p.Timeout) * time.Second)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		i := 0
		for i < len(s.updates) && s.updates[i].id < p.Offset {
			i++
		}
		s.updates = s.updates[i:]
		n := min(len(s.updates), 100)
		if n > 0 || p.Timeout == 0 {
			var b strings.Builder
			b.WriteString(`{"ok":true,"result":[`)
			for j, u := range s.updates[:n] {
				if j > 0 {
					b.WriteByte(',')
				}
				b.Write(u.raw)
			}
			b.WriteString(`]}`)
			s.mu.Unlock()
			s.received.Add(int64(n))
			writeJSON(w, http.StatusOK, b.String())
			return
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			writeJSON(w, http.StatusOK, `{"ok":true,"result":[]}`)
			return
		case <-r.Context().Done():
			return
		}
	}
}

func writeJSON(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	_, _ = io.WriteString(w, body)
}
