package fault_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
)

func ExampleProcedure_Classify() {
	k := bcp.Kumamoto()
	p, _ := k.FaultProcedure()
	// kumamoto declares its symptoms in its vocabulary, in its own words.
	s, _ := k.Vocabulary.Symptom("プリンターが動作しない")
	c, err := p.Classify(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Kind, c.Cites)

	// A symptom the plan does not list is an error, not a guess.
	_, err = p.Classify(fault.Bug)
	fmt.Println(errors.Is(err, fault.ErrUnlisted))
	// Output:
	// hardware kumamoto:4(2) 障害の特定
	// true
}

func ExampleProcedure_Investigation() {
	ino := bcp.Ino()
	p, _ := ino.FaultProcedure()
	inv, _ := p.Investigation(fault.Network)
	for i, c := range inv.Probes {
		fmt.Println(i+1, ino.Vocabulary.Label(c, bcp.Japanese)) // the plan's words
	}
	fmt.Println(inv.Cites)
	// Output:
	// 1 電源スイッチ及びコンセントの確認
	// 2 警告ランプの確認
	// 3 コマンドによる確認
	// 4 目視チェック
	// ino:第3条
}

func ExampleProcedure_Responsible() {
	t := bcp.Tottori()
	p, _ := t.FaultProcedure()
	l, _ := t.Vocabulary.Location("juki-firewall") // tottori 第2-3⑦
	a, _ := p.Responsible(l)
	fmt.Println(a.Responder, a.Responder.Party(), a.Cites)
	// Output: national-center national-center tottori:第2-3⑦
}

func ExampleProcedure_Escalate() {
	p, _ := bcp.Tottori().FaultProcedure()
	fmt.Println("long:", p.Thresholds().Long, "heavy:", p.Thresholds().Heavy, "%")
	e, _ := p.Escalate(fault.Facts{
		ServerDown:          true,
		OperationImpossible: true,
		Impact:              70,
		ExpectedStop:        36 * time.Hour,
	})
	fmt.Println("serious:", e.Serious, e.SeriousCites)
	for _, n := range e.Notices {
		if n.To.IsValid() {
			fmt.Printf("%s %s → %s (%s)\n", n.By, n.Task, n.To, n.Cites)
		} else {
			fmt.Printf("%s %s (%s)\n", n.By, n.Task, n.Cites)
		}
	}
	// Output:
	// long: 24h0m0s heavy: 50 %
	// serious: true tottori:第2-4(1)
	// staff report → system-administrator (tottori:第2-2(1), tottori:第2-3)
	// system-administrator notify-outage → national-center (tottori:第2-2(1))
	// system-administrator notify-outage → prefecture (tottori:第2-2(1))
	// system-administrator notify-outage → related-municipalities (tottori:第2-2(1))
	// system-administrator report-serious → security-chief (tottori:第2-4(1))
	// security-chief convene-council (tottori:第2-4(2))
	// security-chief instruct (tottori:第2-4(3))
}

func ExampleFault() {
	t := bcp.Tottori()
	p, _ := t.FaultProcedure()
	f, _ := p.Open()
	l, _ := t.Vocabulary.Location("市町村機器") // a term's label names it too
	f, _ = f.Identify(fault.Software, l)
	f, _ = f.Investigate(fault.Findings{IdentityAffected: true})
	f, _ = f.Maintain(fault.Restore)

	// Identity information was affected: resuming first is refused, and the
	// fault is unchanged.
	g, err := f.Resume()
	fmt.Println(err)
	fmt.Println(g == f, g.Stage())

	f, _ = f.CheckIntegrity()
	f, err = f.Resume()
	fmt.Println(f.Stage(), err, f.Cites())
	// Output:
	// fault: tottori: cannot move from maintained to resumed: missing step integrity-checked (tottori:第2-6)
	// true maintained
	// resumed <nil> tottori:第2-6
}

func ExampleTerminalReport_Validate() {
	r := fault.TerminalReport{FirstAid: "再起動", Location: "住民課 端末2", Startup: fault.WontStart}
	// tottori asks for the report, items ア-オ, in 第2-2(2).
	fmt.Println(r.Validate(council.Cite("tottori", "第2-2(2)")))
	// Output:
	// fault: terminal report: missing Message (画面の表示, tottori:第2-2(2))
	// fault: terminal report: missing Operation (操作内容, tottori:第2-2(2))
	// fault: terminal report: missing LatestScreen (最新の画面, tottori:第2-2(2))
}

// A serious fault under ino convenes the security council (第4条, 第5条),
// which an existing emergency-response structure may stand in for.
func ExampleEscalation_Triggers() {
	ino := bcp.Ino()
	p, _ := ino.FaultProcedure()
	e, _ := p.Escalate(fault.Facts{ServerDown: true, Impact: 80, ExpectedStop: 6 * time.Hour})
	fmt.Println(e.Serious, e.Triggers())

	c, _ := council.ConveneAny(*ino.Organization, e.Triggers())
	fmt.Println(c.Trigger, c.Meets, c.Body, c.RequestedBy, c.Chair, c.Agenda, c.Cites)
	sub, _ := c.SubstitutedBy(c.Substitute)
	fmt.Println(sub.Body)
	// Output:
	// true {fault serious-fault}
	// serious-fault true security-council {system-administrator} security-chief ino:第5条 ino:第4条, ino:第5条
	// emergency-response-structure
}
