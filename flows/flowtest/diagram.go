package flowtest

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/looplab/fsm"

	"github.com/koreandesk/hotline/flows"
)

const fenceOpen, fenceClose = "```mermaid\n", "```\n"

// Diagram is a conversation's transition table as Mermaid, from a machine
// without callbacks. looplab/fsm v1.0.4 sorts the transitions by source
// state and event, so the text is the same on every run.
func Diagram(t testing.TB, c flows.Conversation) string {
	t.Helper()
	out, err := fsm.VisualizeForMermaidWithGraphType(fsm.NewFSM(c.Initial(), c.Events(), nil), fsm.StateDiagram)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// CheckDiagram keeps the ```mermaid block of the document at docPath equal
// to the conversation's diagram; with update it rewrites the block.
func CheckDiagram(t *testing.T, c flows.Conversation, docPath string, update bool, pkg string) {
	t.Helper()
	want := Diagram(t, c)
	for range 20 {
		if got := Diagram(t, c); got != want {
			t.Fatalf("diagram changed between runs:\n%s", cmp.Diff(want, got))
		}
	}
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
	if update {
		if err := os.WriteFile(docPath, []byte(doc[:start]+want+doc[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(doc[start:end], want); diff != "" {
		t.Errorf("%s is out of date (-doc +code):\n%s\nRun go test %s -update", docPath, diff, pkg)
	}
}
