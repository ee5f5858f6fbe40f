// Package flows is the conversation contract of the Korean Desk bot: what a
// user sends (Input), what the bot answers (Reply), the per-chat Session that
// PostgreSQL keeps between updates, and the Engine that routes an input to
// a conversation and runs one looplab/fsm step. It knows nothing of Telegram
// or SQL: the bot package translates updates into Inputs and Replies into
// messages; the postgres package stores Sessions.
package flows

import "time"

// Kind says what a user sent.
type Kind string

// The kinds of input the bot understands. Anything else arrives as
// KindUnsupported and gets a localised "I can't read this" answer.
const (
	KindText        Kind = "text"
	KindCommand     Kind = "command"
	KindCallback    Kind = "callback"
	KindLocation    Kind = "location"
	KindPhoto       Kind = "photo"
	KindVoice       Kind = "voice"
	KindDocument    Kind = "document"
	KindVideo       Kind = "video"
	KindVideoNote   Kind = "video_note"
	KindAudio       Kind = "audio"
	KindContact     Kind = "contact"
	KindUnsupported Kind = "unsupported"
)

// MaxTextRunes is the longest text a flow accepts as one answer. Telegram
// itself allows 4096 characters; longer input is refused with a message.
const MaxTextRunes = 4096

// Input is one thing a user did, already stripped of Telegram details.
type Input struct {
	Kind      Kind
	ChatID    int64
	UserID    int64
	MessageID int
	// Private is true in a one-to-one chat with the bot. Reporter
	// conversations run only there.
	Private bool
	// LanguageCode is Telegram's language_code of the sender, e.g. "ko".
	LanguageCode string
	// SenderName is the sender's display name, shown to staff.
	SenderName string
	// ReplyTo is the message this one answers (a reply to it), 0 for none.
	ReplyTo int
	// Text is the message text or a media caption.
	Text string
	// Command and Args are set for KindCommand: "/start sos" gives
	// Command "start" and Args "sos".
	Command string
	Args    string
	// Key is set when Text is the label of a reply-keyboard button the
	// bot offers, in any language: the label's message id (for example
	// "distress.key_no_location"). Reply keyboards send their label as
	// plain text, so this is how a conversation tells a pressed button
	// from typed words without knowing the rendered text.
	Key string
	// Data is the callback data of a pressed inline button.
	Data     string
	Location *Location
	// FileID is the Telegram file id of a photo, voice note, document,
	// video, video note or audio file.
	FileID string
	// MediaGroup is the id Telegram gives every item of one album
	// (media_group_id), "" for a message on its own.
	MediaGroup string
	// Phone is the number of a shared contact.
	Phone string
	// Forwarded marks a message forwarded from another chat (a
	// recruiter's message, typically).
	Forwarded bool
	// Edited marks an edited message, such as a live location update.
	Edited bool
	At     time.Time
}

// Location is a point on the map.
type Location struct {
	Lat  float64 `json:"lat"`
	Lon  float64 `json:"lon"`
	Live bool    `json:"live,omitempty"`
	// Period is how long a live location is shared, in seconds from
	// the message's date (Telegram's live_period), 0 for a fixed point
	// or a live location that has stopped.
	Period int `json:"period,omitempty"`
}

// Media reports whether k is a file: a photo, voice note, document,
// video, video note or audio file.
func (k Kind) Media() bool {
	switch k {
	case KindPhoto, KindVoice, KindDocument, KindVideo, KindVideoNote, KindAudio:
		return true
	}
	return false
}

// Valid reports whether the coordinates are on Earth.
func (l Location) Valid() bool {
	return l.Lat >= -90 && l.Lat <= 90 && l.Lon >= -180 && l.Lon <= 180 &&
		!(l.Lat == 0 && l.Lon == 0)
}
