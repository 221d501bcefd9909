package threat

import "slices"

// The hot path ([Grade], [Decide], [Provisional]) is an index into tables
// that [NewScheme] compiles once: every event falls into one cell, numbered by
// its kind and the raw values of its graded attributes (zero, unknown,
// included), and each cell holds its finished answer: the decision of its
// rule (Scheme.graded, Scheme.decided), or the outcome of the cell with the
// attributes its kind is not graded on cleared (Scheme.partial,
// Scheme.outcomes): the provisional range and what is unknown; and, for a
// cell the scheme reports not covered, the error for its event with each
// source, prepared (Scheme.ncAt, Scheme.ncs).

// Geometry of the cells: the number of values of each enumeration an Event
// holds. Each is the last value of its enumeration, so that the hot path
// compares with constants; TestDenseGeometry fails when a value is appended
// to an enumeration without updating these.
const (
	numKinds      = int(CredentialLeak)
	numPlaces     = int(PlaceProtected)
	numFirewalls  = int(FirewallPassed)
	numSeverities = int(Serious)
	numSources    = int(SourceVendor)

	dimKind     = numKinds + 1 // one slot per value plus the zero
	dimPlace    = numPlaces + 1
	dimFirewall = numFirewalls + 1
	dimSeverity = numSeverities + 1
	numCells    = dimKind * dimPlace * dimFirewall * dimSeverity
)

func cellIndex(k ActKind, p Place, f Firewall, v Seriousness) int {
	return ((int(k)*dimPlace+int(p))*dimFirewall+int(f))*dimSeverity + int(v)
}

// cellOf returns the cell of the event with these fields, or false when they
// make no valid event: the test of Event.Validate, against constants. It
// takes the fields one by one, and the hot path copies them into the result
// one by one: an Event has five fields, too many for the compiler to keep in
// registers, and reading it whole just after it was stored byte by byte
// stalls the processor's store forwarding.
func cellOf(k ActKind, p Place, f Firewall, v Seriousness, src Source) (int, bool) {
	if k == 0 || int(k) > numKinds || int(p) > numPlaces || int(f) > numFirewalls ||
		int(v) > numSeverities || int(src) > numSources {
		return 0, false
	}
	return cellIndex(k, p, f, v), true
}

// setEvent sets *e to the event with these fields, field by field (see
// cellOf).
func setEvent(e *Event, k ActKind, p Place, f Firewall, v Seriousness, src Source) {
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
	// exact holds, for the cell of a declared kind, the not-covered error
	// for its event with each source (nil when nc is nil), so that an
	// ungraded event without attributes its kind does not read costs no
	// allocation. The engine's cells have theirs in Scheme.ncs, for every
	// cell.
	exact *[numSources + 1]notCoveredEvent
}

