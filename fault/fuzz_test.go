package fault

import (
	"encoding"
	"encoding/json"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"pgregory.net/rapid"
)

// decoders are every text decoder of the package, as fresh zero values.
func decoders() map[string]func() encoding.TextUnmarshaler {
	return map[string]func() encoding.TextUnmarshaler{
		"kind":        func() encoding.TextUnmarshaler { return new(Kind) },
		"symptom":     func() encoding.TextUnmarshaler { return new(Symptom) },
		"check":       func() encoding.TextUnmarshaler { return new(Probe) },
		"trigger":     func() encoding.TextUnmarshaler { return new(Signal) },
		"location":    func() encoding.TextUnmarshaler { return new(Location) },
		"responder":   func() encoding.TextUnmarshaler { return new(Responder) },
		"stage":       func() encoding.TextUnmarshaler { return new(Stage) },
		"work":        func() encoding.TextUnmarshaler { return new(Work) },
		"alternative": func() encoding.TextUnmarshaler { return new(Alternative) },
		"action":      func() encoding.TextUnmarshaler { return new(Task) },
		"startup":     func() encoding.TextUnmarshaler { return new(Startup) },
	}
}

func seedTexts() []string {
	var ss []string
	add := func(xs ...interface {
		String() string
		Label() string
	}) {
		for _, x := range xs {
			ss = append(ss, x.String(), x.Label())
		}
	}
	for _, x := range AllKinds() {
		add(x)
	}
	for _, x := range AllSymptoms() {
		add(x)
	}
	for _, x := range openValues[Location]() {
		add(x)
	}
	for _, x := range AllStages() {
		add(x)
	}
	for _, x := range AllStartups() {
		add(x)
	}
	return append(ss, "", "Kind(0)", "情報ハイウェイ", "LAN ケーブルコネクタの確認", "\xff")
}

// FuzzEnumText feeds every decoder the same text: no panic, and whatever
// decodes re-encodes and decodes to the same value.
func FuzzEnumText(f *testing.F) {
	for _, s := range seedTexts() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, mk := range decoders() {
			v := mk()
			if err := v.UnmarshalText([]byte(s)); err != nil {
				continue
			}
			b, err := v.(encoding.TextMarshaler).MarshalText()
			if err != nil {
				t.Fatalf("%s: decoded %q but cannot encode: %v", name, s, err)
			}
			w := mk()
			if err := w.UnmarshalText(b); err != nil {
				t.Fatalf("%s: %q does not decode again: %v", name, b, err)
			}
			b2, _ := w.(encoding.TextMarshaler).MarshalText()
			if string(b) != string(b2) {
				t.Fatalf("%s: %q re-encodes as %q", name, b, b2)
			}
		}
	})
}

// FuzzClassifyText: any text under any plan classifies to a valid kind with a
// citation of that plan, or is an error; never a panic.
func FuzzClassifyText(f *testing.F) {
	for _, s := range seedTexts() {
		f.Add(s)
	}
	plans := referencePlans()
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range plans {
			c, err := p.ClassifyText(s)
			if err != nil {
				continue
			}
			if !c.Kind.IsValid() || c.Cites.Len() == 0 || c.Cites.Plans()[0] != p.ID() {
				t.Fatalf("%s: ClassifyText(%q) = %+v", p.ID(), s, c)
			}
		}
	})
}

// FuzzTerminalReportJSON: any JSON decodes or is an error; what decodes
// re-encodes and decodes to the same report.
func FuzzTerminalReportJSON(f *testing.F) {
	f.Add(`{"firstAid":"再起動","location":"端末2","startup":"starts","message":"通信エラー","operation":"転入届","latestScreen":"エラー画面"}`)
	f.Add(`{"startup":"電源が入らない"}`)
	f.Add(`{"startup":"boots"}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		var r TerminalReport
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			return
		}
		_ = r.Validate(council.Citation{})
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("decoded %q but cannot encode %+v: %v", s, r, err)
		}
		var back TerminalReport
		if err := json.Unmarshal(b, &back); err != nil || back != r {
			t.Fatalf("round trip: %+v -> %s -> %+v, %v", r, b, back, err)
		}
	})
}

// FuzzEscalate: any situation, valid or not, under any plan: no panic, and a
// valid one is escalated with every notice cited from that plan.
func FuzzEscalate(f *testing.F) {
	f.Add(uint8(0), uint8(0), false, false, false, false, 0, int64(0))
	f.Add(uint8(Bug), uint8(Software), true, true, true, true, 80, int64(48*time.Hour))
	f.Add(uint8(0), uint8(Hardware), false, false, false, false, 0, int64(0))
	f.Add(uint8(99), uint8(9), false, false, false, false, 101, int64(-1))
	plans := referencePlans()
	f.Fuzz(func(t *testing.T, sym, kind uint8, inServer, down, unknown, impossible bool, impact int, stop int64) {
		s := Facts{Symptom: Symptom(sym), Kind: Kind(kind), InServer: inServer, ServerDown: down, CauseUnknown: unknown,
			OperationImpossible: impossible, Impact: impact, ExpectedStop: time.Duration(stop)}
		for _, p := range plans {
			e, err := p.Escalate(s)
			if (err == nil) != (s.Validate() == nil) {
				t.Fatalf("%s: Escalate error %v but Validate %v", p.ID(), err, s.Validate())
			}
			for _, n := range e.Notices {
				if !n.Task.IsValid() || !n.By.IsValid() || n.Cites.Plans()[0] != p.ID() {
					t.Fatalf("%s: bad notice %+v", p.ID(), n)
				}
			}
		}
	})
}

// FuzzLifecycle drives a Fault with arbitrary action sequences through
// rapid.MakeFuzz: no panic, and resumption never skips a required check.
func FuzzLifecycle(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		p := planGen().Draw(t, "plan")
		fl, _ := p.Open()
		ops := rapid.SliceOfN(rapid.IntRange(0, 7), 0, 20).Draw(t, "ops")
		for _, op := range ops {
			var g Fault
			var err error
			switch op {
			case 0:
				g, err = fl.Identify(Kind(rapid.Uint8().Draw(t, "k")), Location(rapid.Uint8().Draw(t, "l")))
			case 1:
				g, err = fl.Investigate(Findings{Serious: rapid.Bool().Draw(t, "s"), IdentityAffected: rapid.Bool().Draw(t, "a")})
			case 2:
				g, err = fl.Escalate()
			case 3:
				g, err = fl.Maintain(Work(rapid.Uint8().Draw(t, "w")))
			case 4:
				g, err = fl.CheckIntegrity()
			case 5:
				g, err = fl.Resume()
			case 6:
				g, err = fl.PreventRecurrence()
			case 7:
				g, err = fl.StartAlternative(Alternative(rapid.Uint8().Draw(t, "alt")))
			}
			if err != nil {
				if g != fl {
					t.Fatalf("rejected op %d changed the fault", op)
				}
				_ = err.Error()
				continue
			}
			fl = g
		}
		if d := fl.Done(); d.Has(Resumed) && fl.IntegrityRequired() && !d.Has(IntegrityChecked) {
			t.Fatal("resumed without the required integrity check")
		}
	}))
}
