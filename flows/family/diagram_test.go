package family_test

import (
	"testing"

	"github.com/koreandesk/hotline/flows/family"
	"github.com/koreandesk/hotline/flows/flowtest"
)

// TestDiagramIsDocumented keeps docs/flows/family.md's diagram equal to
// the code's (and stable between runs); -update rewrites it.
func TestDiagramIsDocumented(t *testing.T) {
	flowtest.CheckDiagram(t, family.New(), "../../docs/flows/family.md", *update, "./flows/family")
}
