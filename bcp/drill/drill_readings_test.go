package drill

import (
	"fmt"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/threat"
)

// Readings of the documents the drill once got wrong (issue 13 item 3), each
// test named after the clause and asserting what the document says.

// step is one entry a test looks for: what, by whom, to whom (zero: anyone
// or no one) and a clause it cites.
type step struct {
	act    Act
	by, to council.Actor
	clause string
}

func (s step) String() string {
	return fmt.Sprintf("%v %v→%v %s", s.act, s.by, s.to, s.clause)
}

// find returns the index of the first entry of tl at scenario event ev that
// is s, or -1.
func (s step) find(t *testing.T, tl Timeline, ev int) int {
	t.Helper()
	c, err := council.ParseCitation(s.clause)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range tl.Entries {
		if e.Event == ev && e.Act == s.act && e.Actor == s.by && (s.to == council.Actor{} || e.To == s.to) && e.Cites.Contains(c) {
			return i
		}
	}
	return -1
}

// inOrder checks that tl lists every step of want at event ev, each after
// the one before it.
func inOrder(t *testing.T, tl Timeline, ev int, want []step) {
	t.Helper()
	last := -1
	for _, s := range want {
		i := s.find(t, tl, ev)
		switch {
		case i < 0:
			t.Errorf("%s: no %s at event %d", tl.Scenario, s, ev)
		case i <= last:
			t.Errorf("%s: %s (entry %d) comes before the step it follows (entry %d)", tl.Scenario, s, i, last)
		default:
			last = i
		}
	}
}

// actObserved is a one-event scenario of tottori: act e found by the staff.
func actObserved(id string, e threat.Event) Scenario {
	return Scenario{ID: id, Plan: council.PlanTottori, Events: []Event{
		{At: time.Date(2026, 4, 1, 9, 0, 0, 0, jst), Kind: ActObserved, By: council.ByRole(council.Staff), Act: e},
	}}
}

// tottori 第3-3 to 第3-5 apply to every unauthorized act found, whether or
// not its level is plain at once: the system administrator collects the
// information through the staff (第3-3(1)), investigates with the contractor
// (第3-3(2)), and, "不正行為の脅威度がレベル２又は３に該当する可能性が高い場合は、
// 全国センターに通報し、全国センターにおいても状況把握を行うよう要請する"
// (第3-3(3)); then takes emergency measures (第3-4; at level 3, a system stop as
// needed, 第3-4(2)) and judges the level (第3-5), before the response of the
// level. A level-2 drill sends the 第3-3(3) request to the national center.
func TestDrillTottori第3_3LevelKnownAtOnce(t *testing.T) {
	role, party := council.ByRole, council.ByParty
	sa, none := role(council.SystemAdministrator), council.Actor{}
	collect := step{ActInvestigate, sa, none, "tottori:第3-3(1)"}
	throughStaff := step{ActNotify, role(council.Staff), sa, "tottori:第3-3(1)"}
	contractor := step{ActInvestigate, sa, party(council.Contractor), "tottori:第3-3(2)"}
	nationalCenter := step{ActRequest, sa, party(council.NationalCenter), "tottori:第3-3(3)"}
	measures := step{ActMeasure, sa, none, "tottori:第3-4"}
	stop := step{ActMeasure, sa, none, "tottori:第3-4(2)"}
	judge := step{ActJudge, sa, none, "tottori:第3-5"}
	grade := step{ActGrade, sa, none, "tottori:第3-1"}
	tottori := bcp.Tottori()
	tests := []struct {
		name    string
		tl      Timeline
		want    []step
		notWant []step
	}{
		{"tottori:第3-3(3)/L2/antivirus", runBuiltin(t, "tottori-l2-antivirus"),
			[]step{collect, contractor, nationalCenter, measures, judge, grade, {ActInvestigate, sa, none, "tottori:第3-5(2)"}},
			[]step{stop}},
		{"tottori:第3-3(3)/L2/firewall-stopped", run(t, tottori, actObserved("l2-firewall-stopped",
			threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallStopped, Source: threat.SourceLocal})),
			[]step{throughStaff, contractor, nationalCenter, measures, judge, grade},
			[]step{stop}},
		{"tottori:第3-4(2)/L3/firewall-passed", run(t, tottori, actObserved("l3-firewall-passed",
			threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallPassed, Source: threat.SourceLocal})),
			[]step{collect, contractor, nationalCenter, measures, stop, judge, grade,
				{ActReport, sa, role(council.SecurityChief), "tottori:第3-6(1)"}, {ActConvene, role(council.SecurityChief), none, "tottori:第3-6(2)"}},
			nil},
		// Level 1 is no threat to identity information: no request to the
		// national center (第3-3(3) is for level 2 or 3), then the report and
		// the stand-down of 第3-5(1).
		{"tottori:第3-5(1)/L1/unrelated-place", run(t, tottori, actObserved("l1-unrelated-place",
			threat.Event{Kind: threat.Intrusion, Place: threat.PlaceUnrelated, Source: threat.SourceLocal})),
			[]step{collect, contractor, measures, judge, grade, {ActStandDown, sa, none, "tottori:第3-5(1)"}},
			[]step{nationalCenter, stop}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inOrder(t, tt.tl, 0, tt.want)
			for _, s := range tt.notWant {
				if i := s.find(t, tt.tl, 0); i >= 0 {
					t.Errorf("%s: has %s: %s", tt.tl.Scenario, s, line(tt.tl.Entries[i]))
				}
			}
		})
	}
}

