package deskdb

import "github.com/koreandesk/hotline/desk"

// SetRefSource replaces the reference generator, to script collisions.
func (d *Store) SetRefSource(f func(n int) desk.Ref) { d.newRef = f }

// SignOfLifeSQL is the statement SignOfLife runs, to plan it.
const SignOfLifeSQL = signOfLife
