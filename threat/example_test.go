package threat_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/threat"
)

func ExampleGrade() {
	tottori, _ := bcp.Tottori().Scheme()
	kumamoto, _ := bcp.Kumamoto().Scheme()
	stopped := threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallStopped}

	g, err := threat.Grade(tottori, stopped)
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Level.Label(), g.Example, g.Citations)

	g, _ = threat.Grade(kumamoto, stopped)
	fmt.Println(g.Level.Label(), g.Example, g.Citations)

	_, err = threat.Grade(tottori, threat.Event{Kind: threat.Leak})
	fmt.Println(errors.Is(err, threat.ErrNotCovered))
	// Output:
	// レベル2 ファイアウォールを通過しなかった不正アクセス tottori:第3-1
	// レベル3 システム等への不正アクセスの検出 kumamoto:4(1)(イ), kumamoto:別紙1
	// true
}

func ExampleProvisional() {
	s, _ := bcp.Tottori().Scheme()
	// The national center reports signs of unauthorized access (tottori:別表1-1);
	// whether it passed the firewall is not known yet.
	e := threat.Event{Kind: threat.UnauthorizedAccess, Source: threat.SourceNationalCenter}
	r, err := threat.Provisional(s, e)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Min, r.Max, r.Unknown, r.Confirmed())

	p, _ := threat.Precautions(s, r) // precautions follow the top of the range
	for _, n := range p.Notifications.All() {
		fmt.Println(n)
	}
	for _, a := range p.Actions.All() {
		if a.Task == threat.StopSystem {
			fmt.Println(a)
		}
	}

	e.Firewall = threat.FirewallStopped // the fact is established
	r, _ = threat.Provisional(s, e)
	fmt.Println(r.Min, r.Max, r.Confirmed())
	// Output:
	// level-2 level-3 {firewall} false
	// staff → system-administrator (tottori:第3-3(1))
	// system-administrator → national-center ask capture-situation (tottori:第3-3(3))
	// system-administrator → related-municipalities as-needed (tottori:第3-3(3))
	// system-administrator stop-system as-needed (tottori:第3-4(2))
	// level-2 level-2 true
}

func ExampleRespond() {
	s, _ := bcp.Tottori().Scheme()
	g, _ := threat.Grade(s, threat.Event{Kind: threat.Intrusion, Place: threat.PlaceProtected})
	r, err := threat.Respond(s, g)
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Level, "serious:", g.Serious)
	for _, a := range r.Actions.All() {
		fmt.Println(a)
	}
	// Output:
	// level-3 serious: true
	// system-administrator find-cause (tottori:第3-5(2), tottori:第3-7)
	// system-administrator countermeasures (tottori:第3-5(2))
	// system-administrator review-measures (tottori:第3-8(1))
	// system-administrator plan-countermeasures (tottori:第3-8(2))
	// system-administrator report security-chief (tottori:第3-8(2))
	// system-administrator report security-chief (tottori:第3-6(1))
	// security-chief convene-council (tottori:第3-6(2))
	// security-chief direct-matters (tottori:第3-6(3))
}

func ExampleJudge() {
	s, _ := bcp.Tottori().Scheme()
	leak := threat.Event{Kind: threat.Leak} // not in tottori's table
	g, err := threat.Judge(s, leak, threat.Level3, "住民の本人確認情報が外部に漏洩した")
	if err != nil {
		panic(err)
	}
	r, _ := threat.Respond(s, g)
	fmt.Println(r.Grading.Level, r.Grading.Manual, r.Grading.Reason, r.Grading.Citations)
	// Output:
	// level-3 true 住民の本人確認情報が外部に漏洩した tottori:第3-5, tottori:第3-6(1)
}

