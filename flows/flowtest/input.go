package flowtest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/koreandesk/hotline/flows"
)

// ParseInput reads one script line:
//
//	/sos, /start sos          a command
//	text WORDS                text ("text" alone is an empty message)
//	blank                     text of spaces and a newline
//	long N                    text of N Hangul syllables
//	key ID                    a reply-keyboard button, as the bot reports it
//	tap DATA                  an inline button
//	location LAT LON [live]   a location
//	photo|document [CAPTION], voice, sticker, contact PHONE
//	edited ...                any of the above as an edited message
func ParseInput(t testing.TB, line string, n int) flows.Input {
	t.Helper()
	in := flows.Input{ChatID: 42, UserID: 42, Private: true, MessageID: 100 + n}
	if rest, ok := strings.CutPrefix(line, "edited "); ok {
		in.Edited = true
		line = rest
	}
	if cmd, ok := strings.CutPrefix(line, "/"); ok {
		in.Kind = flows.KindCommand
		in.Command, in.Args, _ = strings.Cut(cmd, " ")
		return in
	}
	verb, arg, _ := strings.Cut(line, " ")
	switch verb {
	case "text":
		in.Kind, in.Text = flows.KindText, arg
	case "blank":
		in.Kind, in.Text = flows.KindText, "  \n\t "
	case "long":
		in.Kind, in.Text = flows.KindText, strings.Repeat("가", mustInt(t, arg))
	case "key":
		// The bot sends the label's text; the id is what matters here.
		in.Kind, in.Text, in.Key = flows.KindText, arg, arg
	case "tap":
		in.Kind, in.Data = flows.KindCallback, arg
	case "location":
		in.Kind, in.Location = flows.KindLocation, parseLocation(t, arg)
	case "photo", "voice", "document":
		in.Kind, in.Text, in.FileID = flows.Kind(verb), arg, fmt.Sprintf("%s-%d", verb, n)
	case "contact":
		in.Kind, in.Phone = flows.KindContact, arg
	case "sticker":
		in.Kind = flows.KindUnsupported
	default:
		t.Fatalf("script line %q: unknown input %q", line, verb)
	}
	return in
}

func parseLocation(t testing.TB, arg string) *flows.Location {
	t.Helper()
	f := strings.Fields(arg)
	if len(f) < 2 {
		t.Fatalf("location %q: want LAT LON [live]", arg)
	}
	lat, err1 := strconv.ParseFloat(f[0], 64)
	lon, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("location %q: bad coordinates", arg)
	}
	return &flows.Location{Lat: lat, Lon: lon, Live: len(f) > 2 && f[2] == "live"}
}

func mustInt(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}
