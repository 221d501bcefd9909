package bcp

import (
	"time"

	"github.com/jukiplan/jukiplan/council"
)

// Test fixtures of nakano's continuity part, as its document states them;
// tests compare them with the parsed plan file and use them as inputs.

// nakanoSlots are the times of day, Japan time, of nakano's scheduled
// reports while the expected recovery is unknown (統合仮想サーバ 3(4)①ア a:
// 8時15分、12時00分、16時00分を目処に).
func nakanoSlots() []time.Duration {
	return []time.Duration{8*time.Hour + 15*time.Minute, 12 * time.Hour, 16 * time.Hour}
}

// nakanoOrder are the clauses nakano gives for the grounds of its recovery
// order; a ground the document does not state (the library's extensions of
// [Order]) cites the clause it extends.
func nakanoOrder() []OrderClause {
	c := func(clause string, rs ...Reason) OrderClause {
		return OrderClause{Cite: council.Cite(council.PlanNakano, "統合仮想サーバ "+clause), Reasons: ReasonsOf(rs...)}
	}
	return []OrderClause{
		c("4(5)", ReasonAlternative, ReasonNoAlternative),
		c("4(6)", ReasonScale, ReasonTarget, ReasonDifficulty, ReasonTieBreak),
		c("4(7)", ReasonPlatform, ReasonInherited, ReasonRaised, ReasonDependencies),
		c("5(1)", ReasonMonitoring),
		c("図4", ReasonPolicy),
	}
}
