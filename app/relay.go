package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/app/staff/casefiles"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// relayable inputs, sent outside any conversation by a reporter with an
// open case, go to that case.
func relayable(in flows.Input) bool {
	switch {
	case in.Kind == flows.KindText, in.Kind == flows.KindLocation, in.Kind == flows.KindContact, in.Kind.Media():
		return len([]rune(in.Text)) <= flows.MaxTextRunes
	}
	return false
}

// fileKinds are how the case keeps each kind of file.
var fileKinds = map[flows.Kind]desk.FileKind{
	flows.KindPhoto: desk.FilePhoto, flows.KindVoice: desk.FileVoice, flows.KindDocument: desk.FileDocument,
	flows.KindVideo: desk.FileVideo, flows.KindVideoNote: desk.FileVideoNote, flows.KindAudio: desk.FileAudio,
}

// albumMedia is what each kind of file is in an album; voice notes and
// video notes never come in one.
var albumMedia = map[desk.FileKind]string{
	desk.FilePhoto: mailbox.MediaPhoto, desk.FileVideo: mailbox.MediaVideo,
	desk.FileDocument: mailbox.MediaDocument, desk.FileAudio: mailbox.MediaAudio,
}

// albumKey is the session answer naming the album the chat sent last, so
// that its later items are kept with the first and answered once.
const albumKey = "album"

// albumData names, in a timeline event, the album its file came in.
const albumData = "album"

// relay adds a reporter's message to their open case and forwards it to
// the officer handling it. It returns false when they have no open case.
func (h *Handler) relay(t *turn, s *flows.Session) (bool, error) {
	c, err := openCase(t, "")
	if c == nil || err != nil {
		return false, err
	}
	if err := h.addToCase(t, c, t.in); err != nil {
		return false, err
	}
	if typedHelp(t.in) {
		// The desk's check-in message asks for "OK, or HELP" in words:
		// HELP written is "I need help" tapped.
		return true, h.checkInAnswered(t, c, desk.CheckInHelp)
	}
	if t.in.MediaGroup != "" {
		return true, t.text(s.Lang(), "relay.added_album", "Ref", c.Ref)
	}
	return true, t.text(s.Lang(), "relay.added", "Ref", c.Ref)
}

// albumItem keeps a later item of an album on the case its first item
// went to (the conversation's case, or the open case) and adds it to the
// officers' album, with no second answer to the reporter. It reports
// whether the input was such an item.
func (h *Handler) albumItem(t *turn, s *flows.Session) (bool, error) {
	g := t.in.MediaGroup
	if g == "" || !t.in.Kind.Media() || s.Answers[albumKey] != g {
		return false, nil
	}
	if flows.KeepAlbumItem(s, t.in) {
		// Its first item waits in the session for a case (the caption
		// the bot offered to check, a job ad's photo): so does this one.
		return true, t.tx.SaveSession(t.ctx, s, t.now)
	}
	var c *desk.Case
	var err error
	switch ref := s.Answers[flows.CaseRefKey]; {
	case ref != "":
		c, err = t.desk.Case(t.ctx, desk.Ref(ref))
	case s.Idle():
		c, err = openCase(t, "")
	default:
		return true, nil // the first item went to a conversation with no case yet (a job offer)
	}
	if c == nil || err != nil {
		return true, err // no case took the first item either
	}
	if c.Type == desk.TypeJobCheck { // screenshots after a verdict: kept, forwarded to nobody
		return true, keepFiles(t, c, []flows.Input{t.in})
	}
	return true, h.addToCase(t, c, t.in)
}

