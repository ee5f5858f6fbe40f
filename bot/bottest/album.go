package bottest

import (
	"strconv"

	"github.com/go-telegram/bot/models"
)

// Albums: a user's album arrives as one message update per item, all with
// one media_group_id; the bot sends one with sendMediaGroup (2 to 10
// items: photos and videos together, or documents only, or audio only).

// AlbumItem is one item of an album a user sends.
type AlbumItem struct {
	// Kind is KindPhoto, KindVideo, KindDocument or KindAudio.
	Kind    string
	Caption string
}

// SendAlbum queues an album from u: one message per item, sharing a
// media_group_id, as Telegram delivers it. It returns the update ids.
func (s *Server) SendAlbum(u User, items ...AlbumItem) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.albumSeq++
	group := strconv.FormatInt(13000000000000000+s.albumSeq, 10)
	ids := make([]int64, 0, len(items))
	for _, it := range items {
		f := s.newFile(it.Kind, "album_"+it.Kind, mimeOfKind(it.Kind), []byte("bottest album "+it.Kind))
		m := &Message{Kind: it.Kind, Text: it.Caption, File: f}
		m.Raw.Caption, m.Raw.MediaGroupID = it.Caption, group
		setMedia(&m.Raw, it.Kind, f, 3)
		id, _ := s.userSend(u.ID, u, m)
		ids = append(ids, id)
	}
	return ids
}

// SendVideo queues a video with a caption from u.
func (s *Server) SendVideo(u User, caption string) int64 {
	return s.sendMedia(u, media{kind: KindVideo, name: "video.mp4", mime: "video/mp4",
		data: []byte("bottest video"), caption: caption, seconds: 12}, nil)
}

// SendVideoNote queues a round video note from u.
func (s *Server) SendVideoNote(u User, seconds int) int64 {
	return s.sendMedia(u, media{kind: KindVideoNote, name: "video_note.mp4", mime: "video/mp4",
		data: []byte("bottest video note"), seconds: seconds}, nil)
}

// SendAudio queues an audio file with a caption from u.
func (s *Server) SendAudio(u User, caption string) int64 {
	return s.sendMedia(u, media{kind: KindAudio, name: "audio.mp3", mime: "audio/mpeg",
		data: []byte("ID3 bottest audio"), caption: caption, seconds: 30}, nil)
}

func mimeOfKind(kind string) string {
	switch kind {
	case KindPhoto:
		return "image/jpeg"
	case KindVideo:
		return "video/mp4"
	case KindAudio:
		return "audio/mpeg"
	}
	return "application/octet-stream"
}

// inputMedia is one element of sendMediaGroup's media parameter.
type inputMedia struct {
	Type    string `json:"type"`
	Media   string `json:"media"`
	Caption string `json:"caption"`
}

// apiSendMediaGroup sends an album: one message per item, one
// media_group_id, answered with the array of messages.
func (s *Server) apiSendMediaGroup(rq *request) (any, *apiError) {
	var items []inputMedia
	if ok, err := rq.p.decode("media", &items); !ok || err != nil {
		return nil, badRequest("can't parse media JSON object")
	}
	if len(items) < 2 || len(items) > 10 {
		return nil, badRequest("wrong number of media specified")
	}
	if err := albumMix(items); err != nil {
		return nil, err
	}
	c, err := s.writableChat(rq.p)
	if err != nil {
		return nil, err
	}
	s.albumSeq++
	group := strconv.FormatInt(14000000000000000+s.albumSeq, 10)
	out := make([]*models.Message, 0, len(items))
	for _, it := range items {
		p := params{vals: map[string]string{it.Type: it.Media, "caption": it.Caption}, files: rq.p.files}
		m := &Message{FromBot: true, Kind: it.Type, Silent: rq.p.bool("disable_notification")}
		if err := s.fillMedia(p, it.Type, m); err != nil {
			return nil, err
		}
		m.Raw.MediaGroupID = group
		out = append(out, wire(s.store(c, m, s.bot)))
	}
	return out, nil
}

// albumMix checks the kinds of an album's items as Telegram does.
func albumMix(items []inputMedia) *apiError {
	first := items[0].Type
	for _, it := range items {
		switch {
		case it.Type != KindPhoto && it.Type != KindVideo && it.Type != KindDocument && it.Type != KindAudio:
			return badRequest("unsupported media type %q", it.Type)
		case (first == KindDocument || first == KindAudio || it.Type == KindDocument || it.Type == KindAudio) && it.Type != first:
			return badRequest("%s can't be mixed with other media types", it.Type)
		}
	}
	return nil
}
