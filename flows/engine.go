package flows

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/looplab/fsm"
)

// Engine routes an input to the right conversation and runs one FSM step.
// The home screen (/start, the language choice, the main menu, emergency
// contacts) and the commands every chat understands (/help, /cancel,
// /language and the entry commands of conversations) are handled here,
// before the conversation in progress sees the input.
type Engine struct {
	convs    map[string]Conversation
	contacts []Contact
	// entries maps an entry key or command ("sos", "job", "check") to
	// the conversation it starts. The key works as a command (/sos), a
	// deep link (/start sos) and a menu button (go:sos).
	entries map[string]string
	// declared are the conversations' own entries, in the order given.
	declared []declared
}

type declared struct {
	Entry
	conv string
}

// NewEngine returns an engine that offers the given emergency contacts and
// runs the given conversations, with the entries each declares (Entered).
func NewEngine(contacts []Contact, convs ...Conversation) *Engine {
	e := &Engine{convs: map[string]Conversation{}, contacts: contacts, entries: map[string]string{}}
	for _, c := range convs {
		e.convs[c.Name()] = c
		if en, ok := c.(Entered); ok {
			entry := en.Entry()
			e.declared = append(e.declared, declared{entry, c.Name()})
			for _, key := range append([]string{entry.Key}, entry.Commands...) {
				e.Route(key, c.Name())
			}
		}
	}
	return e
}

// Route makes key (a command and deep link) start the named conversation,
// beside the entries conversations declare: for conversations that
// declare none, such as tests' own.
func (e *Engine) Route(key, conversation string) {
	if _, ok := e.convs[conversation]; !ok {
		panic(fmt.Sprintf("flows: route %q to unknown conversation %q", key, conversation))
	}
	if other, ok := e.entries[key]; ok && other != conversation {
		panic(fmt.Sprintf("flows: %q starts both %q and %q", key, other, conversation))
	}
	e.entries[key] = conversation
}

// Entries are the entries the conversations declared, in order.
func (e *Engine) Entries() []Entry {
	out := make([]Entry, 0, len(e.declared))
	for _, d := range e.declared {
		out = append(out, d.Entry)
	}
	return out
}

// Commands every chat understands besides the conversations' own, in the
// command menu's order: start first, these after the conversations.
var (
	leadCommands  = []string{"start"}
	trailCommands = []string{"status", "help", "language", "cancel", "forget", "quiet"}
)

// Commands lists the commands of everyone's command menu, in order; each
// is described by the message "commands.<command>".
func (e *Engine) Commands() []string {
	out := append([]string{}, leadCommands...)
	for _, d := range e.declared {
		out = append(out, d.MenuCommand())
	}
	return append(out, trailCommands...)
}

// Urgent reports whether an input starts a conversation whose entries are
// urgent (/sos, /start sos, the menu's "I need help now").
func (e *Engine) Urgent(in Input) bool {
	var key string
	switch {
	case in.Kind == KindCommand && in.Command == "start":
		key = strings.TrimSpace(in.Args)
	case in.Kind == KindCommand:
		key = in.Command
	case in.Kind == KindCallback && strings.HasPrefix(in.Data, DataGo):
		key = strings.TrimPrefix(in.Data, DataGo)
	default:
		return false
	}
	name, ok := e.entries[key]
	if !ok {
		return false
	}
	for _, d := range e.declared {
		if d.conv == name && d.Urgent {
			return true
		}
	}
	return false
}

// Callback data the engine handles in every state.
const (
	DataLanguage = "lang:" // lang:ko
	DataGo       = "go:"   // go:sos, go:contacts
)

// Step handles one input for one session. It changes the session in place
// and returns what to send and do; the caller saves both in one
// transaction.
func (e *Engine) Step(ctx context.Context, s *Session, in Input) (Outcome, error) {
	if in.LanguageCode != "" {
		s.TelegramLanguage = in.LanguageCode
	}
	t := &Turn{Session: s, Input: in}
	if err := e.step(ctx, t); err != nil {
		return Outcome{}, err
	}
	if t.ended {
		s.Reset()
	}
	return t.Outcome, nil
}