func run(t *testing.T, p bcp.Plan, s Scenario) Timeline {
	t.Helper()
	tl, err := Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// captureSteps returns what tl lists at event 0 to capture the situation
// before the level is settled (tottori 第3-3 to 第3-5): every entry but the
// observation, the annex playbook and the provisional range, up to the grade.
func captureSteps(tl Timeline) []Entry {
	var out []Entry
	for _, e := range tl.Entries {
		if e.Event != 0 || e.Act == ActGrade {
			break
		}
		switch e.Act {
		case ActObserve, ActPlaybook, ActProvisional:
			continue
		}
		out = append(out, e)
	}
	return out
}

// tottori 第3-2 to 第3-5 are the same steps, in the document's order,
// whether the first observation settles the level (an access known at once
// to have passed the firewall) or leaves it open (tottori-l3-firewall, where
// the firewall is learned 40 minutes later): only the grade they carry
// differs.
func TestDrillTottori第3_2To第3_5WhetherOrNotKnownAtOnce(t *testing.T) {
	open := captureSteps(runBuiltin(t, "tottori-l3-firewall"))
	known := captureSteps(run(t, bcp.Tottori(), actObserved("l3-known-at-once",
		threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallPassed, Source: threat.SourceLocal})))
	type what struct {
		Act       Act
		Actor, To council.Actor
		What      string
		AsNeeded  bool
		Cites     string
	}
	strip := func(es []Entry) []what {
		var out []what
		for _, e := range es {
			out = append(out, what{e.Act, e.Actor, e.To, fmt.Sprintf("%+v", e.What), e.AsNeeded, e.Cites.String()})
		}
		return out
	}
	if len(open) == 0 {
		t.Fatal("tottori-l3-firewall lists no step before the grade")
	}
	if d := cmp.Diff(strip(open), strip(known)); d != "" {
		t.Errorf("tottori:第3-2..第3-5: the steps differ when the level is known at once (-open +known):\n%s", d)
	}
	for _, e := range open {
		if e.Level != 0 || e.Min != threat.Level2 || e.Max != threat.Level3 {
			t.Errorf("open: %s: want the range level-2..3", line(e))
		}
	}
	for _, e := range known {
		if e.Level != threat.Level3 || e.Min != 0 || e.Max != 0 {
			t.Errorf("known at once: %s: want level-3", line(e))
		}
	}
}

