package bot

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
)

// maxUpdateBytes bounds one webhook body; real updates are a few KB.
const maxUpdateBytes = 1 << 20

// WebhookHandler receives updates pushed by Telegram. It checks the
// X-Telegram-Bot-Api-Secret-Token header itself (go-telegram/bot's handler
// answers 200 even when it is wrong) and answers 200 only after the update
// is committed to the inbox, so Telegram redelivers anything not stored.
func WebhookHandler(s *Service, secret string, log *slog.Logger) http.Handler {
	log = log.With("component", "webhook")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
		if subtle.ConstantTimeCompare([]byte(got), []byte(secret)) != 1 {
			log.Warn("rejected webhook call with a wrong secret token", "remote", r.RemoteAddr)
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxUpdateBytes))
		if err != nil || !json.Valid(body) {
			log.Warn("rejected malformed webhook body", "bytes", len(body))
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if err := s.Receive(r.Context(), body); err != nil {
			log.Error("store webhook update", "err", err)
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
