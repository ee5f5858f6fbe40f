package simulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// keepAlive is how often an idle event stream sends a comment, so proxies
// and browsers keep it open.
const keepAlive = 20 * time.Second

// serveEvents streams what the page shows, as Server-Sent Events:
//
//	reset   forget every message shown: the whole history follows
//	people  everyone, with their chats, reply keyboards, menus, live location
//	msg     a message, new or changed (deleted: true removes it)
//
// Event ids are "<epoch>:<seq>". A browser that reconnects (the network,
// a sleeping laptop) sends the last one back and gets only what changed
// since; a page that is reloaded, or reconnects to a restarted simulator,
// gets a reset and the whole history.
func (s *Simulator) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	since, resumed := s.resumeFrom(r.Header.Get("Last-Event-ID"))
	st := &stream{w: w, epoch: s.epoch}
	if !resumed {
		st.send("reset", since, struct{}{})
	}
	ping := time.NewTicker(keepAlive)
	defer ping.Stop()
	for {
		apiCh, simCh := s.api.Changed(), s.changedCh()
		since = s.flushChanges(st, since, resumed)
		resumed = true
		if st.err != nil {
			return
		}
		flusher.Flush()
		select {
		case <-apiCh:
		case <-simCh:
		case <-ping.C:
			_, st.err = fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// resumeFrom reads a Last-Event-ID of this process.
func (s *Simulator) resumeFrom(last string) (int64, bool) {
	epoch, seq, ok := strings.Cut(last, ":")
	n, err := strconv.ParseInt(seq, 10, 64)
	if !ok || epoch != s.epoch || err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// flushChanges sends the people when they changed and every message of a
// person's chat changed after since; a fresh stream skips deleted ones.
func (s *Simulator) flushChanges(st *stream, since int64, resumed bool) int64 {
	msgs, seq := s.api.Changes(since)
	if b, _ := json.Marshal(s.peopleView()); !bytes.Equal(b, st.people) {
		st.people = b
		st.sendRaw("people", since, b) // the messages after since follow
	}
	visible := s.visibleChats()
	for _, m := range msgs {
		if !visible[m.ChatID] || (m.Deleted && !resumed) {
			continue
		}
		st.send("msg", m.Seq, s.view(m))
	}
	return seq
}

// visibleChats are the chats someone in the simulator is in.
func (s *Simulator) visibleChats() map[int64]bool {
	out := map[int64]bool{s.opts.DeskChatID: true}
	for _, p := range s.People() {
		out[p.ID] = true
	}
	return out
}

// stream writes events and keeps the first write error.
type stream struct {
	w      http.ResponseWriter
	epoch  string
	people []byte
	err    error
}

func (st *stream) send(event string, seq int64, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		st.err = err
		return
	}
	st.sendRaw(event, seq, b)
}

func (st *stream) sendRaw(event string, seq int64, data []byte) {
	if st.err != nil {
		return
	}
	_, st.err = fmt.Fprintf(st.w, "event: %s\nid: %s:%d\ndata: %s\n\n", event, st.epoch, seq, data)
}
