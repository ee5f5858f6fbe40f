package main

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// tracker pairs the messages a load server accepts with the updates that
// asked for them: an update is answered when its chat has received perUpdate
// messages since the previous one was.
type tracker struct {
	mu        sync.Mutex
	perUpdate int
	chats     map[int64]*chatTrack
	lat       []time.Duration
	since     time.Time // answers before it are not counted (warm-up)
	answered  int
	lastAt    time.Time
	first     map[int64]time.Time // first message to each chat
	next      func(chat int64)    // closed loop: send the chat's next update
}

type chatTrack struct {
	sent []time.Time
	got  int
}

func newTracker(perUpdate int) *tracker {
	return &tracker{perUpdate: max(perUpdate, 1), chats: map[int64]*chatTrack{}, first: map[int64]time.Time{}}
}

// sent records an update from chat.
func (t *tracker) sent(chat int64, at time.Time) {
	t.mu.Lock()
	c := t.chats[chat]
	if c == nil {
		c = &chatTrack{}
		t.chats[chat] = c
	}
	c.sent = append(c.sent, at)
	t.mu.Unlock()
}

// reply records a message to chat.
func (t *tracker) reply(chat int64, at time.Time) {
	t.mu.Lock()
	if _, ok := t.first[chat]; !ok {
		t.first[chat] = at
	}
	c := t.chats[chat]
	if c == nil || len(c.sent) == 0 {
		t.mu.Unlock()
		return
	}
	c.got++
	if c.got < t.perUpdate {
		t.mu.Unlock()
		return
	}
	c.got = 0
	if !at.Before(t.since) {
		t.lat = append(t.lat, at.Sub(c.sent[0]))
		t.answered++
		t.lastAt = at
	}
	c.sent = c.sent[1:]
	next := t.next
	t.mu.Unlock()
	if next != nil {
		next(chat)
	}
}

func (t *tracker) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.answered
}

// received counts the messages chat got.
func (t *tracker) firstCount() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.first)
}

// percentiles of the latencies recorded.
type dist struct{ n, p50, p90, p99, max time.Duration }

func (t *tracker) dist() (int, dist) {
	t.mu.Lock()
	lat := slices.Clone(t.lat)
	t.mu.Unlock()
	return len(lat), percentiles(lat)
}

func percentiles(lat []time.Duration) dist {
	if len(lat) == 0 {
		return dist{}
	}
	slices.Sort(lat)
	at := func(q float64) time.Duration { return lat[min(len(lat)-1, int(q*float64(len(lat))))] }
	return dist{p50: at(0.50), p90: at(0.90), p99: at(0.99), max: lat[len(lat)-1]}
}

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= 100*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.1f ms", float64(d)/1e6)
}
