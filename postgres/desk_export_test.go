package postgres

import "github.com/koreandesk/hotline/desk"

// SetRefSource replaces the reference generator, to script collisions.
func (d *DeskStore) SetRefSource(f func(n int) desk.Ref) { d.newRef = f }
