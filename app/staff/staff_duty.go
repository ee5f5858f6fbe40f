package staff

import (
	"strings"
)

// duty puts the staff member themself on or off duty (/staff duty on|off):
// on duty, they get the alerts of new urgent cases.
func (d *Cmd) duty() error {
	arg := d.args
	var on bool
	switch strings.ToLower(arg) {
	case "on":
		on = true
	case "off":
	default:
		return d.usage("")
	}
	if err := d.desk.SetDuty(d.ctx, d.staff.UserID, on, d.now); err != nil {
		return err
	}
	detail, answer := "off", "desk.duty_off"
	if on {
		detail, answer = "on", "desk.duty_on"
	}
	if err := d.audit(0, detail); err != nil {
		return err
	}
	return d.say(answer)
}
