package joboffer_test

import (
	"flag"
	"testing"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/flowtest"
	"github.com/koreandesk/hotline/flows/joboffer"
	"github.com/koreandesk/hotline/flows/registry"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json and docs/flows/joboffer.md from the code")

func newEngine() *flows.Engine {
	return registry.New(nil)
}

// scripts plays testdata/*.txt through the shared harness.
func scripts() flowtest.Scripts {
	return flowtest.Scripts{Engine: newEngine, Update: *update, Package: "./flows/joboffer"}
}

// TestScripts runs every testdata/*.txt conversation through a real
// engine and compares each step with testdata/*.golden.json.
func TestScripts(t *testing.T) { scripts().Test(t) }

// TestMessagesRender renders every message the scripts produced in every
// language.
func TestMessagesRender(t *testing.T) { scripts().TestMessagesRender(t) }

// TestDiagramIsDocumented keeps docs/flows/joboffer.md's diagram equal to
// the code's; -update rewrites it.
func TestDiagramIsDocumented(t *testing.T) {
	flowtest.CheckDiagram(t, joboffer.New(), "../../docs/flows/joboffer.md", *update, "./flows/joboffer")
}
