// Command eval measures the job-offer checker on the labelled corpus (make jobcheck-eval):
// high-risk recall, low-risk ads rated high and exact level per split, language and kind,
// with a confusion table. It exits 1 when the held-out split misses the targets of issue 15.
//
//	go run ./jobcheck/cmd/eval [-corpus dir] [-misses] [-flags] [-show-blind | -tuning]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/koreandesk/hotline/jobcheck/jobeval"
)

func main() {
	dir := flag.String("corpus", "jobcheck/testdata/corpus", "folder of labelled ads (*.toml)")
	misses := flag.Bool("misses", false, "list the ads rated at the wrong level or missing a labelled flag")
	flags := flag.Bool("flags", false, "list how often each labelled flag was found")
	blind := flag.Bool("show-blind", false, "with -misses, list the held-out split's ads too (spoils it for tuning)")
	tuning := flag.Bool("tuning", false, "leave the held-out split out altogether, figures too (while tuning rules)")
	flag.Parse()
	opt := jobeval.Options{Misses: *misses, ShowBlind: *blind, PerFlag: *flags}
	if err := run(*dir, opt, *tuning); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(dir string, opt jobeval.Options, tuning bool) error {
	c, ads, err := jobeval.Open(dir, tuning)
	if err != nil {
		return err
	}
	outs := jobeval.Run(c, ads)
	jobeval.Write(os.Stdout, c.Version(), outs, opt)
	if tuning {
		return nil
	}
	if fails := jobeval.BlindFailures(outs); len(fails) > 0 {
		for _, f := range fails {
			fmt.Println("FAIL", f)
		}
		return fmt.Errorf("the blind split %v misses %d target(s)", jobeval.BlindSplits(outs), len(fails))
	}
	return nil
}