func ExampleJudgeSerious() {
	s, _ := bcp.Ino().Scheme() // no levels: a serious-threat judgement (ino:第11条)
	e := threat.Event{Kind: threat.Intrusion, Place: threat.PlaceProtected}
	_, err := threat.Grade(s, e)
	fmt.Println(errors.Is(err, threat.ErrNotCovered))

	g, _ := threat.JudgeSerious(s, e, true, "CSのある電算室に無権限者が侵入")
	r, _ := threat.Respond(s, g)
	for _, a := range r.Actions.All() {
		if a.Task == threat.ProposeCouncil || a.Task == threat.ConveneCouncil {
			fmt.Println(a)
		}
	}
	// Output:
	// true
	// system-administrator propose-council security-chief (ino:第11条)
	// security-chief convene-council (ino:第12条)
}

func ExampleNewScheme() {
	// A vendor starts from kumamoto's table and grades antivirus detections too.
	spec := *bcp.Kumamoto().Threat
	spec.Plan = "vendor-x"
	cite := council.Cites(council.Cite("vendor-x", "2(3)"))
	for i := range spec.Rules {
		spec.Rules[i].Citations = cite
		if spec.Rules[i].Match.Kind == threat.VirusDetected {
			spec.Rules[i].Level = threat.Level2
		}
	}
	_, err := threat.NewScheme(spec) // the responses still cite kumamoto
	fmt.Println(errors.Is(err, threat.ErrScheme))

	spec.SeriousCitations, spec.Judgement = cite, cite
	spec.Responses = []threat.Tier{
		{Level: threat.Level1, Actions: []threat.Action{{Actor: council.ByRole(council.SystemAdministrator), Task: threat.Report,
			Target: council.ByRole(council.SecurityChief), If: threat.Always, Citations: cite}}},
		{Level: threat.Level2},
		{Level: threat.Level3, Actions: []threat.Action{{Actor: council.ByRole(council.SecurityChief), Task: threat.ConveneCouncil,
			If: threat.Always, Citations: cite}}},
	}
	spec.Precautions = nil
	s, err := threat.NewScheme(spec)
	if err != nil {
		panic(err)
	}
	g, _ := threat.Grade(s, threat.Event{Kind: threat.VirusDetected})
	fmt.Println(g.Level, g.Citations)
	// Output:
	// true
	// level-2 vendor-x:2(3)
}

func ExampleCapture_Validate() {
	jst := time.FixedZone("JST", 9*3600)
	s := threat.Capture{When: time.Date(2026, 11, 24, 9, 30, 0, 0, jst), Where: "電算室"}
	fmt.Println(s.Missing())
	// ino's plan asks for the capture in 第9条 (its scheme's capture-situation action).
	fmt.Println(s.Validate(council.Cite("ino", "第9条")))
	// Output:
	// [what how]
	// threat: situation: missing what (内容, ino:第9条)
	// threat: situation: missing how (行為, ino:第9条)
}

// Grading an event and convening the council from the result: tottori's
// level-3 act brings the security council together at once (第3-6).
func ExampleGrading_Triggers() {
	s, _ := bcp.Tottori().Scheme()
	g, err := threat.Grade(s, threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallPassed})
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Level, g.Triggers())

	p, _ := bcp.Reference(g.Plan)
	o := *p.Organization
	c, err := council.ConveneAny(o, g.Triggers())
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Trigger, c.Meets, c.Body, c.Immediately, c.Convener)
	fmt.Println("agenda:", c.Agenda, "because:", c.Cites)
	ag, _ := o.Agenda(c.Agenda)
	fmt.Println(ag.Title)

	// A level-1 intrusion does not convene it (第3-5(1)).
	g, _ = threat.Grade(s, threat.Event{Kind: threat.Intrusion, Place: threat.PlaceUnrelated})
	c, _ = council.ConveneAny(o, g.Triggers())
	fmt.Println(c.Trigger, c.Meets, c.Cites)
	// Output:
	// level-3 {unauthorized-act threat-level-3}
	// threat-level-3 true security-council true security-chief
	// agenda: tottori:第3-6(3) because: tottori:第3-6(1), tottori:第3-6(2), tottori:第3-6(3)
	// 重大不正行為発生時にセキュリティ統括管理者が指示する重要事項
	// threat-level-1 false tottori:第3-5(1)
}
