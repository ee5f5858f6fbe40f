package bottest

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// State is what a Server holds about chats, files, command menus and
// pending updates, in a form that encodes to JSON. Snapshot takes it and
// WithState starts a Server from it, so that a long-running emulator (the
// browser simulator) survives a restart with its histories, message ids
// and update_ids going on where they were. The call log, injected
// failures, callback answers and the webhook are not part of it.
type State struct {
	NextUpdateID int64                          `json:"next_update_id"`
	Seq          int64                          `json:"seq"`
	FileSeq      int                            `json:"file_seq"`
	CallbackSeq  int                            `json:"callback_seq"`
	Chats        []ChatState                    `json:"chats"`
	Files        []SavedFile                    `json:"files,omitempty"`
	Commands     map[string][]models.BotCommand `json:"commands,omitempty"`
	// Pending are updates not yet confirmed by getUpdates, oldest first.
	Pending []PendingUpdate `json:"pending,omitempty"`
}

// ChatState is one chat of a State.
type ChatState struct {
	Chat     models.Chat         `json:"chat"`
	Blocked  bool                `json:"blocked,omitempty"`
	LastID   int                 `json:"last_message_id"`
	Keyboard [][]tgapi.KeyButton `json:"keyboard,omitempty"`
	Messages []SavedMessage      `json:"messages,omitempty"`
}

// SavedMessage is a Message with its wire form, which Message's own JSON
// leaves out.
type SavedMessage struct {
	Message
	Raw         models.Message `json:"raw"`
	LiveStopped bool           `json:"live_stopped,omitempty"`
}

// SavedFile is a File with its content.
type SavedFile struct {
	File
	Content []byte `json:"content,omitempty"`
}

// PendingUpdate is an update waiting for getUpdates, in wire form.
type PendingUpdate struct {
	ID  int64           `json:"update_id"`
	Raw json.RawMessage `json:"raw"`
}

// Snapshot returns the Server's current State. It shares nothing mutable
// with the Server and may be encoded while the Server goes on.
func (s *Server) Snapshot() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := State{NextUpdateID: s.nextUpdateID, Seq: s.seq, FileSeq: s.fileSeq, CallbackSeq: s.cbSeq,
		Commands: maps.Clone(s.commands)}
	ids := slices.Sorted(maps.Keys(s.chats))
	for _, id := range ids {
		c := s.chats[id]
		cs := ChatState{Chat: c.wire, Blocked: c.blocked, LastID: c.lastID, Keyboard: cloneRows(c.keyboard)}
		for _, m := range c.msgs {
			cs.Messages = append(cs.Messages, SavedMessage{Message: m.clone(), Raw: m.Raw, LiveStopped: m.liveStopped})
		}
		st.Chats = append(st.Chats, cs)
	}
	for _, id := range slices.Sorted(maps.Keys(s.files)) {
		f := s.files[id]
		st.Files = append(st.Files, SavedFile{File: *f, Content: f.Content})
	}
	for _, q := range s.queue {
		st.Pending = append(st.Pending, PendingUpdate{ID: q.id, Raw: q.raw})
	}
	return st
}

// WithState starts the Server from a State taken by Snapshot, possibly by
// another process.
func WithState(st State) Option {
	return func(s *Server) { s.restore(st) }
}

// WithNextUpdateID sets the update_id of the first update queued. A Server
// that starts without a saved State on a database that remembers update
// ids (an inbox that drops duplicates) starts high, as Telegram does after
// a quiet week, so that new updates are not taken for old ones.
func WithNextUpdateID(id int64) Option {
	return func(s *Server) { s.nextUpdateID = max(id, 1) }
}

func (s *Server) restore(st State) {
	s.nextUpdateID, s.seq = max(st.NextUpdateID, 1), st.Seq
	s.fileSeq, s.cbSeq = st.FileSeq, st.CallbackSeq
	for _, sf := range st.Files {
		f := sf.File
		f.Content = sf.Content
		s.files[f.ID] = &f
	}
	for _, cs := range st.Chats {
		c := s.addChat(cs.Chat)
		c.blocked, c.lastID, c.keyboard = cs.Blocked, cs.LastID, cs.Keyboard
		for _, sm := range cs.Messages {
			m := sm.Message
			m.Raw, m.liveStopped = sm.Raw, sm.LiveStopped
			if m.File != nil && s.files[m.File.ID] != nil {
				m.File = s.files[m.File.ID]
			}
			c.msgs = append(c.msgs, &m)
			c.byID[m.ID] = &m
		}
	}
	maps.Copy(s.commands, st.Commands)
	for _, p := range st.Pending {
		s.enqueueRaw(p.ID, p.Raw)
	}
}
