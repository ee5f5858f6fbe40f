package bottest

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"time"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// Call is one Bot API request as the Server saw it.
type Call struct {
	// Method is the canonical method name ("sendMessage"), whatever case was used.
	Method string
	// Params holds every parameter as text; nested objects (reply_markup,
	// reply_parameters, ...) are JSON text, exactly as a multipart client sends them.
	Params map[string]string
	// Files holds the uploaded file parts by field name.
	Files map[string]*File
	// Code is the HTTP status answered (200 on success, 0 if the connection was dropped).
	Code int
	// Description is the error description when Code is not 200.
	Description string
	// Result is the JSON "result" of a successful answer.
	Result json.RawMessage
	// Time is when the call was served, by the Server clock.
	Time time.Time
}

// Param returns a parameter's text, "" when absent.
func (c Call) Param(name string) string { return c.Params[name] }

// Decode unmarshals a JSON-valued parameter (e.g. "reply_markup") into v.
func (c Call) Decode(name string, v any) error { return json.Unmarshal([]byte(c.Params[name]), v) }

// request is one API call being served.
type request struct {
	ctx    context.Context
	method string
	p      tgapi.Params
}

type apiMethod struct {
	name string
	fn   func(*Server, *request) (any, *tgapi.Error)
	// sends is set for methods that post a new message, subject to the flood limit.
	sends bool
}

var methodTable = func() map[string]apiMethod {
	list := []apiMethod{
		{name: "getMe", fn: (*Server).apiGetMe},
		{name: "getUpdates", fn: (*Server).apiGetUpdates},
		{name: "setWebhook", fn: (*Server).apiSetWebhook},
		{name: "deleteWebhook", fn: (*Server).apiDeleteWebhook},
		{name: "getWebhookInfo", fn: (*Server).apiGetWebhookInfo},
		{name: "sendMessage", fn: (*Server).apiSendMessage, sends: true},
		{name: "sendLocation", fn: (*Server).apiSendLocation, sends: true},
		{name: "sendVenue", fn: (*Server).apiSendVenue, sends: true},
		{name: "sendDocument", fn: mediaMethod(KindDocument), sends: true},
		{name: "sendPhoto", fn: mediaMethod(KindPhoto), sends: true},
		{name: "sendVoice", fn: mediaMethod(KindVoice), sends: true},
		{name: "sendAudio", fn: mediaMethod(KindAudio), sends: true},
		{name: "sendVideo", fn: mediaMethod(KindVideo), sends: true},
		{name: "sendVideoNote", fn: mediaMethod(KindVideoNote), sends: true},
		{name: "sendMediaGroup", fn: (*Server).apiSendMediaGroup, sends: true},
		{name: "copyMessage", fn: (*Server).apiCopyMessage, sends: true},
		{name: "forwardMessage", fn: (*Server).apiForwardMessage, sends: true},
		{name: "editMessageText", fn: (*Server).apiEditMessageText},
		{name: "editMessageReplyMarkup", fn: (*Server).apiEditMessageReplyMarkup},
		{name: "editMessageLiveLocation", fn: (*Server).apiEditMessageLiveLocation},
		{name: "stopMessageLiveLocation", fn: (*Server).apiStopMessageLiveLocation},
		{name: "deleteMessage", fn: (*Server).apiDeleteMessage},
		{name: "deleteMessages", fn: (*Server).apiDeleteMessages},
		{name: "answerCallbackQuery", fn: (*Server).apiAnswerCallbackQuery},
		{name: "setMyCommands", fn: (*Server).apiSetMyCommands},
		{name: "getMyCommands", fn: (*Server).apiGetMyCommands},
		{name: "deleteMyCommands", fn: (*Server).apiDeleteMyCommands},
		{name: "sendChatAction", fn: (*Server).apiSendChatAction},
		{name: "getChat", fn: (*Server).apiGetChat},
		{name: "getFile", fn: (*Server).apiGetFile},
	}
	m := make(map[string]apiMethod, len(list))
	for _, e := range list {
		m[strings.ToLower(e.name)] = e
	}
	return m
}()

