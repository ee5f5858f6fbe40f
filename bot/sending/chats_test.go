package sending

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/mailbox"
)

func calls(chat int64, ids ...int64) []mailbox.Message {
	out := make([]mailbox.Message, len(ids))
	for i, id := range ids {
		out[i] = mailbox.Message{ID: id, ChatID: chat}
	}
	return out
}

// drain sends a run to its end, returning the ids sent.
func drain(c *Chats, chat int64) []int64 {
	var ids []int64
	for {
		m, ok := c.Next(chat)
		if !ok {
			return ids
		}
		ids = append(ids, m.ID)
	}
}

// One chat has one run: calls claimed or handed off while it runs go
// after its calls, in order.
func TestChatsQueueBehindTheRun(t *testing.T) {
	c := NewChats()
	if !c.Start(calls(7, 1, 2)) {
		t.Fatal("the first calls of a chat start a run")
	}
	if m, _ := c.Next(7); m.ID != 1 {
		t.Fatalf("first %d", m.ID)
	}
	if diff := cmp.Diff([]int64{1, 2}, ids(c.Held([]int64{7, 8}))); diff != "" {
		t.Errorf("held (-want +got):\n%s", diff)
	}
	if start, ok := c.HandOff(calls(7, 3), 2); start || !ok {
		t.Errorf("hand-off while running: start %v ok %v, want queued", start, ok)
	}
	if c.Start(calls(7, 4)) {
		t.Error("a claim while running starts a second run")
	}
	if diff := cmp.Diff([]int64{2, 3, 4}, drain(c, 7)); diff != "" {
		t.Errorf("sent (-want +got):\n%s", diff)
	}
	if len(c.Held([]int64{7})) != 0 {
		t.Error("an ended run still holds calls")
	}
}

// Calls handed off after the run they relied on ended go only if it
// ended with every call sent, up to the one they were queued after.
func TestChatsHandOffAfterTheRunEnded(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stop   bool  // the run stops after its first call
		after  int64 // the hand-off relied on calls up to this id
		chat   int64 // the hand-off's chat
		wantOK bool
	}{
		{"sent", false, 2, 7, true},
		{"not sent", true, 2, 7, false},
		{"nothing relied on", true, 0, 7, true},
		{"a later run than known", false, 5, 7, false},
		{"a chat never seen", false, 2, 9, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewChats()
			c.Start(calls(7, 1, 2))
			c.Next(7)
			if tc.stop {
				if rest := c.Stop(7); len(rest) != 1 || rest[0].ID != 2 {
					t.Fatalf("stop returned %v", rest)
				}
			} else {
				drain(c, 7)
			}
			start, ok := c.HandOff(calls(tc.chat, 6), tc.after)
			if ok != tc.wantOK || start != tc.wantOK {
				t.Errorf("hand-off: start %v ok %v, want %v", start, ok, tc.wantOK)
			}
		})
	}
}

func ids(ms []mailbox.Message) []int64 {
	out := make([]int64, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}
