package bottest

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/koreandesk/hotline/bot/bottest/tgapi"
)

// fileKinds gives Telegram-looking file_id prefixes and getFile directories.
var fileKinds = map[string]struct{ prefix, dir string }{
	KindDocument:  {"BQACAgIAAxkBAAI", "documents"},
	KindPhoto:     {"AgACAgIAAxkBAAI", "photos"},
	KindVoice:     {"AwACAgIAAxkBAAI", "voice"},
	KindAudio:     {"CQACAgIAAxkBAAI", "music"},
	KindVideo:     {"BAACAgIAAxkBAAI", "videos"},
	KindVideoNote: {"DQACAgIAAxkBAAI", "video_notes"},
	KindSticker:   {"CAACAgIAAxkBAAI", "stickers"},
}

// newFile registers file content under a fresh file_id; s.mu held.
func (s *Server) newFile(kind, name, mimeType string, data []byte) *File {
	s.fileSeq++
	k := fileKinds[kind]
	f := &File{
		ID:       fmt.Sprintf("%s%06d", k.prefix, s.fileSeq),
		UniqueID: fmt.Sprintf("AgAD%06d", s.fileSeq),
		Kind:     kind, Name: name, MimeType: mimeType, Size: len(data), Content: data,
		Path: fmt.Sprintf("%s/file_%d%s", k.dir, s.fileSeq, path.Ext(name)),
	}
	s.files[f.ID] = f
	return f
}

// File returns a file known to the Server by file_id.
func (s *Server) File(fileID string) (File, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.files[fileID]; f != nil {
		return *f, true
	}
	return File{}, false
}

// inputFile resolves the InputFile parameter field of a send method: an
// uploaded part, "attach://<part>", a known file_id or an HTTP URL; s.mu held.
func (s *Server) inputFile(p tgapi.Params, field, kind string) (*File, *tgapi.Error) {
	v := p.Str(field)
	u := p.Files[field]
	if name, ok := strings.CutPrefix(v, "attach://"); ok {
		u = p.Files[name]
	}
	if u != nil {
		return s.newFile(kind, u.Name, tgapi.MimeOf(u), u.Data), nil
	}
	if strings.TrimSpace(v) == "" {
		return nil, tgapi.BadRequest("there is no %s in the request", field)
	}
	if f := s.files[v]; f != nil {
		if f.Kind != kind && kind != KindDocument {
			return nil, tgapi.BadRequest("type of file mismatch")
		}
		return f, nil
	}
	if pu, err := url.Parse(v); err == nil && (pu.Scheme == "http" || pu.Scheme == "https") && pu.Host != "" {
		f := s.newFile(kind, path.Base(pu.Path), tgapi.MimeOf(&tgapi.Upload{Name: pu.Path}), nil)
		f.URL = v
		return f, nil
	}
	return nil, tgapi.BadRequest("wrong file identifier/HTTP URL specified")
}

// setMedia fills the wire field of a media message of the given kind.
func setMedia(w *models.Message, kind string, f *File, duration int) {
	size := int64(f.Size)
	switch kind {
	case KindDocument:
		w.Document = &models.Document{FileID: f.ID, FileUniqueID: f.UniqueID, FileName: f.Name, MimeType: f.MimeType, FileSize: size}
	case KindPhoto:
		w.Photo = []models.PhotoSize{
			{FileID: f.ID + "_s", FileUniqueID: f.UniqueID + "_s", Width: 90, Height: 90, FileSize: f.Size / 10},
			{FileID: f.ID, FileUniqueID: f.UniqueID, Width: 1280, Height: 960, FileSize: f.Size},
		}
	case KindVoice:
		w.Voice = &models.Voice{FileID: f.ID, FileUniqueID: f.UniqueID, Duration: duration, MimeType: f.MimeType, FileSize: size}
	case KindAudio:
		w.Audio = &models.Audio{FileID: f.ID, FileUniqueID: f.UniqueID, Duration: duration, FileName: f.Name, MimeType: f.MimeType, FileSize: size}
	case KindVideo:
		w.Video = &models.Video{FileID: f.ID, FileUniqueID: f.UniqueID, Width: 1280, Height: 720, Duration: duration,
			FileName: f.Name, MimeType: f.MimeType, FileSize: size}
	case KindVideoNote:
		w.VideoNote = &models.VideoNote{FileID: f.ID, FileUniqueID: f.UniqueID, Length: 384, Duration: duration, FileSize: f.Size}
	case KindSticker:
		w.Sticker = &models.Sticker{FileID: f.ID, FileUniqueID: f.UniqueID, Type: "regular", Width: 512, Height: 512, FileSize: f.Size}
	}
}

func (s *Server) apiGetFile(rq *request) (any, *tgapi.Error) {
	f := s.files[strings.TrimSuffix(rq.p.Str("file_id"), "_s")]
	if f == nil {
		return nil, tgapi.BadRequest("invalid file_id")
	}
	return &models.File{FileID: f.ID, FileUniqueID: f.UniqueID, FileSize: int64(f.Size), FilePath: f.Path}, nil
}

// serveFile serves GET /file/bot<token>/<file_path> like api.telegram.org.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rest string) {
	token, fp, _ := strings.Cut(rest, "/")
	var found *File
	s.mu.Lock()
	if token == s.token && !s.down {
		for _, f := range s.files {
			if f.Path == fp {
				found = f
				break
			}
		}
	}
	down := s.down
	s.mu.Unlock()
	switch {
	case down:
		tgapi.DropConn(w)
	case found == nil:
		tgapi.WriteJSON(w, http.StatusNotFound, tgapi.Body(&tgapi.Error{Code: 404, Desc: "Not Found"}))
	default:
		w.Header().Set("Content-Type", found.MimeType)
		w.Header().Set("Content-Length", strconv.Itoa(len(found.Content)))
		_, _ = w.Write(found.Content)
	}
}

// fileMap exposes the uploads as Files for the call log (without file ids).
func fileMap(p tgapi.Params) map[string]*File {
	if len(p.Files) == 0 {
		return nil
	}
	m := make(map[string]*File, len(p.Files))
	for k, u := range p.Files {
		m[k] = &File{Name: u.Name, MimeType: tgapi.MimeOf(u), Size: len(u.Data), Content: u.Data}
	}
	return m
}
