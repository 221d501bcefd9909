package fault

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"pgregory.net/rapid"
)

func planGen() *rapid.Generator[Procedure] { return rapid.SampledFrom(referencePlans()) }

func situationGen() *rapid.Generator[Facts] {
	return rapid.Custom(func(t *rapid.T) Facts {
		return Facts{
			Symptom:             rapid.SampledFrom(append([]Symptom{0}, openValues[Symptom]()...)).Draw(t, "symptom"),
			InServer:            rapid.Bool().Draw(t, "inServer"),
			Kind:                rapid.SampledFrom(append([]Kind{0}, AllKinds()...)).Draw(t, "kind"),
			ServerDown:          rapid.Bool().Draw(t, "serverDown"),
			CauseUnknown:        rapid.Bool().Draw(t, "causeUnknown"),
			OperationImpossible: rapid.Bool().Draw(t, "operationImpossible"),
			Impact:              rapid.IntRange(0, 100).Draw(t, "impact"),
			ExpectedStop:        time.Duration(rapid.Int64Range(0, int64(200*time.Hour)).Draw(t, "stop")),
		}
	})
}

// worse returns a situation at least as bad as s, with the same symptom.
func worse(t *rapid.T, s Facts) Facts {
	w := s
	w.ServerDown = s.ServerDown || rapid.Bool().Draw(t, "+serverDown")
	w.CauseUnknown = s.CauseUnknown || rapid.Bool().Draw(t, "+causeUnknown")
	w.OperationImpossible = s.OperationImpossible || rapid.Bool().Draw(t, "+operationImpossible")
	w.Impact = rapid.IntRange(s.Impact, 100).Draw(t, "+impact")
	w.ExpectedStop = s.ExpectedStop + time.Duration(rapid.Int64Range(0, int64(100*time.Hour)).Draw(t, "+stop"))
	return w
}

type noticeKey struct {
	a      Task
	by, to string
}

func keys(e Escalation) []noticeKey {
	var ks []noticeKey
	for _, n := range e.Notices {
		ks = append(ks, noticeKey{n.Task, n.By.String(), n.To.String()})
	}
	return ks
}

