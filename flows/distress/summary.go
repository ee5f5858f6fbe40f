package distress

import (
	"strconv"

	"github.com/koreandesk/hotline/flows"
)

// maxSummaryRunes shortens what the person typed when the summary repeats
// it, so the case reference and the way back always fit in the message.
const maxSummaryRunes = 200

// finish ends the conversation with a summary of what the desk has, the
// case reference, what happens next, the honest word on investigations
// (people inside fear being treated as suspects) and the discreet-mode
// offer.
func finish(t *flows.Turn) {
	t.Say(flows.Reply{Text: flows.M("distress.summary_title"), Lines: summary(t.Session.Answers)})
	t.Say(flows.Reply{Text: flows.M("distress.next", "Ref", caseRef(t.Session)), Lines: []flows.Msg{
		flows.M("common.investigation"), flows.M("distress.come_back"), flows.M("distress.discreet"),
	}})
	t.End()
}

// stop ends the conversation for someone who cannot talk safely: no more
// questions, the case stays open, and how to come back.
func stop(t *flows.Turn) {
	t.Say(flows.Reply{Text: flows.M("distress.not_safe"), Lines: []flows.Msg{
		flows.M("distress.case_open", "Ref", caseRef(t.Session)),
		flows.M("distress.come_back"),
		flows.M("distress.discreet"),
	}})
	t.End()
}

// summaryFields are the answers a summary repeats, in the order asked.
var summaryFields = []struct {
	key, id string
	yesNo   bool
}{
	{"address", "distress.summary_address", false},
	{"people", "distress.summary_people", false},
	{"injured", "distress.summary_injured", true},
	{"injured_details", "distress.summary_injured_details", false},
	{"passport_taken", "distress.summary_passport", true},
	{"compound", "distress.summary_compound", false},
	{"nationality", "distress.summary_nationality", false},
}

// summary lists the answers given, in the order they were asked.
func summary(a map[string]string) []flows.Msg {
	var lines []flows.Msg
	add := func(id string, kv ...any) { lines = append(lines, flows.M(id, kv...)) }
	if a["location"] != "" {
		add("distress.summary_location")
	}
	for _, f := range summaryFields {
		v := a[f.key]
		switch {
		case v == "":
		case f.yesNo: // a sentence each way reads better than "yes"
			add(f.id + "_" + v)
		default:
			add(f.id, "Value", summaryValue(f.key, v))
		}
	}
	if n, _ := strconv.Atoi(a[sentKey]); n > 0 {
		add("distress.summary_sent", "Count", n)
	}
	if len(lines) == 0 {
		add("distress.summary_nothing")
	}
	return lines
}

// summaryValue shows a button's answer in the person's language and typed
// text as it was written, shortened.
func summaryValue(key, v string) any {
	for _, c := range choices[StateNationality] {
		if key == "nationality" && v == c.value {
			return flows.M(c.label)
		}
	}
	if r := []rune(v); len(r) > maxSummaryRunes {
		return string(r[:maxSummaryRunes-1]) + "…"
	}
	return v
}
