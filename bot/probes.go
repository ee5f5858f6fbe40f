package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Ready reports why the bot is not ready, or nil: the database must
// answer; receiving must work (polling: getUpdates not failing for longer
// than ReceiveStale, and a success within ReceiveStale plus a long poll;
// webhook: the last update delivered was stored); and the dispatcher must
// have finished a round within DispatchStale.
func (s *Service) Ready(ctx context.Context) error {
	var errs []error
	if err := s.store.Ping(ctx); err != nil {
		errs = append(errs, errors.New("database unavailable"))
	}
	r := s.recv
	if s.polling.Load() {
		failing := r.pollFailing.Load()
		since := time.Since(time.Unix(0, r.lastPoll.Load()))
		if failing != 0 && time.Since(time.Unix(0, failing)) > s.opts.ReceiveStale || since > s.opts.ReceiveStale+pollClientTimeout {
			errs = append(errs, fmt.Errorf("no successful getUpdates for %s", since.Round(time.Second)))
		}
	} else if r.lastRefused.Load() > r.lastStored.Load() {
		errs = append(errs, errors.New("the last webhook update could not be stored"))
	}
	if since := time.Since(s.dispatch.LastRound()); since > s.opts.DispatchStale {
		errs = append(errs, fmt.Errorf("dispatcher has not finished a round for %s", since.Round(time.Second)))
	}
	return errors.Join(errs...)
}

// Probes returns the health endpoints for cmd to mount: GET /livez (the
// process serves HTTP) and GET /readyz (Ready, 503 with the reasons when
// not ready; GET /healthz is the same, for older configurations).
func (s *Service) Probes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	ready := func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.Ready(ctx); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	}
	mux.HandleFunc("GET /readyz", ready)
	mux.HandleFunc("GET /healthz", ready) // older configurations
	return mux
}
