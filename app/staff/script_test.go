package staff_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/koreandesk/hotline/app/staff"
	"github.com/koreandesk/hotline/bot"
	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/locales"
	"github.com/koreandesk/hotline/mailbox"
	"github.com/koreandesk/hotline/postgres"
	"github.com/koreandesk/hotline/postgres/pgtest"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/*.txt")

// TestScripts plays testdata/*.txt, desk commands in and replies out, on a
// real database and the real renderer, without Telegram or its emulator,
// and compares what each command sent, audited and logged as an error
// with the .golden file beside it (go test ./app/staff -update rewrites
// them). A script sets
// up staff and cases, then sends commands:
//
//	staff 9001 supervisor en Officer   a staff member: id, role, language, name
//	case A 1001 distress urgent ko 2h  a case A of reporter 1001, opened 2h ago
//	case A 1001 ... 2h injured=yes     with more answers
//	9001> /claim {A}                   a command; {A} is case A's reference
//	9001> press d:claim:{A}            a desk button
//	9001> /templates add k\nko: …       \n is a line break inside a command
//	passport A M12345678               case A's sealed passport number
//	passport A M12345678 otherkey      sealed under a key the desk lacks
//	hold A                             what the case's retention hold is
//	+1h                                time passes
func TestScripts(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			got := play(t, path)
			golden := strings.TrimSuffix(path, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./app/staff -update writes it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// script is one script being played.
type script struct {
	t      *testing.T
	sealer *desk.Sealer
	errLog *strings.Builder
	store  *postgres.Store
	desk   *staff.Desk
	now    time.Time
	refs   map[string]string // alias → reference
	out    strings.Builder
}

func play(t *testing.T, path string) string {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cat, err := locales.Load(log)
	var errLog strings.Builder // the desk's error logs, written to the golden file
	deskLog := slog.New(slog.NewTextHandler(&errLog, &slog.HandlerOptions{Level: slog.LevelError,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}}))
	if err != nil {
		t.Fatal(err)
	}
	render := bot.NewRenderer(cat)
	reporterMenu := func(string) []mailbox.Command { return []mailbox.Command{{Command: "start", Description: "start"}} }
	sealer := mustSealer(t, 1)
	s := &script{t: t, store: postgres.New(pgtest.New(t)), desk: staff.New(render, deskLog, reporterMenu).WithSealer(sealer).WithPartners(scriptPartners),
		sealer: sealer, now: time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC), refs: map[string]string{}, errLog: &errLog}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s.step(line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return s.out.String()
}

func (s *script) step(line string) {
	s.t.Helper()
	f := strings.Fields(line)
	switch {
	case f[0] == "staff" && len(f) == 5:
		id := s.int(f[1])
		_, err := s.store.Desk().AddStaff(context.Background(), desk.Staff{UserID: id, ChatID: id, Role: desk.Role(f[2]),
			Language: f[3], Name: f[4], OnDuty: true}, s.now)
		s.check(err)
	case f[0] == "case" && len(f) >= 7:
		age, err := time.ParseDuration(f[6])
		s.check(err)
		id := s.int(f[2])
		answers := map[string]string{"phone": "+855 12 345 678"}
		for _, kv := range f[7:] { // more answers: key=value
			k, v, _ := strings.Cut(kv, "=")
			answers[k] = v
		}
		c, err := s.store.Desk().OpenCase(context.Background(), desk.NewCase{Type: desk.Type(f[3]), Priority: desk.Priority(f[4]),
			ReporterUserID: id, ReporterChatID: id, ReporterLang: f[5], ReporterName: "Reporter " + f[2],
			Answers: answers}, s.now.Add(-age))
		s.check(err)
		s.refs[f[1]] = string(c.Ref)
	case f[0] == "passport" && (len(f) == 3 || len(f) == 4):
		s.passport(f[1], f[2], len(f) == 4)
	case f[0] == "hold" && len(f) == 2:
		var held bool
		s.check(s.store.DB().Get(&held, `SELECT retention_hold FROM cases WHERE ref = $1`, s.refs[f[1]]))
		fmt.Fprintf(&s.out, "hold %s: %v\n", f[1], held)
	case strings.HasPrefix(f[0], "+"):
		d, err := time.ParseDuration(f[0][1:])
		s.check(err)
		s.now = s.now.Add(d)
	case strings.HasSuffix(f[0], ">"):
		s.send(s.int(strings.TrimSuffix(f[0], ">")), strings.TrimSpace(strings.TrimPrefix(line, f[0])))
	default:
		s.t.Fatalf("cannot read script line %q", line)
	}
}

// passport seals a passport number on a case, as a family inquiry does:
// sealed apart, masked in the answers; otherKey seals it under a key the
// desk does not have.
func (s *script) passport(alias, number string, otherKey bool) {
	s.t.Helper()
	sealer := s.sealer
	if otherKey {
		sealer = mustSealer(s.t, 2)
	}
	ctx := context.Background()
	c, err := s.store.Desk().Case(ctx, desk.Ref(s.refs[alias]))
	s.check(err)
	sealed, err := sealer.Seal(number)
	s.check(err)
	s.check(s.store.Desk().SetPassport(ctx, c.ID, sealed, sealer.Hash(number), s.now))
	s.check(s.store.Desk().UpdateAnswers(ctx, c.ID, map[string]string{"passport_number": desk.MaskPassport(number)}, s.now))
}

// mustSealer is a sealer with a fixed key made of b.
func mustSealer(t *testing.T, b byte) *desk.Sealer {
	t.Helper()
	s, err := desk.NewSealer([]byte(strings.Repeat(string(rune(b)), desk.KeySize)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// send runs one input of a staff member in one transaction and writes
// what it sent and audited.
func (s *script) send(user int64, text string) {
	s.t.Helper()
	for alias, ref := range s.refs {
		text = strings.ReplaceAll(text, "{"+alias+"}", ref)
	}
	shown := text
	text = strings.ReplaceAll(text, `\n`, "\n") // a line break inside a command
	in := flows.Input{ChatID: user, UserID: user, Private: true, Kind: flows.KindText, Text: text, At: s.now}
	if data, ok := strings.CutPrefix(text, "press "); ok {
		in.Kind, in.Text, in.Data = flows.KindCallback, "", data
	} else if strings.HasPrefix(text, "/") {
		cmd, args, _ := strings.Cut(text[1:], " ")
		in.Kind, in.Command, in.Args = flows.KindCommand, cmd, strings.TrimSpace(args)
	}
	before := s.audits()
	var out []mailbox.Message
	var handled bool
	err := s.store.Do(context.Background(), func(ctx context.Context, tx mailbox.Tx) error {
		var err error
		handled, err = s.desk.Handle(ctx, tx, in, mailbox.PriorityNormal, s.now, &out)
		return err
	})
	s.check(err)
	fmt.Fprintf(&s.out, "%d> %s\n", user, s.alias(shown))
	if !handled {
		fmt.Fprintf(&s.out, "  (not a desk input)\n")
	}
	for _, m := range out {
		s.message(m)
	}
	for _, a := range s.audits()[len(before):] {
		fmt.Fprintf(&s.out, "  audit %s\n", s.alias(a))
	}
	for _, l := range strings.Split(strings.TrimSpace(s.errLog.String()), "\n") {
		if l != "" {
			fmt.Fprintf(&s.out, "  log %s\n", s.alias(l))
		}
	}
	s.errLog.Reset()
}

// message writes one outbox message: chat, method, text and buttons.
func (s *script) message(m mailbox.Message) {
	var c mailbox.Call
	s.check(json.Unmarshal(m.Payload, &c))
	fmt.Fprintf(&s.out, "  → %d %s", m.ChatID, m.Method)
	switch {
	case c.Document != nil && c.Document.Kind == mailbox.DocExport:
		// The outbox holds the recipe only; the transport makes the file
		// from it when it sends it, as here.
		f := s.export(m.ChatID, *c.Document)
		fmt.Fprintf(&s.out, " recipe %s %s..%s by %d → %s (%d bytes)", c.Document.Kind, c.Document.From, c.Document.To,
			c.Document.By, s.alias(f.Name), len(f.Data))
	case c.FileName != "" && strings.HasPrefix(string(c.FileData), "\x89PNG"):
		fmt.Fprintf(&s.out, " %s (PNG)", s.alias(c.FileName)) // its bytes depend on the font rasteriser
	case c.FileName != "":
		fmt.Fprintf(&s.out, " %s (%d bytes)", s.alias(c.FileName), len(c.FileData))
	case c.Latitude != 0:
		fmt.Fprintf(&s.out, " %.5f,%.5f", c.Latitude, c.Longitude)
	case len(c.Commands) > 0:
		names := make([]string, 0, len(c.Commands))
		for _, cmd := range c.Commands {
			names = append(names, cmd.Command)
		}
		fmt.Fprintf(&s.out, " %s", strings.Join(names, " "))
	}
	if c.Silent || s.quiet(m.ChatID) {
		s.out.WriteString(" (silent)")
	}
	s.out.WriteString("\n")
	for _, l := range strings.Split(c.Text, "\n") {
		if l != "" {
			fmt.Fprintf(&s.out, "    %s\n", s.alias(l))
		}
	}
	for _, row := range c.Inline {
		labels := make([]string, 0, len(row))
		for _, b := range row {
			labels = append(labels, "["+s.alias(b.Text)+" → "+s.alias(b.Data)+"]")
		}
		fmt.Fprintf(&s.out, "    %s\n", strings.Join(labels, " "))
	}
}

// scriptPartners are the partners of every script: a police unit for
// supervisors, a shelter for agents.
var scriptPartners = desk.Partners{
	{Key: "police", Name: "Anti-Trafficking Police", Kind: desk.PartnerPolice, Lang: "km", Roles: []desk.Role{desk.RoleSupervisor}},
	{Key: "shelter", Name: "Example Shelter", Kind: desk.PartnerShelter, Lang: "en", Roles: []desk.Role{desk.RoleAgent}},
}

// quiet reports whether a chat is in quiet mode, which makes every
// message queued to it silent (the outbox applies it as it stores them).
func (s *script) quiet(chatID int64) bool {
	var n int
	s.check(s.store.DB().Get(&n, `SELECT count(*) FROM chats WHERE chat_id = $1 AND quiet`, chatID))
	return n > 0
}

// audits lists the audit log, oldest first, as "action case detail".
func (s *script) audits() []string {
	entries, err := s.store.Desk().AuditLog(context.Background(), 1000)
	s.check(err)
	out := make([]string, 0, len(entries))
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s", e.Action, e.Ref, e.Detail)))
	}
	return out
}

var refPattern = regexp.MustCompile(`KD-[0-9A-Z]{4}`)

// alias writes the scripts' aliases for the random case references.
func (s *script) alias(text string) string {
	return refPattern.ReplaceAllStringFunc(text, func(ref string) string {
		for a, r := range s.refs {
			if r == ref {
				return "{" + a + "}"
			}
		}
		return ref
	})
}

func (s *script) int(v string) int64 {
	s.t.Helper()
	n, err := strconv.ParseInt(v, 10, 64)
	s.check(err)
	return n
}

func (s *script) check(err error) {
	s.t.Helper()
	if err != nil {
		s.t.Fatal(err)
	}
}

// export makes an export from its recipe, as the transport does when it
// sends it.
func (s *script) export(chatID int64, doc mailbox.Document) mailbox.File {
	s.t.Helper()
	st := s.store.Desk()
	by, err := st.Staff(context.Background(), doc.By)
	s.check(err)
	if staff.Recipient(by).ID != chatID {
		s.t.Errorf("export for %d queued to chat %d", doc.By, chatID)
	}
	f, err := staff.MakeExport(context.Background(), st, by, doc)
	s.check(err)
	return f
}
