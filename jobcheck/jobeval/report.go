package jobeval

import (
	"fmt"
	"io"
	"sort"
)

// Options say what Write prints beyond the figures.
type Options struct {
	Misses    bool // one line per ad rated at the wrong level or missing a labelled flag
	ShowBlind bool // include the blind split's ads in Misses (spoils it for tuning)
	PerFlag   bool // how often each labelled flag was found
}

// Splits returns the splits of the outcomes, the blind ones first.
func Splits(outs []Outcome) []string {
	seen := map[string]bool{}
	var out []string
	for _, o := range outs {
		if !seen[o.Ad.Split] {
			seen[o.Ad.Split] = true
			out = append(out, o.Ad.Split)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if IsBlind(out[i]) != IsBlind(out[j]) {
			return IsBlind(out[i])
		}
		return out[i] < out[j]
	})
	return out
}

// Write prints, per split and for all ads, the figures per language and per kind, and a
// confusion table.
func Write(w io.Writer, version string, outs []Outcome, opt Options) {
	fmt.Fprintf(w, "ruleset %s, %d ads\n", version, len(outs))
	for _, split := range Splits(outs) {
		part := Filter(outs, func(o Outcome) bool { return o.Ad.Split == split })
		title := "split " + split
		if IsBlind(split) {
			title += " (held out: never tuned on)"
		}
		writePart(w, title, part)
	}
	writePart(w, "all splits", outs)
	if opt.PerFlag {
		writePerFlag(w, outs)
	}
	if opt.Misses {
		fmt.Fprintln(w, "\nmisses (ads at the wrong level or missing a labelled flag or signal)")
		for _, o := range outs {
			if IsBlind(o.Ad.Split) && !opt.ShowBlind {
				continue
			}
			if o.Result.Level != o.Ad.Level || len(Missed(o)) > 0 {
				fmt.Fprintln(w, "  "+Describe(o))
			}
		}
		if blind := BlindSplits(outs); !opt.ShowBlind && len(blind) > 0 {
			fmt.Fprintf(w, "  (the blind split %v is left out: -show-blind prints it too)\n", blind)
		}
	}
}

func writePart(w io.Writer, title string, outs []Outcome) {
	fmt.Fprintf(w, "\n%s\n", title)
	fmt.Fprintf(w, "  %-10s %4s  %-17s %-12s %-17s %s\n", "group", "ads", "high recall", "low->high", "exact level", "flags found")
	row := func(name string, t *Tally) {
		fmt.Fprintf(w, "  %-10s %4d  %-17s %-12s %-17s %s\n", name, t.Ads,
			frac(t.HighHit, t.High), fmt.Sprintf("%d/%d", t.LowHigh, t.Low), frac(t.LevelOK, t.Ads),
			frac(t.FlagsFound, t.Flags))
	}
	_, byLang := Group(outs, func(o Outcome) string { return o.Ad.Lang })
	for _, l := range Langs {
		if t := byLang[l]; t != nil {
			row(l, t)
		}
	}
	_, byKind := Group(outs, func(o Outcome) string { return o.Ad.Kind })
	for _, k := range Kinds {
		if t := byKind[k]; t != nil {
			row(k, t)
		}
	}
	_, all := Group(outs, func(Outcome) string { return "all" })
	if t := all["all"]; t != nil {
		row("all", t)
		writeConfusion(w, t)
	}
}

func writeConfusion(w io.Writer, t *Tally) {
	fmt.Fprintf(w, "  confusion (rows: labelled, columns: checker)\n  %-10s %6s %6s %6s\n", "", "high", "medium", "low")
	for i, l := range levels {
		c := t.Confusion[i]
		fmt.Fprintf(w, "  %-10s %6d %6d %6d\n", l, c[0], c[1], c[2])
	}
}

func writePerFlag(w io.Writer, outs []Outcome) {
	_, all := Group(outs, func(Outcome) string { return "all" })
	t := all["all"]
	if t == nil {
		return
	}
	fmt.Fprintln(w, "\nlabelled flags found (all splits)")
	ids := make([]string, 0, len(t.PerFlag))
	for id := range t.PerFlag {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		pf := t.PerFlag[id]
		fmt.Fprintf(w, "  %-34s %3d/%3d\n", id, pf[0], pf[1])
	}
}

func frac(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d = %.3f", a, b, float64(a)/float64(b))
}
