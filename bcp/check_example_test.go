package bcp_test

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
)

// Check reads tottori's plan the way a reviewer would: the council it
// convenes on a serious fault or a level-3 act has no named chair, and the
// plan asks for the cause of a fault to be found without giving the steps.
func ExampleCheck() {
	for _, f := range bcp.Check(bcp.Tottori()) {
		if f.Severity == bcp.SeverityWarning {
			fmt.Println(f.Code, f.Path, f.Cite)
		}
	}
	// Output:
	// council.chair-not-named organization.councils[security-council].chair tottori:第2-4(2)
	// fault.kind-without-investigation fault.investigations[hardware] tottori:第2-3
	// fault.kind-without-investigation fault.investigations[network] tottori:第2-3
	// fault.kind-without-investigation fault.investigations[software] tottori:第2-3
}

// Removing the level-3 response from a plan gives exactly one finding, with
// the path of what is missing.
func ExampleCheck_missingResponse() {
	p := bcp.Kumamoto()
	p.Threat.Responses = p.Threat.Responses[:2] // levels 1 and 2 only
	for _, f := range bcp.Check(p) {
		if f.Severity == bcp.SeverityError {
			fmt.Println(f)
		}
	}
	// Output:
	// error threat.level-without-response threat.responses[level-3]: no response is given for level-3 (レベル3) (kumamoto:4(1)(イ))
}
