// Package casecsv writes the desk's cases as the CSV file /export sends
// to the task force: one row a case, times in Phnom Penh time, UTF-8 with
// a byte-order mark so that Excel shows Hangul and Khmer, passport
// numbers masked, and cells a reporter wrote defused so that they never
// run as spreadsheet formulas. The file leaves the bot for other
// computers: what is not in it cannot leak from them.
package casecsv

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/family"
)

// TimeLayout writes times in a form Excel and LibreOffice read as date and
// time.
const TimeLayout = "2006-01-02 15:04:05"

// utf8BOM starts the file so that Excel reads it as UTF-8 and shows Hangul
// and Khmer instead of mojibake.
const utf8BOM = "\uFEFF"

// Header names the columns.
var Header = []string{"ref", "type", "priority", "status", "created_at", "closed_at", "reporter_lang",
	"reporter_name", "assignee", "first_reply_at", "resolution", "answers", "last_lat", "last_lon", "indicators"}

// masked are the answers the file keeps only the end of: passport numbers.
var masked = map[string]bool{"passport": true, family.KeyPassport: true}

// File is a CSV file of cases being written.
type File struct {
	buf   bytes.Buffer
	w     *csv.Writer
	names map[int64]string
	loc   *time.Location
}

// New starts a file whose assignees are named by names (user id → name)
// and whose times are in loc.
func New(names map[int64]string, loc *time.Location) (*File, error) {
	f := &File{names: names, loc: loc}
	f.buf.WriteString(utf8BOM)
	f.w = csv.NewWriter(&f.buf)
	f.w.UseCRLF = true // RFC 4180, and what Excel writes
	return f, f.w.Write(Header)
}

// Add writes a case, with the indicators in effect on it.
func (f *File) Add(c *desk.Case, marks []desk.IndicatorMark) error {
	return f.w.Write(append(Row(c, f.names, f.loc), indicators(marks)))
}

// Len is how many bytes the file has so far.
func (f *File) Len() int {
	f.w.Flush()
	return f.buf.Len()
}

// Bytes finishes the file.
func (f *File) Bytes() ([]byte, error) {
	f.w.Flush()
	return f.buf.Bytes(), f.w.Error()
}

// Row is a case's cells, the indicators aside.
func Row(c *desk.Case, names map[int64]string, loc *time.Location) []string {
	at := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(loc).Format(TimeLayout)
	}
	assignee := ""
	if c.AssigneeID != nil {
		assignee = strings.TrimSpace(names[*c.AssigneeID] + " (" + strconv.FormatInt(*c.AssigneeID, 10) + ")")
	}
	lat, lon := "", ""
	if l := c.LastLocation; l != nil {
		lat, lon = strconv.FormatFloat(l.Lat, 'f', 6, 64), strconv.FormatFloat(l.Lon, 'f', 6, 64)
	}
	return []string{string(c.Ref), string(c.Type), string(c.Priority), string(c.Status), at(&c.CreatedAt),
		at(c.ClosedAt), c.ReporterLang, Cell(c.ReporterName), Cell(assignee), at(c.FirstReplyAt),
		Cell(c.Resolution), Answers(c.Answers), lat, lon}
}

// Answers writes a case's answers as one JSON object, keys sorted, Hangul
// and Khmer as they are, passport numbers masked.
func Answers(answers map[string]string) string {
	out := make(map[string]string, len(answers))
	for k, v := range answers {
		switch {
		case k == flows.CaseRefKey:
		case masked[k]:
			out[k] = desk.MaskForExport(v)
		default:
			out[k] = v
		}
	}
	if len(out) == 0 {
		return ""
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil { // a map of strings always encodes
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Cell defuses spreadsheet formulas: a cell a reporter wrote that starts
// like a formula (=, +, -, @) would run in Excel, so it gets a leading
// apostrophe (OWASP "CSV injection").
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// indicators lists the indicators recorded on a case, by name, separated
// by semicolons.
func indicators(marks []desk.IndicatorMark) string {
	var names []string
	for _, m := range marks {
		if m.Present {
			names = append(names, string(m.Indicator))
		}
	}
	return strings.Join(names, ";")
}
