package threat

// The hot path ([Grade], [Decide], [Provisional]) is an index into tables
// that [NewScheme] compiles once: every event falls into one cell, numbered by
// its kind and the raw values of its graded attributes (zero, unknown,
// included), and each cell holds its finished answer.

// Geometry of the cells: the number of values of each enumeration an Event
// holds. Each is the last value of its enumeration, so that the hot path
// compares with constants; TestDenseGeometry fails when a value is appended
// to an enumeration without updating these.
const (
	numKinds      = int(CredentialLeak)
	numPlaces     = int(PlaceProtected)
	numFirewalls  = int(FirewallPassed)
	numSeverities = int(SeveritySerious)
	numSources    = int(SourceVendor)

	dimKind     = numKinds + 1 // one slot per value plus the zero
	dimPlace    = numPlaces + 1
	dimFirewall = numFirewalls + 1
	dimSeverity = numSeverities + 1
	numCells    = dimKind * dimPlace * dimFirewall * dimSeverity
)

func cellIndex(k Kind, p Place, f Firewall, v Severity) int {
	return ((int(k)*dimPlace+int(p))*dimFirewall+int(f))*dimSeverity + int(v)
}

// cellOf returns the cell of the event with these fields, or false when they
// make no valid event: the test of Event.Validate, against constants. It
// takes the fields one by one, and the hot path copies them into the result
// one by one: an Event has five fields, too many for the compiler to keep in
// registers, and reading it whole just after it was stored byte by byte
// stalls the processor's store forwarding.
func cellOf(k Kind, p Place, f Firewall, v Severity, src Source) (int, bool) {
	if k == 0 || int(k) > numKinds || int(p) > numPlaces || int(f) > numFirewalls ||
		int(v) > numSeverities || int(src) > numSources {
		return 0, false
	}
	return cellIndex(k, p, f, v), true
}

// setEvent sets *e to the event with these fields, field by field (see
// cellOf).
func setEvent(e *Event, k Kind, p Place, f Firewall, v Severity, src Source) {
	e.Kind = k
	e.Place = p
	e.Firewall = f
	e.Severity = v
	e.Source = src
}

// An outcome is the finished answer for the events of one cell with the
// attributes its kind is not graded on cleared.
type outcome struct {
	// rng is Provisional's range with Event left zero; Max is zero when no
	// completion of the cell is covered. rng.Unknown is what Grade reports
	// as unknown.
	rng Range
	// nc is the not-covered error Grade reports when the cell is fully
	// known and not graded, and Provisional when rng.Max is zero: that of
	// the rule of the last completion. Event is left zero.
	nc *NotCoveredError
}

// A graded cell's entry in Scheme.graded is 1 + the number of its block of
// decisions in Scheme.decided, one decision per Source (numSources+1 of them,
// the unknown zero first) whose Grading.Event is the event of the cell with
// that source: returning a decision is then a copy. Only cells whose
// attributes the kind all reads have a block of their own; a cell that also
// holds an attribute the kind does not read shares the block of the cell
// without it and is marked with extraAttrs, so the event is written into the
// copy.
const extraAttrs = 1 << 15

// decision returns the index in s.decided of the decision for the graded
// cell entry d and source src.
func decision(d uint16, src Source) int {
	return int(d&^extraAttrs-1)*(numSources+1) + int(src)
}

