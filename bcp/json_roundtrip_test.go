package bcp

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// outputTypes are the values the library hands a vendor to store: decisions,
// results and reports of every package, and the parts of a plan. Each must
// survive json.Marshal and json.Unmarshal unchanged.
var outputTypes = []any{
	// council
	council.Convening{}, council.Record{}, council.Path{}, council.Meeting{}, council.Actor{}, council.Citations{},
	council.Organization{}, council.Chain{}, council.Council{}, council.Rule{}, council.Agenda{},
	// threat
	threat.Grading{}, threat.Range{}, threat.Response{}, threat.Precaution{}, threat.Capture{},
	threat.Spec{}, threat.Tier{}, threat.Rule{}, threat.Action{}, threat.Notification{},
	// fault
	fault.Escalation{}, fault.Notice{}, fault.Classification{}, fault.Findings{},
	fault.TerminalReport{}, fault.Facts{}, fault.Spec{}, fault.Thresholds{},
	// measures
	measures.Playbook{}, measures.Step{}, measures.Finding{}, measures.PreventionPlan{},
	measures.PlannedMeasure{}, measures.Settings{}, measures.Measure{}, measures.Hours{},
	// bcp
	Finding{}, Diff{}, Difference{}, Position{}, Report{}, Situation{},
	Change{}, ReportTime{}, Window{}, BackupSelection{}, Backup{}, Manual{}, SystemPlan{},
	Provenance{}, OrderOptions{},
	System{}, Inventory{}, Contact{}, ContactRule{}, ReportPlan{}, HorizonPlan{}, Outside{},
	Route{}, Phase{}, Continuity{}, PlanMeasures{}, Recurrence{}, Assignment{}, OrderClause{},
	council.Clause{},
	// sets
	council.Roles(0), council.Parties(0), council.Triggers(0), threat.Attributes(0),
	fault.Stages(0), fault.Alternatives(0), measures.Triggers(0), measures.Conditions(0),
	measures.Requirements(0), Services(0), Channels(0), Reasons(0), Horizons(0), Fields(0),
}

// TestOutputsRoundTrip checks, for a generated value of every output type,
// that json.Unmarshal of json.Marshal gives it back (an empty cmp.Diff).
func TestOutputsRoundTrip(t *testing.T) {
	for _, sample := range outputTypes {
		typ := reflect.TypeOf(sample)
		t.Run(typ.String(), func(t *testing.T) {
			rapid.Check(t, func(rt *rapid.T) {
				v := genValue(rt, typ, false, 0)
				b, err := json.Marshal(v.Interface())
				if err != nil {
					rt.Fatalf("json.Marshal: %v", err)
				}
				back := reflect.New(typ)
				if err := json.Unmarshal(b, back.Interface()); err != nil {
					rt.Fatalf("json.Unmarshal(%s): %v", b, err)
				}
				if diff := cmp.Diff(v.Interface(), back.Elem().Interface(), roundTripOpts); diff != "" {
					rt.Fatalf("%s lost in the round trip (-want +got):\n%s", b, diff)
				}
			})
		})
	}
}

var roundTripOpts = cmp.Options{
	cmp.Comparer(council.Citations.Equal),
	cmp.Comparer(threat.Actions.Equal),
	cmp.Comparer(threat.Notifications.Equal),
	cmp.AllowUnexported(measures.Playbook{}),
	cmp.Comparer(func(a, b council.Path) bool { return a == b }),
	cmpopts.IgnoreUnexported(Window{}), // slots: see genValue
	cmp.Transformer("rulesJSON", func(r measures.Rules) string {
		b, err := json.Marshal(r)
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	}),
}

var (
	eventType         = reflect.TypeFor[threat.Event]()
	hoursType         = reflect.TypeFor[measures.Hours]()
	actionsType       = reflect.TypeFor[threat.Actions]()
	noticesType       = reflect.TypeFor[threat.Notifications]()
	playbookType      = reflect.TypeFor[measures.Playbook]()
	pathType          = reflect.TypeFor[council.Path]()
	windowType        = reflect.TypeFor[Window]()
	meetingType       = reflect.TypeFor[council.Meeting]()
	measuresRulesType = reflect.TypeFor[measures.Rules]()
)

