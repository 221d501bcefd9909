package council

import (
	"errors"
	"testing"
)

// TestNetworkValidate checks what a contact network must state: a name,
// valid members listed once, a keeper among them, links between members
// citing the plan, and clauses of the plan.
func TestNetworkValidate(t *testing.T) {
	tc := func(cl string) Citation { return Cite(PlanTottori, cl) }
	nc, pref, mun := ByParty(NationalCenter), ByParty(Prefecture), ByParty(municipalities)
	good := func() Network {
		return Network{Name: "緊急時連絡網", Members: []Actor{nc, pref, mun}, Cites: Cites(tc("第1-2"))}
	}
	if err := good().Validate(PlanTottori); err != nil {
		t.Fatalf("tottori:第1-2: %v", err)
	}
	for _, c := range []struct {
		name     string
		edit     func(*Network)
		sentinel error
	}{
		{"no-name", func(n *Network) { n.Name = "" }, ErrInvalid},
		{"no-members", func(n *Network) { n.Members = nil }, ErrInvalid},
		{"invalid-member", func(n *Network) { n.Members = append(n.Members, Actor{}) }, ErrInvalid},
		{"member-twice", func(n *Network) { n.Members = append(n.Members, nc) }, ErrDuplicate},
		{"keeper-not-member", func(n *Network) { n.Keeper = ByParty(Police) }, ErrInvalid},
		{"link-outside", func(n *Network) { n.Links = []Link{{From: pref, To: ByParty(Police), Cite: tc("第1-2")}} }, ErrInvalid},
		{"link-to-itself", func(n *Network) { n.Links = []Link{{From: pref, To: pref, Cite: tc("第1-2")}} }, ErrInvalid},
		{"link-twice", func(n *Network) {
			n.Links = []Link{{From: pref, To: mun, Cite: tc("第1-2")}, {From: pref, To: mun, Cite: tc("第1-2")}}
		}, ErrDuplicate},
		{"link-uncited", func(n *Network) { n.Links = []Link{{From: pref, To: mun}} }, ErrUncited},
		{"link-other-plan", func(n *Network) { n.Links = []Link{{From: pref, To: mun, Cite: Cite(PlanIno, "第5条")}} }, ErrUncited},
		{"empty-list", func(n *Network) { n.Lists = []string{""} }, ErrInvalid},
		{"wider-other-plan", func(n *Network) { n.Wider = Cites(Cite(PlanIno, "第5条")) }, ErrUncited},
		{"uncited", func(n *Network) { n.Cites = Citations{} }, ErrUncited},
	} {
		t.Run("tottori:第1-2/"+c.name, func(t *testing.T) {
			n := good()
			c.edit(&n)
			if err := n.Validate(PlanTottori); !errors.Is(err, c.sentinel) {
				t.Errorf("Validate = %v; want %v", err, c.sentinel)
			}
		})
	}
	t.Run("organization/name-twice", func(t *testing.T) {
		o := tottori()
		o.Networks = []Network{good(), good()}
		if err := o.Validate(); !errors.Is(err, ErrDuplicate) {
			t.Errorf("Validate = %v; want %v", err, ErrDuplicate)
		}
	})
}
