package threat

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"pgregory.net/rapid"
)

// genEvent draws a valid event, each attribute possibly unknown.
func genEvent() *rapid.Generator[Event] {
	return rapid.Custom(func(t *rapid.T) Event {
		return Event{
			Kind:     rapid.SampledFrom(AllActKinds()).Draw(t, "kind"),
			Place:    rapid.SampledFrom(append([]Place{0}, AllPlaces()...)).Draw(t, "place"),
			Firewall: rapid.SampledFrom(append([]Firewall{0}, AllFirewalls()...)).Draw(t, "firewall"),
			Severity: rapid.SampledFrom(append([]Seriousness{0}, AllSeriousness()...)).Draw(t, "severity"),
			Source:   rapid.SampledFrom(append([]Source{0}, AllSources()...)).Draw(t, "source"),
		}
	})
}

func TestEventGeneratorValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if err := genEvent().Draw(t, "e").Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestEventTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEvent().Draw(t, "e")
		b, err := e.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got Event
		if err := got.UnmarshalText(b); err != nil {
			t.Fatalf("%q: %v", b, err)
		}
		if diff := cmp.Diff(e, got); diff != "" {
			t.Fatalf("text round trip of %q (-want +got):\n%s", b, diff)
		}
		j, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var gotJ Event
		if err := json.Unmarshal(j, &gotJ); err != nil {
			t.Fatalf("%s: %v", j, err)
		}
		if diff := cmp.Diff(e, gotJ); diff != "" {
			t.Fatalf("JSON round trip of %s (-want +got):\n%s", j, diff)
		}
	})
}

func TestParseEvent(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Event
	}{
		{"intrusion place=protected", Event{Kind: Intrusion, Place: PlaceProtected}},
		{"無権限者の侵入 place=無関係な場所", Event{Kind: Intrusion, Place: PlaceUnrelated}},
		{"unauthorized-access firewall=passed source=national-center", Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed, Source: SourceNationalCenter}},
		{"不正アクセス firewall=阻止", Event{Kind: UnauthorizedAccess, Firewall: FirewallStopped}},
		{"vulnerability severity=serious source=vendor", Event{Kind: Vulnerability, Severity: Serious, Source: SourceVendor}},
		{"  leak  ", Event{Kind: Leak}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseEvent(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{"", "burglary", "intrusion place", "intrusion place=vault", "intrusion colour=red",
		"intrusion place=related place=related", "unauthorized-access firewall=", "intrusion source=moon"} {
		if _, err := ParseEvent(bad); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("ParseEvent(%q) error = %v; want ErrInvalid", bad, err)
		}
	}
}

func TestEventValidateNamesEveryProblem(t *testing.T) {
	err := Event{Kind: 99, Place: 9, Firewall: 9, Severity: 9, Source: 9}.Validate()
	for _, want := range []string{"kind", "place", "firewall", "severity", "source"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate error %v does not name %s", err, want)
		}
	}
	if _, err := (Event{}).MarshalText(); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("zero Event encoded: %v", err)
	}
}