// Laws over every act tottori's table grades at once (each place, firewall,
// severity and source): the steps of 第3-3 to 第3-5 come before the grade, in
// the document's order (each entry's first clause in the plan's clause index
// no earlier than the one before); the request to the national center
// (第3-3(3)) is made exactly when the level is 2 or 3, and the system stop as
// needed (第3-4(2)) exactly at level 3.
func TestDrillTottori第3_3To第3_5EveryActKnownAtOnce(t *testing.T) {
	p := bcp.Tottori()
	s, err := p.Scheme()
	if err != nil {
		t.Fatal(err)
	}
	x, err := p.Index()
	if err != nil {
		t.Fatal(err)
	}
	first := func(cs council.Citations) int {
		at := x.Len()
		for _, c := range cs.All() {
			if i, ok := x.Position(c); ok {
				at = min(at, i)
			}
		}
		return at
	}
	sa := council.ByRole(council.SystemAdministrator)
	nationalCenter := step{ActRequest, sa, council.ByParty(council.NationalCenter), "tottori:第3-3(3)"}
	stop := step{ActMeasure, sa, council.Actor{}, "tottori:第3-4(2)"}
	judge := step{ActJudge, sa, council.Actor{}, "tottori:第3-5"}
	n := 0
	for _, k := range threat.AllActKinds() {
		for _, pl := range append([]threat.Place{0}, threat.AllPlaces()...) {
			for _, fw := range append([]threat.Firewall{0}, threat.AllFirewalls()...) {
				for _, sv := range append([]threat.Seriousness{0}, threat.AllSeriousness()...) {
					for _, src := range append([]threat.Source{0}, threat.AllSources()...) {
						e := threat.Event{Kind: k, Place: pl, Firewall: fw, Severity: sv, Source: src}
						rg, err := threat.Provisional(s, e)
						if err != nil || !rg.Confirmed() {
							continue
						}
						n++
						name := fmt.Sprintf("tottori:第3-3/%v", e)
						tl := run(t, p, actObserved("known-at-once", e))
						steps := captureSteps(tl)
						for i := 1; i < len(steps); i++ {
							if first(steps[i].Cites) < first(steps[i-1].Cites) {
								t.Errorf("%s: out of the document's order: %s after %s", name, line(steps[i]), line(steps[i-1]))
							}
						}
						g := step{ActGrade, sa, council.Actor{}, "tottori:第3-1"}.find(t, tl, 0)
						if g < 0 {
							t.Errorf("%s: no grade", name)
							continue
						}
						if j := judge.find(t, tl, 0); j < 0 || j > g {
							t.Errorf("%s: the level is not judged (第3-5) before the grade", name)
						}
						if got, want := nationalCenter.find(t, tl, 0) >= 0, rg.Max >= threat.Level2; got != want {
							t.Errorf("%s (%v): request to the national center = %t, want %t", name, rg.Max, got, want)
						}
						if got, want := stop.find(t, tl, 0) >= 0, rg.Max == threat.Level3; got != want {
							t.Errorf("%s (%v): system stop as needed = %t, want %t", name, rg.Max, got, want)
						}
					}
				}
			}
		}
	}
	if n < 9 {
		t.Errorf("%d acts graded at once; tottori's table grades at least 9", n)
	}
}

// ino 第5条: the security council, convened on the proposal of 第4条 (極めて
// 重大な障害で長時間に渡るサーバ停止と判断した時), decides "代替措置の実施"
// (例: 広域交付発行希望住民に対し、発行可能な近接市町村を案内する等). The
// nearby municipality is offered after the council meets, never while the
// fault is not yet judged serious, and not at all for a fault that is not.
func TestDrillIno第5条AlternativeIsTheCouncilsDecision(t *testing.T) {
	chief := council.ByRole(council.SecurityChief)
	none := council.Actor{}
	alternative := step{ActAlternative, chief, none, "ino:第5条"}
	staff := council.ByRole(council.Staff)
	at := func(h, m int) time.Time { return time.Date(2026, 4, 1, h, m, 0, 0, jst) }
	t.Run("ino:第5条/after-the-council", func(t *testing.T) {
		tl := runBuiltin(t, "ino-long-server-stop")
		if i := alternative.find(t, tl, 0); i >= 0 {
			t.Errorf("the server is down but not judged serious: %s", line(tl.Entries[i]))
		}
		inOrder(t, tl, 1, []step{
			{ActRequest, council.ByRole(council.SystemAdministrator), chief, "ino:第4条"},
			{ActConvene, chief, none, "ino:第5条"},
			{ActAgenda, chief, none, "ino:第5条"},
			alternative,
		})
	})
	t.Run("ino:第4条/serious-at-once", func(t *testing.T) {
		tl := run(t, bcp.Ino(), Scenario{ID: "serious-at-once", Plan: council.PlanIno, Events: []Event{
			{At: at(8, 40), Kind: FaultDetected, By: staff, Status: Status{ServerDown: true, OperationImpossible: true, Impact: 80, ExpectedStop: 8 * time.Hour}},
		}})
		inOrder(t, tl, 0, []step{{ActConvene, chief, none, "ino:第5条"}, alternative})
	})
	t.Run("ino:第4条/not-serious", func(t *testing.T) {
		tl := run(t, bcp.Ino(), Scenario{ID: "short-stop", Plan: council.PlanIno, Events: []Event{
			{At: at(8, 40), Kind: FaultDetected, By: staff, Status: Status{ServerDown: true, CauseUnknown: true}},
			{At: at(9, 30), Kind: StatusChange, Status: Status{ServerDown: true, OperationImpossible: true, Impact: 80, ExpectedStop: time.Hour}},
			{At: at(10, 30), Kind: Recovery},
		}})
		for _, e := range tl.Entries {
			if e.Act == ActAlternative || e.Act == ActConvene {
				t.Errorf("a one-hour stop is not serious (第4条): %s", line(e))
			}
		}
	})
}
