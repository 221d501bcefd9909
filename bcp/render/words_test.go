package render_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/vocabtest"
	"pgregory.net/rapid"
)

// The example: tottori's document calls its chief
// セキュリティ統括管理者 and its council 鳥取県住基ネットセキュリティ会議, and
// its drill says so, not another plan's words (tottori:第2-4(1), 第3-6(2)).
func TestDrillSpeaksThePlansWords(t *testing.T) {
	s, err := drill.ScenarioByID("tottori-l3-firewall")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := drill.Run(bcp.Tottori(), s)
	if err != nil {
		t.Fatal(err)
	}
	ja := render.Text(tl, bcp.Japanese)
	for _, want := range []string{"セキュリティ統括管理者  会議の開催", "鳥取県住基ネットセキュリティ会議を開催", "住基ネット担当者  発見"} {
		if !strings.Contains(ja, want) {
			t.Errorf("the drill lacks %q", want)
		}
	}
	for _, other := range []string{"セキュリティ統括責任者", "  担当者  "} {
		if strings.Contains(ja, other) {
			t.Errorf("the drill uses %q, not tottori's word", other)
		}
	}
	if en := render.Text(tl, bcp.English); !strings.Contains(en, "reports to the security chief") {
		t.Errorf("the English drill does not use the terms' English labels:\n%s", en)
	}
}

// Any relabelling of a reference plan, any of its terms made the plan's own
// value (no function), survives a file round trip, and its drills name only
// the plan's own labels for every actor they print.
func TestRandomVocabularyProperty(t *testing.T) {
	ids := reference.IDs()
	rapid.Check(t, func(rt *rapid.T) {
		id := rapid.SampledFrom(ids).Draw(rt, "plan")
		ref, err := bcp.Reference(id)
		if err != nil {
			rt.Fatal(err)
		}
		data, err := ref.MarshalIndent()
		if err != nil {
			rt.Fatal(err)
		}
		stem := rapid.StringMatching(`[ぁ-ゖ]{1,4}`).Draw(rt, "stem")
		drop := rapid.SliceOfN(rapid.Bool(), 64, 64).Draw(rt, "custom")
		relabelled, err := vocabtest.Relabel(data,
			func(kind string, i int) string { return fmt.Sprintf("%s%s%d", stem, kind[:2], i) },
			func(kind string, i int) bool { return !closedKind(kind) && drop[(len(kind)*7+i)%64] })
		if err != nil {
			rt.Fatal(err)
		}
		p, err := bcp.ParsePlan(relabelled)
		if err != nil {
			rt.Fatalf("the relabelled plan does not parse: %v", err)
		}
		again, err := p.MarshalJSON()
		if err != nil {
			rt.Fatal(err)
		}
		q, err := bcp.ParsePlan(again)
		if err != nil {
			rt.Fatal(err)
		}
		if again2, err := q.MarshalJSON(); err != nil || string(again2) != string(again) {
			rt.Fatalf("round trip: %v\n%s\nwant:\n%s", err, again2, again)
		}
		labels := map[string]bool{}
		for _, ts := range [][]string{
			termLabels(p.Vocabulary.Positions), termLabels(p.Vocabulary.Parties),
		} {
			for _, l := range ts {
				labels[l] = true
			}
		}
		scs, err := drill.Scenarios(id)
		if err != nil {
			rt.Fatal(err)
		}
		for _, sc := range scs {
			// The scenario file names actors by the plan's term IDs:
			// read through the plan, they name its values.
			data, _ := reference.Scenario(sc.ID)
			s, err := drill.ParseScenario(p, data)
			if err != nil {
				rt.Fatalf("%s: %v", sc.ID, err)
			}
			tl, err := drill.Run(p, s)
			if err != nil {
				rt.Fatalf("%s: %v", s.ID, err)
			}
			w := tl.Vocabulary.Dictionary()
			for i, e := range tl.Entries {
				for _, a := range []council.Actor{e.Actor, e.To} {
					if !a.IsValid() {
						continue
					}
					got := w.Label(a, bcp.Japanese)
					named, ok := w.Actor(w.Name(a))
					declared := ok && named == a
					switch {
					case declared && !labels[got]:
						rt.Fatalf("%s entry %d names %v %q, not the plan's label", s.ID, i, a, got)
					case !declared && (got != a.Label() || strings.Contains(a.String(), "#")):
						// An actor the scenario names and the plan does not
						// declare prints in the engine's words.
						rt.Fatalf("%s entry %d names %v, undeclared, as %q", s.ID, i, a, got)
					}
				}
			}
		}
	})
}

