package casecsv

import (
	"context"
	"time"

	"github.com/koreandesk/hotline/desk"
)

// Export writes the cases created in [from, to) as a CSV file, assignees
// named as the staff table names them. It returns nil data, with the
// count so far, when the file would pass max bytes. /export calls it to
// answer at once (and drops the file), the transport again to send it:
// the file is never stored.
func Export(ctx context.Context, st desk.Store, from, to time.Time, loc *time.Location, max int) ([]byte, int, error) {
	// Everything else is read before the export: its loop holds the
	// store's connection until it ends.
	names, err := staffNames(ctx, st)
	if err != nil {
		return nil, 0, err
	}
	marks, err := st.IndicatorsCreated(ctx, from, to)
	if err != nil {
		return nil, 0, err
	}
	f, err := New(names, loc)
	if err != nil {
		return nil, 0, err
	}
	n := 0
	for c, err := range st.Export(ctx, from, to) {
		if err != nil {
			return nil, 0, err
		}
		if err := f.Add(&c, desk.Effective(marks[c.ID], c.Answers, c.CreatedAt)); err != nil {
			return nil, 0, err
		}
		n++
		if f.Len() > max {
			return nil, n, nil
		}
	}
	data, err := f.Bytes()
	if err != nil || len(data) > max {
		return nil, n, err
	}
	return data, n, nil
}

// staffNames names the staff by user id: their name, else their
// @username.
func staffNames(ctx context.Context, st desk.Store) (map[int64]string, error) {
	staff, err := st.ListStaff(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(staff))
	for _, s := range staff {
		switch {
		case s.Name != "":
			names[s.UserID] = s.Name
		case s.Username != "":
			names[s.UserID] = "@" + s.Username
		}
	}
	return names, nil
}
