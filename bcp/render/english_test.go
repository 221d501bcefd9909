package render

import (
	"strings"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
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
	english(t, "countermeasuresEn", countermeasuresEn[:], measures.AllCountermeasures())
	english(t, "reasonsEn", reasonsEn[:], bcp.AllReasons())
	english(t, "channelsEn", channelsEn[:], bcp.AllChannels())
}

// TestAgendaEnglish: every agenda item of the reference plans reads as
// English, not as its key.
func TestAgendaEnglish(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		for _, a := range p.Organization.Agendas {
			for _, it := range a.Items {
				if got := agendaEn(it.Key); got == spaced(it.Key) && strings.Contains(it.Key, "-") {
					t.Errorf("%s: agenda item %q (%s) has no English; it reads %q", p.ID, it.Key, it.Title, got)
				}
			}
		}
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
