package tgapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Error is a Bot API error answer.
type Error struct {
	Code       int
	Desc       string
	RetryAfter int
	MigrateTo  int64
}

func (e *Error) Error() string { return e.Desc }

// ErrDropConn makes the handler close the connection without answering.
var ErrDropConn = &Error{Code: 0, Desc: "connection dropped"}

// BadRequest is a 400 answer.
func BadRequest(format string, args ...any) *Error {
	return &Error{Code: http.StatusBadRequest, Desc: "Bad Request: " + fmt.Sprintf(format, args...)}
}

// Forbidden is a 403 answer.
func Forbidden(desc string) *Error {
	return &Error{Code: http.StatusForbidden, Desc: "Forbidden: " + desc}
}

// TooMany is a 429 answer with retry_after.
func TooMany(retryAfter int) *Error {
	return &Error{Code: http.StatusTooManyRequests, RetryAfter: retryAfter,
		Desc: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter)}
}

type errorParams struct {
	RetryAfter      int   `json:"retry_after,omitempty"`
	MigrateToChatID int64 `json:"migrate_to_chat_id,omitempty"`
}

// Body encodes an error answer the way Telegram does.
func Body(e *Error) []byte {
	v := struct {
		OK         bool         `json:"ok"`
		ErrorCode  int          `json:"error_code"`
		Desc       string       `json:"description"`
		Parameters *errorParams `json:"parameters,omitempty"`
	}{ErrorCode: e.Code, Desc: e.Desc}
	if e.RetryAfter > 0 || e.MigrateTo != 0 {
		v.Parameters = &errorParams{RetryAfter: e.RetryAfter, MigrateToChatID: e.MigrateTo}
	}
	b, _ := json.Marshal(v)
	return b
}

// WriteJSON writes a JSON answer.
func WriteJSON(w http.ResponseWriter, code int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	_, _ = w.Write(body)
}

// DropConn closes the client connection abruptly (RST), like a network failure.
func DropConn(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			if tc, ok := conn.(interface{ SetLinger(int) error }); ok {
				_ = tc.SetLinger(0)
			}
			_ = conn.Close()
			return
		}
	}
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write([]byte("<html><body><h1>503 Service Unavailable</h1></body></html>\n"))
}