// TestDrillPlanWords: the drill takes the words of the first report and of
// the decision on publication from the plan (nakano's 第1報 and 区議会), and
// falls back to the engine's own words when a plan gives none.
func TestDrillPlanWords(t *testing.T) {
	s, err := drill.ScenarioByID("nakano-iaas-outage")
	if err != nil {
		t.Fatal(err)
	}
	detail := func(p bcp.Plan, a drill.Act, by council.Actor) string {
		t.Helper()
		tl, err := drill.Run(p, s)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range tl.Entries {
			if e.Act == a && e.Actor == by {
				return render.Detail(tl, i, bcp.Japanese)
			}
		}
		t.Fatalf("no %v by %v", a, by)
		return ""
	}
	isd, mayor := council.ByRole(termRole(t, bcp.Nakano(), "info-systems-division")), council.ByRole(termRole(t, bcp.Nakano(), "mayor"))
	p := bcp.Nakano()
	if got := detail(p, drill.ActReport, isd); got != "第1報（口頭・メモ可）、その後連絡票" {
		t.Errorf("first report %q; want the plan's note", got)
	}
	if got := detail(p, drill.ActMeasure, mayor); got != "公表及び区議会への報告の判断" {
		t.Errorf("publication %q; want the plan's decision", got)
	}
	for i := range p.Continuity.Contacts {
		p.Continuity.Contacts[i].Contact.Note = ""
	}
	for i := range p.Continuity.Routes {
		p.Continuity.Routes[i].Decision = ""
	}
	if got, want := detail(p, drill.ActReport, isd), p.Vocabulary.Label(bcp.CrisisManagement, bcp.Japanese); got != want {
		t.Errorf("first report without a note %q; want the audience's label in the plan's words %q", got, want)
	}
	if got := detail(p, drill.ActMeasure, mayor); got != "公表及び議会への報告の判断" {
		t.Errorf("publication without a decision %q; want the engine's words", got)
	}
}

// TestDrillDutyAndScheduleWords: the IC-card lines take kumiyama's words
// (第17条10項3号, 11項, 14項) and nakano's scheduled reports its headings
// (統合仮想サーバ 3(4)①ア a, b); without them a drill says the engine's.
func TestDrillDutyAndScheduleWords(t *testing.T) {
	details := func(p bcp.Plan, scenario string, a drill.Act) []string {
		t.Helper()
		s, err := drill.ScenarioByID(scenario)
		if err != nil {
			t.Fatal(err)
		}
		tl, err := drill.Run(p, s)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for i, e := range tl.Entries {
			if d := render.Detail(tl, i, bcp.Japanese); e.Act == a && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
		return out
	}
	k := bcp.Kumiyama()
	if got := details(k, "kumiyama-lost-card", drill.ActRevoke); !slices.Equal(got, []string{"直ちに失効の手続きを取らなければならない"}) {
		t.Errorf("revocation %q; want kumiyama 第17条11項's words", got)
	}
	for i := range k.Duties {
		k.Duties[i].Note = ""
	}
	if got := details(k, "kumiyama-lost-card", drill.ActRevoke); !slices.Equal(got, []string{bcp.RevokeCard.Label()}) {
		t.Errorf("revocation without a note %q; want the duty's label", got)
	}
	n := bcp.Nakano()
	want := []string{"障害復旧見込が不明な場合", "障害復旧見込日時が判明している場合"}
	if got := details(n, "nakano-iaas-outage", drill.ActScheduledReport); !slices.ContainsFunc(got, func(s string) bool { return s == want[0] }) ||
		!slices.ContainsFunc(got, func(s string) bool { return s == want[1] }) {
		t.Errorf("scheduled reports %q; want both of %q", got, want)
	}
	sc := *n.Continuity.Schedule
	sc.WhileUnknown, sc.OnceKnown = "", ""
	n.Continuity.Schedule = &sc
	for _, d := range details(n, "nakano-iaas-outage", drill.ActScheduledReport) {
		if strings.HasPrefix(d, "障害復旧見込") {
			t.Errorf("scheduled report without the plan's words %q; want the engine's", d)
		}
	}
}

// closedKind reports whether the vocabulary kind with JSON key kind has only
// the engine's values (the closed kinds of [bcp.Vocabulary]): its terms
// cannot drop their function.
func closedKind(kind string) bool {
	switch kind {
	case "steps", "fields", "incidents", "patterns", "audiences":
		return true
	}
	return false
}

func termLabels[V bcp.Word](ts []bcp.Term[V]) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Label
	}
	return out
}

