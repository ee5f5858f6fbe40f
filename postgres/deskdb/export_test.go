package deskdb

import "github.com/koreandesk/hotline/desk"

// SetRefSource replaces the reference generator, to script collisions.
func (d *Store) SetRefSource(f func(n int) desk.Ref) { d.newRef = f }

// CheckInsDueSQL is the escalator's statement, to plan it.
const CheckInsDueSQL = selectCheckInsDue
