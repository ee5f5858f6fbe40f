package deskdb

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
)

// queueWhere selects the open cases of filter $1 (mine: of staff $2).
// PostgreSQL plans each call with its values, so the filter's conditions
// fold away and each filter gets its partial index (cases_queue,
// cases_unclaimed, cases_mine), already in queue order.
const queueWhere = `
WHERE status IN ` + openStatuses + `
  AND ($1::text <> 'urgent' OR priority_rank = 0)
  AND ($1 <> 'new' OR status = 'new')
  AND ($1 <> 'mine' OR assignee_id = $2)`

const selectQueue = `
SELECT ` + caseColumns + ` FROM cases` + queueWhere + `
ORDER BY priority_rank, created_at, id
LIMIT $3 OFFSET $4`

const countQueue = `SELECT count(*) FROM cases` + queueWhere

// Queue returns a page of open cases, urgent first, then oldest.
func (d *Store) Queue(ctx context.Context, f desk.Filter, staffID int64, limit, offset int) ([]desk.Case, int, error) {
	if !f.Valid() {
		return nil, 0, invalid("queue: filter %q", f)
	}
	if err := validPage("queue", limit, offset); err != nil {
		return nil, 0, err
	}
	cases, err := d.selectCases(ctx, selectQueue, f, staffID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("queue %s: %w", f, err)
	}
	var total int
	if err := sqlx.GetContext(ctx, d.q, &total, countQueue, f, staffID); err != nil {
		return nil, 0, mapError(fmt.Errorf("count queue %s: %w", f, err))
	}
	return cases, total, nil
}

// findCases puts the case with reference $1 first, then the cases whose
// search columns contain $2 (or, unless it is empty, whose digits contain
// $3), open ones first, newest first. The planner either collects the
// matches from the trigram indexes and sorts them (rare text) or walks
// cases_find_order until it has enough (common text).
const findCases = `
SELECT ` + caseColumns + ` FROM (
    (SELECT 0 AS rank, * FROM cases WHERE ref = $1)
    UNION ALL
    (SELECT 1 AS rank, * FROM cases
     WHERE ref <> $1 AND (search LIKE $2 OR ($3 <> '' AND search_digits LIKE $3))
     ORDER BY status IN ` + openStatuses + ` DESC, created_at DESC, id DESC
     LIMIT $4)
) found
ORDER BY rank, status IN ` + openStatuses + ` DESC, created_at DESC, id DESC
LIMIT $4`

// minPhoneDigits is how many digits make a text a phone number.
const minPhoneDigits = 6

// Find searches cases by reference, name, phone and answers.
func (d *Store) Find(ctx context.Context, text string, limit int) ([]desk.Case, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, invalid("find: empty text")
	}
	if err := validPage("find", limit, 0); err != nil {
		return nil, err
	}
	ref, _ := desk.ParseRef(text) // "" when it is not one
	digits := ""
	if p := phoneDigits(text); p != "" {
		digits = "%" + p + "%"
	}
	cases, err := d.selectCases(ctx, findCases, ref, "%"+escapeLike(strings.ToLower(text))+"%", digits, limit)
	if err != nil {
		return nil, fmt.Errorf("find: %w", err) // not the text: it may be a phone number
	}
	return cases, nil
}

// phoneDigits returns the digits of a text written like a phone number
// ("+855 12-345 678", "010-1234-5678"), without leading zeros so that a
// national number finds the international one; "" for any other text.
func phoneDigits(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case !strings.ContainsRune(" +-().", r):
			return ""
		}
	}
	if b.Len() < minPhoneDigits {
		return ""
	}
	return strings.TrimLeft(b.String(), "0")
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func escapeLike(s string) string { return likeEscaper.Replace(s) }

const countOpen = `
SELECT type, priority, status, count(*) AS n FROM cases
WHERE status IN ` + openStatuses + `
GROUP BY type, priority, status`

const countCreated = `SELECT count(*) FROM cases WHERE created_at >= $1 AND created_at <= $2`

const firstReplyMedian = `
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at)) AS median,
       count(*) AS n
FROM cases
WHERE created_at > $1 AND created_at <= $2 AND first_reply_at IS NOT NULL`

// Stats counts the queue as of now.
func (d *Store) Stats(ctx context.Context, now time.Time, loc *time.Location) (*desk.Stats, error) {
	st := &desk.Stats{OpenByType: map[desk.Type]int{}, OpenByPriority: map[desk.Priority]int{},
		Today: desk.StartOfDay(now, loc)}
	if err := d.openCounts(ctx, st); err != nil {
		return nil, err
	}
	if err := sqlx.GetContext(ctx, d.q, &st.NewToday, countCreated, st.Today, now); err != nil {
		return nil, mapError(fmt.Errorf("stats: new today: %w", err))
	}
	var fr struct {
		Median sql.NullFloat64 `db:"median"`
		N      int             `db:"n"`
	}
	if err := sqlx.GetContext(ctx, d.q, &fr, firstReplyMedian, now.Add(-desk.StatsWindow), now); err != nil {
		return nil, mapError(fmt.Errorf("stats: first reply: %w", err))
	}
	st.FirstReplyMedian = time.Duration(fr.Median.Float64 * float64(time.Second)).Round(time.Second)
	st.FirstReplyCases = fr.N
	return st, nil
}

