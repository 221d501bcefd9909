package threat_test

import (
	"fmt"
	"log"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/threat"
)

// The README's quick start: grade an event under tottori's reference scheme
// and print the decision with the clauses it rests on. Keep the two in step.
func Example_quickStart() {
	scheme, err := bcp.Tottori().Scheme() // 鳥取県's three-level scheme, from its plan file
	if err != nil {
		log.Fatal(err)
	}
	event := threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallPassed}

	r, err := threat.Decide(scheme, event)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Grading.Level.Label(), r.Grading.Example, r.Grading.Citations)
	for _, a := range r.Actions.All() {
		fmt.Println(a)
	}
	// Output:
	// レベル3 ファイアウォールを通過した不正アクセス tottori:第3-1, tottori:第3-6(1)
	// system-administrator find-cause (tottori:第3-5(2), tottori:第3-7)
	// system-administrator countermeasures (tottori:第3-5(2))
	// system-administrator review-measures (tottori:第3-8(1))
	// system-administrator plan-countermeasures (tottori:第3-8(2))
	// system-administrator report security-chief (tottori:第3-8(2))
	// system-administrator report security-chief (tottori:第3-6(1))
	// security-chief convene-council (tottori:第3-6(2))
	// security-chief direct-matters (tottori:第3-6(3))
}