// genValue draws a value of type t. A value that may be zero (a field tagged
// omitzero or omitempty) is zero at times; otherwise enums, actors, events
// and citations are valid, as the library's own outputs are. Empty slices
// and maps are nil.
func genValue(rt *rapid.T, t reflect.Type, mayBeZero bool, depth int) reflect.Value {
	v := reflect.New(t).Elem()
	if mayBeZero && rapid.IntRange(0, 4).Draw(rt, "zero") == 0 {
		return v
	}
	switch t {
	case timeType:
		sec := rapid.Int64Range(0, 4_000_000_000).Draw(rt, "sec")
		ns := rapid.SampledFrom([]int64{0, 0, 500_000_000, 123_456_789}).Draw(rt, "ns")
		loc := rapid.SampledFrom([]*time.Location{time.UTC, jst}).Draw(rt, "loc")
		v.Set(reflect.ValueOf(time.Unix(sec, ns).In(loc)))
		return v
	case citationType:
		plan := rapid.SampledFrom([]string{"tottori", "ino", "town-1"}).Draw(rt, "plan")
		clause := rapid.StringMatching(`[第0-9一-十条項号()\-①ア別表 ]{1,10}`).Filter(func(s string) bool { return strings.TrimSpace(s) == s && s != "" }).Draw(rt, "clause")
		c := council.Cite(plan, clause)
		if !c.IsValid() {
			rt.Fatalf("citation %q:%q is not valid", plan, clause)
		}
		v.Set(reflect.ValueOf(c))
		return v
	case citationsType:
		n := rapid.IntRange(1, 3).Draw(rt, "n")
		var cs []council.Citation
		for range n {
			cs = append(cs, genValue(rt, citationType, false, depth+1).Interface().(council.Citation))
		}
		v.Set(reflect.ValueOf(council.Cites(cs...)))
		return v
	case actorType:
		if rapid.Bool().Draw(rt, "role") {
			v.Set(reflect.ValueOf(council.ByRole(genValue(rt, reflect.TypeFor[council.Role](), false, depth).Interface().(council.Role))))
		} else {
			v.Set(reflect.ValueOf(council.ByParty(genValue(rt, reflect.TypeFor[council.Party](), false, depth).Interface().(council.Party))))
		}
		return v
	case eventType:
		e := threat.Event{Kind: genValue(rt, reflect.TypeFor[threat.ActKind](), false, depth).Interface().(threat.ActKind)}
		e.Place = genValue(rt, reflect.TypeFor[threat.Place](), true, depth).Interface().(threat.Place)
		e.Firewall = genValue(rt, reflect.TypeFor[threat.Firewall](), true, depth).Interface().(threat.Firewall)
		e.Severity = genValue(rt, reflect.TypeFor[threat.Seriousness](), true, depth).Interface().(threat.Seriousness)
		e.Source = genValue(rt, reflect.TypeFor[threat.Source](), true, depth).Interface().(threat.Source)
		v.Set(reflect.ValueOf(e))
		return v
	case hoursType:
		open := rapid.IntRange(0, 23*60).Draw(rt, "open")
		close := rapid.IntRange(open+1, 24*60).Draw(rt, "close")
		v.Set(reflect.ValueOf(measures.Hours{Open: time.Duration(open) * time.Minute, Close: time.Duration(close) * time.Minute}))
		return v
	case actionsType, noticesType:
		// Built through the JSON of their elements: the lists are opaque.
		elem := reflect.TypeFor[threat.Action]()
		if t == noticesType {
			elem = reflect.TypeFor[threat.Notification]()
		}
		s := genValue(rt, reflect.SliceOf(elem), false, depth+1)
		b, err := json.Marshal(s.Interface())
		if err != nil {
			rt.Fatalf("%s: %v", t, err)
		}
		if err := json.Unmarshal(b, v.Addr().Interface()); err != nil {
			rt.Fatalf("%s: %v", t, err)
		}
		return v
	case pathType:
		v.Set(reflect.ValueOf(rapid.SampledFrom(referencePaths()).Draw(rt, "path")))
		return v
	case meetingType:
		// A meeting on a reference agenda, with some items settled and
		// perhaps closed.
		a := rapid.SampledFrom(referenceAgendas()).Draw(rt, "agenda")
		at := genValue(rt, timeType, false, depth+1).Interface().(time.Time)
		trig := genValue(rt, reflect.TypeFor[council.Trigger](), false, depth+1).Interface().(council.Trigger)
		m, err := council.Open(a, trig, at)
		if err != nil {
			rt.Fatalf("Open: %v", err)
		}
		for _, it := range a.Items {
			at = at.Add(time.Duration(rapid.IntRange(0, 3600).Draw(rt, "after")) * time.Second)
			by := genValue(rt, actorType, false, depth+1).Interface().(council.Actor)
			text := rapid.StringN(1, 10, -1).Draw(rt, "text")
			switch rapid.IntRange(0, 2).Draw(rt, "settle") {
			case 1:
				m, err = m.Decide(it.Key, text, by, at)
			case 2:
				m, err = m.MarkNotApplicable(it.Key, text, by, at)
			}
			if err != nil {
				rt.Fatalf("settle %q: %v", it.Key, err)
			}
		}
		if rapid.Bool().Draw(rt, "close") {
			if closed, err := m.Close(at.Add(time.Minute)); err == nil {
				m = closed
			}
		}
		v.Set(reflect.ValueOf(m))
		return v
	case playbookType:
		pb := rapid.SampledFrom(allPlaybooks()).Draw(rt, "playbook")
		pb.Event = rapid.String().Draw(rt, "event")
		pb.Heading = rapid.String().Draw(rt, "heading")
		v.Set(reflect.ValueOf(pb))
		return v
	case measuresRulesType:
		// The exported figures, then citations for some requirements.
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
				v.Field(i).Set(genValue(rt, f.Type, opts != "", depth+1))
			}
		}
		r := v.Interface().(measures.Rules)
		for q := range r.InForce.All() {
			if rapid.Bool().Draw(rt, "cited") {
				r = r.WithCitations(q, genValue(rt, citationsType, false, depth+1).Interface().(council.Citations))
			}
		}
		v.Set(reflect.ValueOf(r))
		return v
	}
	if e := anySetElem(t); e != nil {
		valid := validValues(e)
		for _, x := range valid {
			if rapid.Bool().Draw(rt, "member") {
				v.SetUint(v.Uint() | 1<<x)
			}
		}
		return v
	}
	if valid := validValues(t); valid != nil {
		v.SetUint(rapid.SampledFrom(valid).Draw(rt, t.Name()))
		return v
	}
	switch t.Kind() {
	case reflect.String:
		// Plan files reject control characters (issue 12): a value that
		// round-trips holds none.
		v.SetString(rapid.StringOf(rapid.RuneFrom(nil, unicode.L, unicode.N, unicode.P, unicode.S, unicode.Zs)).Draw(rt, "s"))
	case reflect.Bool:
		v.SetBool(rapid.Bool().Draw(rt, "b"))
	case reflect.Int, reflect.Int64:
		v.SetInt(rapid.Int64Range(-1<<40, 1<<40).Draw(rt, "i"))
	case reflect.Int8, reflect.Int16, reflect.Int32:
		v.SetInt(int64(rapid.Int16().Draw(rt, "i")) % (1 << (t.Bits() - 1)))
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uint:
		v.SetUint(uint64(rapid.Uint8().Draw(rt, "u")))
	case reflect.Pointer:
		if depth > 3 || rapid.Bool().Draw(rt, "nil") {
			return v
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(genValue(rt, t.Elem(), false, depth+1))
		v.Set(p)
	case reflect.Slice:
		n := rapid.IntRange(0, 3).Draw(rt, "len")
		if depth > 3 || n == 0 {
			return v
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			s.Index(i).Set(genValue(rt, t.Elem(), false, depth+1))
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			v.Index(i).Set(genValue(rt, t.Elem(), false, depth+1))
		}
	case reflect.Map:
		n := rapid.IntRange(0, 3).Draw(rt, "len")
		if depth > 3 || n == 0 {
			return v
		}
		m := reflect.MakeMap(t)
		for range n {
			m.SetMapIndex(genValue(rt, t.Key(), false, depth+1), genValue(rt, t.Elem(), false, depth+1))
		}
		v.Set(m)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Name == "_" || t == windowType && f.Name == "slots" {
				// Padding; and a Window's slots are set only on the copy
				// ReportPlan.Reports makes, never on a caller's Window.
				continue
			}
			if !f.IsExported() {
				rt.Fatalf("%s.%s: cannot generate an unexported field", t, f.Name)
			}
			_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			omit := strings.Contains(opts, "omitzero") || strings.Contains(opts, "omitempty")
			v.Field(i).Set(genValue(rt, f.Type, omit, depth+1))
		}
	default:
		rt.Fatalf("cannot generate a %s", t)
	}
	return v
}

