package joboffer

import (
	"strings"

	"github.com/koreandesk/hotline/flows"
)

var _ flows.Entered = (*Conversation)(nil)

// Entry implements flows.Entered: /check (and /job), the deep link
// ?start=job, the menu's "Check a job offer", and the suggestion to check
// what looks like a pasted or forwarded job ad.
func (*Conversation) Entry() flows.Entry {
	return flows.Entry{Key: "job", Commands: []string{"check"}, Menu: "menu.check_job",
		Suggest: &flows.Suggestion{Looks: LooksLikeOffer,
			Question: "joboffer.suggest", Yes: "joboffer.suggest_yes", No: "joboffer.suggest_no"}}
}

// offerMinRunes is how long a pasted text must be before the bot asks
// whether to check it as a job offer; forwarded messages always qualify.
const offerMinRunes = 60

// LooksLikeOffer reports whether an input outside any conversation may be
// a job ad: a forwarded message, or a long enough pasted text or caption.
func LooksLikeOffer(in flows.Input) bool {
	switch in.Kind {
	case flows.KindText, flows.KindPhoto, flows.KindDocument:
		n := len([]rune(strings.TrimSpace(in.Text)))
		return n > 0 && n <= flows.MaxTextRunes && (in.Forwarded || n >= offerMinRunes)
	}
	return false
}
