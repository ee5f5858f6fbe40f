package family

import "github.com/koreandesk/hotline/flows"

var _ flows.Entered = (*Conversation)(nil)

// Entry implements flows.Entered: /family, the deep link ?start=family and
// the menu's "Ask about a family member".
func (*Conversation) Entry() flows.Entry {
	return flows.Entry{Key: "family", Menu: "menu.family"}
}
