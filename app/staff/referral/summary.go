package referral

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/mailbox"
)

// summaryEvents is how many of the latest timeline entries the summary
// reads; it keeps the essentials among them.
const summaryEvents = 500

// hidden answers never go into a summary as they are: bookkeeping, and
// passport numbers, which have a line of their own.
var hidden = map[string]bool{flows.CaseRefKey: true, "passport": true, "passport_number": true}

// essential are the timeline entries a partner needs: what happened to
// the case and when, never the desk's internal notes or what people
// wrote to each other.
var essential = []desk.EventKind{desk.EventCreated, desk.EventStatus, desk.EventPriority, desk.EventLocation,
	desk.EventCheckIn, desk.EventIndicator, desk.EventReferral, desk.EventQuiet, desk.EventForget}

// Summary makes referral summaries.
type Summary struct {
	Render mailbox.Renderer
	// Sealer opens the passport number for a police partner; without
	// one, the police get it masked too.
	Sealer *desk.Sealer
}

// Document is a summary made for a partner.
type Document struct {
	FileName string
	Data     []byte
	// FullPassport reports whether it carries a passport number in full.
	FullPassport bool
}

// Make writes the summary of case c for partner p, in the partner's
// language, as plain UTF-8 text: the case, the answers that matter,
// the passport number (in full for the police only), the last location,
// the indicators of forced labour recorded, and the essentials of the
// timeline. officer names who prepared it.
func (s *Summary) Make(ctx context.Context, st desk.Store, p *desk.Partner, c *desk.Case, r *desk.Referral, officer string, now time.Time) (Document, error) {
	events, err := st.Timeline(ctx, c.ID, summaryEvents)
	if err != nil {
		return Document{}, err
	}
	marks, err := st.IndicatorMarks(ctx, c.ID)
	if err != nil {
		return Document{}, err
	}
	passport, full, err := s.passport(ctx, st, p, c)
	if err != nil {
		return Document{}, err
	}
	w := writer{r: s.Render, lang: p.Lang}
	w.head(p, c, r, officer, now)
	w.answers(c)
	if passport != "" {
		w.line("• " + w.t("answer.passport_number") + ": " + passport)
	}
	if l := c.LastLocation; l != nil {
		w.line(w.t("desk.referral_doc_location", "Lat", strconv.FormatFloat(l.Lat, 'f', 5, 64),
			"Lon", strconv.FormatFloat(l.Lon, 'f', 5, 64), "At", stamp(l.At)))
	}
	w.indicators(desk.Effective(marks, c.Answers, c.CreatedAt))
	w.timeline(events, p.Key)
	w.line("", w.t("desk.referral_doc_footer", "Partner", p.Name))
	day := now.In(desk.DefaultLocation()).Format("20060102")
	return Document{FileName: "referral-" + string(c.Ref) + "-" + p.Key + "-" + day + ".txt",
		Data: []byte(strings.Join(w.lines, "\r\n") + "\r\n"), FullPassport: full}, nil
}

// passport is the case's passport number as the partner may read it: in
// full for the police when the seal opens, masked to its last characters
// otherwise; "" when the case has none.
func (s *Summary) passport(ctx context.Context, st desk.Store, p *desk.Partner, c *desk.Case) (string, bool, error) {
	masked := c.Answers["passport_number"]
	if p.SeesPassport() && s.Sealer != nil {
		sealed, err := st.Passport(ctx, c.ID)
		switch {
		case flows.ErrorCode(err) == flows.ENotFound:
		case err != nil:
			return "", false, err
		default:
			if n, err := s.Sealer.Open(sealed); err == nil {
				return n, true, nil
			}
		}
	}
	if masked == "" {
		return "", false, nil
	}
	return desk.MaskForExport(masked) + " " + s.Render.Text(p.Lang, flows.M("desk.referral_doc_masked")), false, nil
}