// compile fills the dense tables of a checked scheme: the decision of each
// graded rule, the not-covered error of each rule that marks events not
// covered, and for each cell its decision and the outcome it falls into.
// It runs once in NewScheme, in time linear in the number of cells times the
// number of rules (the rules of a checked table are no more than its cells).
func (s *Scheme) compile() {
	if s.scale != ScaleLevels {
		s.judgementNC = NotCoveredError{Plan: s.plan, Citations: s.judgement}
		s.judged = new([dimKind][numSources + 1]notCoveredEvent)
		for _, k := range AllActKinds() {
			for src := range numSources + 1 {
				s.judged[k][src] = notCoveredEvent{t: &s.judgementNC, e: pack(Event{Kind: k, Source: Source(src)})}
			}
		}
		return
	}
	decision := make([]uint16, len(s.rules)) // by rule: 1 + its index in s.decided, or 0
	ncs := make([]NotCoveredError, len(s.rules))
	for i, r := range s.rules {
		if r.Level == 0 {
			ncs[i] = NotCoveredError{Plan: s.plan, Rule: r.Example, Citations: r.Citations}
			continue
		}
		t := &s.responses[r.Level]
		s.decided = append(s.decided, Response{
			Grading: Grading{
				Plan:      s.plan,
				Level:     r.Level,
				Serious:   r.Level >= s.seriousFrom,
				Example:   r.Example,
				Citations: s.ruleCites[i],
			},
			Actions:       t.actions,
			Notifications: t.notifications,
			StandDown:     t.standDown,
		})
		decision[i] = uint16(len(s.decided))
	}
	of := make([]uint16, numCells) // by cleared cell: 1 + its index in s.outcomes
	hit := make([]bool, len(s.rules))
	for _, k := range AllActKinds() {
		read := s.read[k]
		for p := range dimPlace {
			for f := range dimFirewall {
				for v := range dimSeverity {
					e := Event{Kind: k, Place: Place(p), Firewall: Firewall(f), Severity: Seriousness(v)}
					ci := cellIndex(e.Kind, e.Place, e.Firewall, e.Severity)
					m := cleared(e, read)
					mi := cellIndex(m.Kind, m.Place, m.Firewall, m.Severity)
					if of[mi] == 0 {
						s.outcomes = append(s.outcomes, s.outcomeOf(m, read, ncs, hit))
						of[mi] = uint16(len(s.outcomes))
					}
					s.partial[ci] = of[mi]
					if read&^m.Known() == 0 {
						s.graded[ci] = s.decidedAt(decision[s.cells[mi]])
					}
				}
			}
		}
	}
	s.prepareNotCovered()
	s.compileDeclared(decision, ncs, hit)
}

// prepareNotCovered fills the not-covered errors of the engine's cells the
// scheme reports not covered (Grade: fully known and not graded;
// Provisional: no completion covered), one for each source, so that no
// ungraded event of the engine's kinds costs an allocation, whatever
// attributes it states that its kind is not graded on. At most numCells ×
// (numSources+1) errors of 16 bytes, 22 KB for tottori.
func (s *Scheme) prepareNotCovered() {
	reported := func(ci int) *outcome {
		if s.graded[ci] != nil || s.partial[ci] == 0 {
			return nil
		}
		if o := &s.outcomes[s.partial[ci]-1]; o.nc != nil && (o.rng.Unknown == 0 || o.rng.Max == 0) {
			return o
		}
		return nil
	}
	n := 0
	for ci := range numCells {
		if reported(ci) != nil {
			n++
		}
	}
	s.ncs = make([][numSources + 1]notCoveredEvent, 0, n)
	for _, k := range AllActKinds() {
		for p := range dimPlace {
			for f := range dimFirewall {
				for v := range dimSeverity {
					e := Event{Kind: k, Place: Place(p), Firewall: Firewall(f), Severity: Seriousness(v)}
					ci := cellIndex(e.Kind, e.Place, e.Firewall, e.Severity)
					if o := reported(ci); o != nil {
						s.ncs = s.ncs[:len(s.ncs)+1]
						prepare(&s.ncs[len(s.ncs)-1], o.nc, e)
						s.ncAt[ci] = uint16(len(s.ncs))
					}
				}
			}
		}
	}
}

// prepare sets dst to the not-covered errors t for the event e with each
// source.
func prepare(dst *[numSources + 1]notCoveredEvent, t *NotCoveredError, e Event) {
	for src := range dst {
		e.Source = Source(src)
		dst[src] = notCoveredEvent{t: t, e: pack(e)}
	}
}

// decidedAt returns the decision d of the table (1 + its index in
// s.decided), or nil for 0.
func (s *Scheme) decidedAt(d uint16) *Response {
	if d == 0 {
		return nil
	}
	return &s.decided[d-1]
}

