// Package casefiles shows a staff member the files a reporter sent on a
// case (photos, documents, videos, voice notes, audio), as its timeline
// keeps them: the officer who takes a case gets them when they claim it or
// it is given to them, whoever was told of them as they came (the officers
// on duty then, or the supervisors at night), and whatever a case kept
// without telling anyone (a job check's screenshots).
package casefiles

import (
	"context"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// Max is how many of a case's latest files are shown.
const Max = 10

// searched is how many of a case's latest timeline events are searched
// for them.
const searched = 200

// Of are the calls that show a staff member reading lang the latest files
// of case c, each under the case's header (Header, Calls).
func Of(ctx context.Context, st desk.Store, r mailbox.Renderer, lang string, c *desk.Case) ([]Call, error) {
	events, err := st.Timeline(ctx, c.ID, searched)
	if err != nil {
		return nil, err
	}
	return Calls(events, Header(r, lang, c)), nil
}

// methods are the Bot API methods that show each kind of file again.
var methods = map[desk.FileKind]string{
	desk.FilePhoto: mailbox.MethodSendPhoto, desk.FileVoice: mailbox.MethodSendVoice,
	desk.FileDocument: mailbox.MethodSendDocument, desk.FileVideo: mailbox.MethodSendVideo,
	desk.FileVideoNote: mailbox.MethodSendVideoNote, desk.FileAudio: mailbox.MethodSendAudio,
}

// Method is the Bot API method that shows a kept file of kind k again: a
// document for a kind it does not know.
func Method(k desk.FileKind) string {
	if m := methods[k]; m != "" {
		return m
	}
	return mailbox.MethodSendDocument
}

// Header heads what staff are shown of a reporter's message: the case, the
// reporter's name on one line and their language.
func Header(r mailbox.Renderer, lang string, c *desk.Case) string {
	return r.Text(lang, flows.M("desk.forward_header", "Ref", c.Ref,
		"Name", mailbox.Truncate(mailbox.OneLine(c.ReporterName), 64), "Lang", flows.LanguageNames[c.ReporterLang]))
}

// A Call is one Bot API call that shows a file.
type Call struct {
	Method string
	Call   mailbox.Call
}

// Calls show the latest Max files among events, oldest first, each
// captioned with header and the reporter's caption; a video note, which
// takes no caption, comes after the header as a message of its own.
func Calls(events []desk.Event, header string) []Call {
	var files []desk.Event
	for _, e := range events {
		if e.Kind == desk.EventAttachment && e.FileID != "" {
			files = append(files, e)
		}
	}
	files = files[max(0, len(files)-Max):]
	out := make([]Call, 0, len(files))
	for _, e := range files {
		body := header
		if e.Text != "" {
			body += "\n" + e.Text
		}
		if e.FileKind == desk.FileVideoNote {
			out = append(out, Call{mailbox.MethodSendMessage, mailbox.Call{Text: mailbox.Truncate(body, mailbox.MaxMessageRunes)}},
				Call{mailbox.MethodSendVideoNote, mailbox.Call{FileID: e.FileID}})
			continue
		}
		out = append(out, Call{Method(e.FileKind), mailbox.Call{FileID: e.FileID, Text: mailbox.Truncate(body, mailbox.MaxCaptionRunes)}})
	}
	return out
}
