package distress_test

import (
	"testing"

	"github.com/koreandesk/hotline/flows/distress"
	"github.com/koreandesk/hotline/flows/flowtest"
)

// TestDiagramIsDocumented keeps docs/flows/distress.md's diagram equal to
// the code's (and stable between runs); -update rewrites it.
func TestDiagramIsDocumented(t *testing.T) {
	flowtest.CheckDiagram(t, distress.New(nil), "../../docs/flows/distress.md", *update, "./flows/distress")
}