// gradeError returns the error Grade reports for the event with these
// fields, which falls into cell ci and outcome o and is not graded.
func (s *Scheme) gradeError(o *outcome, ci int, k ActKind, p Place, f Firewall, v Seriousness, src Source) error {
	if o.rng.Unknown != 0 {
		err := &IncompleteError{Plan: s.plan, Unknown: o.rng.Unknown}
		setEvent(&err.Event, k, p, f, v, src)
		return err
	}
	return s.notCoveredAt(o, ci, k, p, f, v, src)
}

// notCoveredAt returns the not-covered error of outcome o for the event with
// these fields, which falls into cell ci: the prepared one (the fallback
// is unreachable while prepareNotCovered prepares every cell it is asked
// for).
func (s *Scheme) notCoveredAt(o *outcome, ci int, k ActKind, p Place, f Firewall, v Seriousness, src Source) error {
	if i := s.ncAt[ci]; i != 0 {
		return &s.ncs[i-1][src]
	}
	return notCovered(o.nc, k, p, f, v, src)
}

// judgedError returns the not-covered error of a scheme on the serious scale
// for the valid event with these fields: a prepared one when it states no
// graded attribute.
func (s *Scheme) judgedError(k ActKind, p Place, f Firewall, v Seriousness, src Source) error {
	if p == 0 && f == 0 && v == 0 && s.judged != nil {
		return &s.judged[k][src]
	}
	return notCovered(&s.judgementNC, k, p, f, v, src)
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
// read; hit is scratch space of one flag per rule, all false, which it
// leaves all false.
func (s *Scheme) outcomeOf(m Event, read Attributes, ncs []NotCoveredError, hit []bool) outcome {
	o := outcome{rng: Range{Plan: s.plan, Unknown: read &^ m.Known()}}
	var hits []int // the rules hit, each once
	for _, c := range s.completions(m, read) {
		i := *s.cellRule(c)
		rule := &s.rules[i]
		if rule.Level == 0 {
			o.rng.Uncovered = true
			o.nc = &ncs[i]
			continue
		}
		if !hit[i] {
			hit[i] = true
			hits = append(hits, int(i))
		}
		if o.rng.Min == 0 || rule.Level < o.rng.Min {
			o.rng.Min = rule.Level
		}
		if rule.Level > o.rng.Max {
			o.rng.Max = rule.Level
		}
	}
	slices.Sort(hits) // in table order
	for _, i := range hits {
		o.rng.Citations = o.rng.Citations.Join(s.ruleCites[i])
		hit[i] = false
	}
	return o
}

// notCovered returns the error for the event with these fields, which the
// scheme does not grade, from the scheme's prepared error t (Event left
// zero): a [*NotCoveredError] for errors.As, in one allocation of 16 bytes.
func notCovered(t *NotCoveredError, k ActKind, p Place, f Firewall, v Seriousness, src Source) error {
	return &notCoveredEvent{t: t, e: packedEvent{k: k, p: p, f: f, v: v, src: src}}
}

// A notCoveredEvent is a *NotCoveredError held as the scheme's prepared error
// and the event, so that an ungraded event (a bulk re-grading of logs meets
// many) costs at most one small allocation, and none when it is prepared.
// It reads, unwraps and converts with errors.As exactly like the
// *NotCoveredError it stands for, and never changes.
type notCoveredEvent struct {
	t *NotCoveredError
	e packedEvent
}

// A packedEvent is an Event without its padding, so that a notCoveredEvent
// takes 16 bytes, not 24: the schemes prepare thousands.
type packedEvent struct {
	k   ActKind
	p   Place
	f   Firewall
	v   Seriousness
	src Source
	d   Values
}

func pack(e Event) packedEvent {
	return packedEvent{k: e.Kind, p: e.Place, f: e.Firewall, v: e.Severity, src: e.Source, d: e.Declared}
}

func (x packedEvent) event() Event {
	return Event{Kind: x.k, Place: x.p, Firewall: x.f, Severity: x.v, Source: x.src, Declared: x.d}
}

func (n *notCoveredEvent) full() *NotCoveredError {
	err := *n.t
	err.Event = n.e.event()
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