// anySetElem returns the element type of an enum bitset of any width (an
// integer type with a Has(E) bool method, E an enum), or nil.
func anySetElem(t reflect.Type) reflect.Type {
	has, ok := t.MethodByName("Has")
	if !ok || has.Type.NumIn() != 2 || has.Type.NumOut() != 1 || has.Type.Out(0).Kind() != reflect.Bool {
		return nil
	}
	switch t.Kind() {
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
	default:
		return nil
	}
	if validValues(has.Type.In(1)) == nil {
		return nil
	}
	return has.Type.In(1)
}

// validValues returns the valid values of an enum type (an unsigned integer
// type with an IsValid method and text encoding), or nil for another type.
func validValues(t reflect.Type) []uint64 {
	if v, ok := validCache.Load(t); ok {
		return v.([]uint64)
	}
	v := computeValidValues(t)
	validCache.Store(t, v)
	return v
}

var validCache sync.Map // reflect.Type → []uint64

func computeValidValues(t reflect.Type) []uint64 {
	switch t.Kind() {
	case reflect.Uint8, reflect.Uint16:
	default:
		return nil
	}
	if _, ok := t.MethodByName("IsValid"); !ok || !t.Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		return nil
	}
	var out []uint64
	for i := uint64(1); i < 256; i++ {
		x := reflect.New(t).Elem()
		x.SetUint(i)
		if x.MethodByName("IsValid").Call(nil)[0].Bool() {
			out = append(out, i)
		}
	}
	return out
}