// ServeHTTP serves /bot<token>/<method> and /file/bot<token>/<path>.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if strings.HasPrefix(path, "/file/bot") {
		s.serveFile(w, r, strings.TrimPrefix(path, "/file/bot"))
		return
	}
	token, method, ok := strings.Cut(strings.TrimPrefix(path, "/bot"), "/")
	if !strings.HasPrefix(path, "/bot") || !ok {
		tgapi.WriteJSON(w, http.StatusNotFound, tgapi.Body(&tgapi.Error{Code: 404, Desc: "Not Found"}))
		return
	}
	entry, known := methodTable[strings.ToLower(method)]
	if known {
		method = entry.name
	}

	s.mu.Lock()
	down := s.down
	if down {
		s.record(&Call{Method: method}, nil, tgapi.ErrDropConn)
	}
	s.mu.Unlock()
	if down {
		tgapi.DropConn(w)
		return
	}
	if token != s.token {
		s.reply(w, &Call{Method: method}, nil, &tgapi.Error{Code: 401, Desc: "Unauthorized"})
		return
	}
	if !known {
		s.reply(w, &Call{Method: method}, nil, &tgapi.Error{Code: 404, Desc: "Not Found: method not found"})
		return
	}
	p, perr := tgapi.Parse(r)
	call := &Call{Method: method, Params: p.Vals, Files: fileMap(p)}
	if perr != nil {
		s.reply(w, call, nil, perr)
		return
	}

	fault, faulty := s.takeFault(method, p.Str("chat_id"))
	if faulty && !fault.Applied {
		if !sleepCtx(r.Context(), fault.Delay) {
			return // the client gave up
		}
		if !fault.DelayOnly() {
			s.mu.Lock()
			body := s.record(call, nil, fault.AsError())
			s.mu.Unlock()
			tgapi.WriteAnswer(w, fault.AsError(), body, fault)
			return
		}
	}

	rq := &request{ctx: r.Context(), method: method, p: p}
	s.mu.Lock()
	var res any
	aerr := s.checkFlood(entry, p)
	if aerr == nil {
		res, aerr = entry.fn(s, rq)
	}
	if faulty && fault.Applied && !fault.DelayOnly() {
		res, aerr = nil, fault.AsError() // the method took effect, the answer is lost
	}
	body := s.record(call, res, aerr)
	s.mu.Unlock()

	if faulty && fault.Applied && !sleepCtx(r.Context(), fault.Delay) {
		return
	}
	tgapi.WriteAnswer(w, aerr, body, fault)
}

// record appends the call to the log and returns the answer body; s.mu must be held.
func (s *Server) record(c *Call, res any, aerr *tgapi.Error) []byte {
	c.Time = s.now()
	var body []byte
	switch {
	case aerr == tgapi.ErrDropConn:
		c.Code, c.Description = 0, aerr.Desc
	case aerr != nil:
		c.Code, c.Description = aerr.Code, aerr.Desc
		body = tgapi.Body(aerr)
	default:
		raw, err := json.Marshal(res)
		if err != nil {
			aerr = &tgapi.Error{Code: 500, Desc: "Internal Server Error: " + err.Error()}
			c.Code, c.Description = aerr.Code, aerr.Desc
			body = tgapi.Body(aerr)
			break
		}
		c.Code, c.Result = http.StatusOK, raw
		body = append([]byte(`{"ok":true,"result":`), raw...)
		body = append(body, '}')
	}
	s.calls = append(s.calls, *c)
	s.notify()
	return body
}

// reply records and writes an error answer.
func (s *Server) reply(w http.ResponseWriter, c *Call, res any, aerr *tgapi.Error) {
	s.mu.Lock()
	body := s.record(c, res, aerr)
	s.mu.Unlock()
	tgapi.WriteJSON(w, aerr.Code, body)
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// Calls returns the logged API calls for method (case-insensitive), oldest
// first; "" returns every call. Failed and dropped calls are included.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || strings.EqualFold(c.Method, method) {
			c.Params = maps.Clone(c.Params)
			c.Files = maps.Clone(c.Files)
			out = append(out, c)
		}
	}
	return out
}