func TestProperties(t *testing.T) {
	t.Run("GeneratorsValid", rapid.MakeCheck(func(t *rapid.T) {
		if err := situationGen().Draw(t, "s").Validate(); err != nil {
			t.Fatal(err)
		}
	}))
	t.Run("EscalationMonotone", rapid.MakeCheck(func(t *rapid.T) {
		p := planGen().Draw(t, "plan")
		if th := p.Thresholds(); th.Long > 0 {
			var err error
			p, err = p.WithThresholds(time.Duration(rapid.Int64Range(1, int64(100*time.Hour)).Draw(t, "long")), rapid.IntRange(1, 100).Draw(t, "heavy"))
			if err != nil {
				t.Fatal(err)
			}
		}
		s := situationGen().Draw(t, "s")
		w := worse(t, s)
		es, err := p.Escalate(s)
		if err != nil {
			t.Fatal(err)
		}
		ew, err := p.Escalate(w)
		if err != nil {
			t.Fatal(err)
		}
		if len(ew.Notices) < len(es.Notices) {
			t.Fatalf("worse situation gave fewer notices: %d < %d", len(ew.Notices), len(es.Notices))
		}
		kw := keys(ew)
		for _, k := range keys(es) {
			if !slices.Contains(kw, k) {
				t.Fatalf("worse situation lost notice %v", k)
			}
		}
		rs, ps := es.Recipients()
		rw, pw := ew.Recipients()
		if !rw.Contains(rs) || !pw.Contains(ps) {
			t.Fatalf("worse situation lost recipients: %v %v vs %v %v", rs, ps, rw, pw)
		}
		if es.Serious && !ew.Serious {
			t.Fatal("worse situation is not serious")
		}
		// A plan with a rule for every fault reports every fault; kumiyama
		// states reports only for a terminal's hardware fault (第24条) and
		// for bugs and infections (第25条).
		always := slices.ContainsFunc(p.Spec().Escalation, func(e EscalationSpec) bool { return e.When == Always })
		if always && len(es.Notices) == 0 {
			t.Fatal("findings are always reported")
		}
	}))
	t.Run("SeriousMeansChief", rapid.MakeCheck(func(t *rapid.T) {
		p := planGen().Draw(t, "plan")
		e, err := p.Escalate(situationGen().Draw(t, "s"))
		if err != nil {
			t.Fatal(err)
		}
		rs, _ := e.Recipients()
		if e.Serious != rs.Has(chief.Role) {
			t.Fatalf("serious=%v but chief told=%v", e.Serious, rs.Has(chief.Role))
		}
	}))
	t.Run("ClassifyAgreesWithSymptoms", rapid.MakeCheck(func(t *rapid.T) {
		p := planGen().Draw(t, "plan")
		s := rapid.SampledFrom(openValues[Symptom]()).Draw(t, "symptom")
		c, err := p.Classify(s)
		listed := false
		for _, k := range AllKinds() {
			if slices.Contains(p.Symptoms(k), s) {
				listed = true
				if err != nil || c.Kind != k || c.Cites.Len() == 0 {
					t.Fatalf("listed under %v but Classify = %v, %v", k, c, err)
				}
			}
		}
		if !listed && !errors.Is(err, ErrUnlisted) && !errors.Is(err, ErrNotStated) {
			t.Fatalf("unlisted symptom classified: %v, %v", c, err)
		}
	}))
	t.Run("TextRoundTrip", rapid.MakeCheck(func(t *rapid.T) {
		checkRoundTrip(t, rapid.SampledFrom(AllKinds()).Draw(t, "kind"), ParseKind)
		checkRoundTrip(t, rapid.SampledFrom(openValues[Symptom]()).Draw(t, "symptom"), ParseSymptom)
		checkRoundTrip(t, rapid.SampledFrom(openValues[Probe]()).Draw(t, "check"), ParseProbe)
		checkRoundTrip(t, rapid.SampledFrom(openValues[Signal]()).Draw(t, "trigger"), ParseSignal)
		checkRoundTrip(t, rapid.SampledFrom(openValues[Location]()).Draw(t, "location"), ParseLocation)
		checkRoundTrip(t, rapid.SampledFrom(AllResponders()).Draw(t, "responder"), ParseResponder)
		checkRoundTrip(t, rapid.SampledFrom(AllStages()).Draw(t, "stage"), ParseStage)
		checkRoundTrip(t, rapid.SampledFrom(AllWorks()).Draw(t, "work"), ParseWork)
		checkRoundTrip(t, rapid.SampledFrom(AllAlternatives()).Draw(t, "alternative"), ParseAlternative)
		checkRoundTrip(t, rapid.SampledFrom(AllTasks()).Draw(t, "action"), ParseTask)
		checkRoundTrip(t, rapid.SampledFrom(AllStartups()).Draw(t, "startup"), ParseStartup)
	}))
	t.Run("ReportJSONRoundTrip", rapid.MakeCheck(func(t *rapid.T) {
		r := TerminalReport{
			FirstAid:     rapid.String().Draw(t, "firstAid"),
			Location:     rapid.String().Draw(t, "location"),
			Startup:      rapid.SampledFrom(append([]Startup{0}, AllStartups()...)).Draw(t, "startup"),
			Message:      rapid.String().Draw(t, "message"),
			Operation:    rapid.String().Draw(t, "operation"),
			LatestScreen: rapid.String().Draw(t, "latestScreen"),
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var got TerminalReport
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		// JSON replaces invalid UTF-8; compare what survives encoding.
		var want TerminalReport
		_ = json.Unmarshal(b, &want)
		if d := cmp.Diff(want, got); d != "" {
			t.Fatalf("(-want +got):\n%s", d)
		}
		if (r.Validate(council.Citation{}) == nil) != (got.Validate(council.Citation{}) == nil) && validUTF8(r) {
			t.Fatal("validation changed across JSON")
		}
	}))
}

type textEnum interface {
	comparable
	String() string
	Label() string
	MarshalText() ([]byte, error)
	AppendText([]byte) ([]byte, error)
	IsValid() bool
}

func checkRoundTrip[E textEnum](t *rapid.T, v E, parse func(string) (E, error)) {
	b, err := v.MarshalText()
	if err != nil || string(b) != v.String() {
		t.Fatalf("MarshalText(%v) = %q, %v", v, b, err)
	}
	if b, err := v.AppendText([]byte("x:")); err != nil || string(b) != "x:"+v.String() {
		t.Fatalf("AppendText(%v) = %q, %v", v, b, err)
	}
	var zero E
	if zero.IsValid() || !v.IsValid() {
		t.Fatalf("IsValid: zero %v, %v %v", zero.IsValid(), v, v.IsValid())
	}
	if _, err := zero.MarshalText(); err == nil {
		t.Fatal("the zero value encodes")
	}
	for _, s := range []string{v.String(), v.Label()} {
		if got, err := parse(s); err != nil || got != v {
			t.Fatalf("parse(%q) = %v, %v; want %v", s, got, err, v)
		}
	}
}

func validUTF8(r TerminalReport) bool {
	b, _ := json.Marshal(r)
	var back TerminalReport
	_ = json.Unmarshal(b, &back)
	return back == r
}
