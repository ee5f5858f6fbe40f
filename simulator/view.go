package simulator

import (
	"slices"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest"
	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// msgView is a message as the page draws it.
type msgView struct {
	Chat     int64            `json:"chat"`
	ID       int              `json:"id"`
	Seq      int64            `json:"seq"`
	FromBot  bool             `json:"from_bot"`
	FromID   int64            `json:"from_id"`
	FromName string           `json:"from_name"`
	Kind     string           `json:"kind"`
	Text     string           `json:"text,omitempty"`
	Inline   [][]tgapi.Button `json:"inline,omitempty"`
	Location *locationView    `json:"location,omitempty"`
	File     *fileView        `json:"file,omitempty"`
	ReplyTo  *quoteView       `json:"reply_to,omitempty"`
	Edited   bool             `json:"edited,omitempty"`
	Deleted  bool             `json:"deleted,omitempty"`
	Time     int64            `json:"time"`
}

type locationView struct {
	Lat   float64 `json:"lat"`
	Lon   float64 `json:"lon"`
	Live  bool    `json:"live,omitempty"`
	Title string  `json:"title,omitempty"`
}

type fileView struct {
	Name string `json:"name"`
	Mime string `json:"mime"`
	Size int    `json:"size"`
	URL  string `json:"url"`
}

type quoteView struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	Text string `json:"text"`
}

// view turns an emulator message into what the page shows: the text as
// Telegram renders it (entities applied), media and replies summarised.
func (s *Simulator) view(m bottest.Message) msgView {
	v := msgView{Chat: m.ChatID, ID: m.ID, Seq: m.Seq, FromBot: m.FromBot, FromID: m.FromID,
		FromName: senderName(m.Raw.From), Kind: m.Kind, Text: m.Raw.Text, Inline: m.InlineKeyboard,
		Edited: m.Edited, Deleted: m.Deleted, Time: m.Sent.Unix()}
	if m.Kind != bottest.KindText {
		v.Text = m.Raw.Caption
	}
	if l := m.Location; l != nil {
		v.Location = &locationView{Lat: l.Latitude, Lon: l.Longitude, Live: l.LivePeriod > 0}
		if m.Venue != nil {
			v.Location.Title = m.Venue.Title + " · " + m.Venue.Address
		}
	}
	if f := m.File; f != nil {
		v.File = &fileView{Name: f.Name, Mime: f.MimeType, Size: f.Size, URL: "/api/files/" + f.ID}
		if f.URL != "" {
			v.File.URL = f.URL
		}
	}
	if r := m.Raw.ReplyToMessage; r != nil {
		q := &quoteView{ID: r.ID, Name: senderName(r.From), Text: r.Text + r.Caption}
		if q.Text == "" && r.Location != nil {
			q.Text = "📍"
		}
		v.ReplyTo = q
	}
	return v
}

func senderName(u *models.User) string {
	if u == nil {
		return ""
	}
	if u.LastName != "" {
		return u.FirstName + " " + u.LastName
	}
	return u.FirstName
}

// personView is a person with their chats and live location, for the page.
type personView struct {
	Person
	Chats []chatView `json:"chats"`
	Live  *liveView  `json:"live,omitempty"`
}

// liveView is where a person's live location is now.
type liveView struct {
	MessageID int     `json:"message_id"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
}

// chatView is a chat as one person sees it: its reply keyboard and the
// command menu Telegram would show them there.
type chatView struct {
	ID       int64               `json:"id"`
	Title    string              `json:"title"`
	Group    bool                `json:"group,omitempty"`
	Keyboard [][]tgapi.KeyButton `json:"keyboard,omitempty"`
	Menu     []models.BotCommand `json:"menu,omitempty"`
}

// peopleView is everyone, with what each of them sees.
func (s *Simulator) peopleView() []personView {
	s.mu.Lock()
	people := slices.Clone(s.people)
	live := map[int64]liveView{}
	for id, l := range s.live {
		live[id] = liveView{MessageID: l.MessageID, Lat: l.Lat, Lon: l.Lon}
	}
	s.mu.Unlock()
	out := make([]personView, 0, len(people))
	for _, p := range people {
		pv := personView{Person: p}
		if l, ok := live[p.ID]; ok {
			pv.Live = &l
		}
		for _, id := range s.chats(p) {
			cv := chatView{ID: id, Title: BotUsername, Group: id < 0,
				Keyboard: s.api.CurrentKeyboard(id), Menu: s.api.MenuFor(id, p.ID, p.Lang)}
			if c, ok := s.api.Chat(id); ok && cv.Group {
				cv.Title = c.Title
			}
			pv.Chats = append(pv.Chats, cv)
		}
		out = append(out, pv)
	}
	return out
}
