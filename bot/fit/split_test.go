package fit

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/koreandesk/hotline/mailbox"
)

func TestSplitTextOnUTF16Boundaries(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int
		parts int
	}{
		{"short", "안녕하세요", 10, 1},
		{"emoji are two units", strings.Repeat("😀", 5), 4, 3},
		{"odd limit never halves a pair", strings.Repeat("😀", 5), 3, 5},
		{"prefers a line break", strings.Repeat("a", 8) + "\n" + strings.Repeat("b", 3), 10, 2},
		{"4096 exactly", strings.Repeat("가", 4096), 4096, 1},
		{"2100 emoji", strings.Repeat("🆘", 2100), 4096, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := splitText(tt.in, tt.limit)
			if len(parts) != tt.parts {
				t.Errorf("%d parts, want %d", len(parts), tt.parts)
			}
			if strings.Join(parts, "") != tt.in {
				t.Error("the parts do not add up to the text")
			}
			for _, p := range parts {
				if utf16Len(p) > tt.limit || !utf8.ValidString(p) || p == "" {
					t.Errorf("part of %d units (valid %v)", utf16Len(p), utf8.ValidString(p))
				}
			}
		})
	}
}

func TestSplitOutgoingKeepsEverything(t *testing.T) {
	caption := strings.Repeat("😀", 600) // 1,200 units: over a caption's 1,024
	c := mailbox.Call{FileID: "F", Text: caption, Inline: [][]mailbox.Button{{{Text: "Claim", Data: "claim:1"}}}}
	o, err := mailbox.New(7, mailbox.PriorityUrgent, mailbox.MethodSendPhoto, c)
	if err != nil {
		t.Fatal(err)
	}
	o.CaseID, o.Kind = 3, "alert"
	parts, err := splitOutgoing(o)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].Method != mailbox.MethodSendPhoto || parts[1].Method != mailbox.MethodSendMessage {
		t.Fatalf("parts = %d, want the photo and one message", len(parts))
	}
	var photo, rest mailbox.Call
	_ = json.Unmarshal(parts[0].Payload, &photo)
	_ = json.Unmarshal(parts[1].Payload, &rest)
	if photo.FileID != "F" || len(photo.Inline) != 1 || utf16Len(photo.Text) > 1024 {
		t.Errorf("photo = %+v", photo)
	}
	if photo.Text+rest.Text != caption {
		t.Error("caption cut")
	}
	if parts[1].CaseID != 3 || parts[1].Priority != mailbox.PriorityUrgent || parts[1].Kind != "" {
		t.Errorf("continuation = %+v, want the case and priority, not counted as another alert", parts[1])
	}
}

func TestSplitAlbumHeadsItAndKeepsEveryCaption(t *testing.T) {
	long := strings.Repeat("😀", 600) // 1,200 units
	c := mailbox.Call{Text: "KD-7Q3M", Media: []mailbox.Media{{Kind: mailbox.MediaPhoto, FileID: "A", Caption: long},
		{Kind: mailbox.MediaVideo, FileID: "B", Caption: "b"}}}
	o, err := mailbox.New(7, mailbox.PriorityHigh, mailbox.MethodSendMediaGroup, c)
	if err != nil {
		t.Fatal(err)
	}
	o.CaseID, o.Kind, o.Refs = 3, mailbox.KindAlbum, []string{"g1"}
	parts, err := splitOutgoing(o)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].Kind != mailbox.KindAlbum || parts[1].Method != mailbox.MethodSendMessage || parts[1].Kind != "" {
		t.Fatalf("parts = %+v, want the album and one message", parts)
	}
	var album, rest mailbox.Call
	_ = json.Unmarshal(parts[0].Payload, &album)
	_ = json.Unmarshal(parts[1].Payload, &rest)
	first := album.Media[0].Caption
	if album.Text != "" || !strings.HasPrefix(first, "KD-7Q3M\n") || utf16Len(first) > 1024 || album.Media[1].Caption != "b" {
		t.Errorf("album = %+v", album)
	}
	if strings.TrimPrefix(first, "KD-7Q3M\n")+rest.Text != long {
		t.Error("caption cut")
	}
}

// TestJoinAlbumsOfOneTransaction: the items of one album queued to one
// chat in one transaction become one call, in order, up to an album's
// size; another chat's, another album's and other calls stay apart.
func TestJoinAlbumsOfOneTransaction(t *testing.T) {
	item := func(chat int64, album, file string) mailbox.Message {
		m, err := mailbox.New(chat, mailbox.PriorityUrgent, mailbox.MethodSendMediaGroup,
			mailbox.Call{Text: "KD-7Q3M", Media: []mailbox.Media{{Kind: mailbox.MediaPhoto, FileID: file}}})
		if err != nil {
			t.Fatal(err)
		}
		m.CaseID, m.Kind, m.Refs = 3, mailbox.KindAlbum, []string{album}
		return m
	}
	out := []mailbox.Message{item(1, "g", "a0"), item(2, "g", "b0"), item(1, "h", "c0")}
	for i := 1; i <= mailbox.AlbumSize; i++ {
		out = append(out, item(1, "g", "a"+string(rune('0'+i))), item(2, "g", "b"+string(rune('0'+i))))
	}
	joined, err := joinAlbums(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range joined {
		c, err := m.Call()
		if err != nil {
			t.Fatal(err)
		}
		files := ""
		for _, md := range c.Media {
			files += md.FileID
		}
		got = append(got, files)
	}
	want := []string{"a0a1a2a3a4a5a6a7a8a9", "b0b1b2b3b4b5b6b7b8b9", "c0", "a:", "b:"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("joined = %v, want %v", got, want)
	}
}
