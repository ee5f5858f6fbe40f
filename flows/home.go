package flows

// Contact is an emergency number shown by the Emergency contacts menu.
// Label is a message id from the catalogue ("contacts.police") or a
// literal name configured by the desk.
type Contact struct {
	Label  Msg
	Number string
}

// LanguageNames are the languages as their speakers write them; buttons
// show these whatever the current language is.
var LanguageNames = map[string]string{"ko": "한국어", "km": "ខ្មែរ", "en": "English"}

func languageReply(id string) Reply {
	row := make([]Button, 0, len(Languages))
	for _, l := range Languages {
		row = append(row, Button{Label: Literal(LanguageNames[l]), Data: DataLanguage + l})
	}
	return Reply{Text: M(id), Inline: [][]Button{row}}
}

func welcomeReply() Reply { return languageReply("start.welcome") }

// menuReply is the main menu: the conversations' menu entries, in order,
// then the emergency contacts.
func (e *Engine) menuReply() Reply {
	rows := make([][]Button, 0, len(e.declared)+1)
	for _, d := range e.declared {
		if d.Menu != "" {
			rows = append(rows, []Button{{Label: M(d.Menu), Data: DataGo + d.Key}})
		}
	}
	rows = append(rows, []Button{{Label: M("menu.contacts"), Data: DataGo + "contacts"}})
	return Reply{Text: M("menu.title"), Inline: rows}
}

func contactsReply(contacts []Contact) Reply {
	r := Reply{Text: M("contacts.title")}
	for _, c := range contacts {
		r.Lines = append(r.Lines, M("contacts.line", "Label", c.Label, "Number", c.Number))
	}
	r.Lines = append(r.Lines, M("contacts.footer"))
	return r
}
