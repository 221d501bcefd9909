package bcp_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

// Load a plan file and print its provenance, which decisions made with the
// plan can carry.
func ExampleParsePlan() {
	data, err := os.ReadFile("reference/tottori.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := bcp.ParsePlan(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	pv, _ := p.Provenance()
	fmt.Println(pv.Plan, pv.Version, len(pv.Fingerprint), "hex digits")
	ref, _ := bcp.Tottori().Provenance()
	fmt.Println("same as the preset:", pv == ref)
	// Output:
	// tottori 2006-03-03 64 hex digits
	// same as the preset: true
}

// A mistake in a plan file is reported with its JSON path.
func ExampleParsePlan_error() {
	data, _ := os.ReadFile("reference/ino.json")
	bad := strings.Replace(string(data), `"chief": "security-chief"`, `"chief": "mayor's-cat"`, 1)
	_, err := bcp.ParsePlan([]byte(bad))
	var pe *bcp.PathError
	fmt.Println(errors.As(err, &pe), pe.Path, errors.Is(err, bcp.ErrBadValue))
	// Output:
	// true $.organization.chain.chief true
}

// A reference plan is silent where its document is: kumiyama's regulation
// grades no threat levels and has no continuity part.
func ExampleKumiyama() {
	p := bcp.Kumiyama()
	fmt.Println(p.ID, p.Version)
	fmt.Println("organisation:", p.Organization != nil, "fault:", p.Fault != nil)
	fmt.Println("threat scheme:", p.Threat != nil, "continuity:", p.Continuity != nil)
	_, err := p.Scheme()
	fmt.Println(errors.Is(err, bcp.ErrNoScheme))
	fmt.Println("password length:", p.Measures.Controls.MinPasswordLength)
	fmt.Println("chief:", p.Organization.Chain.Chief, p.Organization.Chain.Chief == council.SecurityChief)
	// Output:
	// kumiyama 2022-04-01
	// organisation: true fault: true
	// threat scheme: false continuity: false
	// true
	// password length: 8
	// chief: security-chief true
}

// The five reference plans and the parts each document has.
func ExampleReferencePlans() {
	for _, p := range bcp.ReferencePlans() {
		var parts []string
		if p.Organization != nil {
			parts = append(parts, "organization")
		}
		if p.Fault != nil {
			parts = append(parts, "fault")
		}
		if p.Threat != nil {
			parts = append(parts, "threat")
		}
		if p.Measures != nil {
			parts = append(parts, "measures")
		}
		if p.Continuity != nil {
			parts = append(parts, fmt.Sprintf("continuity(%d systems)", len(p.Continuity.Inventory.Systems)))
		}
		fmt.Printf("%-8s %-10s %s\n", p.ID, p.Version, strings.Join(parts, " "))
	}
	// Output:
	// ino      2019-01-21 organization fault threat measures
	// kumamoto 2016-04-01 organization fault threat measures
	// kumiyama 2022-04-01 organization fault measures
	// nakano   案 (2021年3月策定予定) organization continuity(39 systems)
	// tottori  2006-03-03 organization fault threat measures
}
