package tgapi

import "github.com/go-telegram/bot/models"

// KindOf classifies a wire message by what it carries: "venue",
// "location", "document", "photo", "voice", "audio", "video",
// "video_note", "sticker", "contact", "text" or "other" (the emulator's
// message kinds).
func KindOf(m *models.Message) string {
	switch {
	case m.Venue != nil:
		return "venue"
	case m.Location != nil:
		return "location"
	case m.Document != nil:
		return "document"
	case len(m.Photo) > 0:
		return "photo"
	case m.Voice != nil:
		return "voice"
	case m.Audio != nil:
		return "audio"
	case m.Video != nil:
		return "video"
	case m.VideoNote != nil:
		return "video_note"
	case m.Sticker != nil:
		return "sticker"
	case m.Contact != nil:
		return "contact"
	case m.Text != "":
		return "text"
	}
	return "other"
}
