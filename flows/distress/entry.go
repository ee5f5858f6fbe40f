package distress

import "github.com/koreandesk/hotline/flows"

var _ flows.Entered = (*Conversation)(nil)

// Entry implements flows.Entered: /sos, the deep link ?start=sos and the
// menu's "I need help now", all urgent.
func (*Conversation) Entry() flows.Entry {
	return flows.Entry{Key: "sos", Menu: "menu.help_now", Urgent: true}
}
