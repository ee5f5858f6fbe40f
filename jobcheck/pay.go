package jobcheck

import "github.com/koreandesk/hotline/jobcheck/pay"

// parsePay finds the amounts of money in t (package pay reads them in the lower view) and
// maps each to the original text and to monthly US dollars at the ruleset's rates.
func (c *Checker) parsePay(t *text) []Pay {
	var out []Pay
	for _, a := range pay.Read(t.lower.s) {
		p := Pay{Amount: a.Value, Currency: a.Currency, Period: a.Period}
		p.MonthlyUSD = c.monthlyUSD(p)
		p.Start, p.End = t.span(&t.lower, a.Start, a.End)
		p.Evidence = t.orig[p.Start:p.End]
		out = append(out, p)
	}
	return out
}

func (c *Checker) monthlyUSD(p Pay) float64 {
	rate := c.pay.USDRate[p.Currency]
	if rate <= 0 {
		return 0
	}
	v := p.Amount / rate
	switch p.Period {
	case "day":
		v *= c.pay.DaysPerMonth
	case "week":
		v *= c.pay.WeeksPerMonth
	case "hour":
		v *= c.pay.HoursPerMonth
	case "year":
		v /= 12
	}
	return v
}
