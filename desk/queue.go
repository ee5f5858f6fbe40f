package desk

import (
	"slices"
	"strings"
	"time"
)

// Filter selects open cases for the queue.
type Filter string

// Queue filters.
const (
	FilterAll    Filter = "all"    // every open case
	FilterUrgent Filter = "urgent" // open cases of priority urgent
	FilterNew    Filter = "new"    // cases nobody has claimed
	FilterMine   Filter = "mine"   // open cases assigned to the asking staff member
)

// Filters lists every filter.
var Filters = []Filter{FilterAll, FilterUrgent, FilterNew, FilterMine}

// Valid reports whether f is a known filter.
func (f Filter) Valid() bool { return slices.Contains(Filters, f) }

// ParseFilter reads a filter name; an empty one is FilterAll.
func ParseFilter(s string) (Filter, error) {
	if strings.TrimSpace(s) == "" {
		return FilterAll, nil
	}
	return parseEnum(s, "queue filter", Filters)
}

// StatsWindow is how far back the first-reply median looks.
const StatsWindow = 30 * 24 * time.Hour

// Stats is a snapshot of the desk's work.
type Stats struct {
	Open           int
	Unclaimed      int // open cases in status new
	OpenByType     map[Type]int
	OpenByPriority map[Priority]int
	// NewToday counts cases created since midnight in the desk's time
	// zone (Today is that midnight).
	NewToday int
	Today    time.Time
	// FirstReplyMedian is the median time from a case's creation to the
	// desk's first reply, over the cases created in the StatsWindow
	// before now that have a reply (FirstReplyCases of them); zero when
	// there are none.
	FirstReplyMedian time.Duration
	FirstReplyCases  int
}

// TrendDays is how many days, today included, the /stats chart covers.
const TrendDays = 30

// Trends are the series of the /stats chart, in the desk's time zone.
type Trends struct {
	// From is midnight of the first of the TrendDays days; NewByDay
	// counts the cases created each day, by type, oldest day first
	// (TrendDays counts for every type, zeros included).
	From     time.Time
	NewByDay map[Type][]int
	// Weeks are the weeks (from Monday) that hold the TrendDays days,
	// oldest first: the median time to the desk's first reply of the
	// cases created that week, over those with a reply.
	Weeks []WeekReplies
}

// WeekReplies is one week's first replies.
type WeekReplies struct {
	Start  time.Time // Monday, midnight
	Median time.Duration
	Cases  int // cases with a reply; 0: Median means nothing
}

// Monday returns midnight of the Monday of t's week in loc.
func Monday(t time.Time, loc *time.Location) time.Time {
	day := StartOfDay(t, loc)
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// DefaultTimeZone is the desk's time zone, for "today".
const DefaultTimeZone = "Asia/Phnom_Penh"

// DefaultLocation returns the desk's time zone. Cambodia has had no
// daylight saving time since 1970, so where the time zone database is
// missing a fixed UTC+7 zone is the same.
func DefaultLocation() *time.Location {
	if loc, err := time.LoadLocation(DefaultTimeZone); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*60*60)
}

// StartOfDay returns midnight of t's day in loc (DefaultLocation if nil).
func StartOfDay(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = DefaultLocation()
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}
