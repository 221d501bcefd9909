// Command drill replays an unauthorized-access drill on tottori's reference
// plan: the provisional grade while the firewall question is open, the
// precautions and notifications that range calls for, the annex playbook, the
// confirmed grade and response, and the security council it convenes — every
// line with the clauses it rests on.
//
// Usage:
//
//	go run ./examples/drill
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

var jst = time.FixedZone("JST", 9*3600)

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "drill: unexpected argument %q (this drill takes no flags)\n", args[0])
		return 2
	}
	if err := drill(stdout); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func drill(w io.Writer) error {
	scheme := threat.Tottori()
	org := council.Tottori()
	t0 := time.Date(2026, 11, 24, 9, 30, 0, 0, jst)
	at := func(d time.Duration) string { return t0.Add(d).Format("01-02 15:04") }

	fmt.Fprintln(w, "drill: tottori — unauthorized access found in the prefecture's firewall log")
	// 1. The prefecture finds signs of unauthorized access; the firewall
	// question is still open.
	event := threat.Event{Kind: threat.UnauthorizedAccess, Source: threat.SourceLocal}
	r, err := threat.Provisional(scheme, event)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s  provisional grade %s–%s (unknown: %s)\n", at(0), r.Min.Label(), r.Max.Label(), r.Unknown)
	p, err := threat.Precautions(scheme, r)
	if err != nil {
		return err
	}
	for _, n := range p.Notifications.All() {
		fmt.Fprintf(w, "%s  notify   %s\n", at(5*time.Minute), n)
	}
	for _, a := range p.Actions.All() {
		fmt.Fprintf(w, "%s  act      %s\n", at(10*time.Minute), a)
	}

	// 2. The annex playbook for this event and who found it.
	pb, err := measures.ForEvent(event)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s  playbook %s (%s)\n", at(15*time.Minute), pb.Event, pb.Citations)
	for _, s := range pb.Steps() {
		cond := ""
		if s.Conditional() {
			cond = " [if " + s.Condition.String() + "]"
		}
		fmt.Fprintf(w, "%s    %s %s%s (%s)\n", at(15*time.Minute), s.Mark, s.Action, cond, s.Citations)
	}

	// 3. The log analysis shows the access passed the firewall: level 3.
	event.Firewall = threat.FirewallPassed
	resp, err := threat.Decide(scheme, event)
	if err != nil {
		return err
	}
	g := resp.Grading
	fmt.Fprintf(w, "%s  grade    %s: %s (%s)\n", at(2*time.Hour), g.Level.Label(), g.Example, g.Citations)
	for _, a := range resp.Actions.All() {
		fmt.Fprintf(w, "%s  act      %s\n", at(2*time.Hour), a)
	}

	// 4. Level 3 brings the security council together.
	c, err := council.Convene(org, council.LevelTrigger(int(g.Level)))
	if err != nil {
		return err
	}
	if !c.Meets {
		return fmt.Errorf("drill: tottori's plan does not convene the council for %s", c.Trigger)
	}
	fmt.Fprintf(w, "%s  council  %s meets, convened by %s (%s)\n", at(3*time.Hour), c.Body.Label(), c.Convener, c.Cites)
	return nil
}