func (e *Engine) step(ctx context.Context, t *Turn) error {
	in := t.Input
	switch {
	case in.Kind == KindCommand:
		return e.command(ctx, t)
	case in.Kind == KindCallback && strings.HasPrefix(in.Data, DataLanguage):
		return e.chooseLanguage(t, strings.TrimPrefix(in.Data, DataLanguage))
	case in.Kind == KindCallback && strings.HasPrefix(in.Data, DataGo):
		return e.enter(t, strings.TrimPrefix(in.Data, DataGo))
	case t.Session.Idle() && in.Kind == KindLocation:
		return e.locationFirst(ctx, t)
	case t.Session.Idle() && e.suggest(t):
		return nil
	case t.Session.Idle() && in.Kind.Media() && in.FileID != "":
		// A photo sent first (from a compound, often before any word):
		// kept for whichever case the person opens next.
		KeepFile(t.Session, in)
		r := e.menuReply()
		r.Text = M("menu.got_files")
		t.Say(r)
		return nil
	case t.Session.Idle():
		e.notUnderstood(t)
		return nil
	}
	return e.fire(ctx, t)
}

func (e *Engine) command(_ context.Context, t *Turn) error {
	switch cmd := t.Input.Command; cmd {
	case "start":
		if key := strings.TrimSpace(t.Input.Args); key != "" {
			if _, ok := e.entries[key]; ok {
				return e.enter(t, key)
			}
		}
		t.Session.Reset()
		t.Say(welcomeReply(), e.menuReply())
	case "help":
		t.Say(Reply{Text: M("common.help")})
		e.prompt(t)
	case "cancel":
		// RemoveKeyboard: a conversation may have left a reply keyboard
		// (the location button), which the menu's inline buttons cannot.
		// What was sent is kept only when the conversation has a case: a
		// job ad not yet checked, or a family answer before the name, is
		// not, and the person is told so.
		switch {
		case t.Session.Idle():
			t.Say(Reply{Text: M("common.nothing_to_cancel"), RemoveKeyboard: true})
		case t.Session.Answers[CaseRefKey] != "":
			t.Say(Reply{Text: M("common.cancelled"), RemoveKeyboard: true})
		default:
			t.Say(Reply{Text: M("common.cancelled_no_case"), RemoveKeyboard: true})
		}
		t.Session.Reset()
		t.Say(e.menuReply())
	case "language":
		t.Say(languageReply("language.choose"))
	case "forget":
		// A phone that may be inspected: leave the conversation and let
		// the bot delete what it can. The desk keeps the case.
		t.Session.Reset()
		t.Do(Forget{})
	case "status":
		t.Do(ShowStatus{})
	case "quiet":
		// /quiet or /quiet on, /quiet off; the conversation in progress
		// goes on where it was.
		switch strings.ToLower(strings.TrimSpace(t.Input.Args)) {
		case "", "on":
			t.Do(Quiet{On: true})
		case "off":
			t.Do(Quiet{})
		default:
			t.Text("quiet.usage")
		}
	default:
		if _, ok := e.entries[cmd]; ok {
			return e.enter(t, cmd)
		}
		e.notUnderstood(t)
	}
	return nil
}

func (e *Engine) chooseLanguage(t *Turn, lang string) error {
	if lang == "" || MatchLanguage(lang) != lang {
		e.notUnderstood(t)
		return nil
	}
	t.Session.Language = lang
	t.Text("language.changed")
	e.prompt(t)
	return nil
}

// enter starts the conversation behind an entry key. Emergency contacts
// are shown without leaving the conversation in progress; a menu entry
// whose conversation is not built yet says so.
func (e *Engine) enter(t *Turn, key string) error {
	if key == "menu" {
		TakeCarried(t.Session)
		TakeFiles(t.Session, t.Input)
		t.Say(e.menuReply())
		return nil
	}
	if key == "contacts" {
		t.Say(contactsReply(e.contacts))
		if !t.Session.Idle() {
			e.prompt(t)
		}
		return nil
	}
	name, ok := e.entries[key]
	if !ok {
		e.notUnderstood(t)
		return nil
	}
	c := e.convs[name]
	s := t.Session
	carried, file := s.Answers[CarryKey], s.Answers[CarryFileKey]
	s.Reset()
	if carried != "" && t.Input.Kind == KindCallback {
		// the ad (or cry for help) behind "check this as a job
		// offer?"
		s.Set(CarryKey, carried)
	}
	if file != "" {
		// the photos or files sent before any case (with the ad, or
		// on their own): the case this conversation opens takes them
		s.Set(CarryFileKey, file)
	}
	s.Flow, s.State = c.Name(), c.Initial()
	if b, ok := c.(Beginner); ok {
		b.Begin(t)
		return nil
	}
	c.Prompt(t)
	return nil
}

