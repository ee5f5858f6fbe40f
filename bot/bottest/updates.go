package bottest

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// queued is one update waiting for getUpdates, in wire form.
type queued struct {
	id  int64
	raw json.RawMessage
}

// enqueue assigns an update_id when zero and queues the update; s.mu held.
func (s *Server) enqueue(u *models.Update) int64 {
	if u.ID == 0 {
		u.ID = s.nextUpdateID
	}
	raw, err := json.Marshal(u)
	if err != nil {
		panic("bottest: cannot encode update: " + err.Error()) // models always encode
	}
	s.enqueueRaw(u.ID, raw)
	return u.ID
}

func (s *Server) enqueueRaw(id int64, raw json.RawMessage) {
	if id >= s.nextUpdateID {
		s.nextUpdateID = id + 1
	}
	s.sentUpdates[id] = raw
	i := sort.Search(len(s.queue), func(i int) bool { return s.queue[i].id > id })
	s.queue = append(s.queue, queued{})
	copy(s.queue[i+1:], s.queue[i:])
	s.queue[i] = queued{id: id, raw: raw}
	s.notify()
}

// SendUpdate queues an arbitrary update, assigning update_id when it is zero,
// and returns the update_id. A message in it makes its chat known to the
// Server; a message with message_id 0 also gets the chat's next message id and
// is stored in the history.
func (s *Server) SendUpdate(u models.Update) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, mp := range []**models.Message{&u.Message, &u.EditedMessage, &u.ChannelPost} {
		if *mp == nil || (*mp).Chat.ID == 0 {
			continue
		}
		m := **mp // never modify the caller's message
		*mp = &m
		c := s.addChat(m.Chat)
		if m.ID == 0 {
			from := models.User{}
			if m.From != nil {
				from = *m.From
			}
			rec := &Message{Kind: tgapi.KindOf(&m), Text: m.Text + m.Caption, Raw: m, Location: m.Location,
				Venue: m.Venue, Contact: m.Contact}
			s.store(c, rec, from)
			if m.From == nil {
				rec.Raw.From = nil
			}
			m = rec.Raw
		}
	}
	return s.enqueue(&u)
}

// SendRawUpdate queues raw JSON as an update, for malformed or unusual
// payloads. If raw is an object without a (non-zero) update_id one is
// assigned; other valid JSON is queued verbatim with update_id 0, which any
// positive offset confirms. Invalid JSON is rejected since it would corrupt
// the whole getUpdates answer.
func (s *Server) SendRawUpdate(raw []byte) (int64, error) {
	if !json.Valid(raw) {
		return 0, errors.New("bottest: raw update is not valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		s.enqueueRaw(0, bytes.Clone(raw))
		return 0, nil
	}
	var id int64
	_ = json.Unmarshal(obj["update_id"], &id)
	if id == 0 {
		id = s.nextUpdateID
		obj["update_id"], _ = json.Marshal(id)
		raw, _ = json.Marshal(obj)
	}
	s.enqueueRaw(id, bytes.Clone(raw))
	return id, nil
}

// Redeliver queues an already sent update again with the same update_id, as a
// duplicate delivery. It is handed out once, ahead of the normal queue, by the
// next getUpdates whatever its offset. False if the update_id is unknown.
func (s *Server) Redeliver(updateID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	raw, ok := s.sentUpdates[updateID]
	if ok {
		s.redeliver = append(s.redeliver, queued{id: updateID, raw: raw})
		s.notify()
	}
	return ok
}

// Pending is the number of updates not yet confirmed by a getUpdates offset
// (plus redeliveries not yet handed out).
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue) + len(s.redeliver)
}

// confirm forgets the updates an offset confirms; s.mu held.
func (s *Server) confirm(offset int64) {
	switch {
	case offset > 0:
		i := sort.Search(len(s.queue), func(i int) bool { return s.queue[i].id >= offset })
		s.queue = s.queue[i:]
	case offset < 0:
		if keep := int(-offset); len(s.queue) > keep {
			s.queue = s.queue[len(s.queue)-keep:]
		}
	}
}

// collect takes up to limit updates for an answer; s.mu held.
func (s *Server) collect(limit int) []json.RawMessage {
	out := make([]json.RawMessage, 0)
	for len(s.redeliver) > 0 && len(out) < limit {
		out = append(out, s.redeliver[0].raw)
		s.redeliver = s.redeliver[1:]
	}
	for _, q := range s.queue {
		if len(out) >= limit {
			break
		}
		out = append(out, q.raw)
	}
	return out
}

// apiGetUpdates implements getUpdates with Telegram's offset/limit/timeout
// semantics. A newer getUpdates terminates an older long poll with 409.
func (s *Server) apiGetUpdates(rq *request) (any, *tgapi.Error) {
	if s.webhook.URL != "" {
		return nil, &tgapi.Error{Code: http.StatusConflict,
			Desc: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
	}
	limit := rq.p.Int("limit")
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout := max(rq.p.Int("timeout"), 0)
	s.pollGen++
	gen := s.pollGen
	s.notify() // wake an older long poll so it can be terminated
	s.confirm(rq.p.Int64("offset"))
	deadline := time.Now().Add(time.Duration(timeout) * time.Second)
	for {
		switch {
		case s.closed || s.down:
			return nil, tgapi.ErrDropConn
		case gen != s.pollGen:
			return nil, &tgapi.Error{Code: http.StatusConflict,
				Desc: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
		}
		batch := s.collect(limit)
		wait := time.Until(deadline)
		if len(batch) > 0 || wait <= 0 {
			return batch, nil
		}
		ch := s.changed
		s.mu.Unlock()
		timer := time.NewTimer(wait)
		select {
		case <-ch:
		case <-timer.C:
		case <-rq.ctx.Done():
		}
		timer.Stop()
		s.mu.Lock()
		if rq.ctx.Err() != nil {
			return nil, tgapi.ErrDropConn // nobody is listening any more
		}
	}
}

func (s *Server) apiSetWebhook(rq *request) (any, *tgapi.Error) {
	if rq.p.Str("url") == "" {
		return s.apiDeleteWebhook(rq)
	}
	s.webhook = models.WebhookInfo{URL: rq.p.Str("url"), MaxConnections: rq.p.Int("max_connections")}
	if s.webhook.MaxConnections == 0 {
		s.webhook.MaxConnections = 40
	}
	_, _ = rq.p.Decode("allowed_updates", &s.webhook.AllowedUpdates)
	if rq.p.Bool("drop_pending_updates") {
		s.queue, s.redeliver = nil, nil
	}
	s.pollGen++ // like Telegram, a webhook ends running long polls
	return true, nil
}

func (s *Server) apiDeleteWebhook(rq *request) (any, *tgapi.Error) {
	s.webhook = models.WebhookInfo{}
	if rq.p.Bool("drop_pending_updates") {
		s.queue, s.redeliver = nil, nil
	}
	return true, nil
}

func (s *Server) apiGetWebhookInfo(*request) (any, *tgapi.Error) {
	info := s.webhook
	info.PendingUpdateCount = len(s.queue) + len(s.redeliver)
	return &info, nil
}

// Webhook returns the webhook set by setWebhook (URL "" when none).
func (s *Server) Webhook() models.WebhookInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook
}