// compile fills the dense tables of a checked scheme: the decisions of the
// graded cells, the not-covered error of each rule that marks events not
// covered, and for each cell its decisions and the outcome it falls into.
// It runs once in NewScheme, in time linear in the number of cells times the
// number of rules (the rules of a checked table are no more than its cells).
func (s *Scheme) compile() {
	if s.scale != ScaleLevels {
		s.judgementNC = NotCoveredError{Plan: s.plan, Citations: s.judgement}
		return
	}
	ncs := make([]NotCoveredError, len(s.rules))
	for i, r := range s.rules {
		if r.Level == 0 {
			ncs[i] = NotCoveredError{Plan: s.plan, Rule: r.Example, Citations: r.Citations}
		}
	}
	of := make([]uint16, numCells)    // by cleared cell: 1 + its index in s.outcomes
	block := make([]uint16, numCells) // by cleared graded cell: its entry in s.graded
	hit := make([]bool, len(s.rules))
	for _, k := range AllKinds() {
		read := s.read[k]
		for p := range dimPlace {
			for f := range dimFirewall {
				for v := range dimSeverity {
					e := Event{Kind: k, Place: Place(p), Firewall: Firewall(f), Severity: Severity(v)}
					ci := cellIndex(e.Kind, e.Place, e.Firewall, e.Severity)
					m := cleared(e, read)
					mi := cellIndex(m.Kind, m.Place, m.Firewall, m.Severity)
					if of[mi] == 0 {
						s.outcomes = append(s.outcomes, s.outcomeOf(m, read, ncs, hit))
						of[mi] = uint16(len(s.outcomes))
					}
					s.partial[ci] = of[mi]
					if read&^m.Known() != 0 {
						continue
					}
					i := s.cells[mi]
					if s.rules[i].Level == 0 {
						continue
					}
					if block[mi] == 0 {
						s.decided = s.appendDecisions(s.decided, m, int(i))
						block[mi] = uint16(len(s.decided) / (numSources + 1))
					}
					s.graded[ci] = block[mi]
					if ci != mi {
						s.graded[ci] |= extraAttrs
					}
				}
			}
		}
	}
}

// appendDecisions appends the block of decisions for the fully known cleared
// event m graded by rule i.
func (s *Scheme) appendDecisions(out []Response, m Event, i int) []Response {
	r := &s.rules[i]
	t := &s.responses[r.Level]
	for src := range numSources + 1 {
		m.Source = Source(src)
		out = append(out, Response{
			Grading: Grading{
				Plan:      s.plan,
				Event:     m,
				Level:     r.Level,
				Serious:   r.Level >= s.seriousFrom,
				Example:   r.Example,
				Citations: s.ruleCites[i],
			},
			Actions:       t.actions,
			Notifications: t.notifications,
			StandDown:     t.standDown,
		})
	}
	return out
}

// cleared returns e with the attributes outside read cleared.
func cleared(e Event, read Attributes) Event {
	m := Event{Kind: e.Kind}
	for a := range read.All() {
		m = m.With(a, e.Value(a))
	}
	return m
}

// outcomeOf computes the outcome of the cleared event m, whose kind reads
// read; hit is scratch space of one flag per rule.
func (s *Scheme) outcomeOf(m Event, read Attributes, ncs []NotCoveredError, hit []bool) outcome {
	clear(hit)
	o := outcome{rng: Range{Plan: s.plan, Unknown: read &^ m.Known()}}
	for _, c := range completions(m, read) {
		i := s.cells[cellIndex(c.Kind, c.Place, c.Firewall, c.Severity)]
		rule := &s.rules[i]
		if rule.Level == 0 {
			o.rng.Uncovered = true
			o.nc = &ncs[i]
			continue
		}
		hit[i] = true
		if o.rng.Min == 0 || rule.Level < o.rng.Min {
			o.rng.Min = rule.Level
		}
		if rule.Level > o.rng.Max {
			o.rng.Max = rule.Level
		}
	}
	for i, h := range hit {
		if h {
			o.rng.Citations = o.rng.Citations.Join(s.ruleCites[i])
		}
	}
	return o
}

// notCovered returns the error for the event with these fields, which the
// scheme does not grade, from the scheme's prepared error t (Event left
// zero): a [*NotCoveredError] for errors.As, in one allocation of 16 bytes.
func notCovered(t *NotCoveredError, k Kind, p Place, f Firewall, v Severity, src Source) error {
	n := &notCoveredEvent{t: t}
	setEvent(&n.e, k, p, f, v, src)
	return n
}

// A notCoveredEvent is a *NotCoveredError held as the scheme's prepared error
// and the event, so that an ungraded event (a bulk re-grading of logs meets
// many) costs one small allocation. It reads, unwraps and converts with
// errors.As exactly like the *NotCoveredError it stands for.
type notCoveredEvent struct {
	t *NotCoveredError
	e Event
}

func (n *notCoveredEvent) full() *NotCoveredError {
	err := *n.t
	err.Event = n.e
	return &err
}

func (n *notCoveredEvent) Error() string { return n.full().Error() }

// Unwrap returns [ErrNotCovered].
func (n *notCoveredEvent) Unwrap() error { return ErrNotCovered }

// As sets a **NotCoveredError target to the error it stands for.
func (n *notCoveredEvent) As(target any) bool {
	if p, ok := target.(**NotCoveredError); ok {
		*p = n.full()
		return true
	}
	return false
}