// FuzzOutputsUnmarshal feeds arbitrary JSON to the decoder of every output
// type: it must not panic, and a value it accepts and can encode again must
// read back unchanged.
func FuzzOutputsUnmarshal(f *testing.F) {
	for i, sample := range outputTypes {
		if b, err := json.Marshal(sample); err == nil {
			f.Add(uint8(i), b)
		}
	}
	f.Add(uint8(1), []byte(`{"roles":["staff","system-administrator"],"cites":["ino:第3条(1)"]}`))
	f.Add(uint8(2), []byte(`{"agenda":{},"opened":"2026-04-01T09:00:00+09:00"}`))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		typ := reflect.TypeOf(outputTypes[int(which)%len(outputTypes)])
		v := reflect.New(typ)
		if err := json.Unmarshal(data, v.Interface()); err != nil {
			return
		}
		b, err := json.Marshal(v.Elem().Interface())
		if err != nil {
			return // accepted but not encodable: a zero enum where one is needed
		}
		back := reflect.New(typ)
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Fatalf("%s: %s does not read back: %v", typ, b, err)
		}
		if diff := cmp.Diff(v.Elem().Interface(), back.Elem().Interface(), roundTripOpts); diff != "" {
			t.Fatalf("%s: %s read back differently (-first +second):\n%s", typ, b, diff)
		}
	})
}

// referencePaths are the paths to the chief of the reference plans' chains.
var referencePaths = sync.OnceValue(func() []council.Path {
	var all []council.Path
	for _, p := range ReferencePlans() {
		if p.Organization == nil {
			continue
		}
		for _, e := range p.Organization.Chain.Edges {
			if path, err := p.Organization.Chain.PathToChief(e.From); err == nil {
				all = append(all, path)
			}
		}
	}
	return all
})

// referenceAgendas are the agendas of the reference plans.
var referenceAgendas = sync.OnceValue(func() []council.Agenda {
	var all []council.Agenda
	for _, p := range ReferencePlans() {
		if p.Organization != nil {
			all = append(all, p.Organization.Agendas...)
		}
	}
	return all
})

// allPlaybooks are the annex playbooks of the reference plans.
var allPlaybooks = sync.OnceValue(func() []measures.Playbook {
	var all []measures.Playbook
	for _, p := range ReferencePlans() {
		if p.Measures != nil {
			all = append(all, p.Measures.Playbooks...)
		}
	}
	return all
})
