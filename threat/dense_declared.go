package threat

import "fmt"

// The dense tables of the kinds a plan declares. A declared kind's cells are
// numbered by the raw values (zero, unknown, included) of the declared
// attributes it is graded on, in mixed radix: the cell of an event is
// base + Σ stride·value, the strides of the attributes the kind is not
// graded on being zero, so that the cell of an event is that of the event
// with those attributes cleared. Each cell holds its finished answer as the
// engine's cells do (dense.go).
type declaredTables struct {
	off     []offsets   // by declared kind: the offsets of its cells
	cells   []int16     // by cell: the rule that matches the fully known event, for the checks
	graded  []*Response // by cell: its decision in Scheme.decided, or nil
	partial []uint16    // by cell: 1 + the index in Scheme.outcomes of its outcome
}

// offsets numbers the cells of one declared kind, the sum base + Σ
// stride·value written out as a table: entry [i][v] is stride·v for a value v
// of the i-th declared attribute (base added to those of the first), or
// noCell for a value past the attribute's list. The cell of an event is the
// sum of the entries of its values, and the sum is a cell exactly when every
// value is the plan's: one bounds check tests them all, and no
// multiplication is left on the hot path.
type offsets [MaxDeclared][MaxDeclaredValues + 1]uint16

// noCell marks a value an attribute does not have: one such entry makes the
// sum at least noCell, past every cell (TestDeclaredOffsets).
const noCell = MaxDeclaredCells

// layout numbers the cells of the nd declared kinds, each graded on the
// attributes read[k] of lens values each, and reports a table larger than
// [MaxDeclaredCells].
func (d *declaredTables) layout(nd int, read []Attributes, lens [MaxDeclared]uint8) error {
	d.off = make([]offsets, nd)
	total := 0
	for j := range nd {
		var stride [MaxDeclared]int
		size := 1
		for a := range read[DeclaredKind(j)].All() {
			i := declaredIndex(a)
			stride[i] = size
			size *= int(lens[i]) + 1
		}
		if total+size > MaxDeclaredCells {
			return fmt.Errorf("the declared kinds up to %s are graded on %d combinations of values (unknown included), more than the %d a table may have",
				DeclaredKind(j), total+size, MaxDeclaredCells)
		}
		o := &d.off[j]
		for i := range o {
			for v := range o[i] {
				switch {
				case v > int(lens[i]):
					o[i][v] = noCell
				case i == 0:
					o[i][v] = uint16(total + stride[i]*v)
				default:
					o[i][v] = uint16(stride[i] * v)
				}
			}
		}
		total += size
	}
	d.cells = make([]int16, total)
	for i := range d.cells {
		d.cells[i] = -1
	}
	d.graded = make([]*Response, total)
	d.partial = make([]uint16, total)
	return nil
}

// index returns the cell of event e of the j-th declared kind, whose values
// the plan declares.
func (d *declaredTables) index(j int, e Event) int { return d.off[j].cell(e.Declared) }

// cell returns the sum of the entries of the values v: their cell, or at
// least noCell when one of them is past its attribute's list.
func (o *offsets) cell(v Values) int {
	return int(o[0][v&0xf]) + int(o[1][v>>4&0xf]) + int(o[2][v>>8&0xf]) + int(o[3][v>>12&0xf])
}

// declaredCell returns the cell of the event with these fields when it is a
// valid event of a kind the scheme's plan declares, with values the plan
// declares: the hot path's test, against the scheme's bounds (the values
// by their offsets).
func (s *Scheme) declaredCell(k ActKind, p Place, f Firewall, v Seriousness, src Source, d Values) (int, bool) {
	j := int(k) - numKinds - 1
	if j < 0 || j >= len(s.declared.off) ||
		int(p) > numPlaces || int(f) > numFirewalls || int(v) > numSeverities || int(src) > numSources {
		return 0, false
	}
	ci := s.declared.off[j].cell(d)
	return ci, ci < len(s.declared.partial)
}

