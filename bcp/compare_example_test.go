package bcp_test

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
)

// Compare puts tottori's and kumamoto's threat levels side by side: the same
// kind of event is graded differently, and each side keeps its own clause.
func ExampleCompare() {
	d := bcp.DiffPlans(bcp.Tottori(), bcp.Kumamoto())
	for _, x := range d.Of(bcp.AspectLevel) {
		a, b := x.A, x.B
		if a == "" {
			a = "—"
		}
		if b == "" {
			b = "—"
		}
		fmt.Printf("%-38s %-12s %s\n", x.Key, a, b)
	}
	// Output:
	// credential-leak                        not-covered  level-3
	// form-theft-or-loss                     not-covered  level-3
	// leak                                   not-covered  level-3
	// suspicious-operation                   level-3      not-covered
	// unauthorized-access                    —            level-3
	// unauthorized-access firewall=passed    level-3      —
	// unauthorized-access firewall=stopped   level-2      —
	// virus-detected                         level-2      not-covered
	// virus-infection                        level-3      not-covered
}
