package tgapi

import (
	"net/http"
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

// DelayOnly reports a Failure that only slows the request down.
func (f Failure) DelayOnly() bool { return f.Code == 0 && f.Body == "" && !f.Drop }

// AsError is the error answer of f.
func (f Failure) AsError() *Error {
	if f.Drop {
		return ErrDropConn
	}
	desc := f.Description
	if desc == "" {
		switch f.Code {
		case http.StatusTooManyRequests:
			return TooMany(f.RetryAfter)
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
	return &Error{Code: f.Code, Desc: desc, RetryAfter: f.RetryAfter}
}

// WriteAnswer writes body (JSON) or the failure's raw body, or drops the connection.
func WriteAnswer(w http.ResponseWriter, aerr *Error, body []byte, f Failure) {
	switch {
	case aerr == ErrDropConn:
		DropConn(w)
	case aerr == nil:
		WriteJSON(w, http.StatusOK, body)
	case f.Body != "" && aerr.Code == f.Code:
		ct := f.ContentType
		if ct == "" {
			ct = "text/html"
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(f.Code)
		_, _ = w.Write([]byte(f.Body))
	default:
		WriteJSON(w, aerr.Code, body)
	}
}
