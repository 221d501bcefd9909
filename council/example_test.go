package council_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

func ExampleConvene() {
	// ino: the system administrator judges a server stop extremely serious.
	c, err := council.Convene(*bcp.Ino().Organization, council.SeriousFault)
	if err != nil {
		panic(err)
	}
	fmt.Println("meets:", c.Meets, c.Body)
	fmt.Println("requested by:", c.RequestedBy)
	fmt.Println("chair:", c.Chair)
	fmt.Println("agenda:", c.Agenda)
	fmt.Println("may stand in:", c.Substitute)
	fmt.Println("why:", c.Cites)

	// tottori: a level-2 unauthorized act does not convene the council.
	c, _ = council.Convene(*bcp.Tottori().Organization, council.ThreatLevel2)
	fmt.Println("tottori level 2 meets:", c.Meets, "why:", c.Cites)
	// Output:
	// meets: true security-council
	// requested by: {system-administrator}
	// chair: security-chief
	// agenda: ino:第5条
	// may stand in: emergency-response-structure
	// why: ino:第4条, ino:第5条
	// tottori level 2 meets: false why: tottori:第3-5(2)
}

func ExampleMeeting() {
	jst := time.FixedZone("JST", 9*3600)
	opened := time.Date(2026, 4, 1, 10, 0, 0, 0, jst)
	chief := council.ByRole(council.SecurityChief)

	org := *bcp.Tottori().Organization
	c, _ := council.Convene(org, council.ThreatLevel3)
	agenda, _ := org.Agenda(c.Agenda)
	m, _ := council.Open(agenda, c.Trigger, opened)

	m, _ = m.Decide("system-stop", "県サーバを住基ネットから一部切離し", chief, opened.Add(5*time.Minute))
	if _, err := m.Close(opened.Add(10 * time.Minute)); errors.Is(err, council.ErrOutstanding) {
		fmt.Println(err)
	}
	m, _ = m.Decide("resident-response", "窓口で事情を説明", chief, opened.Add(15*time.Minute))
	m, _ = m.MarkNotApplicable("publicity", "住民への影響なし", chief, opened.Add(20*time.Minute))
	m, err := m.Close(opened.Add(30 * time.Minute))
	fmt.Println("closed:", err == nil)
	for _, r := range m.Records() {
		fmt.Printf("%s: %s %q by %s at %s\n", r.Key, r.Status, r.Text, r.By, r.At.Format("15:04"))
	}
	// Output:
	// council: meeting on tottori:第3-6(3): cannot close: outstanding resident-response, publicity
	// closed: true
	// system-stop: decided "県サーバを住基ネットから一部切離し" by security-chief at 10:05
	// resident-response: decided "窓口で事情を説明" by security-chief at 10:15
	// publicity: not-applicable "住民への影響なし" by security-chief at 10:20
}

func ExampleChain_PathToChief() {
	p, err := bcp.Tottori().Organization.Chain.PathToChief(council.Operator)
	if err != nil {
		panic(err)
	}
	fmt.Println(p)
	fmt.Println(p.Cites())
	// Output:
	// operator → staff → system-administrator → security-chief
	// tottori:第2-2(2), tottori:第2-2(1), tottori:第2-4(1)
}

func ExampleChain_MustTell() {
	roles, parties := bcp.Tottori().Organization.Chain.MustTell(council.ThreatLevel3)
	fmt.Println(roles, parties)
	// Output:
	// {security-chief system-administrator} {national-center contractor}
}

func ExampleChain_Validate() {
	ch := council.Chain{Plan: "town", Chief: council.SecurityChief, Edges: []council.Edge{
		{From: council.Staff, To: council.SystemAdministrator, Cite: council.Cite("town", "第3条")},
		{From: council.SystemAdministrator, To: council.Staff, Cite: council.Cite("town", "第4条")},
	}}
	fmt.Println(ch.Validate())
	// Output:
	// council: chain town: cycle system-administrator → staff → system-administrator
	// council: chain town: role system-administrator: does not reach the chief security-chief
	// council: chain town: role staff: does not reach the chief security-chief
}

// kumiyama's appointments (第2条-第5条), as its plan file states them.
func ExampleAppointments() {
	for _, a := range bcp.Kumiyama().Organization.Appointments {
		fmt.Printf("%s ← %s (%s)\n", a.Role, a.Holder, a.Cite)
	}
	// Output:
	// security-chief ← 副町長 (kumiyama:第2条2項)
	// deputy-security-chief ← 総務部長 (kumiyama:第3条2項)
	// deputy-security-chief ← 民生部長 (kumiyama:第3条2項)
	// system-administrator ← 企画財政課長 (kumiyama:第4条2項)
	// info-protection-manager ← 住民課長 (kumiyama:第5条2項)
}
