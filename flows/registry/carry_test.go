package registry_test

import (
	"context"
	"testing"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/registry"
)

// TestSuggestionCarriesThePhoto: a photo whose long caption the engine
// offers to check as a job ad keeps its file for the conversation the
// person picks: "I need help now" puts the photo itself on the case, not
// only its caption; going back to the menu drops both.
func TestSuggestionCarriesThePhoto(t *testing.T) {
	e := registry.New(nil)
	ctx := context.Background()
	photo := flows.Input{Kind: flows.KindPhoto, ChatID: 7, Private: true, FileID: "AgACAgIAAxk-window", MessageID: 3,
		Text: "I need help now, they took my passport and locked us in building C, this is our window"}
	tap := func(data string) flows.Input {
		return flows.Input{Kind: flows.KindCallback, ChatID: 7, Private: true, Data: data, MessageID: 4}
	}
	step := func(s *flows.Session, in flows.Input) flows.Outcome {
		t.Helper()
		out, err := e.Step(ctx, s, in)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	s := &flows.Session{ChatID: 7}
	step(s, photo)
	step(s, tap(flows.DataGo+"menu"))
	if len(s.Answers) != 0 {
		t.Errorf("after the menu the session keeps %v", s.Answers)
	}

	s = &flows.Session{ChatID: 7}
	step(s, photo)
	var added []flows.Input
	for _, eff := range step(s, tap(flows.DataGo+"sos")).Effects {
		if a, ok := eff.(flows.AddToCase); ok {
			added = append(added, a.Input)
		}
	}
	if len(added) != 1 {
		t.Fatalf("I need help now added %d inputs to the case, want the photo", len(added))
	}
	if got := added[0]; got.Kind != flows.KindPhoto || got.FileID != photo.FileID || got.Text != photo.Text || got.MessageID != 0 {
		t.Errorf("added %s %q %q (message %d), want the photo with its caption", got.Kind, got.FileID, got.Text, got.MessageID)
	}
	if _, ok := s.Answers[flows.CarryFileKey]; ok {
		t.Errorf("the session still carries the file: %v", s.Answers)
	}
}

// TestFilesKeptByOlderSessions: a session saved before albums were kept
// holds one file as "<kind>:<file id>"; it still reaches the case, with
// the caption kept beside it.
func TestFilesKeptByOlderSessions(t *testing.T) {
	s := &flows.Session{ChatID: 7, Answers: map[string]string{flows.CarryKey: "locked in building C", flows.CarryFileKey: "photo:AgAC-old"}}
	files := flows.TakeFiles(s, flows.Input{ChatID: 7, Private: true, Kind: flows.KindCallback, Data: "go:sos", MessageID: 4})
	if len(files) != 1 {
		t.Fatalf("got %d files, want the photo", len(files))
	}
	if got := files[0]; got.Kind != flows.KindPhoto || got.FileID != "AgAC-old" || got.Text != "locked in building C" || got.Data != "" || got.MessageID != 0 {
		t.Errorf("got %s %q %q (data %q, message %d), want the photo with its caption", got.Kind, got.FileID, got.Text, got.Data, got.MessageID)
	}
	if _, ok := s.Answers[flows.CarryFileKey]; ok {
		t.Error("the session still keeps the file")
	}
}
