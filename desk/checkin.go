package desk

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// CheckIn is a case's safety check-in: every Every the reporter is asked,
// quietly and in their language, to tap "I'm OK" or "I need help". A
// prompt left unanswered for Grace is escalated to the case's officer and
// the supervisors.
type CheckIn struct {
	CaseID int64
	Every  time.Duration
	Grace  time.Duration
	// NextAt is when the next prompt goes out.
	NextAt time.Time
	// PromptedAt is when the prompt still unanswered went out; nil when
	// the last one was answered (or none went out yet).
	PromptedAt *time.Time
	// EscalatedAt is set once that prompt was escalated.
	EscalatedAt *time.Time
	// WroteAt is when the reporter last wrote to the bot (a message,
	// photo or anything else recorded in their chat) since the waiting
	// prompt went out: someone who writes "OK" instead of tapping a
	// button has answered. Read, never saved; nil when they did not.
	WroteAt   *time.Time
	StartedBy int64
	StartedAt time.Time
}

// Limits of a check-in's interval.
const (
	MinCheckIn = 15 * time.Minute
	MaxCheckIn = 7 * 24 * time.Hour
)

// CheckInGrace is how long a prompt every d may go unanswered before the
// desk hears of it: a quarter of the interval, between 10 minutes and an
// hour.
func CheckInGrace(d time.Duration) time.Duration {
	return min(max(d/4, 10*time.Minute), time.Hour)
}

// Unanswered reports whether a prompt is waiting for an answer.
func (c *CheckIn) Unanswered() bool { return c.PromptedAt != nil }

// AnsweredByWriting reports whether the reporter wrote since the waiting
// prompt went out.
func (c *CheckIn) AnsweredByWriting() bool { return c.PromptedAt != nil && c.WroteAt != nil }

// Overdue reports whether the waiting prompt is past its grace time and
// not escalated yet.
func (c *CheckIn) Overdue(now time.Time) bool {
	return c.PromptedAt != nil && c.EscalatedAt == nil && !now.Before(c.PromptedAt.Add(c.Grace))
}

// ParseCheckInEvery reads an interval such as "6h", "30m", "1h30m" or
// "2d", between MinCheckIn and MaxCheckIn.
func ParseCheckInEvery(s string) (time.Duration, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	var d time.Duration
	var err error
	if days, ok := strings.CutSuffix(s, "d"); ok {
		var n int
		n, err = strconv.Atoi(days)
		d = time.Duration(n) * 24 * time.Hour
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d < MinCheckIn || d > MaxCheckIn {
		return 0, fmt.Errorf("check-in interval %q: %w", s, ErrInvalid)
	}
	return d, nil
}

// FormatEvery writes an interval the way ParseCheckInEvery reads it.
func FormatEvery(d time.Duration) string {
	switch {
	case d%(24*time.Hour) == 0:
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	case d%time.Hour == 0:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	default:
		return strings.TrimSuffix(d.Truncate(time.Minute).String(), "0s")
	}
}
