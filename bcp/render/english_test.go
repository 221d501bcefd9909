package render

import (
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// english checks that table words every value in all.
func english[T interface {
	~uint8
	String() string
}](t *testing.T, name string, table []string, all []T) {
	t.Helper()
	for _, v := range all {
		if int(v) >= len(table) || table[v] == "" {
			t.Errorf("%s: no English for %v", name, v)
		}
	}
}

// TestEnglishTablesExhaustive: every value the engine can state has its
// English phrase, so that no sentence falls back to an identifier.
func TestEnglishTablesExhaustive(t *testing.T) {
	english(t, "stepsEn", stepsEn[:], threat.AllTasks())
	english(t, "noticesEn", noticesEn[:], fault.AllTasks())
	english(t, "alternativesEn", alternativesEn[:], fault.AllAlternatives())
	english(t, "playbookEn", playbookEn[:], measures.AllTasks())
	english(t, "modesEn", modesEn[:], measures.AllModes())
	english(t, "conditionsEn", conditionsEn[:], measures.AllConditions())
	english(t, "flowEn", flowEn[:], bcp.AllFlowSteps())
	english(t, "audiencesEn", audiencesEn[:], bcp.AllAudiences())
	english(t, "triggersEn", triggersEn[:], council.AllTriggers())
	english(t, "triggerNamesEn", triggerNamesEn[:], council.AllTriggers())
	english(t, "actsEn", actsEn[:], threat.AllActKinds())
	english(t, "unknownEn", unknownEn[:], threat.AllAttributes())
	english(t, "placesEn", placesEn[:], threat.AllPlaces())
	english(t, "firewallsEn", firewallsEn[:], threat.AllFirewalls())
	english(t, "seriousnessEn", seriousnessEn[:], threat.AllSeriousness())
	english(t, "countermeasuresEn", countermeasuresEn[:], measures.AllCountermeasures())
	english(t, "reasonsEn", reasonsEn[:], bcp.AllReasons())
	english(t, "channelsEn", channelsEn[:], bcp.AllChannels())
}

// TestAgendaEnglish: every agenda item of the reference plans has its
// English title in the plan file, so that no English output falls back to
// the item's key.
func TestAgendaEnglish(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		for _, a := range p.Organization.Agendas {
			for _, it := range a.Items {
				if it.TitleEN == "" {
					t.Errorf("%s: agenda %s: item %q (%s) has no titleEn", p.ID, a.Cite, it.Key, it.Title)
				}
			}
		}
	}
}

// TestLearnedEnglish: what an event states of the engine's attributes reads
// as clauses after "learn that" (tottori:第3-1 grades an access on the
// firewall); what it states of a plan's own attributes, whose labels need
// not make a clause, as "attribute: value" in the plan's English labels,
// or its IDs as words where the plan gives none.
func TestLearnedEnglish(t *testing.T) {
	w := &words{lang: bcp.English, attrs: []threat.AttributeTerm{
		{ID: "stop", Label: "復旧のための停止", LabelEN: "stop for recovery", Values: []threat.ValueTerm{
			{ID: "none", Label: "停止を要しない", LabelEN: "none"}, {ID: "brief", Label: "一時的な停止を要する", LabelEN: "brief"}}},
		{ID: "cause", Label: "原因", Values: []threat.ValueTerm{{ID: "found", Label: "判明"}, {ID: "not-found", Label: "不明"}}},
	}}
	declared := func(vs ...uint8) threat.Values {
		var v threat.Values
		for i, x := range vs {
			v = v.With(i, x)
		}
		return v
	}
	for _, c := range []struct {
		name string
		e    threat.Event
		want string
	}{
		{"firewall passed", threat.Event{Firewall: threat.FirewallPassed}, "learn that the access passed the firewall"},
		{"firewall stopped", threat.Event{Firewall: threat.FirewallStopped}, "learn that the firewall stopped the access"},
		{"place and severity", threat.Event{Place: threat.PlaceProtected, Severity: threat.Serious},
			"learn that the place entered holds protected information or items important to its protection and the vulnerability is serious"},
		{"declared, English labels", threat.Event{Declared: declared(2)}, "learn: stop for recovery: brief"},
		{"declared, no English", threat.Event{Declared: declared(0, 2)}, "learn: cause: not found"},
		{"both", threat.Event{Firewall: threat.FirewallPassed, Declared: declared(1, 1)},
			"learn: the access passed the firewall; stop for recovery: none; cause: found"},
	} {
		got := describe(drill.Event{Kind: drill.AttributeLearned, Learned: c.e}, w)
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	got := describe(drill.Event{Kind: drill.ActObserved, Act: threat.Event{Kind: threat.UnauthorizedAccess, Firewall: threat.FirewallPassed}}, w)
	if want := "observe unauthorized access (the access passed the firewall)"; got != want {
		t.Errorf("observed act: %q, want %q", got, want)
	}
}

func TestEnglishGrammar(t *testing.T) {
	for _, c := range []struct{ fn, in, want string }{
		{"thirdPerson", "ask the maintenance contractor to investigate", "asks the maintenance contractor to investigate"},
		{"thirdPerson", "carry out the checks", "carries out the checks"},
		{"thirdPerson", "approach", "approaches"},
		{"thirdPerson", "stay", "stays"},
		{"the", "security chief", "the security chief"},
		{"the", "J-LIS", "J-LIS"},
		{"the", "IaaS provider", "the IaaS provider"},
		{"the", "each department's management division", "each department's management division"},
		{"the", "鳥取県", "鳥取県"},
		{"indefinite", "hardware fault", "a hardware fault"},
		{"indefinite", "operation fault", "an operation fault"},
		{"withMeans", "report on schedule to X" + meansAt + " while unknown", "report on schedule to X by phone while unknown"},
		{"withMeans", "notify X", "notify X by phone"},
		{"count", "error", "1 error"},
	} {
		var got string
		switch c.fn {
		case "thirdPerson":
			got = thirdPerson(c.in)
		case "the":
			got = the(c.in)
		case "indefinite":
			got = indefinite(c.in)
		case "withMeans":
			got = withMeans(c.in, " by phone")
		case "count":
			got = count(1, c.in) + "; " + count(2, c.in)
			c.want += "; 2 " + c.in + "s"
		}
		if got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.fn, c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a and b"}, {[]string{"a", "b", "c"}, "a, b and c"}} {
		if got := list(c.in); got != c.want {
			t.Errorf("list(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{8 * time.Hour, "8 hours"}, {time.Hour, "1 hour"}, {30 * time.Minute, "30 minutes"},
		{28 * time.Hour, "1 day and 4 hours"}, {15 * 24 * time.Hour, "2 weeks and 1 day"}, {90 * time.Second, "1m30s"},
	} {
		if got := durationEn(c.d); got != c.want {
			t.Errorf("durationEn(%v) = %q, want %q", c.d, got, c.want)
		}
	}
	for fs, want := range map[bcp.Fields]string{
		bcp.FieldsOf(bcp.FieldCause):                     "the cause has changed",
		bcp.FieldsOf(bcp.FieldSituation, bcp.FieldCause): "the situation and the cause have changed",
	} {
		if got := changed(fs); got != want {
			t.Errorf("changed(%v) = %q, want %q", fs, got, want)
		}
	}
	for label, want := range map[string]bool{"security officers": true, "police": true, "related municipalities": true, "staff in charge": false, "J-LIS": false, "IaaS provider": false} {
		if plural(label) != want {
			t.Errorf("plural(%q) = %v", label, !want)
		}
	}
}