// termRole returns the position term id of p's vocabulary stands for.
func termRole(t interface {
	Helper()
	Fatalf(string, ...any)
}, p bcp.Plan, id string) council.Role {
	t.Helper()
	r, ok := p.Vocabulary.Role(id)
	if !ok {
		t.Fatalf("plan %s declares no position %q", p.ID, id)
	}
	return r
}

// A town's own post and body, none of them known to the engine, print in
// its words in the escalation flow.
func TestEscalationFlowSpeaksCustomTerms(t *testing.T) {
	data, err := bcp.Ino().MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	custom, err := vocabtest.Relabel(data, vocabtest.TownLabels, func(string, int) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.ParsePlan(custom)
	if err != nil {
		t.Fatal(err)
	}
	flow := render.EscalationFlow(p, bcp.Japanese)
	if !strings.Contains(flow, "情報保護統括責任者") || !strings.Contains(flow, "情報保護管理会議") || strings.Contains(flow, "セキュリティ統括責任者") {
		t.Errorf("the escalation flow does not speak the town's words:\n%s", flow)
	}
}

// TestAgendaTitlesFromPlan: an agenda item is put on the agenda in English
// under the title the plan file gives it (titleEn), whatever it is, and
// under its key in words where the plan gives none; the Japanese text does
// not depend on it.
func TestAgendaTitlesFromPlan(t *testing.T) {
	// The Japanese text of each reference drill, after its header (whose
	// fingerprint names the plan changed below).
	ja := map[string]string{}
	for _, id := range reference.IDs() {
		ref, err := bcp.Reference(id)
		if err != nil {
			t.Fatal(err)
		}
		scs, err := drill.Scenarios(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range scs {
			tl, err := drill.Run(ref, s)
			if err != nil {
				t.Fatalf("%s: %v", s.ID, err)
			}
			_, ja[s.ID], _ = strings.Cut(render.Text(tl, bcp.Japanese), "\n")
		}
	}
	rapid.Check(t, func(rt *rapid.T) {
		id := rapid.SampledFrom(reference.IDs()).Draw(rt, "plan")
		stem := rapid.StringMatching(`[a-z]{2,8}( [a-z]{2,8}){0,2}`).Draw(rt, "title")
		none := rapid.Bool().Draw(rt, "none")
		p, err := bcp.Reference(id)
		if err != nil {
			rt.Fatal(err)
		}
		var old []string            // the reference plan's English titles
		titles := map[string]bool{} // the English titles the plan now gives
		n := 0
		for _, a := range p.Organization.Agendas {
			for i := range a.Items {
				old = append(old, a.Items[i].TitleEN)
				a.Items[i].TitleEN = ""
				if !none {
					n++
					a.Items[i].TitleEN = fmt.Sprintf("the matter %d of %s", n, stem)
					titles[a.Items[i].TitleEN] = true
				}
			}
		}
		scs, err := drill.Scenarios(id)
		if err != nil {
			rt.Fatal(err)
		}
		for _, s := range scs {
			tl, err := drill.Run(p, s)
			if err != nil {
				rt.Fatalf("%s: %v", s.ID, err)
			}
			if _, got, _ := strings.Cut(render.Text(tl, bcp.Japanese), "\n"); got != ja[s.ID] {
				rt.Fatalf("%s: the Japanese text changed with the English titles:\n%s\nwant:\n%s", s.ID, got, ja[s.ID])
			}
			en := render.Text(tl, bcp.English)
			for _, e := range tl.Entries {
				if e.What.About != drill.AboutAgendaItem {
					continue
				}
				want := strings.ReplaceAll(e.What.Item, "-", " ")
				if !none {
					want = e.What.TitleEN
					if !titles[want] {
						rt.Fatalf("%s: agenda item %q has the English title %q, not the plan's", s.ID, e.What.Item, want)
					}
				}
				if !strings.Contains(en, " "+want+" on the agenda") {
					rt.Fatalf("%s: agenda item %q is not put on the agenda as %q:\n%s", s.ID, e.What.Item, want, en)
				}
			}
			for _, title := range old {
				if !none && strings.Contains(en, " "+title+" on the agenda") {
					rt.Fatalf("%s: the text still uses the reference title %q:\n%s", s.ID, title, en)
				}
			}
		}
	})
}