// locationFirst takes a place sent out of the blue: someone asking for
// help who may have seconds to spare. The urgent conversation on the menu
// (the distress report) opens its case and takes the place as its first
// answer; without one, the place is not understood.
func (e *Engine) locationFirst(ctx context.Context, t *Turn) error {
	for _, d := range e.declared {
		if d.Urgent && d.Menu != "" {
			if err := e.enter(t, d.Key); err != nil {
				return err
			}
			return e.fire(ctx, t)
		}
	}
	e.notUnderstood(t)
	return nil
}

// prompt repeats the question of the conversation in progress, or shows
// the main menu to an idle chat.
func (e *Engine) prompt(t *Turn) {
	if c, ok := e.convs[t.Session.Flow]; ok && !t.Session.Idle() {
		c.Prompt(t)
		return
	}
	t.Say(e.menuReply())
}

// fire runs the current conversation's machine for one input.
func (e *Engine) fire(ctx context.Context, t *Turn) error {
	s := t.Session
	c, ok := e.convs[s.Flow]
	if !ok {
		// A session stored by a release that had a conversation this one
		// does not: go home rather than fail on every message.
		s.Reset()
		e.notUnderstood(t)
		return nil
	}
	event := c.Event(s, t.Input)
	if event == "" {
		e.notUnderstood(t)
		return nil
	}
	m := fsm.NewFSM(s.State, c.Events(), c.Callbacks(t))
	err := m.Event(ctx, event)
	var noTransition fsm.NoTransitionError
	var invalid fsm.InvalidEventError
	switch {
	case err == nil, errors.As(err, &noTransition):
	case errors.As(err, &invalid):
		e.notUnderstood(t)
		return nil
	default:
		return fmt.Errorf("%s: %s in %s: %w", c.Name(), event, s.State, err)
	}
	s.State = m.Current()
	return nil
}

// notUnderstood answers an input the current state cannot use. The
// conversation stays where it was and asks its question again.
func (e *Engine) notUnderstood(t *Turn) {
	switch in := t.Input; {
	case in.Kind == KindText && len([]rune(in.Text)) > MaxTextRunes:
		t.Text("common.too_long", "Max", MaxTextRunes)
	case in.Kind == KindCommand:
		t.Text("common.unknown_command")
	case in.Kind == KindCallback:
		t.Text("common.stale_button")
	case in.Kind == KindUnsupported:
		t.Text("common.unsupported")
	default:
		t.Text("common.not_understood")
	}
	e.prompt(t)
}

// suggest offers an idle chat the conversation its input looks like
// (someone forwarded or pasted what may be a job ad): ask rather than
// guess. It reports whether it did.
func (e *Engine) suggest(t *Turn) bool {
	for _, d := range e.declared {
		sg := d.Suggest
		if sg == nil || !sg.Looks(t.Input) {
			continue
		}
		carry(t.Session, t.Input)
		rows := [][]Button{{{Label: M(sg.Yes), Data: DataGo + d.Key}, {Label: M(sg.No), Data: DataGo + "menu"}}}
		// A long first message may be a cry for help, not an ad: the
		// urgent conversation is one tap away, and takes it along.
		for _, u := range e.declared {
			if u.Urgent && u.Menu != "" && u.Key != d.Key {
				rows = append(rows, []Button{{Label: M(u.Menu), Data: DataGo + u.Key}})
			}
		}
		t.Say(Reply{Text: M(sg.Question), Inline: rows})
		return true
	}
	return false
}
