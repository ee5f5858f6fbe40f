package flows

// Contact is an emergency number shown by the Emergency contacts menu.
// Label is a message id from the catalogue ("contacts.police") or a
// literal name configured by the desk.
type Contact struct {
	Label  Msg
	Number string
}

// menuKeys are the main menu's entries, in order, with their label ids.
var menuKeys = []struct{ key, label string }{
	{"sos", "menu.help_now"},
	{"job", "menu.check_job"},
	{"family", "menu.family"},
	{"contacts", "menu.contacts"},
}

func isMenuKey(key string) bool {
	for _, k := range menuKeys {
		if k.key == key {
			return true
		}
	}
	return false
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

func menuReply() Reply {
	rows := make([][]Button, 0, len(menuKeys))
	for _, k := range menuKeys {
		rows = append(rows, []Button{{Label: M(k.label), Data: DataGo + k.key}})
	}
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
