package bottest

import (
	"strconv"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// fileNames name the files SendFile and SendAlbum make, for their MIME type.
var fileNames = map[string]string{KindPhoto: "a.jpg", KindVideo: "a.mp4", KindVideoNote: "a.mp4", KindAudio: "a.mp3",
	KindDocument: "a.pdf", KindVoice: "a.ogg"}

// SendFile queues a file of kind (KindVideo, KindVideoNote, KindAudio,
// ...) with a caption from u.
func (s *Server) SendFile(u User, kind, caption string) int64 {
	md := media{kind: kind, name: fileNames[kind], data: []byte("bottest " + kind), caption: caption, seconds: 5}
	md.mime = tgapi.MimeOf(&tgapi.Upload{Name: md.name})
	return s.sendMedia(u, md, nil)
}

// AlbumItem is one item of an album a user sends: a KindPhoto,
// KindVideo, KindDocument or KindAudio, with its caption.
type AlbumItem struct{ Kind, Caption string }

// SendAlbum queues an album from u as Telegram delivers it: one message
// update per item, sharing a media_group_id. It returns the update ids.
func (s *Server) SendAlbum(u User, items ...AlbumItem) []int64 {
	s.mu.Lock()
	s.albumSeq++
	group := strconv.FormatInt(13000000000000000+s.albumSeq, 10)
	s.mu.Unlock()
	ids := make([]int64, 0, len(items))
	for _, it := range items {
		md := media{kind: it.Kind, name: fileNames[it.Kind], data: []byte("album"), caption: it.Caption}
		md.mime = tgapi.MimeOf(&tgapi.Upload{Name: md.name})
		ids = append(ids, s.sendMedia(u, md, func(m *models.Message) { m.MediaGroupID = group }))
	}
	return ids
}

// apiSendMediaGroup sends an album: one message per item under one
// media_group_id, answered with the array of messages.
func (s *Server) apiSendMediaGroup(rq *request) (any, *tgapi.Error) {
	items, err := tgapi.ParseAlbum(rq.p)
	if err != nil {
		return nil, err
	}
	c, err := s.writableChat(rq.p)
	if err != nil {
		return nil, err
	}
	s.albumSeq++
	group, out := strconv.FormatInt(14000000000000000+s.albumSeq, 10), make([]*models.Message, 0, len(items))
	for _, it := range items {
		p := tgapi.Params{Vals: map[string]string{it.Type: it.Media, "caption": it.Caption}, Files: rq.p.Files}
		m := &Message{FromBot: true, Kind: it.Type, Silent: rq.p.Bool("disable_notification")}
		if err := s.fillMedia(p, it.Type, m); err != nil {
			return nil, err
		}
		m.Raw.MediaGroupID = group
		out = append(out, wire(s.store(c, m, s.bot)))
	}
	return out, nil
}
