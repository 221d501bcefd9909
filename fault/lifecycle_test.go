package fault

import (
	"errors"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// lifecycle is the rapid state machine over a Fault. Only the actions are
// exported methods.
type lifecycle struct {
	f        Fault
	plan     Procedure
	serious  bool
	affected bool
	done     map[Stage]bool
}

func (m *lifecycle) integrityRequired() bool {
	return m.plan.ID() != "tottori" || m.affected
}

// expect is the model's own judgement of whether moving to stage to is legal.
func (m *lifecycle) expect(to Stage) bool {
	cur := m.f.Stage()
	if to <= cur {
		return false
	}
	if to == Escalated && !m.serious {
		return false
	}
	need := []Stage{Detected}
	if to > Identified {
		need = append(need, Identified)
	}
	if to > Investigated {
		need = append(need, Investigated)
	}
	if to > Escalated && m.serious {
		need = append(need, Escalated)
	}
	if to > IntegrityChecked && m.integrityRequired() {
		need = append(need, IntegrityChecked)
	}
	if to > Resumed {
		need = append(need, Resumed)
	}
	for _, s := range need {
		if !m.done[s] {
			return false
		}
	}
	return true
}

func (m *lifecycle) apply(t *rapid.T, to Stage, do func(Fault) (Fault, error), legal bool) bool {
	before := m.f
	g, err := do(m.f)
	if err != nil {
		if g != before {
			t.Fatalf("rejected move to %v changed the fault", to)
		}
		if legal {
			t.Fatalf("model allows %v, machine refused: %v", to, err)
		}
		if te, ok := errors.AsType[*TransitionError](err); ok && te.Missing != 0 && m.done[te.Missing] {
			t.Fatalf("error names step %v as missing, but it was done", te.Missing)
		}
		return false
	}
	if !legal {
		t.Fatalf("model forbids %v from %v, machine allowed it", to, before.Stage())
	}
	if g.Stage() != to {
		t.Fatalf("moved to %v, want %v", g.Stage(), to)
	}
	m.f = g
	m.done[to] = true
	return true
}

func (m *lifecycle) Identify(t *rapid.T) {
	k := rapid.SampledFrom(AllKinds()).Draw(t, "kind")
	l := rapid.SampledFrom(append([]Location{0}, openValues[Location]()...)).Draw(t, "location") // zero: not known
	m.apply(t, Identified, func(f Fault) (Fault, error) { return f.Identify(k, l) }, m.expect(Identified))
}

func (m *lifecycle) IdentifyUnset(t *rapid.T) {
	m.apply(t, Identified, func(f Fault) (Fault, error) { return f.Identify(0, jukiLAN) }, false)
}

func (m *lifecycle) Investigate(t *rapid.T) {
	x := Findings{Serious: rapid.Bool().Draw(t, "serious"), IdentityAffected: rapid.Bool().Draw(t, "affected")}
	legal := m.expect(Investigated) && (!x.Serious || m.plan.Thresholds().Long > 0)
	if m.apply(t, Investigated, func(f Fault) (Fault, error) { return f.Investigate(x) }, legal) {
		m.serious, m.affected = x.Serious, x.IdentityAffected
	}
}

func (m *lifecycle) Escalate(t *rapid.T) {
	m.apply(t, Escalated, Fault.Escalate, m.expect(Escalated))
}

func (m *lifecycle) Maintain(t *rapid.T) {
	w := rapid.SampledFrom(AllWorks()).Draw(t, "work")
	m.apply(t, Maintained, func(f Fault) (Fault, error) { return f.Maintain(w) }, m.expect(Maintained))
}

func (m *lifecycle) CheckIntegrity(t *rapid.T) {
	m.apply(t, IntegrityChecked, Fault.CheckIntegrity, m.expect(IntegrityChecked))
}

func (m *lifecycle) Resume(t *rapid.T) {
	m.apply(t, Resumed, Fault.Resume, m.expect(Resumed))
}

func (m *lifecycle) PreventRecurrence(t *rapid.T) {
	m.apply(t, RecurrencePrevented, Fault.PreventRecurrence, m.expect(RecurrencePrevented))
}

func (m *lifecycle) StartAlternative(t *rapid.T) {
	a := rapid.SampledFrom(AllAlternatives()).Draw(t, "alternative")
	before := m.f
	g, err := m.f.StartAlternative(a)
	listed := slices.ContainsFunc(m.plan.AlternativesFor(m.f.Kind()), func(f Fallback) bool {
		return f.Alternative == a && (f.When != SeriousFault || m.serious)
	})
	if want := listed && !m.done[Resumed]; (err == nil) != want {
		t.Fatalf("StartAlternative(%v) error = %v, want success %v", a, err, want)
	}
	if err != nil {
		if g != before {
			t.Fatal("rejected alternative changed the fault")
		}
		return
	}
	m.f = g
}

// Check holds after every action.
func (m *lifecycle) Check(t *rapid.T) {
	d := m.f.Done()
	for s := range stageTable.All() {
		if d.Has(s) != m.done[s] {
			t.Fatalf("Done %v disagrees with the model at %v", d, s)
		}
	}
	if d.Has(Resumed) && m.f.IntegrityRequired() && !d.Has(IntegrityChecked) {
		t.Fatal("resumed without the required integrity check")
	}
	if d.Has(Resumed) && m.f.IdentityAffected() && !d.Has(IntegrityChecked) {
		t.Fatal("resumed after an identity-affecting fault without the integrity check")
	}
	if m.f.Serious() && (d.Has(Maintained) || d.Has(Resumed)) && !d.Has(Escalated) {
		t.Fatal("serious fault maintained or resumed without escalation")
	}
	if d.Has(RecurrencePrevented) && !d.Has(Resumed) {
		t.Fatal("recurrence prevention before resumption")
	}
	var last Stage
	for s := range d.All() {
		last = s
	}
	if last != m.f.Stage() {
		t.Fatalf("stage %v is not the latest done %v", m.f.Stage(), last)
	}
}

func TestLifecycleStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := planGen().Draw(t, "plan")
		f, err := p.Open()
		if err != nil {
			t.Fatal(err)
		}
		m := &lifecycle{f: f, plan: p, done: map[Stage]bool{Detected: true}}
		t.Repeat(rapid.StateMachineActions(m))
	})
}
