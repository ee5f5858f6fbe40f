package desk_test

import (
	"errors"
	"testing"
	"time"

	"github.com/koreandesk/hotline/desk"
)

func TestParseEnums(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (string, error)
		in    string
		want  string
	}{
		{"type", wrap(desk.ParseType), " Job_Report ", "job_report"},
		{"priority", wrap(desk.ParsePriority), "URGENT", "urgent"},
		{"status", wrap(desk.ParseStatus), "waiting_reporter", "waiting_reporter"},
		{"role", wrap(desk.ParseRole), "Supervisor", "supervisor"},
		{"event kind", wrap(desk.ParseEventKind), "reply_out", "reply_out"},
		{"filter", wrap(desk.ParseFilter), "mine", "mine"},
		{"empty filter is all", wrap(desk.ParseFilter), " ", "all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func wrap[T ~string](f func(string) (T, error)) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := f(s)
		return string(v), err
	}
}

func TestParseEnumsReject(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (string, error)
	}{
		{"type", wrap(desk.ParseType)},
		{"priority", wrap(desk.ParsePriority)},
		{"status", wrap(desk.ParseStatus)},
		{"role", wrap(desk.ParseRole)},
		{"event kind", wrap(desk.ParseEventKind)},
		{"filter", wrap(desk.ParseFilter)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := tt.parse("bogus"); !errors.Is(err, desk.ErrInvalid) {
				t.Errorf("parse(bogus) = %q, %v; want ErrInvalid", got, err)
			}
		})
	}
}

func TestStatusOpen(t *testing.T) {
	for _, s := range desk.Statuses {
		want := s == desk.StatusNew || s == desk.StatusClaimed || s == desk.StatusWaitingReporter
		if s.Open() != want {
			t.Errorf("%s.Open() = %v, want %v", s, s.Open(), want)
		}
	}
}

func TestPriorityRank(t *testing.T) {
	for i, p := range []desk.Priority{"urgent", "high", "normal", "low", "bogus"} {
		if got := p.Rank(); got != i {
			t.Errorf("%s.Rank() = %d, want %d", p, got, i)
		}
	}
}

func TestStartOfDay(t *testing.T) {
	pp := desk.DefaultLocation()
	tests := []struct {
		name string
		now  time.Time
		loc  *time.Location
		want time.Time
	}{
		{"after midnight in Phnom Penh, still the day before in UTC",
			time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC), pp, time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)},
		{"before midnight in Phnom Penh",
			time.Date(2026, 11, 23, 16, 59, 0, 0, time.UTC), nil, time.Date(2026, 11, 22, 17, 0, 0, 0, time.UTC)},
		{"UTC", time.Date(2026, 11, 23, 16, 59, 0, 0, time.UTC), time.UTC, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := desk.StartOfDay(tt.now, tt.loc); !got.Equal(tt.want) {
				t.Errorf("StartOfDay = %v, want %v", got, tt.want)
			}
		})
	}
}
