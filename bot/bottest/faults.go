package bottest

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// FailNext makes the next n calls of method (case-insensitive; "*" for any
// method, getUpdates included) fail with f. Calls are consumed in order; queued
// failures for the same method run one after another.
func (s *Server) FailNext(method string, n int, f tgapi.Failure) {
	key := strings.ToLower(method)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.faults[key] = append(s.faults[key], f)
	}
}

// FailChat is FailNext for the calls of method ("*" for any) whose chat_id
// is chatID only: one chat's trouble while the others work.
func (s *Server) FailChat(chatID int64, method string, n int, f tgapi.Failure) {
	key := strconv.FormatInt(chatID, 10) + " " + strings.ToLower(method)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.chatFault[key] = append(s.chatFault[key], f)
	}
}

// ClearFailures drops every failure queued by FailNext and FailChat.
func (s *Server) ClearFailures() {
	s.mu.Lock()
	s.faults = map[string][]tgapi.Failure{}
	s.chatFault = map[string][]tgapi.Failure{}
	s.mu.Unlock()
}

// takeFault pops the next failure for method to chatID: the chat's own
// before the method's, the method's own before "*".
func (s *Server) takeFault(method, chatID string) (tgapi.Failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id := s.resolveChatID(chatID); id != 0 {
		for _, m := range []string{strings.ToLower(method), "*"} {
			key := strconv.FormatInt(id, 10) + " " + m
			if q := s.chatFault[key]; len(q) > 0 {
				s.chatFault[key] = q[1:]
				return q[0], true
			}
		}
	}
	for _, key := range []string{strings.ToLower(method), "*"} {
		if q := s.faults[key]; len(q) > 0 {
			s.faults[key] = q[1:]
			return q[0], true
		}
	}
	return tgapi.Failure{}, false
}

// SetDown makes every request fail at the connection level (the connection is
// reset without an answer) until SetDown(false). Pending long polls are dropped too.
func (s *Server) SetDown(down bool) {
	s.mu.Lock()
	s.down = down
	s.notify()
	s.mu.Unlock()
}

// SetChatRateLimit emulates per-chat flood control: more than perSecond new
// messages to one chat within a second (by the Server clock) are answered 429
// with retry_after. 0 (the default) disables it.
func (s *Server) SetChatRateLimit(perSecond int) {
	s.mu.Lock()
	s.rateLimit = perSecond
	s.mu.Unlock()
}

// checkFlood applies the per-chat flood limit to sending methods; s.mu held.
func (s *Server) checkFlood(m apiMethod, p tgapi.Params) *tgapi.Error {
	if !m.sends || s.rateLimit <= 0 {
		return nil
	}
	c := s.chats[s.resolveChatID(p.Str("chat_id"))]
	if c == nil {
		return nil // the method itself reports the bad chat
	}
	now := s.now()
	kept := c.sendTimes[:0]
	for _, t := range c.sendTimes {
		if now.Sub(t) < time.Second {
			kept = append(kept, t)
		}
	}
	c.sendTimes = kept
	if len(kept) >= s.rateLimit {
		wait := time.Second - now.Sub(kept[0])
		return tgapi.TooMany(int(math.Max(1, math.Ceil(wait.Seconds()))))
	}
	c.sendTimes = append(c.sendTimes, now)
	return nil
}