func (d *Store) openCounts(ctx context.Context, st *desk.Stats) error {
	var rows []struct {
		Type     string `db:"type"`
		Priority string `db:"priority"`
		Status   string `db:"status"`
		N        int    `db:"n"`
	}
	if err := sqlx.SelectContext(ctx, d.q, &rows, countOpen); err != nil {
		return mapError(fmt.Errorf("stats: open cases: %w", err))
	}
	for _, r := range rows {
		st.Open += r.N
		st.OpenByType[desk.Type(r.Type)] += r.N
		st.OpenByPriority[desk.Priority(r.Priority)] += r.N
		if desk.Status(r.Status) == desk.StatusNew {
			st.Unclaimed += r.N
		}
	}
	return nil
}

const selectExport = `
SELECT ` + caseColumns + ` FROM cases WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id`

// Export yields the cases created in [from, to), oldest first, reading
// them as the loop goes.
func (d *Store) Export(ctx context.Context, from, to time.Time) iter.Seq2[desk.Case, error] {
	return func(yield func(desk.Case, error) bool) {
		rows, err := d.q.QueryxContext(ctx, selectExport, from, to)
		if err != nil {
			yield(desk.Case{}, mapError(fmt.Errorf("export: %w", err)))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var r caseRow
			if err := rows.StructScan(&r); err != nil {
				yield(desk.Case{}, mapError(fmt.Errorf("export: %w", err)))
				return
			}
			c, err := r.toCase()
			if !yield(c, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(desk.Case{}, mapError(fmt.Errorf("export: %w", err)))
		}
	}
}

// newByDay counts the cases created in [$1, $2] by type and day: a day is
// 86,400 seconds from $1 (the desk's zone has no daylight saving time).
const newByDay = `
SELECT type, floor(extract(epoch FROM created_at - $1) / 86400)::int AS day, count(*) AS n
FROM cases WHERE created_at >= $1 AND created_at <= $2
GROUP BY 1, 2`

// repliesByWeek is the median time to the first reply of the cases
// created in [$1, $2], by week from $1 (a Monday).
const repliesByWeek = `
SELECT floor(extract(epoch FROM created_at - $1) / 604800)::int AS week,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at)) AS median,
       count(*) AS n
FROM cases WHERE created_at >= $1 AND created_at <= $2 AND first_reply_at IS NOT NULL
GROUP BY 1`

// Trends returns the series of the /stats chart as of now.
func (d *Store) Trends(ctx context.Context, now time.Time, loc *time.Location) (*desk.Trends, error) {
	tr := &desk.Trends{From: desk.StartOfDay(now, loc).AddDate(0, 0, 1-desk.TrendDays), NewByDay: map[desk.Type][]int{}}
	for _, t := range desk.Types {
		tr.NewByDay[t] = make([]int, desk.TrendDays)
	}
	var days []struct {
		Type string `db:"type"`
		Day  int    `db:"day"`
		N    int    `db:"n"`
	}
	if err := sqlx.SelectContext(ctx, d.q, &days, newByDay, tr.From, now); err != nil {
		return nil, mapError(fmt.Errorf("trends: new cases: %w", err))
	}
	for _, r := range days {
		if s := tr.NewByDay[desk.Type(r.Type)]; r.Day >= 0 && r.Day < len(s) {
			s[r.Day] = r.N
		}
	}
	monday := desk.Monday(tr.From, loc)
	for w := monday; !w.After(now); w = w.AddDate(0, 0, 7) {
		tr.Weeks = append(tr.Weeks, desk.WeekReplies{Start: w})
	}
	var weeks []struct {
		Week   int             `db:"week"`
		Median sql.NullFloat64 `db:"median"`
		N      int             `db:"n"`
	}
	if err := sqlx.SelectContext(ctx, d.q, &weeks, repliesByWeek, monday, now); err != nil {
		return nil, mapError(fmt.Errorf("trends: first replies: %w", err))
	}
	for _, r := range weeks {
		if r.Week >= 0 && r.Week < len(tr.Weeks) {
			tr.Weeks[r.Week].Median = time.Duration(r.Median.Float64 * float64(time.Second)).Round(time.Second)
			tr.Weeks[r.Week].Cases = r.N
		}
	}
	return tr, nil
}