// compileDeclared fills the dense tables of the declared kinds (see
// compile): every cell is its own cleared cell, so each has its own outcome.
func (s *Scheme) compileDeclared(decision []uint16, ncs []NotCoveredError, hit []bool) {
	for j := range s.declared.off {
		k := DeclaredKind(j)
		read := s.read[k]
		for _, e := range s.cellsOf(k, read) {
			ci := s.declared.index(j, e)
			o := s.outcomeOf(e, read, ncs, hit)
			if o.nc != nil {
				o.exact = new([numSources + 1]notCoveredEvent)
				prepare(o.exact, o.nc, e)
			}
			s.outcomes = append(s.outcomes, o)
			s.declared.partial[ci] = uint16(len(s.outcomes))
			if read&^e.Known() == 0 {
				s.declared.graded[ci] = s.decidedAt(decision[s.declared.cells[ci]])
			}
		}
	}
}

// cellsOf returns every event of kind k that sets the attributes of read to
// each of their values or leaves them unknown, and nothing else.
func (s *Scheme) cellsOf(k ActKind, read Attributes) []Event {
	out := []Event{{Kind: k}}
	for a := range read.All() {
		next := make([]Event, 0, len(out)*(s.attrLen(a)+1))
		for _, x := range out {
			for v := 0; v <= s.attrLen(a); v++ {
				next = append(next, x.With(a, uint8(v)))
			}
		}
		out = next
	}
	return out
}

// ungradedEvent returns the error Grade reports for e, which the hot path
// did not grade and which is of a declared kind or states a declared
// attribute: the slow path, which may allocate its error. An event of a
// declared cell of a levelled scheme never comes here: decision answers it
// from the cell ([outcome.ungradedEvent]), with no allocation for a
// prepared error. It takes the event by pointer, as decision does.
func (s *Scheme) ungradedEvent(ep *Event) error {
	if err := usable(s); err != nil {
		return err
	}
	e := *ep
	if err := e.problems("threat: " + s.plan + ": event"); err != nil {
		return err
	}
	if s.scale != ScaleLevels {
		return &notCoveredEvent{t: &s.judgementNC, e: pack(e)}
	}
	o, err := s.outcomeOfEvent(e)
	if err != nil {
		return err
	}
	if o.rng.Unknown != 0 {
		return &IncompleteError{Plan: s.plan, Event: e, Unknown: o.rng.Unknown}
	}
	return o.notCoveredEvent(&e)
}

// outcomeOfEvent returns the outcome of the valid event e under a levelled
// scheme, or an error for a kind, attribute or value the plan does not
// declare.
func (s *Scheme) outcomeOfEvent(e Event) (*outcome, error) {
	if e.Kind.IsDeclared() {
		ci, ok := s.declaredCell(e.Kind, e.Place, e.Firewall, e.Severity, e.Source, e.Declared)
		if !ok {
			return nil, fmt.Errorf("threat: %s: event %s: a kind or value the plan does not declare: %w", s.plan, s.FormatEvent(e), ErrInvalid)
		}
		return &s.outcomes[s.declared.partial[ci]-1], nil
	}
	ci, ok := cellOf(e.Kind, e.Place, e.Firewall, e.Severity, e.Source)
	if !ok || s.partial[ci] == 0 {
		return nil, s.invalidEvent(e)
	}
	return &s.outcomes[s.partial[ci]-1], nil
}

// ungradedEvent returns the error for the event e of plan's declared kind,
// whose cell's outcome o grades nothing: what is still unknown, or that the
// table does not cover it.
func (o *outcome) ungradedEvent(plan string, e *Event) error {
	if o.rng.Unknown != 0 {
		return &IncompleteError{Plan: plan, Event: *e, Unknown: o.rng.Unknown}
	}
	return o.notCoveredEvent(e)
}

// notCoveredEvent returns the not-covered error of outcome o for the event
// e: a prepared one when e is the outcome's own event.
func (o *outcome) notCoveredEvent(e *Event) error {
	if o.exact != nil && int(e.Source) < len(o.exact) && o.exact[e.Source].e == pack(*e) {
		return &o.exact[e.Source]
	}
	return &notCoveredEvent{t: o.nc, e: pack(*e)}
}
