// Command benchload measures the bot under load (make bench-load): a small
// Bot API server on loopback feeds it updates and times its answers, with
// a bare go-telegram/bot echo bot measured in the same run as the baseline.
//
//   - closed loop: 100 chats, each sends its next message when the answer
//     to the previous one has arrived; the bot's send pacing is lifted, so
//     this measures the pipeline (poller, inbox, workers, outbox, dispatcher);
//   - offered rate: 500 updates a second for 6 seconds, over 1,000 chats;
//   - one chat alone, closed loop;
//   - a burst: 1,000 people press /sos at once, under Telegram's limits (30
//     messages a second in all, one a second per chat, 429 beyond): when did
//     each get a first answer, and the process's resident memory meanwhile.
//
// It needs DATABASE_URL (make bench-load runs it against the private
// cluster) and creates databases named benchload_* on that server.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

func main() {
	var (
		workers    = flag.Int("workers", 4, "the bot's workers (WORKERS)")
		loopFor    = flag.Duration("loop", 8*time.Second, "how long the closed loops are measured")
		burstN     = flag.Int("burst", 1000, "people pressing /sos at once")
		burstLimit = flag.Duration("burst-timeout", 150*time.Second, "how long the burst may take")
		only       = flag.String("only", "", "run only these scenarios (comma-separated: echo,loop,rate,one,burst)")
		cpuProfile = flag.String("cpuprofile", "", "write a CPU profile of the bot's closed loop to this file")
	)
	flag.Parse()
	if err := run(*workers, *loopFor, *burstN, *burstLimit, *only, *cpuProfile); err != nil {
		fmt.Fprintln(os.Stderr, "benchload:", err)
		os.Exit(1)
	}
}

// sink hands each message the load server accepts to the tracker of the
// scenario running, and counts them per chat.
type sink struct {
	mu     sync.Mutex
	t      *tracker
	counts map[int64]int
}

func (s *sink) onSend(chat int64, at time.Time) {
	s.mu.Lock()
	s.counts[chat]++
	t := s.t
	s.mu.Unlock()
	if t != nil {
		t.reply(chat, at)
	}
}

func (s *sink) set(t *tracker) {
	s.mu.Lock()
	s.t = t
	s.mu.Unlock()
}

func (s *sink) count(chat int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[chat]
}

func newSink() *sink { return &sink{counts: map[int64]int{}} }

type report struct {
	lines   []string
	targets []string
}

func (r *report) add(format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	fmt.Println(line)
	r.lines = append(r.lines, line)
}

func (r *report) target(ok bool, format string, args ...any) {
	mark := "MET   "
	if !ok {
		mark = "NOT MET"
	}
	r.targets = append(r.targets, mark+" "+fmt.Sprintf(format, args...))
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:3], " ")
}

// lifted is the global pace of the scenarios whose send pacing is lifted.
const lifted = 1_000_000