// addToCase puts what the reporter sent on the case's timeline and, unless
// the reporter is blocked, forwards it to whoever handles the case.
func (h *Handler) addToCase(t *turn, c *desk.Case, in flows.Input) error {
	ev := caseEvent(in, t.now)
	if _, err := t.desk.AddEvent(t.ctx, c.ID, ev); err != nil {
		return fmt.Errorf("add to case %s: %w", c.Ref, err)
	}
	if in.MessageID != 0 {
		if err := t.tx.RecordMessage(t.ctx, in.ChatID, int64(in.MessageID), c.ID, t.now); err != nil {
			return err
		}
	}
	if c.Blocked {
		return nil // recorded, but no longer forwarded
	}
	rs, err := h.handlers(t, c)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if err := h.forward(t, r, c, ev); err != nil {
			return err
		}
	}
	return nil
}

// caseEvent is the timeline entry of what a reporter sent.
func caseEvent(in flows.Input, now time.Time) desk.Event {
	ev := desk.Event{Kind: desk.EventMessageIn, Text: in.Text, At: now}
	switch {
	case in.Kind.Media():
		ev.Kind, ev.FileID, ev.FileKind = desk.EventAttachment, in.FileID, fileKinds[in.Kind]
		if in.MediaGroup != "" {
			ev.Data = map[string]string{albumData: in.MediaGroup}
		}
	case in.Kind == flows.KindLocation:
		ev.Kind, ev.Lat, ev.Lon = desk.EventLocation, &in.Location.Lat, &in.Location.Lon
		if in.Location.Live {
			ev.Data = map[string]string{liveData: "true"}
		}
	case in.Kind == flows.KindContact:
		ev.Text = in.Phone
	}
	return ev
}

// editedMark heads the timeline entry of an edited message, so the desk
// sees that the text replaces an earlier one.
const editedMark = "✏️ "

// edited keeps a reporter's edited text or caption on their open case as
// a new timeline entry, marked as an edit with the new words, and
// forwards it like any follow-up. Without an open case it is dropped: an
// edit of a conversation answer already given changes nothing saved.
func (h *Handler) edited(t *turn) error {
	if strings.TrimSpace(t.in.Text) == "" {
		return nil
	}
	c, err := openCase(t, "")
	if c == nil || err != nil {
		return err
	}
	in := t.in
	in.Kind, in.Text, in.MessageID = flows.KindText, editedMark+in.Text, 0
	return h.addToCase(t, c, in)
}

// handlers are who hears a reporter's follow-up: the assigned officer, or
// every officer on duty while nobody has the case, or, when nobody is on
// duty either (at night), the supervisors, each in their private chat.
// Never the desk group: its membership is Telegram's, not the staff
// table's, and follow-ups carry what the reporter wrote, photos and places.
func (h *Handler) handlers(t *turn, c *desk.Case) ([]staff.Chat, error) {
	if c.AssigneeID != nil {
		if st, err := t.desk.Staff(t.ctx, *c.AssigneeID); err == nil {
			return []staff.Chat{staff.Recipient(st)}, nil
		}
	}
	rs, err := h.onDuty(t)
	if err != nil || len(rs) > 0 {
		return rs, err
	}
	return h.supervisors(t)
}

// supervisors are the active supervisors' private chats.
func (h *Handler) supervisors(t *turn) ([]staff.Chat, error) {
	sups, err := t.desk.Supervisors(t.ctx)
	rs := make([]staff.Chat, 0, len(sups))
	for i := range sups {
		rs = append(rs, staff.Recipient(&sups[i]))
	}
	return rs, err
}

// onDuty are the private chats of the officers on duty. An error fails the
// turn (and the update is tried again) rather than reading as "nobody on
// duty": an alert that reaches nobody must not look delivered.
func (h *Handler) onDuty(t *turn) ([]staff.Chat, error) {
	members, err := t.desk.OnDutyStaff(t.ctx)
	if err != nil {
		return nil, fmt.Errorf("list staff on duty: %w", err)
	}
	out := make([]staff.Chat, 0, len(members))
	for i := range members {
		out = append(out, staff.Recipient(&members[i]))
	}
	return out, nil
}

