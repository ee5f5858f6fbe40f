package simulator

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/koreandesk/hotline/bot/bottest"
)

// Roles of the people in the simulator. Officers and supervisors see the
// desk's group chat too; the bot decides what they may do from its own
// staff table.
const (
	RoleReporter   = "reporter"
	RoleFamily     = "family"
	RoleOfficer    = "officer"
	RoleSupervisor = "supervisor"
)

// Languages a person can pick, as Telegram's language_code.
var Languages = []string{"ko", "km", "en"}

// Person is someone using the bot from the page. Their private chat with
// the bot has the chat id ID, as in Telegram.
type Person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Lang is the Telegram app's language_code: ko, km or en.
	Lang string `json:"lang"`
	Role string `json:"role"`
}

// firstAddedID is the user id of the first person added from the page.
const firstAddedID = 1002

// seedPeople are the two panes a new simulator opens with.
func seedPeople() []Person {
	return []Person{
		{ID: 1001, Name: "Reporter", Lang: "en", Role: RoleReporter},
		{ID: 9001, Name: "Officer Kim", Lang: "ko", Role: RoleSupervisor},
	}
}

func (p Person) user() bottest.User {
	first, last, _ := strings.Cut(p.Name, " ")
	return bottest.User{ID: p.ID, FirstName: first, LastName: last, LanguageCode: p.Lang}
}

// staff reports whether the person works at the desk.
func (p Person) staff() bool { return p.Role == RoleOfficer || p.Role == RoleSupervisor }

// chats are the person's chats: the private chat with the bot, and the
// desk's group for staff.
func (s *Simulator) chats(p Person) []int64 {
	if p.staff() {
		return []int64{p.ID, s.opts.DeskChatID}
	}
	return []int64{p.ID}
}

var errNoPerson = errors.New("no such person")

// person returns a person by id.
func (s *Simulator) person(id int64) (Person, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.people {
		if p.ID == id {
			return p, nil
		}
	}
	return Person{}, fmt.Errorf("person %d: %w", id, errNoPerson)
}

// People returns everyone in the simulator, in the order of their panes.
func (s *Simulator) People() []Person {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.people)
}

// checkPerson validates a name, language and role.
func checkPerson(p Person) error {
	switch {
	case strings.TrimSpace(p.Name) == "" || len([]rune(p.Name)) > 64:
		return errors.New("a name of 1 to 64 characters is needed")
	case !slices.Contains(Languages, p.Lang):
		return errors.New("language must be ko, km or en")
	case !slices.Contains([]string{RoleReporter, RoleFamily, RoleOfficer}, p.Role):
		return errors.New("role must be reporter, family or officer")
	}
	return nil
}

// AddPerson adds someone with a new user id and returns them. An officer is
// made staff the way a desk does it: the supervisor sends
// "/staff add ID agent" from their own chat.
func (s *Simulator) AddPerson(p Person) (Person, error) {
	p.Name = strings.TrimSpace(p.Name)
	if err := checkPerson(p); err != nil {
		return Person{}, err
	}
	s.mu.Lock()
	for slices.ContainsFunc(s.people, func(q Person) bool { return q.ID == s.nextID }) {
		s.nextID++
	}
	p.ID = s.nextID
	s.nextID++
	s.people = append(s.people, p)
	s.notify()
	s.mu.Unlock()
	s.api.AddUser(p.user())
	if p.Role == RoleOfficer {
		s.api.SendText(s.Supervisor().user(), fmt.Sprintf("/staff add %d agent", p.ID))
	}
	return p, nil
}

// UpdatePerson changes a person's name or language (the empty string keeps
// it); the bot sees the change in the next update, as with Telegram.
func (s *Simulator) UpdatePerson(id int64, name, lang string) (Person, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(s.people, func(p Person) bool { return p.ID == id })
	if i < 0 {
		return Person{}, fmt.Errorf("person %d: %w", id, errNoPerson)
	}
	p := s.people[i]
	if name = strings.TrimSpace(name); name != "" {
		p.Name = name
	}
	if lang != "" {
		p.Lang = lang
	}
	check := p
	check.Role = RoleReporter // any role may be renamed
	if err := checkPerson(check); err != nil {
		return Person{}, err
	}
	s.people[i] = p
	s.notify()
	return p, nil
}

// RemovePerson closes a person's pane. Their chat stays in the emulator
// and the bot's database; the two people the simulator starts with stay.
func (s *Simulator) RemovePerson(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(s.people, func(p Person) bool { return p.ID == id })
	switch {
	case i < 0:
		return fmt.Errorf("person %d: %w", id, errNoPerson)
	case id < firstAddedID || s.people[i].Role == RoleSupervisor:
		return errors.New("the reporter and the supervisor the simulator starts with stay")
	}
	if l := s.live[id]; l != nil {
		l.stop()
		delete(s.live, id)
	}
	s.people = slices.Delete(s.people, i, i+1)
	s.notify()
	return nil
}