func run(workers int, loopFor time.Duration, burstN int, burstLimit time.Duration, only, cpuProfile string) error {
	ctx := context.Background()
	baseURL := os.Getenv("DATABASE_URL")
	if baseURL == "" {
		return fmt.Errorf("DATABASE_URL is not set (make bench-load sets it)")
	}
	admin, err := sqlx.Open("postgres", baseURL)
	if err != nil {
		return err
	}
	defer admin.Close()
	meter = newCPUMeter(ctx, admin)
	want := func(name string) bool { return only == "" || slices.Contains(strings.Split(only, ","), name) }
	r := &report{}
	r.add("load benchmark: %s, GOMAXPROCS %d, %d workers, load average %s", time.Now().UTC().Format(time.RFC3339),
		runtime.GOMAXPROCS(0), workers, loadAvg())
	r.add("%-40s %10s %9s %9s %9s %9s %8s", "scenario", "updates/s", "p50", "p90", "p99", "max", "commits")
	var echoRate float64
	if want("echo") {
		sk := newSink()
		srv := newLoadServer(sk.onSend)
		stop := runEcho(srv)
		res := closedLoop(srv, sk, chatRange(1, 100), "hello", 1, time.Second, loopFor)
		stop()
		srv.Close()
		echoRate = res.rate
		r.add("%-40s %10.0f %9s %9s %9s %9s %8s", "echo bot, closed loop, 100 chats", res.rate, ms(res.d.p50), ms(res.d.p90),
			ms(res.d.p99), ms(res.d.max), "-")
		r.add("  CPU per update: %s", res.cpu)
	}
	hot := func(name string, sendRate int, body func(srv *loadServer, sk *sink) (result, string)) error {
		sk := newSink()
		srv := newLoadServer(sk.onSend)
		defer srv.Close()
		pace := time.Duration(0)
		if sendRate != lifted {
			pace = time.Second
		}
		h, err := runHotline(ctx, admin, baseURL, "benchload_"+name, srv, workers, sendRate, pace)
		if err != nil {
			return err
		}
		res, label := body(srv, sk)
		n := h.finish(ctx)
		per := "-"
		if res.updates > 0 {
			per = fmt.Sprintf("%.2f", float64(n)/float64(res.updates))
		}
		r.add("%-40s %10.0f %9s %9s %9s %9s %8s", label, res.rate, ms(res.d.p50), ms(res.d.p90), ms(res.d.p99), ms(res.d.max), per)
		if res.cpu != "" {
			r.add("  CPU per update: %s", res.cpu)
		}
		return nil
	}
	if want("loop") {
		var rate float64
		err := hot("loop", lifted, func(srv *loadServer, sk *sink) (result, string) {
			k := calibrate(srv, sk, 9_000_001, "/help")
			if cpuProfile != "" {
				if f, err := os.Create(cpuProfile); err == nil {
					_ = pprof.StartCPUProfile(f)
					defer func() { pprof.StopCPUProfile(); f.Close() }()
				}
			}
			res := closedLoop(srv, sk, chatRange(10_000, 100), "/help", k, time.Second, loopFor)
			rate = res.rate
			return res, fmt.Sprintf("hotline, closed loop, 100 chats (%d/upd)", k)
		})
		if err != nil {
			return err
		}
		if echoRate > 0 {
			r.add("  hotline/echo throughput: %.3f (target at least 1/3)", rate/echoRate)
			r.target(rate >= echoRate/3, "closed loop >= 1/3 of echo: %.0f vs %.0f/s", rate, echoRate)
		}
	}
	if want("rate") {
		var p99 time.Duration
		err := hot("rate", lifted, func(srv *loadServer, sk *sink) (result, string) {
			k := calibrate(srv, sk, 9_000_001, "/help")
			res := offered(srv, sk, chatRange(20_000, 1000), "/help", k, 500, 6*time.Second)
			p99 = res.d.p99
			return res, fmt.Sprintf("hotline, offered 500/s for 6 s (served)")
		})
		if err != nil {
			return err
		}
		r.target(p99 > 0 && p99 < 50*time.Millisecond, "offered 500/s p99 < 50 ms: %s", ms(p99))
	}
	if want("one") {
		var p50 time.Duration
		err := hot("one", lifted, func(srv *loadServer, sk *sink) (result, string) {
			k := calibrate(srv, sk, 9_000_001, "/help")
			res := closedLoop(srv, sk, chatRange(30_000, 1), "/help", k, 500*time.Millisecond, loopFor/2)
			p50 = res.d.p50
			return res, "hotline, one chat alone"
		})
		if err != nil {
			return err
		}
		r.target(p50 > 0 && p50 < 20*time.Millisecond, "one chat p50 < 20 ms: %s", ms(p50))
	}
	if want("burst") {
		sk := newSink()
		srv := newLoadServer(sk.onSend)
		srv.limit(30)
		h, err := runHotline(ctx, admin, baseURL, "benchload_burst", srv, workers, 30, time.Second)
		if err != nil {
			return err
		}
		b := burst(srv, sk, chatRange(40_000, burstN), burstLimit)
		n := h.finish(ctx)
		srv.Close()
		r.add("burst: %d /sos at once, Telegram's limits (30/s, 1/s a chat), load average %s:", burstN, loadAvg())
		r.add("  answered %d of %d; first answer median %s, last %s; desk's first alert at %s",
			b.answered, burstN, ms(b.median), ms(b.last), ms(b.deskFirst))
		r.add("  %d messages accepted (%d by the time the last person had one), %d answered 429; peak RSS %.0f MB; %.2f commits/update",
			b.messages, b.messagesAtLast, b.tooMany, float64(b.rss)/(1<<20), float64(n)/float64(burstN))
		r.target(b.answered == burstN && b.last > 0 && b.last <= 40*time.Second,
			"1,000 /sos all answered, the last within 40 s: %d answered, last %s", b.answered, ms(b.last))
		r.target(b.rss > 0 && b.rss < 150<<20, "RSS < 150 MB during the burst: %.0f MB (benchmark process: bot and load server)",
			float64(b.rss)/(1<<20))
	}
	fmt.Println("load average at the end:", loadAvg())
	for _, t := range r.targets {
		fmt.Println(t)
	}
	return nil
}

func chatRange(from int64, n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = from + int64(i)
	}
	return out
}