// forward shows one timeline event to a staff chat, headed with the case
// reference, so a Telegram reply to it answers the reporter.
func (h *Handler) forward(t *turn, r staff.Chat, c *desk.Case, ev desk.Event) error {
	header := casefiles.Header(h.render, r.Lang, c)
	body := header
	if ev.Text != "" {
		body += "\n" + ev.Text
	}
	buttons := mailbox.Call{Inline: h.staff.CaseButtons(r.Lang, c)}
	switch {
	case ev.Data[albumData] != "" && albumMedia[ev.FileKind] != "":
		return h.forwardAlbumItem(t, r, c, ev, header)
	case ev.FileKind == desk.FileVideoNote:
		// A video note has no caption: the header comes first, with the
		// buttons.
		buttons.Text = mailbox.Truncate(body, mailbox.MaxMessageRunes)
		if err := t.queue(r.ID, t.prio, mailbox.MethodSendMessage, buttons, c.ID); err != nil {
			return err
		}
		return t.queue(r.ID, t.prio, mailbox.MethodSendVideoNote, mailbox.Call{FileID: ev.FileID}, c.ID)
	case ev.FileID != "":
		buttons.FileID, buttons.Text = ev.FileID, mailbox.Truncate(body, mailbox.MaxCaptionRunes)
		return t.queue(r.ID, t.prio, casefiles.Method(ev.FileKind), buttons, c.ID)
	case ev.Lat != nil:
		buttons.Text = body + "\n📍 " + strconv.FormatFloat(*ev.Lat, 'f', 5, 64) + ", " + strconv.FormatFloat(*ev.Lon, 'f', 5, 64)
		if err := t.queue(r.ID, t.prio, mailbox.MethodSendMessage, buttons, c.ID); err != nil {
			return err
		}
		pin := mailbox.Call{Latitude: *ev.Lat, Longitude: *ev.Lon}
		if ev.Data[liveData] == "true" {
			return h.pinLive(t, r, c, pin)
		}
		return t.queue(r.ID, t.prio, mailbox.MethodSendLocation, pin, c.ID)
	}
	buttons.Text = mailbox.Truncate(body, mailbox.MaxMessageRunes)
	return t.queue(r.ID, t.prio, mailbox.MethodSendMessage, buttons, c.ID)
}

// forwardAlbumItem adds one item of an album to the officer's album: the
// transport gathers an album's items into one call (see
// mailbox.KindAlbum), headed by the case's header, which shows on the
// album when the item starts it.
func (h *Handler) forwardAlbumItem(t *turn, r staff.Chat, c *desk.Case, ev desk.Event, header string) error {
	call := mailbox.Call{Text: header, Media: []mailbox.Media{{Kind: albumMedia[ev.FileKind], FileID: ev.FileID,
		Caption: mailbox.Truncate(ev.Text, mailbox.MaxCaptionRunes)}}}
	m, err := mailbox.New(r.ID, t.prio, mailbox.MethodSendMediaGroup, call)
	if err != nil {
		return err
	}
	m.CaseID, m.Kind, m.Refs = c.ID, mailbox.KindAlbum, []string{ev.Data[albumData]}
	t.out = append(t.out, m)
	return nil
}

// openCase returns the sender's newest open case of type typ (any type
// but job checks when typ is ""), or nil. Job checks are records for the
// desk to review, not conversations: follow-ups go to a real case.
func openCase(t *turn, typ desk.Type) (*desk.Case, error) {
	cases, err := t.desk.CasesOf(t.ctx, t.in.ChatID)
	if err != nil {
		return nil, err
	}
	for i := range cases {
		c := &cases[i]
		if c.Open() && (c.Type == typ || typ == "" && c.Type != desk.TypeJobCheck) {
			return c, nil
		}
	}
	return nil, nil
}

// cleanName keeps a reporter's Telegram name to one plain line for staff
// headers (mailbox.OneLine), at most 64 characters.
func cleanName(s string) string { return mailbox.Truncate(mailbox.OneLine(s), 64) }
