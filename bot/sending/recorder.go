package sending

import (
	"context"
	"sync"
	"time"

	"github.com/koreandesk/hotline/mailbox"
)

// Recorder writes send results in groups (a group commit): the first
// sender to arrive writes its result together with every result that
// arrived while the previous group was being written, and each sender
// waits for its own. One transaction thus records many sends, and a
// result is never written before its send or lost to a shutdown.
type Recorder struct {
	outbox mailbox.Outbox
	now    func() time.Time

	mu      sync.Mutex
	queue   []*recording
	writing bool
}

type recording struct {
	r    mailbox.Result
	err  error
	done chan struct{} // closed when written
	lead chan struct{} // closed when it is its turn to write a group
}

// maxRecorded bounds one group.
const maxRecorded = 500

// Add records r (with others) and returns its own error. A sender that
// arrives while a group is being written waits; the writer, once done,
// hands the next group to the first of those waiting, so no sender writes
// for others for long.
func (rc *Recorder) Add(ctx context.Context, r mailbox.Result) error {
	me := &recording{r: r, done: make(chan struct{}), lead: make(chan struct{})}
	rc.mu.Lock()
	rc.queue = append(rc.queue, me)
	if rc.writing {
		rc.mu.Unlock()
		select {
		case <-me.done:
			return me.err
		case <-me.lead:
		}
		rc.mu.Lock()
	}
	rc.writing = true
	n := min(len(rc.queue), maxRecorded)
	group := rc.queue[:n:n]
	rc.queue = rc.queue[n:]
	rc.mu.Unlock()
	rc.write(ctx, group)
	rc.mu.Lock()
	if len(rc.queue) > 0 {
		close(rc.queue[0].lead)
	} else {
		rc.writing = false
	}
	rc.mu.Unlock()
	return me.err
}

func (rc *Recorder) write(ctx context.Context, group []*recording) {
	results := make([]mailbox.Result, len(group))
	for i, g := range group {
		results[i] = g.r
	}
	errs, err := rc.outbox.Record(ctx, results, rc.now())
	for i, g := range group {
		if err != nil {
			g.err = err
		} else {
			g.err = errs[i]
		}
		close(g.done)
	}
}

// NewRecorder returns a recorder writing to outbox, results stamped by now.
func NewRecorder(outbox mailbox.Outbox, now func() time.Time) *Recorder {
	return &Recorder{outbox: outbox, now: now}
}
