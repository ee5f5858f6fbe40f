package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	tgmodels "github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Poller is the long-polling loop. go-telegram/bot's own loop confirms the
// offset before handlers finish and drops buffered updates on shutdown, so
// the bot owns this one: an update is confirmed to Telegram (by asking for
// the next offset) only after it is committed to the inbox. Nothing needs
// remembering across restarts: Telegram resends every unconfirmed update
// and the inbox ignores the ones it already has.
type Poller struct {
	url, token string
	client     *http.Client
	recv       *Receiver
	log        *slog.Logger
	// Timeout is the long-poll wait Telegram is asked for.
	Timeout time.Duration
}

// NewPoller polls the Bot API at url with token.
func NewPoller(url, token string, recv *Receiver, log *slog.Logger) *Poller {
	return &Poller{
		url: strings.TrimRight(url, "/"), token: token, recv: recv, log: log.With("component", "poller"),
		client: &http.Client{Timeout: pollClientTimeout}, Timeout: 25 * time.Second,
	}
}

// pollClientTimeout bounds one getUpdates call, long poll included.
const pollClientTimeout = 40 * time.Second

// allowedUpdates are the update types the bot acts on.
var allowedUpdates = []string{"message", "edited_message", "callback_query"}

// Run polls until ctx is done.
func (p *Poller) Run(ctx context.Context) {
	var offset int64
	wait := time.Duration(0)
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		raws, err := p.getUpdates(ctx, offset)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			p.recv.pollFailed()
			wait = p.retryWait(err, wait)
			p.log.Warn("getUpdates failed", "err", err, "retry_in", wait)
			continue
		}
		wait = 0
		p.recv.polled()
		// Updates in hand are stored even if shutdown has begun, so the
		// workers' drain still answers them.
		next, err := p.recv.Store(context.WithoutCancel(ctx), raws)
		if next > offset {
			offset = next
		}
		if err != nil {
			// Not confirmed: Telegram sends the rest again.
			p.log.Error("store updates", "err", err)
			wait = time.Second
		}
	}
}

// retryWait honours a 429's retry_after, else backs off to 30 s.
func (p *Poller) retryWait(err error, prev time.Duration) time.Duration {
	var api *apiError
	if errors.As(err, &api) && api.RetryAfter > 0 {
		return time.Duration(api.RetryAfter) * time.Second
	}
	return min(max(2*prev, 500*time.Millisecond), 30*time.Second)
}

type apiError struct {
	Code        int
	Description string
	RetryAfter  int
}

func (e *apiError) Error() string {
	return fmt.Sprintf("bot api %d: %s", e.Code, e.Description)
}

