// Package durations renders a duration for desk staff in their language,
// with at most a few units, the largest first ("3h", "2d 4h"): the ages of
// cases in lists, check-in intervals and the statistics' times.
package durations

import (
	"strings"
	"time"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// units are the units of a rendered duration, largest first.
var units = []struct {
	id   string
	size time.Duration
}{
	{"desk.span_days", 24 * time.Hour},
	{"desk.span_hours", time.Hour},
	{"desk.span_minutes", time.Minute},
	{"desk.span_seconds", time.Second},
}

// Render renders d in lang with at most n units, the largest first, none
// smaller than smallest: "3h", "2d 4h", "0m" for a case a few seconds old.
func Render(r mailbox.Renderer, lang string, d, smallest time.Duration, n int) string {
	d = max(d, 0)
	var parts []string
	for _, u := range units {
		if u.size < smallest || len(parts) == n {
			break
		}
		k := d / u.size
		switch {
		case k > 0:
			parts = append(parts, r.Text(lang, flows.M(u.id, "N", int64(k))))
			d -= k * u.size
		case len(parts) > 0:
			return strings.Join(parts, " ") // "2h", not "2h 0m"
		case u.size == smallest:
			parts = append(parts, r.Text(lang, flows.M(u.id, "N", 0)))
		}
	}
	return strings.Join(parts, " ")
}
