package measures

import (
	"errors"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/threat"
)

func TestForEvent(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	nc, local, audit, vendor, other := threat.SourceNationalCenter, threat.SourceLocal, threat.SourceAudit, threat.SourceVendor, threat.SourceOtherBody
	for _, tc := range []struct {
		name string
		e    threat.Event
		want Case
		err  error
	}{
		{"tottori:別表1-1", threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallPassed, Source: nc}, Case1_1, nil},
		{"tottori:別表1-2", threat.Event{Kind: threat.UnauthorizedAccess, Source: local}, Case1_2, nil},
		{"tottori:別表1-3", threat.Event{Kind: threat.SuspiciousOperation, Source: nc}, Case1_3, nil},
		{"tottori:別表1-4", threat.Event{Kind: threat.SuspiciousOperation, Source: local}, Case1_4, nil},
		{"tottori:別表2-1", threat.Event{Kind: threat.ErroneousAccess, Source: nc}, Case2_1, nil},
		{"tottori:別表2-2", threat.Event{Kind: threat.ErroneousAccess, Source: local}, Case2_2, nil},
		{"tottori:別表2-3", threat.Event{Kind: threat.Vulnerability, Severity: threat.Serious, Source: audit}, Case2_3, nil},
		{"tottori:別表2-4", threat.Event{Kind: threat.Vulnerability, Source: vendor}, Case2_4, nil},
		{"tottori:別表3-1", threat.Event{Kind: threat.DataCorruption, Source: nc}, Case3_1, nil},
		{"tottori:別表3-2", threat.Event{Kind: threat.DataCorruption, Source: local}, Case3_2, nil},
		{"tottori:別表3-3", threat.Event{Kind: threat.ServiceDisruption, Source: nc}, Case3_3, nil},
		{"tottori:別表3-4", threat.Event{Kind: threat.ServiceDisruption, Source: local}, Case3_4, nil},
		{"tottori:別表4-1", threat.Event{Kind: threat.VirusDetected, Source: nc}, Case4_1, nil},
		{"tottori:別表4-2", threat.Event{Kind: threat.VirusDetected, Source: local}, Case4_2, nil},
		{"tottori:別表4-3", threat.Event{Kind: threat.VirusInfection, Source: nc}, Case4_3, nil},
		{"tottori:別表4-4", threat.Event{Kind: threat.VirusInfection, Source: local}, Case4_4, nil},
		{"tottori:別表/intrusion-has-no-row", threat.Event{Kind: threat.Intrusion, Place: threat.PlaceProtected, Source: local}, 0, ErrNoPlaybook},
		{"tottori:別表/leak-has-no-row", threat.Event{Kind: threat.Leak, Source: local}, 0, ErrNoPlaybook},
		{"tottori:別表/form-theft-has-no-row", threat.Event{Kind: threat.FormTheftOrLoss, Source: local}, 0, ErrNoPlaybook},
		{"tottori:別表/credential-leak-has-no-row", threat.Event{Kind: threat.CredentialLeak, Source: nc}, 0, ErrNoPlaybook},
		{"tottori:別表2/hole-found-locally-has-no-row", threat.Event{Kind: threat.Vulnerability, Source: local}, 0, ErrNoPlaybook},
		{"tottori:別表1/virus-from-audit-has-no-row", threat.Event{Kind: threat.VirusInfection, Source: audit}, 0, ErrNoPlaybook},
		{"tottori:別表/other-body-has-no-row", threat.Event{Kind: threat.UnauthorizedAccess, Source: other}, 0, ErrNoPlaybook},
		{"tottori:別表/source-unknown", threat.Event{Kind: threat.UnauthorizedAccess}, 0, ErrMissing},
		{"invalid-kind", threat.Event{Source: nc}, 0, ErrInvalid},
		{"invalid-source", threat.Event{Kind: threat.VirusInfection, Source: threat.Source(77)}, 0, ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := pbs.ForEvent(tc.e)
			if tc.err != nil {
				if !errors.Is(err, tc.err) || p.Case != 0 {
					t.Fatalf("pbs.ForEvent(%v) = %v, %v; want error %v", tc.e, p.Case, err, tc.err)
				}
				return
			}
			if err != nil || p.Case != tc.want {
				t.Fatalf("pbs.ForEvent(%v) = %v, %v; want %v", tc.e, p.Case, err, tc.want)
			}
		})
	}
}