func (p *Poller) getUpdates(ctx context.Context, offset int64) ([]json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{
		"offset": offset, "timeout": int(p.Timeout.Seconds()), "allowed_updates": allowedUpdates,
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url+"/bot"+p.token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return nil, errors.New("build getUpdates request")
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		// net/http errors quote the URL, which holds the token.
		return nil, errors.New(strings.ReplaceAll(err.Error(), p.token, "***"))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("read getUpdates: %w", err)
	}
	var env struct {
		OK          bool              `json:"ok"`
		Result      []json.RawMessage `json:"result"`
		ErrorCode   int               `json:"error_code"`
		Description string            `json:"description"`
		Parameters  struct {
			RetryAfter int `json:"retry_after"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, fmt.Errorf("getUpdates: HTTP %d, not a Bot API answer", resp.StatusCode)
	}
	if !env.OK {
		return nil, &apiError{Code: env.ErrorCode, Description: env.Description, RetryAfter: env.Parameters.RetryAfter}
	}
	return env.Result, nil
}

// Receiver stores raw updates in the inbox; the poller and the webhook
// both use it.
type Receiver struct {
	inbox   mailbox.Inbox
	log     *slog.Logger
	now     Clock
	metrics *Metrics
	saved   func() // wakes the workers
	// urgent tells the inputs that jump the inbox queue (nil: none).
	urgent func(flows.Input) bool
	// quarantined, when set, tells the desk about a quarantined update.
	quarantined func(ctx context.Context, u mailbox.Update, reason string)
	// handed, when set, takes updates stored claimed for the workers
	// (for lease), and release hands back what it cannot take.
	handed  *handed
	lease   time.Duration
	release func(ctx context.Context, u mailbox.Update)
	// Times (unix nanoseconds) of the last successful getUpdates, of the
	// first failure since (0: none), and of the last webhook update stored
	// and refused, for readiness.
	lastPoll, pollFailing, lastStored, lastRefused atomic.Int64
}

// NewReceiver returns a receiver storing into inbox and calling saved
// after each stored batch.
func NewReceiver(inbox mailbox.Inbox, m *Metrics, log *slog.Logger, now Clock, saved func()) *Receiver {
	r := &Receiver{inbox: inbox, log: log.With("component", "receiver"), now: now, metrics: m, saved: saved}
	r.lastPoll.Store(time.Now().UnixNano()) // a grace period from start
	return r
}

func (r *Receiver) pollFailed() {
	r.pollFailing.CompareAndSwap(0, time.Now().UnixNano())
}

func (r *Receiver) polled() {
	now := time.Now()
	r.lastPoll.Store(now.UnixNano())
	r.pollFailing.Store(0)
	r.metrics.LastGetUpdates.Set(float64(now.UnixNano()) / 1e9)
}

// Store saves updates and returns the offset that confirms the ones saved.
// The batch is stored in one statement (one commit); when the database
// refuses it, they are saved one by one, in order, stopping at the first
// database error, so the unsaved rest is not confirmed and comes again. An
// update the database refuses as it is is quarantined instead, so one
// update never stops the others.
func (r *Receiver) Store(ctx context.Context, raws []json.RawMessage) (int64, error) {
	defer r.saved()
	us := make([]mailbox.Update, 0, len(raws))
	for _, raw := range raws {
		// Decoded once: an update that decodes whole needs no envelope.
		upd, ok := parseUpdate(raw)
		id := upd.ID
		if !ok {
			var env envelope
			if err := json.Unmarshal(raw, &env); err != nil || env.UpdateID == 0 {
				r.log.Warn("rejected update without update_id", "bytes", len(raw))
				continue
			}
			id = env.UpdateID
		}
		us = append(us, r.update(id, raw, upd, ok))
	}
	if len(us) == 0 {
		return 0, nil
	}
	inserted, claimed, err := r.inbox.SaveUpdates(ctx, us, r.now(), r.handed.free(), r.lease)
	if err == nil {
		r.lastStored.Store(time.Now().UnixNano())
		r.counted(us, inserted)
		r.handOff(ctx, us, inserted, claimed)
		return us[len(us)-1].UpdateID + 1, nil
	}
	if flows.ErrorCode(err) != flows.EInvalid {
		r.lastRefused.Store(time.Now().UnixNano())
		return 0, fmt.Errorf("save %d updates: %w", len(us), err)
	}
	// One of them is refused as it is: save them one by one, so that one
	// is quarantined and the others stored.
	var next int64
	for _, u := range us {
		if err := r.save(ctx, u); err != nil {
			r.lastRefused.Store(time.Now().UnixNano())
			return next, err
		}
		r.lastStored.Store(time.Now().UnixNano())
		next = u.UpdateID + 1
	}
	return next, nil
}

// handOff queues updates stored claimed for the workers and notes the
// chats of those left in the inbox to claim.
func (r *Receiver) handOff(ctx context.Context, us []mailbox.Update, inserted []int64, claimed []mailbox.Update) {
	if r.handed == nil {
		return
	}
	if len(inserted) > len(claimed) {
		byID := make(map[int64]mailbox.Update, len(us))
		for _, u := range us {
			byID[u.UpdateID] = u
		}
		taken := make(map[int64]bool, len(claimed))
		for _, u := range claimed {
			taken[u.UpdateID] = true
		}
		var left []int64
		urgent := false
		for _, id := range inserted {
			if !taken[id] {
				left = append(left, byID[id].ChatID)
				urgent = urgent || byID[id].Priority == mailbox.PriorityUrgent
			}
		}
		r.handed.left(left, urgent)
	}
	for _, u := range r.handed.put(claimed) {
		r.release(ctx, u)
	}
}

// counted counts the updates of a batch stored and the duplicates.
func (r *Receiver) counted(us []mailbox.Update, inserted []int64) {
	r.metrics.UpdatesReceived.Add(float64(len(inserted)))
	if dup := len(us) - len(inserted); dup > 0 {
		r.metrics.UpdatesDuplicate.Add(float64(dup))
		r.log.Info("ignored duplicate updates", "count", dup)
	}
}

// update makes the inbox row of a raw update: its chat and priority; upd
// is raw decoded, when ok.
func (r *Receiver) update(id int64, raw []byte, upd tgmodels.Update, ok bool) mailbox.Update {
	u := mailbox.Update{UpdateID: id, Payload: raw, Priority: mailbox.PriorityNormal}
	if ok {
		u.ChatID, u.Priority, u.Parsed = updateChat(upd), updatePriority(upd, r.urgent), &upd
	} else {
		// Keep it anyway (as a JSON string if it is not an object) so
		// the handler logs the rejection and the offset moves on.
		if !json.Valid(raw) || raw[0] != '{' {
			raw, _ = json.Marshal(string(raw))
		}
		u.Payload = raw
	}
	return u
}

func (r *Receiver) save(ctx context.Context, u mailbox.Update) error {
	id, raw := u.UpdateID, u.Payload
	inserted, err := r.inbox.SaveUpdate(ctx, u, r.now())
	if flows.ErrorCode(err) == flows.EInvalid {
		// PostgreSQL refused the payload (a NUL character in a jsonb
		// string, for one): keep the raw bytes and set it aside.
		reason := err.Error()
		if inserted, err = r.inbox.Quarantine(ctx, u, raw, reason, r.now()); err == nil && inserted {
			r.metrics.UpdatesQuarantined.Inc()
			r.log.Error("update quarantined: stored raw and set aside", "update_id", id, "chat_id", u.ChatID, "reason", reason)
			if r.quarantined != nil {
				r.quarantined(ctx, u, reason)
			}
		}
	}
	if err != nil {
		return fmt.Errorf("save update %d: %w", id, err)
	}
	if inserted {
		r.metrics.UpdatesReceived.Inc()
	} else {
		r.metrics.UpdatesDuplicate.Inc()
		r.log.Info("ignored duplicate update", "update_id", id)
	}
	return nil
}