type result struct {
	updates int // updates sent to the bot
	rate    float64
	d       dist
	cpu     string // CPU time per update answered (closed loops)
}

// meter reads the CPU time of this process and of the database server.
var meter cpuMeter

// calibrate sends text three times from chat, each after the answers to
// the one before have settled, and returns how many messages answer one
// (the fewer of the last two: a slow answer to the first may spill over).
func calibrate(srv *loadServer, sk *sink, chat int64, text string) int {
	settle := func() int {
		n, since := sk.count(chat), time.Now()
		for time.Since(since) < 1500*time.Millisecond {
			time.Sleep(50 * time.Millisecond)
			if m := sk.count(chat); m != n {
				n, since = m, time.Now()
			}
		}
		return n
	}
	srv.inject(chat, text)
	first := settle()
	srv.inject(chat, text)
	second := settle()
	srv.inject(chat, text)
	third := settle()
	return max(min(second-first, third-second), 1)
}

// closedLoop runs chats that each send text again as soon as the k
// messages answering the previous one arrived; answers during warm are not
// counted, then for dur.
func closedLoop(srv *loadServer, sk *sink, chats []int64, text string, k int, warm, dur time.Duration) result {
	t := newTracker(k)
	var stopped atomic.Bool
	var sent atomic.Int64
	send := func(chat int64) {
		if stopped.Load() {
			return
		}
		sent.Add(1)
		t.sent(chat, time.Now())
		srv.inject(chat, text)
	}
	t.next = send
	start := time.Now()
	t.since = start.Add(warm)
	sk.set(t)
	for _, c := range chats {
		send(c)
	}
	time.Sleep(warm)
	from := meter.read()
	time.Sleep(dur)
	to := meter.read()
	stopped.Store(true)
	n, d := t.dist()
	sk.set(nil)
	return result{updates: int(sent.Load()), rate: float64(n) / dur.Seconds(), d: d, cpu: perUpdate(from, to, n)}
}

// offered sends perSecond updates a second for dur, spread over chats, and
// waits for their answers (a minute at most after the last).
func offered(srv *loadServer, sk *sink, chats []int64, text string, k, perSecond int, dur time.Duration) result {
	t := newTracker(k)
	sk.set(t)
	defer sk.set(nil)
	total := int(dur.Seconds() * float64(perSecond))
	interval := time.Second / time.Duration(perSecond)
	start := time.Now()
	for i := range total {
		if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
			time.Sleep(d)
		}
		c := chats[i%len(chats)]
		t.sent(c, time.Now())
		srv.inject(c, text)
	}
	deadline := time.Now().Add(time.Minute)
	for t.count() < total && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	n, d := t.dist()
	t.mu.Lock()
	last := t.lastAt
	t.mu.Unlock()
	rate := 0.0
	if n > 0 {
		rate = float64(n) / max(last.Sub(start).Seconds(), dur.Seconds())
	}
	return result{updates: total, rate: rate, d: d}
}

type burstResult struct {
	answered                int
	median, last, deskFirst time.Duration
	messages, messagesAtLast,
	tooMany int64
	rss int64
}

// burst has every chat press /sos at once and waits until each got a
// first message (or limit passed), sampling resident memory meanwhile.
func burst(srv *loadServer, sk *sink, chats []int64, limit time.Duration) burstResult {
	t := newTracker(1)
	sk.set(t)
	defer sk.set(nil)
	start := time.Now()
	for _, c := range chats {
		srv.inject(c, "/sos")
	}
	var res burstResult
	var firsts []time.Duration
	deadline := start.Add(limit)
	for time.Now().Before(deadline) {
		res.rss = max(res.rss, rss())
		firsts = firsts[:0]
		t.mu.Lock()
		for _, c := range chats {
			if at, ok := t.first[c]; ok {
				firsts = append(firsts, at.Sub(start))
			}
		}
		if at, ok := t.first[officer]; ok {
			res.deskFirst = at.Sub(start)
		}
		t.mu.Unlock()
		if len(firsts) == len(chats) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	res.messagesAtLast = srv.sends.Load()
	slices.Sort(firsts)
	res.answered = len(firsts)
	if len(firsts) > 0 {
		res.median, res.last = firsts[len(firsts)/2], firsts[len(firsts)-1]
	}
	// Let the rest of the burst's messages go for a little while, for the
	// message count, then stop.
	time.Sleep(2 * time.Second)
	res.messages, res.tooMany = srv.sends.Load(), srv.tooMany.Load()
	return res
}

// rss is the process's resident memory in bytes.
func rss() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}
