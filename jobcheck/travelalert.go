package jobcheck

import "github.com/koreandesk/hotline/jobcheck/internal/alert"

// TravelAlert is a level of Korea's travel alert system (여행경보) for a
// place an offer names. It is a fact about the place, not a red flag: it
// weighs nothing in the verdict, and the job check shows it beside it.
type TravelAlert int

// The levels in force for Cambodia's compound towns since 16 October 2025.
const (
	// AlertLeave is Level 3 (출국 권고): Koreans there are told to leave,
	// and not to go.
	AlertLeave TravelAlert = alert.Leave
	// AlertBan is Level 4 (여행금지): entering or staying without a
	// government exception is punishable under the Passport Act.
	AlertBan TravelAlert = alert.Ban
)

// TravelAlerts returns the alert levels of the places s names (internal/alert
// holds them), the ban first, each once.
func TravelAlerts(s string) []TravelAlert {
	var out []TravelAlert
	for _, l := range alert.Levels(s) {
		out = append(out, TravelAlert(l))
	}
	return out
}
