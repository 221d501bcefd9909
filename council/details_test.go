package council

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCouncilDetails: the chair's delegation (その委任を受けた者を含む), a
// decision approved after the fact (事後に承認) and the network a convener
// calls the members over are the plan's data: Convene hands them on,
// SubstitutedBy clears them with the chair, and Validate rejects them when
// they cite another plan, name a role outside the chain or a network the
// organisation does not have. No reference plan states a delegation or a
// ratification, so those cases are on kumiyama's council with clauses of
// its own ID as fixtures; ino 第5条 states the network.
func TestCouncilDetails(t *testing.T) {
	kc := func(cl string) Citation { return Cite(PlanKumiyama, cl) }
	withDetails := func() Organization {
		o := kumiyama()
		o.Councils[0].Delegation = kc("第6条2項")
		o.Councils[0].Ratification = Ratification{By: SecurityChief, Cite: kc("第6条5項")}
		return o
	}
	t.Run("fixture/convene-hands-on", func(t *testing.T) {
		o := withDetails()
		c, err := Convene(o, AnyFault)
		if err != nil {
			t.Fatal(err)
		}
		if c.Delegation != kc("第6条2項") || c.Ratification != (Ratification{By: SecurityChief, Cite: kc("第6条5項")}) {
			t.Errorf("Convene = delegation %v, ratification %v; want the council's", c.Delegation, c.Ratification)
		}
		if err := o.Validate(); err != nil {
			t.Errorf("Validate = %v", err)
		}
	})
	t.Run("kumiyama:第6条/not-stated", func(t *testing.T) {
		c, err := Convene(kumiyama(), AnyFault)
		if err != nil {
			t.Fatal(err)
		}
		if c.Delegation != (Citation{}) || c.Ratification != (Ratification{}) {
			t.Errorf("Convene = delegation %v, ratification %v; want none: kumiyama states neither", c.Delegation, c.Ratification)
		}
	})
	t.Run("ino:第5条/substitute-clears", func(t *testing.T) {
		o := ino()
		o.Councils[0].Delegation = Cite(PlanIno, "第5条")
		o.Councils[0].Ratification = Ratification{Cite: Cite(PlanIno, "第5条")}
		c, err := Convene(o, SeriousFault)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.SubstitutedBy(c.Substitute)
		if err != nil {
			t.Fatal(err)
		}
		if s.Delegation != (Citation{}) || s.Ratification != (Ratification{}) || s.Chair != 0 {
			t.Errorf("SubstitutedBy = chair %v, delegation %v, ratification %v; want all cleared", s.Chair, s.Delegation, s.Ratification)
		}
	})
	t.Run("ino:第5条/network", func(t *testing.T) {
		o := ino()
		if got := o.Councils[0].Network; got != "連絡網" {
			t.Errorf("ino council network = %q; want 連絡網 (第5条 事前に定めた連絡網)", got)
		}
		want := Network{Name: "連絡網", Purpose: "セキュリティ会議のメンバーを招集する", Members: []Actor{ByRole(SecurityChief)},
			Cites: Cites(Cite(PlanIno, "第5条"), Cite(PlanIno, "第12条"))}
		if diff := cmp.Diff([]Network{want}, o.Networks); diff != "" {
			t.Errorf("ino networks (-want +got):\n%s", diff)
		}
	})
	t.Run("kumiyama:第24条/network", func(t *testing.T) {
		o := kumiyama()
		if len(o.Networks) != 1 || o.Networks[0].Keeper != ByRole(SystemAdministrator) || len(o.Networks[0].Members) != 3 {
			t.Errorf("kumiyama networks = %+v; want 第24条's 連絡網 kept by the system administrator with 京都府 and ハードウェアメーカ", o.Networks)
		}
	})
	for _, c := range []struct {
		name     string
		edit     func(*Organization)
		sentinel error
	}{
		{"delegation-other-plan", func(o *Organization) { o.Councils[0].Delegation = Cite(PlanIno, "第5条") }, ErrUncited},
		{"ratification-uncited", func(o *Organization) { o.Councils[0].Ratification = Ratification{By: SecurityChief} }, ErrUncited},
		{"ratification-other-plan", func(o *Organization) { o.Councils[0].Ratification.Cite = Cite(PlanIno, "第5条") }, ErrUncited},
		{"ratification-by-outsider", func(o *Organization) { o.Councils[0].Ratification.By = Staff }, ErrUnknownRole},
		{"network-unknown", func(o *Organization) { o.Councils[0].Network = "緊急時連絡網" }, ErrNotFound},
		{"link-bad-hours", func(o *Organization) {
			n := &o.Networks[0]
			n.Links = []Link{{From: n.Members[0], To: n.Members[1], Hours: Hours(9), Cite: kc("第24条")}}
		}, ErrInvalid},
	} {
		t.Run("fixture/"+c.name, func(t *testing.T) {
			o := withDetails()
			c.edit(&o)
			if err := o.Validate(); !errors.Is(err, c.sentinel) {
				t.Errorf("Validate = %v; want %v", err, c.sentinel)
			}
		})
	}
	t.Run("kumiyama:第24条/hours", func(t *testing.T) {
		o := kumiyama()
		n := &o.Networks[0]
		n.Links = []Link{
			{From: n.Members[0], To: n.Members[1], Hours: OfficeHours, Cite: kc("第24条")},
			{From: n.Members[0], To: n.Members[1], Hours: OffHours, Cite: kc("第24条")},
		}
		if err := o.Validate(); err != nil {
			t.Errorf("Validate = %v; want the same link in office hours and off hours accepted", err)
		}
	})
}
