package bcp_test

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
)

// Start a town's plan from tottori's reference plan: move it to the town's
// own ID, and every citation of tottori's clauses follows.
func ExamplePlan_WithID() {
	yazu, err := bcp.Tottori().WithID("yazu")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(yazu.ID, yazu.Threat.Plan)
	fmt.Println(yazu.Threat.Judgement)
	fmt.Println(yazu.Validate() == nil, len(bcp.Check(yazu)) == len(bcp.Check(bcp.Tottori())))

	_, err = yazu.WithID("Yazu Town")
	fmt.Println(err)
	// Output:
	// yazu yazu
	// yazu:第3-5
	// true true
	// bcp: move plan "yazu" to ID "Yazu Town": not a plain identifier: invalid value
}
