package flows

import (
	"encoding/json"
	"strings"
	"time"
)

// Effects a conversation records for the bot to apply in the update's
// transaction. They name case types and priorities by the desk's words
// ("distress", "urgent") so flows need not import the desk package.

// OpenCase opens a case for the chat's reporter and raises the desk's
// alert (urgent cases alert every on-duty officer at once). When the
// reporter already has an open case of the same type, that case is
// reused instead: a second /sos adds to the first. Once applied, the
// case's reference is in the session (see CaseRefKey) for replies of the
// same step to show.
type OpenCase struct {
	Type     string            // distress, job_check, job_report, family
	Priority string            // urgent, high, normal, low
	Answers  map[string]string // what is known already
	// Alert raises the desk alert even when an open case is reused.
	Alert bool
}

// SaveAnswers merges answers into the session's current case.
type SaveAnswers struct {
	Answers map[string]string
}

// AddToCase puts what the reporter sent (text, a photo, a voice note, a
// document, a location) on the current case's timeline and forwards it to
// the officer handling the case; with Keep, it is only kept on the
// timeline (a job check's screenshot: a check alerts nobody).
type AddToCase struct {
	Input Input
	Keep  bool
}

// Forget deletes what the bot can delete from the chat: its own messages
// and the user's, within Telegram's 48 hours, and its reply keyboards,
// leaving one neutral line. The desk keeps the case.
type Forget struct{}

// Quiet turns the chat's quiet mode on or off at the person's own request
// (/quiet, /quiet off): the same quiet mode that "not safe to talk" and
// /forget turn on, in which everything the bot sends arrives silently.
type Quiet struct {
	On bool
}

func (Quiet) effect()       {}
func (OpenCase) effect()    {}
func (SaveAnswers) effect() {}
func (AddToCase) effect()   {}
func (Forget) effect()      {}

// CarryKey is the session answer the engine keeps when it starts a
// conversation from a suggestion: the job ad a user sent before being asked
// "check this as a job offer?".
const CarryKey = "carry"

// CarryFileKey is the session answer that keeps the files that wait for
// a case: those whose caption the engine kept with CarryKey (a photo, or
// every item of an album), and those a conversation collects before it
// has a case (the photo of a job ad). See KeepFile and TakeFiles.
const CarryFileKey = "carry_file"

// keptFile is one file under CarryFileKey, in a JSON list.
type keptFile struct {
	Kind  Kind   `json:"kind"`
	File  string `json:"file"`
	Text  string `json:"text,omitempty"`
	Album string `json:"album,omitempty"`
	// At is when it was sent (zero in sessions saved before), so a file
	// left waiting too long goes to no case (maxKeptAge).
	At time.Time `json:"at,omitzero"`
}

// The files a session keeps for a case are bounded: a chat that sends
// photo after photo and never opens a case cannot grow its session
// without limit, and a file older than maxKeptAge goes to no case (the
// person has moved on; staff would read it as part of the new report).
const (
	maxKeptFiles = 20
	maxKeptAge   = 24 * time.Hour
)

// carry keeps an input in the session for the conversation the person
// picks next: its text or caption and, for a file, the file.
func carry(s *Session, in Input) {
	s.Set(CarryKey, in.Text)
	delete(s.Answers, CarryFileKey)
	KeepFile(s, in)
}

// TakeCarried returns the text the engine kept for this conversation
// (CarryKey) and removes it from the session; its files stay there for
// TakeFiles.
func TakeCarried(s *Session) string {
	text := strings.TrimSpace(s.Answers[CarryKey])
	delete(s.Answers, CarryKey)
	return text
}

// KeepFile keeps a photo, document or other file in the session until a
// case takes it (TakeFiles), with its caption and album. Other inputs are
// ignored.
func KeepFile(s *Session, in Input) {
	if !in.Kind.Media() || in.FileID == "" {
		return
	}
	files := fresh(keptFiles(s), in.At)
	files = append(files, keptFile{Kind: in.Kind, File: in.FileID, Text: in.Text, Album: in.MediaGroup, At: in.At})
	if len(files) > maxKeptFiles {
		files = files[len(files)-maxKeptFiles:] // the newest: the oldest are the likeliest stale
	}
	b, _ := json.Marshal(files) // strings only: it cannot fail
	s.Set(CarryFileKey, string(b))
}

// KeepAlbumItem keeps a later item of an album whose first item waits in
// the session for a case, and reports whether it did.
func KeepAlbumItem(s *Session, in Input) bool {
	if in.MediaGroup == "" {
		return false
	}
	for _, f := range keptFiles(s) {
		if f.Album == in.MediaGroup {
			KeepFile(s, in)
			return true
		}
	}
	return false
}

// TakeFiles returns the files kept in the session as inputs like base
// (same chat and sender), each with its kind, file, caption and album and
// no message or button of its own, and removes them from the session.
func TakeFiles(s *Session, base Input) []Input {
	files := fresh(keptFiles(s), base.At)
	delete(s.Answers, CarryFileKey)
	out := make([]Input, 0, len(files))
	for _, f := range files {
		in := base
		in.Kind, in.FileID, in.Text, in.MediaGroup, in.Data, in.MessageID = f.Kind, f.File, f.Text, f.Album, "", 0
		out = append(out, in)
	}
	return out
}

// HasFiles reports whether files wait in the session for a case.
func HasFiles(s *Session) bool { return s.Answers[CarryFileKey] != "" }

// fresh drops the files sent more than maxKeptAge before now (a zero
// time, in a session or an input from before, keeps them).
func fresh(files []keptFile, now time.Time) []keptFile {
	if now.IsZero() {
		return files
	}
	kept := files[:0]
	for _, f := range files {
		if f.At.IsZero() || now.Sub(f.At) <= maxKeptAge {
			kept = append(kept, f)
		}
	}
	return kept
}

// keptFiles reads CarryFileKey: a JSON list, or "<kind>:<file id>" as
// sessions saved before albums were kept have it.
func keptFiles(s *Session) []keptFile {
	v := s.Answers[CarryFileKey]
	var files []keptFile
	if json.Unmarshal([]byte(v), &files) == nil {
		return files
	}
	if kind, id, ok := strings.Cut(v, ":"); ok && Kind(kind).Media() && id != "" {
		return []keptFile{{Kind: Kind(kind), File: id, Text: strings.TrimSpace(s.Answers[CarryKey])}}
	}
	return nil
}

// CaseRefKey is the session answer holding the reference of the case the
// current conversation feeds, e.g. "KD-7Q3M".
const CaseRefKey = "case_ref"

// CaseRef is a template value the bot replaces with the session's case
// reference when it renders a reply, so a reply recorded before OpenCase
// was applied can still show the new reference.
type CaseRef struct{}

// ShowStatus lists the reporter's cases and their state (/status).
type ShowStatus struct{}

func (ShowStatus) effect() {}

// CheckOffer runs the job-offer checker on what the user pasted, looks up
// the recruiter's contacts in the desk's list and earlier reports, keeps
// the check as a low-priority job_check case (no alert) and answers with
// the verdict, its reasons and what to do. The case's reference goes in
// the session (CaseRefKey).
type CheckOffer struct {
	Text string
}

// ReportRecruiter turns the session's job check into a report to the desk
// (a job_report case that alerts the desk chat).
type ReportRecruiter struct{}

func (CheckOffer) effect()      {}
func (ReportRecruiter) effect() {}
