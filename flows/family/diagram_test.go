package family_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows/family"
)

const docPath = "../../docs/flows/family.md"

const fenceOpen, fenceClose = "```mermaid\n", "```\n"

// diagram is the transition table as Mermaid, from a machine without
// callbacks. looplab/fsm v1.0.4 sorts the transitions by source state and
// event, so the text is the same on every run (TestDiagramIsStable).
func diagram(t *testing.T) string {
	t.Helper()
	c := family.New()
	out, err := fsm.VisualizeForMermaidWithGraphType(fsm.NewFSM(c.Initial(), c.Events(), nil), fsm.StateDiagram)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDiagramIsStable(t *testing.T) {
	want := diagram(t)
	for range 50 {
		if got := diagram(t); got != want {
			t.Fatalf("diagram changed between runs:\n%s", cmp.Diff(want, got))
		}
	}
}

// TestDiagramIsDocumented keeps docs/flows/family.md's diagram equal to
// the code's; -update rewrites it.
func TestDiagramIsDocumented(t *testing.T) {
	data, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	start := strings.Index(doc, fenceOpen)
	if start < 0 {
		t.Fatalf("%s has no ```mermaid block", docPath)
	}
	start += len(fenceOpen)
	end := strings.Index(doc[start:], fenceClose)
	if end < 0 {
		t.Fatalf("%s: the ```mermaid block is not closed", docPath)
	}
	end += start
	want := diagram(t)
	if *update {
		if err := os.WriteFile(docPath, []byte(doc[:start]+want+doc[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(doc[start:end], want); diff != "" {
		t.Errorf("%s is out of date (-doc +code):\n%s\nRun go test ./flows/family -update", docPath, diff)
	}
}
