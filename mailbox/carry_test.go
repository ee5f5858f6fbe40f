package mailbox

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// TestCallIsWhatDecodingGives checks that the call a message carries from
// New is the call its payload decodes to, for calls of every shape, and
// that none is carried when it could differ.
func TestCallIsWhatDecodingGives(t *testing.T) {
	for _, tc := range []struct {
		name    string
		c       Call
		carried bool
	}{
		{"text", Call{Text: "안녕 <b>&</b>\u2028", Silent: true}, true},
		{"inline", Call{Text: "x", Inline: [][]Button{{{Text: "a", Data: "b"}}, nil, {}}}, true},
		{"keyboard", Call{Keyboard: [][]Key{{{Text: "📍", RequestLocation: true}}}, RemoveKeyboard: true}, true},
		{"empty slices", Call{Inline: [][]Button{}, Media: []Media{}, MessageIDs: []int{}, FileData: []byte{}}, true},
		{"location", Call{Latitude: 37.5665, Longitude: 1e-7, LivePeriod: 0x7FFFFFFF}, true},
		{"album", Call{Media: []Media{{Kind: MediaPhoto, FileID: "f", Caption: "c"}}}, true},
		{"commands", Call{Commands: []Command{{Command: "help", Description: "도움말"}}, MessageIDs: []int{1, 2}}, true},
		{"file", Call{FileName: "a.png", FileData: []byte{0, 1, 2}}, true},
		{"invalid text", Call{Text: "ab\xffc"}, false},
		{"invalid button", Call{Inline: [][]Button{{{Text: "\xc3", Data: "d"}}}}, false},
		{"document", Call{Document: &Document{Kind: DocExport, By: 1, At: time.Now()}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := New(7, PriorityNormal, MethodSendMessage, tc.c)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.carried != nil; got != tc.carried {
				t.Fatalf("carried %t, want %t", got, tc.carried)
			}
			var want Call
			if err := json.Unmarshal(m.Payload, &want); err != nil {
				t.Fatal(err)
			}
			got, err := m.Call()
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("Call() = %#v, %v; decoding gives %#v", got, err, want)
			}
		})
	}
}

// TestCallAfterThePayloadChanged checks a message whose payload was
// encoded again, or that was read back with its stored payload, decodes
// it, and that changing the call after New changes nothing.
func TestCallAfterThePayloadChanged(t *testing.T) {
	c := Call{Text: "first", Inline: [][]Button{{{Text: "a", Data: "b"}}}}
	m, err := New(7, PriorityNormal, MethodSendMessage, c)
	if err != nil {
		t.Fatal(err)
	}
	c.Inline[0][0].Text = "changed"
	if got, _ := m.Call(); got.Inline[0][0].Text != "a" {
		t.Errorf("after the caller changed its call: %q", got.Inline[0][0].Text)
	}
	rewritten := m
	rewritten.Payload, _ = json.Marshal(Call{Text: "second"})
	if got, _ := rewritten.Call(); got.Text != "second" {
		t.Errorf("payload encoded again: %q", got.Text)
	}
	stored := Message{Payload: []byte(`{"text": "first", "silent": true}`)}
	stored.Carry(m)
	if got, _ := stored.Call(); !got.Silent {
		t.Errorf("payload as stored: %+v", got)
	}
	same := Message{Payload: m.Payload}
	same.Carry(m)
	if got, _ := same.Call(); got.Text != "first" || got.Inline[0][0].Text != "a" {
		t.Errorf("carried with its payload: %+v", got)
	}
}