// writer collects the summary's lines in one language.
type writer struct {
	r     mailbox.Renderer
	lang  string
	lines []string
}

func (w *writer) t(id string, kv ...any) string { return w.r.Text(w.lang, flows.M(id, kv...)) }

func (w *writer) line(ls ...string) { w.lines = append(w.lines, ls...) }

func (w *writer) head(p *desk.Partner, c *desk.Case, r *desk.Referral, officer string, now time.Time) {
	consented := now
	if r.AnsweredAt != nil {
		consented = *r.AnsweredAt
	}
	w.line(w.t("desk.referral_doc_title", "Ref", c.Ref), "",
		w.t("desk.referral_doc_partner", "Partner", p.Name, "Kind", w.t("desk.partner_kind_"+string(p.Kind))),
		w.t("desk.referral_doc_prepared", "At", stamp(now), "Officer", officer),
		w.t("desk.referral_doc_consent", "At", stamp(consented)), "",
		w.t("desk.referral_doc_case", "Ref", c.Ref, "Type", flows.M("case.type_"+string(c.Type)),
			"Priority", flows.M("case.priority_"+string(c.Priority)), "Status", flows.M("case.status_"+string(c.Status)),
			"Created", stamp(c.CreatedAt)),
		w.t("desk.referral_doc_reporter", "Name", c.ReporterName, "Lang", flows.LanguageNames[c.ReporterLang]))
}

// answers lists what the reporter told the desk, labelled in the
// partner's language where the catalogue knows the answer.
func (w *writer) answers(c *desk.Case) {
	keys := make([]string, 0, len(c.Answers))
	for k, v := range c.Answers {
		if !hidden[k] && strings.TrimSpace(v) != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	w.line("", w.t("desk.referral_doc_answers"))
	for _, k := range keys {
		label := k
		if id := "answer." + k; w.r.Has(id) {
			label = w.t(id)
		}
		w.line("• " + label + ": " + c.Answers[k])
	}
}

func (w *writer) indicators(marks []desk.IndicatorMark) {
	n := 0
	var ls []string
	for _, m := range marks {
		if !m.Present {
			continue
		}
		n++
		l := "☑ " + w.t("desk.indicator_"+string(m.Indicator))
		if m.Note != "" {
			l += ": " + m.Note
		}
		ls = append(ls, l)
	}
	w.line("", w.t("desk.referral_doc_indicators", "Count", n))
	w.line(ls...)
}

func (w *writer) timeline(events []desk.Event, partner string) {
	w.line("", w.t("desk.referral_doc_timeline"))
	for _, e := range events {
		if !slices.Contains(essential, e.Kind) || e.Kind == desk.EventReferral && e.Data["partner"] != partner {
			continue // another partner's referral is none of this one's business
		}
		what := w.t("desk.event_" + string(e.Kind))
		switch e.Kind {
		case desk.EventStatus, desk.EventPriority:
			what += ": " + e.Data["from"] + " → " + e.Data["to"]
		case desk.EventCheckIn:
			what += ": " + w.t("desk.checkin_event_"+e.Data["checkin"])
		case desk.EventIndicator:
			what += ": " + w.t("desk.indicator_"+e.Data["indicator"])
			if e.Data["present"] != "true" {
				what += " ☐"
			}
		case desk.EventReferral:
			what += ": " + w.t("desk.referral_event_"+e.Data["referral"])
		case desk.EventLocation:
			if e.Lat != nil && e.Lon != nil {
				what += ": " + strconv.FormatFloat(*e.Lat, 'f', 5, 64) + ", " + strconv.FormatFloat(*e.Lon, 'f', 5, 64)
			}
		}
		w.line(stamp(e.At) + " · " + what)
	}
}

// stamp writes a time in Phnom Penh time, with its zone.
func stamp(t time.Time) string {
	return t.In(desk.DefaultLocation()).Format("2006-01-02 15:04") + " (UTC+7)"
}
