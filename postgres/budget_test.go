package postgres_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

// The replicas share one budget of sends a second: what one takes, the
// others do not get; a 429 lowers the pace for all, and quiet raises it.
func TestSendBudget(t *testing.T) {
	ctx := context.Background()
	s := postgres.New(pgtest.New(t))
	reserve := func(at time.Time, n int) int {
		t.Helper()
		got, err := s.ReserveSends(ctx, at, n, 30)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	sec := t0.Truncate(time.Second)
	for _, step := range []struct {
		at        time.Time
		want, got int
	}{
		{sec, 10, 10}, {sec.Add(300 * time.Millisecond), 25, 20}, {sec.Add(900 * time.Millisecond), 5, 0},
		{sec.Add(time.Second), 10, 10}, // a new second
	} {
		if got := reserve(step.at, step.want); got != step.got {
			t.Errorf("at %s, %d asked: got %d, want %d", step.at.Sub(sec), step.want, got, step.got)
		}
	}

	// Eight replicas at once in the next second get 30 in all.
	next := sec.Add(2 * time.Second)
	var total atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 3 {
				n, err := s.ReserveSends(ctx, next, 5, 30)
				if err != nil {
					t.Error(err)
				}
				total.Add(int64(n))
			}
		})
	}
	wg.Wait()
	if total.Load() != 30 {
		t.Errorf("eight replicas took %d sends in one second, want 30", total.Load())
	}

	if err := s.SlowSends(ctx, sec.Add(3*time.Second), 30); err != nil {
		t.Fatal(err)
	}
	if got := reserve(sec.Add(4*time.Second), 100); got != 20 {
		t.Errorf("after a 429: %d a second, want 20", got)
	}
	if got := reserve(sec.Add(13*time.Second), 100); got != 21 {
		t.Errorf("after 10 quiet seconds: %d a second, want 21", got)
	}
	for i := range 9 { // 22, …, 30: back to the configured pace
		reserve(sec.Add(time.Duration(24+11*i)*time.Second), 1)
	}
	if got := reserve(sec.Add(200*time.Second), 100); got != 30 {
		t.Errorf("after 10 quiet periods: %d a second, want 30", got)
	}
}
