package family

import (
	"strconv"

	"github.com/koreandesk/hotline/flows"
)

// maxSummaryRunes shortens what the person typed when the summary repeats
// it, so the case reference and what happens next always fit.
const maxSummaryRunes = 200

// finish ends the conversation: a summary of what the desk has, the case
// reference, what happens next and when, and the documents the desk may
// ask for.
func finish(t *flows.Turn) {
	a := t.Session.Answers
	t.Say(flows.Reply{Text: flows.M("family.summary_title"), Lines: summary(a)})
	next := flows.Reply{Text: flows.M("family.next", "Ref", caseRef(t.Session)), Lines: []flows.Msg{
		flows.M("family.timeline"), flows.M("family.documents"),
	}}
	if a[KeyConsent] != "yes" {
		next.Lines = append(next.Lines, flows.M("family.no_consent_note"))
	}
	next.Lines = append(next.Lines, flows.M("family.updates"))
	t.Say(next)
	t.End()
}

// summaryFields are the typed answers a summary repeats, in the order
// asked; buttons' answers are shown by their labels.
var summaryFields = []struct{ key, id string }{
	{KeyRelationship, "family.summary_relationship"},
	{KeyName, "family.summary_name"},
	{KeyNameLatin, "family.summary_name_latin"},
	{KeyBirthDate, "family.summary_birth_date"},
	{KeyPassport, "family.summary_passport"},
	{KeyLastContact, "family.summary_last_contact"},
	{KeyLastPlace, "family.summary_last_place"},
	{KeySituation, "family.summary_situation"},
	{KeySituationDetails, "family.summary_situation_details"},
	{KeyPhone, "family.summary_phone"},
}

// summary lists the answers given, in the order they were asked.
func summary(a map[string]string) []flows.Msg {
	var lines []flows.Msg
	for _, f := range summaryFields {
		if v := a[f.key]; v != "" {
			lines = append(lines, flows.M(f.id, "Value", summaryValue(f.key, v)))
		}
		if f.key == KeyLastPlace && a[KeyLastPlaceMap] != "" {
			lines = append(lines, flows.M("family.summary_last_place_map"))
		}
	}
	if n, _ := strconv.Atoi(a[photoKey]); n > 0 {
		lines = append(lines, flows.M("family.summary_photos", "Count", n))
	}
	switch a[KeyConsent] {
	case "yes":
		lines = append(lines, flows.M("family.summary_consent_yes"))
	case "no":
		lines = append(lines, flows.M("family.summary_consent_no"))
	}
	return lines
}

// summaryValue shows a button's answer in the person's language and typed
// text as it was written, shortened.
func summaryValue(key, v string) any {
	state := map[string]string{KeyRelationship: StateRelationship, KeySituation: StateSituation}[key]
	for _, c := range choices[state] {
		if v == c.value {
			return flows.M(c.label)
		}
	}
	if r := []rune(v); len(r) > maxSummaryRunes {
		return string(r[:maxSummaryRunes-1]) + "…"
	}
	return v
}
