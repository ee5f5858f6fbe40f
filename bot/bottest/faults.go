package bottest

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Failure describes how FailNext makes a request fail.
//
// With a Code and no Body the answer is a Telegram-style JSON error
// (error_code = HTTP status = Code). With a Body it is that raw body instead,
// e.g. an nginx HTML page. Drop closes the connection without any answer.
// A Failure with only a Delay just slows the request down; it then runs normally.
type Failure struct {
	// Code is the HTTP status and error_code.
	Code int
	// Description overrides the default description for Code.
	Description string
	// RetryAfter adds "parameters":{"retry_after":RetryAfter}.
	RetryAfter int
	// Body, when set, is written verbatim instead of a JSON error.
	Body string
	// ContentType of Body; "text/html" by default.
	ContentType string
	// Drop closes the connection abruptly instead of answering.
	Drop bool
	// Delay waits this long before answering (honouring request cancellation).
	Delay time.Duration
	// Applied lets the method take effect (message stored, etc.) and only then
	// answers with the failure: the "sent but the client never heard" case.
	Applied bool
}

// TooManyRequests is a 429 flood-control failure with parameters.retry_after.
func TooManyRequests(retryAfter int) Failure {
	return Failure{Code: http.StatusTooManyRequests, RetryAfter: retryAfter}
}

// InternalError is a 500 JSON error as Telegram sends it.
func InternalError() Failure { return Failure{Code: http.StatusInternalServerError} }

// BadGateway is the 502 HTML page Telegram's nginx front answers when the
// backend is unavailable; it is not JSON.
func BadGateway() Failure {
	return Failure{Code: http.StatusBadGateway, Body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n" +
		"<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"}
}

// ConnectionReset drops the connection without an answer.
func ConnectionReset() Failure { return Failure{Drop: true} }

func (f Failure) delayOnly() bool { return f.Code == 0 && f.Body == "" && !f.Drop }

func (f Failure) asError() *apiError {
	if f.Drop {
		return errDropConn
	}
	desc := f.Description
	if desc == "" {
		switch f.Code {
		case http.StatusTooManyRequests:
			return tooMany(f.RetryAfter)
		case http.StatusBadRequest:
			desc = "Bad Request"
		case http.StatusUnauthorized:
			desc = "Unauthorized"
		case http.StatusForbidden:
			desc = "Forbidden"
		case http.StatusConflict:
			desc = "Conflict"
		default:
			desc = http.StatusText(f.Code)
		}
	}
	return &apiError{code: f.Code, desc: desc, retryAfter: f.RetryAfter}
}

// FailNext makes the next n calls of method (case-insensitive; "*" for any
// method, getUpdates included) fail with f. Calls are consumed in order; queued
// failures for the same method run one after another.
func (s *Server) FailNext(method string, n int, f Failure) {
	key := strings.ToLower(method)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.faults[key] = append(s.faults[key], f)
	}
}

// FailChat is FailNext for the calls of method ("*" for any) whose chat_id
// is chatID only: one chat's trouble while the others work.
func (s *Server) FailChat(chatID int64, method string, n int, f Failure) {
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
	s.faults = map[string][]Failure{}
	s.chatFault = map[string][]Failure{}
	s.mu.Unlock()
}

// takeFault pops the next failure for method to chatID: the chat's own
// before the method's, the method's own before "*".
func (s *Server) takeFault(method, chatID string) (Failure, bool) {
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
	return Failure{}, false
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
func (s *Server) checkFlood(m apiMethod, p params) *apiError {
	if !m.sends || s.rateLimit <= 0 {
		return nil
	}
	c := s.chats[s.resolveChatID(p.str("chat_id"))]
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
		return tooMany(int(math.Max(1, math.Ceil(wait.Seconds()))))
	}
	c.sendTimes = append(c.sendTimes, now)
	return nil
}