func TestEventConditions(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	serious := threat.Event{Kind: threat.Vulnerability, Severity: threat.Serious, Source: threat.SourceVendor}
	p, _ := pbs.ForEvent(serious)
	var got []Task
	for s := range p.Applicable(EventConditions(serious)) {
		got = append(got, s.Task)
	}
	if !slices.Equal(got, []Task{Patch, Disconnect}) {
		t.Errorf("tottori:別表2-4②: a serious hole gives %v; want patch and disconnect", got)
	}
	ordinary := serious
	ordinary.Severity = threat.Ordinary
	if EventConditions(ordinary) != 0 || EventConditions(threat.Event{Kind: threat.Intrusion}) != 0 {
		t.Error("an ordinary hole or an intrusion establishes a condition")
	}
	if TriggersFor(threat.Level3) != TriggersOf(LikelyLevel3) || TriggersFor(threat.Level2) != 0 || TriggersFor(0) != 0 || TriggersFor(threat.Level(9)) != 0 {
		t.Error("tottori:第3-4(2): TriggersFor is wrong")
	}
}

func TestForEventProperties(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	kinds, sources := threat.AllActKinds(), threat.AllSources()
	t.Run("TotalOverAnnexCases", rapid.MakeCheck(func(t *rapid.T) {
		c := rapid.SampledFrom(AllCases()).Draw(t, "case")
		// some event reaches every case
		var hit bool
		for _, k := range kinds {
			for _, s := range sources {
				if p, err := pbs.ForEvent(threat.Event{Kind: k, Source: s}); err == nil && p.Case == c {
					hit = true
				}
			}
		}
		if !hit {
			t.Fatalf("no threat event reaches annex case %v", c)
		}
	}))
	t.Run("PlaybookOrNoGuess", rapid.MakeCheck(func(t *rapid.T) {
		e := threat.Event{Kind: rapid.SampledFrom(kinds).Draw(t, "kind"), Source: rapid.SampledFrom(sources).Draw(t, "source")}
		p, err := pbs.ForEvent(e)
		if err != nil {
			if !errors.Is(err, ErrNoPlaybook) {
				t.Fatalf("pbs.ForEvent(%v): %v is not ErrNoPlaybook", e, err)
			}
			return
		}
		o, _ := ObservationOf(e.Kind)
		d, _ := DiscovererOf(e.Source)
		if p.Observation() != o || p.Discoverer() != d || len(p.Steps) == 0 {
			t.Fatalf("pbs.ForEvent(%v) = %v, which is not the row for %v by %v", e, p.Case, o, d)
		}
		for _, s := range p.Steps {
			if s.Citations.Len() == 0 {
				t.Fatalf("%v step %s uncited", p.Case, s.Mark)
			}
		}
	}))
}

func TestForEventNoAllocs(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	e := threat.Event{Kind: threat.VirusInfection, Source: threat.SourceLocal}
	var sink Playbook
	if n := testing.AllocsPerRun(100, func() { sink, _ = pbs.ForEvent(e) }); n != 0 {
		t.Errorf("ForEvent allocates %v times per run; want 0", n)
	}
	_ = sink
}

func BenchmarkForEvent(b *testing.B) {
	pbs := tottoriPlaybooks(b)
	e := threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallPassed, Source: threat.SourceNationalCenter}
	b.ReportAllocs()
	var n int
	for b.Loop() {
		p, _ := pbs.ForEvent(e)
		n += len(p.Steps)
	}
	_ = n
}

func TestForEventMessages(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	for _, tc := range []struct {
		e    threat.Event
		want string
	}{
		{threat.Event{Kind: threat.Vulnerability, Source: threat.SourceLocal}, "measures: the plan's annex has no row for hole-reported discovered by own-finding: no playbook"},
		{threat.Event{Kind: threat.Leak, Source: threat.SourceLocal}, "measures: no annex case covers leak events: no playbook"},
		{threat.Event{Kind: threat.VirusDetected}, "measures: who discovered the event is unknown; the annex chooses its measures by it: missing"},
	} {
		if _, err := pbs.ForEvent(tc.e); err == nil || err.Error() != tc.want {
			t.Errorf("pbs.ForEvent(%v) error = %v; want %q", tc.e, err, tc.want)
		}
	}
}
