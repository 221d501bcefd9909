package threat

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

func respondAt(t *testing.T, s *Scheme, l Level) Response {
	t.Helper()
	r, err := Respond(s, Grading{Plan: s.Plan(), Level: l, Serious: l >= s.SeriousFrom()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type step struct {
	actor  council.Actor
	step   Task
	target council.Actor
}

func steps(as Actions) []step {
	var out []step
	for _, a := range as.All() {
		out = append(out, step{a.Actor, a.Task, a.Target})
	}
	return out
}

func TestRespondTottori(t *testing.T) {
	s := tottori()
	t.Run("tottori:第3-5(1)/L1/report-and-stand-down", func(t *testing.T) {
		r := respondAt(t, s, Level1)
		want := []step{{sysAdmin, Report, chief}, {sysAdmin, StandDown, council.Actor{}}}
		if diff := cmp.Diff(want, steps(r.Actions), cmp.AllowUnexported(step{})); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if !r.StandDown || r.Notifications.Len() != 0 {
			t.Errorf("stand-down %t, %d notifications", r.StandDown, r.Notifications.Len())
		}
		if !r.Actions.At(1).Citations.Equal(tot("第3-5(1)")) {
			t.Errorf("citations %s", r.Actions.At(1).Citations)
		}
	})
	t.Run("tottori:第3-5(2)/L2/find-cause-and-act", func(t *testing.T) {
		r := respondAt(t, s, Level2)
		if r.StandDown {
			t.Error("level 2 stands down")
		}
		for _, st := range []Task{FindCause, Countermeasures, ReviewMeasures, PlanCountermeasures} {
			if !r.Actions.Has(sysAdmin, st) {
				t.Errorf("level 2 lacks %s", st)
			}
		}
		if r.Actions.Has(chief, ConveneCouncil) {
			t.Error("level 2 convenes the council")
		}
		if !r.Notifications.Has(nationalCtr) || !r.Notifications.Has(municipality) {
			t.Error("tottori:第3-8(3): national center and municipalities are told")
		}
	})
	t.Run("tottori:第3-6/L3/chief-convenes-council", func(t *testing.T) {
		r := respondAt(t, s, Level3)
		var report, convene Action
		for _, a := range r.Actions.All() {
			switch {
			case a.Actor == sysAdmin && a.Task == Report:
				report = a
			case a.Actor == chief && a.Task == ConveneCouncil:
				convene = a
			}
		}
		if report.Target != chief || !report.Citations.Contains(council.Cite("tottori", "第3-6(1)")) {
			t.Errorf("report %v", report)
		}
		if !convene.Citations.Equal(tot("第3-6(2)")) || convene.If != Always {
			t.Errorf("convene %v", convene)
		}
		if !r.Actions.Has(chief, DirectMatters) {
			t.Error("tottori:第3-6(3): the chief directs stop, residents and PR")
		}
		if !r.Grading.Serious {
			t.Error("level 3 is serious")
		}
	})
}

func TestRespondKumamoto(t *testing.T) {
	s := kumamoto()
	t.Run("kumamoto:4(1) 緊急対応策(ア)/L1", func(t *testing.T) {
		r := respondAt(t, s, Level1)
		if !r.StandDown || !r.Actions.Has(sectionMgr, InformSections) {
			t.Errorf("level 1: %v", steps(r.Actions))
		}
		for _, p := range []council.Actor{council.ByParty(council.Police), declared("kumamoto", parties, "pr-division"), council.ByParty(council.RelatedBodies), declared("kumamoto", parties, "affected-persons")} {
			found := false
			for _, n := range r.Notifications.All() {
				if n.To == p && n.If == AsNeeded && n.Citations.Equal(kum("3")) {
					found = true
				}
			}
			if !found {
				t.Errorf("kumamoto:3: %s is not told as needed", p)
			}
		}
	})
	t.Run("kumamoto:4(1)(ウ)/L2/notify-security-officers", func(t *testing.T) {
		r := respondAt(t, s, Level2)
		type told struct {
			To  council.Actor
			Ask Task
		}
		var got []told
		officers := council.RolesOf(regionalDiv.Role, chuoDiv.Role, infoDiv.Role)
		for _, n := range r.Notifications.All() {
			if officers.Has(n.To.Role) || n.To == secOfficers {
				got = append(got, told{n.To, n.Ask})
				if n.From != sectionMgr || !n.Citations.Equal(kum("4(1)(ウ)")) || n.If != Always {
					t.Errorf("notification %v", n)
				}
			}
		}
		want := []told{{regionalDiv, 0}, {chuoDiv, 0}, {infoDiv, CaptureSituation}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("地域政策課・中央区役所区民課 told, 情報政策課 asked (-want +got):\n%s", diff)
		}
		if !r.Actions.Has(sectionMgr, PreventEscalation) || !r.Actions.Has(sectionMgr, FindCause) {
			t.Error("kumamoto:4(1) 緊急対応策(イ): find cause and prevent escalation")
		}
	})
	t.Run("kumamoto:4(1) 緊急対応策(ウ)/L3", func(t *testing.T) {
		r := respondAt(t, s, Level3)
		for _, st := range []Task{FindCause, EmergencyMeasures, RequestMeasures} {
			if !r.Actions.Has(sectionMgr, st) {
				t.Errorf("level 3 lacks %s", st)
			}
		}
		if !r.Actions.Has(secOfficers, ConveneCouncil) {
			t.Error("kumamoto:別紙1: level 3 calls the emergency security council")
		}
	})
	t.Run("kumamoto:4(1) 緊急対応策(ウ)(c)/L3/request-other-ward-offices", func(t *testing.T) {
		r := respondAt(t, s, Level3)
		n := 0
		for _, a := range r.Actions.All() {
			if a.Task == RequestMeasures {
				n++
				if a.Actor != sectionMgr || a.Target != otherWards || a.If != AsNeeded || !a.Citations.Equal(kum("4(1) 緊急対応策(ウ)(c)")) {
					t.Errorf("request %v", a)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d requests; want 1", n)
		}
	})
}

func TestRespondRejectsForeignGrading(t *testing.T) {
	g, err := Grade(kumamoto(), Event{Kind: Leak})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Respond(tottori(), g); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("tottori responded to a kumamoto grading: %v", err)
	}
	for _, g := range []Grading{{}, {Plan: "tottori"}, {Plan: "tottori", Level: Level3, Serious: false}, {Plan: "tottori", Level: Level1, Serious: true}} {
		if _, err := Respond(tottori(), g); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("Respond(%+v) = %v", g, err)
		}
	}
}

func TestProvisional(t *testing.T) {
	tt, km := tottori(), kumamoto()
	for _, tc := range []struct {
		name      string
		s         *Scheme
		e         Event
		min, max  Level
		uncovered bool
		unknown   Attributes
	}{
		{"tottori:第3-3(3)/access-firewall-unknown", tt, Event{Kind: UnauthorizedAccess, Source: SourceNationalCenter}, Level2, Level3, false, AttributesOf(AttrFirewall)},
		{"tottori:第3-1/intrusion-place-unknown", tt, Event{Kind: Intrusion}, Level1, Level3, false, AttributesOf(AttrPlace)},
		{"tottori:第3-1/vulnerability-severity-unknown", tt, Event{Kind: Vulnerability, Source: SourceVendor}, Level3, Level3, true, AttributesOf(AttrSeverity)},
		{"tottori:第3-1/known", tt, Event{Kind: Intrusion, Place: PlaceRelated}, Level2, Level2, false, 0},
		{"kumamoto:2(1)/suspicious-person-in-office", km, Event{Kind: Intrusion}, Level1, Level3, false, AttributesOf(AttrPlace)},
		{"kumamoto:4(1)(イ)/access-firewall-not-read", km, Event{Kind: UnauthorizedAccess}, Level3, Level3, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Provisional(tc.s, tc.e)
			if err != nil {
				t.Fatal(err)
			}
			if r.Min != tc.min || r.Max != tc.max || r.Uncovered != tc.uncovered || r.Unknown != tc.unknown {
				t.Errorf("range %s..%s uncovered=%t unknown=%s; want %s..%s %t %s", r.Min, r.Max, r.Uncovered, r.Unknown, tc.min, tc.max, tc.uncovered, tc.unknown)
			}
			if got, want := r.Confirmed(), tc.min == tc.max && !tc.uncovered; got != want {
				t.Errorf("Confirmed = %t", got)
			}
		})
	}
	if _, err := Provisional(tt, Event{Kind: Leak}); !errors.Is(err, ErrNotCovered) {
		t.Errorf("tottori: leak: %v", err)
	}
	if _, err := Provisional(tt, Event{Kind: Intrusion, Place: 8}); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("invalid event: %v", err)
	}
}

func TestPrecautions(t *testing.T) {
	s := tottori()
	r, _ := Provisional(s, Event{Kind: UnauthorizedAccess, Source: SourceNationalCenter})
	t.Run("tottori:第3-4(2)/likely-L3/stop-system", func(t *testing.T) {
		p, err := Precautions(s, r)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Actions.Has(sysAdmin, StopSystem) || !p.Actions.Has(sysAdmin, EmergencyMeasures) {
			t.Errorf("precautions at likely level 3: %v", steps(p.Actions))
		}
		if !p.Notifications.Has(nationalCtr) {
			t.Error("tottori:第3-3(3): likely level 2 or 3 notifies the national center")
		}
		// The final response waits for the confirmed level.
		g, err := Grade(s, r.Event)
		if !errors.Is(err, ErrIncomplete) {
			t.Errorf("Grade before the firewall is known: %v, %v", g, err)
		}
	})
	t.Run("tottori:第3-4(3)/request-other-local-governments", func(t *testing.T) {
		p, err := Precautions(s, Range{Plan: "tottori", Min: Level1, Max: Level1})
		if err != nil {
			t.Fatal(err)
		}
		var targets []council.Actor
		for _, a := range p.Actions.All() {
			if a.Task == RequestMeasures {
				targets = append(targets, a.Target)
				if a.If != AsNeeded || !a.Citations.Equal(cites(council.PlanTottori, "第3-4(3)")) {
					t.Errorf("request %v", a)
				}
			}
		}
		if diff := cmp.Diff([]council.Actor{nationalCtr, otherGovts}, targets); diff != "" {
			t.Errorf("全国センター及び他の地方公共団体等 (-want +got):\n%s", diff)
		}
	})
	t.Run("tottori:第3-3(3)/likely-L1/no-national-center", func(t *testing.T) {
		r1 := Range{Plan: "tottori", Min: Level1, Max: Level1}
		p, err := Precautions(s, r1)
		if err != nil {
			t.Fatal(err)
		}
		if p.Notifications.Has(nationalCtr) || p.Actions.Has(sysAdmin, StopSystem) {
			t.Errorf("level-1 precautions notify or stop: %v %v", steps(p.Actions), p.Notifications)
		}
		if !p.Actions.Has(sysAdmin, JudgeLevel) {
			t.Error("tottori:第3-5: the level is judged")
		}
	})
	for _, bad := range []Range{{}, {Plan: "tottori"}, {Plan: "tottori", Min: Level3, Max: Level2}, {Plan: "kumamoto", Min: Level1, Max: Level1}} {
		if _, err := Precautions(s, bad); err == nil {
			t.Errorf("Precautions(%+v) succeeded", bad)
		}
	}
	if _, err := Precautions(ino(), Range{Plan: "ino", Min: Level1, Max: Level1}); !errors.Is(err, ErrNotCovered) {
		t.Errorf("ino precautions: %v", err)
	}
}

// TestInheritedResponsesCiteTheirOwnLevel: a higher level does not carry a
// lower level's clause for what it states itself, nor what the plan states
// for the lower level alone (issue 13: readings the text does not support).
func TestInheritedResponsesCiteTheirOwnLevel(t *testing.T) {
	reports := func(r Response) []string {
		var out []string
		for _, a := range r.Actions.All() {
			if a.Task == Report {
				out = append(out, a.Citations.String())
			}
		}
		return out
	}
	tottori := tottori()
	t.Run("tottori:第3-5(1)/level-1-report-and-stand-down", func(t *testing.T) {
		r, _ := Respond(tottori, Grading{Plan: "tottori", Level: Level1})
		if got := reports(r); !slices.Equal(got, []string{"tottori:第3-5(1)"}) || !r.StandDown {
			t.Errorf("level 1 reports %v, stand-down %v; want one report citing 第3-5(1) and a stand-down", got, r.StandDown)
		}
	})
	t.Run("tottori:第3-8(2)/level-2-reports-permanent-countermeasures-only", func(t *testing.T) {
		r, _ := Respond(tottori, Grading{Plan: "tottori", Level: Level2})
		if got := reports(r); !slices.Equal(got, []string{"tottori:第3-8(2)"}) {
			t.Errorf("level 2 reports %v; want only 第3-8(2) (第3-5(1) is level 1's alone)", got)
		}
	})
	t.Run("tottori:第3-6(1)/level-3-reports-at-once-and-later", func(t *testing.T) {
		r, _ := Respond(tottori, Grading{Plan: "tottori", Level: Level3, Serious: true})
		if got := reports(r); !slices.Equal(got, []string{"tottori:第3-8(2)", "tottori:第3-6(1)"}) {
			t.Errorf("level 3 reports %v; want the permanent-countermeasure report (第3-8(2)) and the immediate one (第3-6(1))", got)
		}
	})
	t.Run("kumamoto:4(1) 緊急対応策(イ)/no-prevention-of-level-3-at-level-3", func(t *testing.T) {
		k := kumamoto()
		r2, _ := Respond(k, Grading{Plan: "kumamoto", Level: Level2})
		r3, _ := Respond(k, Grading{Plan: "kumamoto", Level: Level3, Serious: k.SeriousFrom() <= Level3})
		if !r2.Actions.Has(council.ByRole(council.SectionManager), PreventEscalation) {
			t.Error("level 2 lacks the prevention of level 3")
		}
		for _, a := range r3.Actions.All() {
			if a.Task == PreventEscalation {
				t.Errorf("level 3 still prevents an escalation to level 3: %v", a)
			}
		}
	})
}
