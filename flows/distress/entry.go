package distress

import "github.com/koreandesk/hotline/flows"

var _ flows.Entered = (*Conversation)(nil)

// entryKey is the command and deep-link key that starts a report.
const entryKey = "sos"

// Entry implements flows.Entered: /sos, the deep link ?start=sos and the
// menu's "I need help now", all urgent.
func (*Conversation) Entry() flows.Entry {
	return flows.Entry{Key: entryKey, Menu: "menu.help_now", Urgent: true}
}
