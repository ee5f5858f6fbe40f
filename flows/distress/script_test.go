package distress_test

import (
	"flag"
	"testing"

	"github.com/koreandesk/hotline/flows"
	"github.com/koreandesk/hotline/flows/flowtest"
	"github.com/koreandesk/hotline/flows/registry"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json and docs/flows/distress.md from the code")

var contacts = []flows.Contact{
	{Label: flows.M("contacts.police"), Number: "117"},
	{Label: flows.M("contacts.consular"), Number: "+82 2 3210 0404"},
}

// testRef is the reference the fake bot gives the case OpenCase opens.
const testRef = flowtest.CaseRef

// newEngine wires the conversation the way the bot does.
func newEngine() *flows.Engine {
	return registry.New(contacts)
}

// scripts plays testdata/*.txt through the shared harness.
func scripts() flowtest.Scripts {
	return flowtest.Scripts{
		Engine:  newEngine,
		Update:  *update,
		Package: "./flows/distress",
	}
}

// TestScripts runs every testdata/*.txt conversation through a real
// engine and compares each step with testdata/*.golden.json.
func TestScripts(t *testing.T) { scripts().Test(t) }
