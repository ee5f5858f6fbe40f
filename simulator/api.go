package simulator

import (
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/go-telegram/bot/models"
)

//go:embed web
var webFiles embed.FS

// Handler serves the page and its JSON API:
//
//	GET    /                   the page (HTML, CSS and JavaScript, embedded)
//	GET    /api/config         bot username, languages, named places, the desk chat
//	GET    /api/events         Server-Sent Events: people, msg, reset
//	POST   /api/people         add a person {name, lang, role}
//	POST   /api/people/{id}    rename or change language {name, lang}
//	DELETE /api/people/{id}    close an added person's pane
//	POST   /api/send           a text {person, chat, text, reply_to}
//	POST   /api/callback       an inline button {person, chat, message_id, data}
//	POST   /api/location       {person, lat, lon, live}
//	POST   /api/live/stop      {person}
//	POST   /api/photo          a stand-in photo {person, text (the caption)}
//	GET    /api/files/{id}     a file the bot sent (the CSV export), as a download
func (s *Simulator) Handler() http.Handler {
	mux := http.NewServeMux()
	web, _ := fs.Sub(webFiles, "web")
	static := http.FileServerFS(web)
	mux.Handle("GET /", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		static.ServeHTTP(w, r)
	}))
	mux.HandleFunc("GET /api/config", s.getConfig)
	mux.HandleFunc("GET /api/events", s.serveEvents)
	mux.HandleFunc("GET /api/files/{id}", s.getFile)
	for path, fn := range map[string]func(action) (any, error){
		"POST /api/people":        s.postPerson,
		"POST /api/people/{id}":   s.patchPerson,
		"DELETE /api/people/{id}": s.deletePerson,
		"POST /api/send":          s.postSend,
		"POST /api/callback":      s.postCallback,
		"POST /api/location":      s.postLocation,
		"POST /api/live/stop":     s.postStopLive,
		"POST /api/photo":         s.postPhoto,
	} {
		mux.Handle(path, s.jsonAction(fn))
	}
	return sameOrigin(mux)
}

// action is the body of every POST, each endpoint using its own fields.
type action struct {
	ID        int64    `json:"-"` // {id} in the path
	Person    int64    `json:"person"`
	Chat      int64    `json:"chat"`
	Name      string   `json:"name"`
	Lang      string   `json:"lang"`
	Role      string   `json:"role"`
	Text      string   `json:"text"`
	ReplyTo   int      `json:"reply_to"`
	MessageID int      `json:"message_id"`
	Data      string   `json:"data"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	Live      bool     `json:"live"`
}

// errBadRequest marks errors that are the client's.
var errBadRequest = errors.New("bad request")

type badRequestError struct{ msg string }

func (e badRequestError) Error() string { return e.msg }
func (e badRequestError) Unwrap() error { return errBadRequest }

func badRequest(msg string) error { return badRequestError{msg} }

// jsonAction decodes an action, runs fn and answers its result as JSON.
func (s *Simulator) jsonAction(fn func(action) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var a action
		if r.Method == http.MethodPost {
			if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&a); err != nil {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": "the body must be a JSON object"})
				return
			}
		}
		a.ID, _ = strconv.ParseInt(r.PathValue("id"), 10, 64)
		res, err := fn(a)
		switch {
		case errors.Is(err, errNoPerson):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
		case err != nil:
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		default:
			writeJSON(w, http.StatusOK, res)
		}
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// sameOrigin refuses POSTs and DELETEs that are not JSON from the page
// itself, so that another web site open in the same browser cannot talk to
// the bot in someone's name, and every request addressed to a host name
// other than localhost (DNS rebinding: a site whose name points at
// 127.0.0.1 could otherwise read the chats). Use an IP address to reach a
// simulator on another machine.
func sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !localHost(r.Host) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "open the simulator by IP address or localhost"})
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			origin := r.Header.Get("Origin")
			u, err := url.Parse(origin)
			if (r.Method == http.MethodPost && ct != "application/json") || (origin != "" && (err != nil || u.Host != r.Host)) {
				writeJSON(w, http.StatusForbidden, map[string]string{"error": "requests must come from the simulator page"})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// localHost reports whether a Host header names an IP address or localhost.
func localHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	return net.ParseIP(host) != nil || host == "localhost" || strings.HasSuffix(host, ".localhost")
}

func (s *Simulator) getConfig(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"bot":        s.api.BotUser(),
		"desk_chat":  s.opts.DeskChatID,
		"places":     Places,
		"languages":  []map[string]string{{"code": "ko", "name": "한국어"}, {"code": "km", "name": "ខ្មែរ"}, {"code": "en", "name": "English"}},
		"live_every": s.opts.LiveEvery.Seconds(),
	})
}

// getFile downloads a file the bot sent, under its own name.
func (s *Simulator) getFile(w http.ResponseWriter, r *http.Request) {
	f, ok := s.api.File(r.PathValue("id"))
	if !ok || f.URL != "" {
		http.NotFound(w, r)
		return
	}
	name := f.Name
	if name == "" {
		name = "file"
	}
	w.Header().Set("Content-Type", f.MimeType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Content)))
	_, _ = w.Write(f.Content)
}

// commandEntity marks a leading /command the way Telegram apps do.
func commandEntity(text string) []models.MessageEntity {
	if len(text) < 2 || text[0] != '/' {
		return nil
	}
	end := len(text)
	for i, r := range text {
		if r == ' ' || r == '\n' {
			end = i
			break
		}
	}
	n := len(utf16.Encode([]rune(text[:end])))
	return []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: n}}
}
