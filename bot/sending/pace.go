package sending

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/koreandesk/hotline/mailbox"
)

// Pacer keeps the sends within Telegram's limits ahead of time, rather than
// only after a 429: about 30 messages a second in all, and about one a
// second in a chat (short bursts allowed).
//
// The global pace adapts: a 429 that a chat's own pace cannot explain
// means the bot as a whole is too fast, and the pace drops by a third; each
// quiet period (adaptEvery) without one raises it again by one a second, up
// to the configured rate. With a budget (the database's), the global pace
// is the bot's as a whole, shared by its replicas: each takes its sends
// from the current second's budget, a fifth of a second's at a time, and a
// 429 lowers the shared pace for all. The per-chat pace lets chatBurst messages go at
// once, then one every chatPace (a generic cell rate: each chat has a
// theoretical time for its next message).
type Pacer struct {
	limiter   *rate.Limiter
	max       rate.Limit
	chatPace  time.Duration
	chatBurst int

	mu       sync.Mutex
	tat      map[int64]time.Time // per chat: when its pace is back to empty
	lastSent map[int64]time.Time
	slowed   time.Time // the last global 429
	raised   time.Time
	pruned   time.Time

	budget Budget // nil: this replica's pace alone
	bmu    sync.Mutex
	second time.Time // the second of tokens
	tokens int       // sends reserved and not yet made
}

// Budget is the send budget the replicas share.
type Budget interface {
	// ReserveSends takes up to n sends from the current second's budget
	// at the shared pace (at most perSecond) and returns how many it got:
	// 0 when they are all taken.
	ReserveSends(ctx context.Context, now time.Time, n int, perSecond float64) (int, error)
	// SlowSends lowers the shared pace by a third after a global 429.
	SlowSends(ctx context.Context, now time.Time, perSecond float64) error
}

// adaptEvery is how long the global pace must go without a 429 before it
// rises again by one message a second; minRate is its floor.
const (
	adaptEvery = 10 * time.Second
	minRate    = 1
)

func NewPacer(perSecond int, chatPace time.Duration, chatBurst int) *Pacer {
	return &Pacer{
		limiter: rate.NewLimiter(rate.Limit(perSecond), perSecond), max: rate.Limit(perSecond),
		chatPace: chatPace, chatBurst: max(chatBurst, 1),
		tat: map[int64]time.Time{}, lastSent: map[int64]time.Time{},
	}
}

// paced reports whether a method sends a message into a chat (what
// Telegram's per-chat limit counts).
func paced(method string) bool {
	switch method {
	case mailbox.MethodSendMessage, mailbox.MethodSendLocation, mailbox.MethodSendPhoto, mailbox.MethodSendVoice,
		mailbox.MethodSendDocument, mailbox.MethodSendVideo, mailbox.MethodSendVideoNote, mailbox.MethodSendAudio,
		mailbox.MethodSendMediaGroup:
		return true
	}
	return false
}

// Wait blocks until a call of method to chat may go: first the chat's own
// pace, then the global one.
func (p *Pacer) Wait(ctx context.Context, chat int64, method string) error {
	if paced(method) {
		if d := p.reserveChat(chat, time.Now()); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
		}
	}
	p.raise(time.Now())
	if err := p.limiter.Wait(ctx); err != nil {
		return err
	}
	return p.shared(ctx)
}

// shared takes one send from the replicas' budget, reserving several at a
// time (one statement for a fifth of a second's sends) and waiting for the
// next second when this one's are all taken. When the database does not
// answer, this replica's own pace alone holds.
func (p *Pacer) shared(ctx context.Context) error {
	if p.budget == nil {
		return nil
	}
	p.bmu.Lock()
	defer p.bmu.Unlock()
	for ctx.Err() == nil {
		now := time.Now()
		if sec := now.Truncate(time.Second); !sec.Equal(p.second) {
			p.second, p.tokens = sec, 0 // a past second's sends were counted in it
		}
		if p.tokens > 0 {
			p.tokens--
			return nil
		}
		n, err := p.budget.ReserveSends(ctx, now, max(int(p.max)/5, 1), float64(p.max))
		if err != nil {
			return ctx.Err()
		}
		if p.tokens = n; n > 0 {
			continue
		}
		t := time.NewTimer(time.Until(p.second.Add(time.Second)))
		select {
		case <-ctx.Done():
			t.Stop()
		case <-t.C:
		}
	}
	return ctx.Err()
}

// reserveChat takes the chat's next slot and returns how long to wait for it.
func (p *Pacer) reserveChat(chat int64, now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.prune(now)
	tat := p.tat[chat]
	if tat.Before(now) {
		tat = now
	}
	allowed := tat.Add(-time.Duration(p.chatBurst-1) * p.chatPace) // the earliest a message may go
	if p.chatPace <= 0 {
		allowed = now
	}
	p.tat[chat] = tat.Add(p.chatPace)
	if allowed.After(now) {
		p.lastSent[chat] = allowed
		return allowed.Sub(now)
	}
	p.lastSent[chat] = now
	return 0
}

// prune forgets chats whose pace is long back to empty; p.mu held.
func (p *Pacer) prune(now time.Time) {
	if now.Sub(p.pruned) < time.Minute {
		return
	}
	p.pruned = now
	for chat, tat := range p.tat {
		if now.Sub(tat) > time.Minute {
			delete(p.tat, chat)
			delete(p.lastSent, chat)
		}
	}
}

// TooMany is told of a 429 for chat. When the chat had a message within
// its pace, the chat's limit explains it and its retry_after is honoured
// for it alone; otherwise the bot is too fast as a whole and the global
// pace drops.
func (p *Pacer) TooMany(chat int64, retryAfter time.Duration) {
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if last, ok := p.lastSent[chat]; ok && now.Sub(last) < max(p.chatPace, time.Second)*2 {
		// The chat's own limit: nothing sent to it before retry_after.
		p.tat[chat] = now.Add(retryAfter + time.Duration(p.chatBurst-1)*p.chatPace)
		return
	}
	p.slowed, p.raised = now, now
	p.limiter.SetLimitAt(now, max(p.limiter.Limit()*2/3, minRate))
	if p.budget != nil {
		go func() { // not under p.mu: a database call
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = p.budget.SlowSends(ctx, now, float64(p.max))
		}()
	}
}

// raise lifts the global pace by one a second for each quiet period.
func (p *Pacer) raise(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.limiter.Limit() >= p.max || now.Sub(p.raised) < adaptEvery {
		return
	}
	p.raised = now
	p.limiter.SetLimitAt(now, min(p.limiter.Limit()+1, p.max))
}

// Rate is the global pace now, in calls a second.
func (p *Pacer) Rate() float64 { return float64(p.limiter.Limit()) }

// PaceChats sends at most burst messages at once into one chat, then one
// every every (0: no per-chat pace). Call it before the first Wait.
func (p *Pacer) PaceChats(every time.Duration, burst int) {
	p.chatPace, p.chatBurst = every, max(burst, 1)
}

// Share makes the global pace the bot's as a whole, taken from b, the
// budget the replicas share. Call it before the first Wait.
func (p *Pacer) Share(b Budget) { p.budget = b }

// Busy reports whether a call would wait for the global pace now.
func (p *Pacer) Busy() bool { return p.limiter.Tokens() < 1 }
