package council

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

var (
	jst = time.FixedZone("JST", 9*3600)
	t0  = time.Date(2026, 4, 1, 9, 0, 0, 0, jst)
	t1  = t0.Add(10 * time.Minute)
	t2  = t0.Add(20 * time.Minute)
)

var chief = ByRole(SecurityChief)

func mustOpen(t *testing.T, a Agenda, tr Trigger) Meeting {
	t.Helper()
	m, err := Open(a, tr, t0)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMeetingLifecycle(t *testing.T) {
	t.Run("ino:第5条/run-to-closure", func(t *testing.T) {
		m := mustOpen(t, agendaOf(ino(), "第5条"), SeriousFault)
		if !m.IsOpen() || m.Trigger() != SeriousFault || !m.Opened().Equal(t0) {
			t.Fatalf("opened meeting: open %v trigger %v at %v", m.IsOpen(), m.Trigger(), m.Opened())
		}
		if diff := cmp.Diff(agendaOf(ino(), "第5条").Keys(), m.Outstanding()); diff != "" {
			t.Fatalf("outstanding at opening (-want +got):\n%s", diff)
		}
		var err error
		steps := []struct {
			key, text string
			na        bool
		}{
			{"liaison", "J-LIS と県市町村振興課へ連絡", false},
			{"technical-support", "保守委託事業者へ支援依頼", false},
			{"emergency-structure", "役割分担と指揮命令系統を確認", false},
			{"resident-response", "来庁者対応とホームページ告示", false},
			{"alternative-measures", "広域交付は停止していない", true},
		}
		for i, s := range steps {
			at := t0.Add(time.Duration(i+1) * time.Minute)
			if s.na {
				m, err = m.MarkNotApplicable(s.key, s.text, chief, at)
			} else {
				m, err = m.Decide(s.key, s.text, chief, at)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(m.Outstanding()) != 0 {
			t.Fatalf("outstanding after all: %v", m.Outstanding())
		}
		closed, err := m.Close(t1)
		if err != nil {
			t.Fatal(err)
		}
		if at, ok := closed.Closed(); !ok || !at.Equal(t1) || closed.IsOpen() {
			t.Errorf("Closed = %v, %v", at, ok)
		}
		if _, ok := m.Closed(); ok {
			t.Error("closing changed the receiver")
		}
		r, _ := closed.Record("alternative-measures")
		if r.Status != NotApplicable || r.Text != "広域交付は停止していない" || r.By != chief {
			t.Errorf("record = %+v", r)
		}
		if _, err := closed.Decide("liaison", "again", chief, t2); !errors.Is(err, ErrClosed) {
			t.Errorf("decision on closed meeting: %v", err)
		}
		if _, err := closed.Close(t2); !errors.Is(err, ErrClosed) {
			t.Errorf("second close: %v", err)
		}
	})
	t.Run("kumamoto:別紙1/optional-counts-do-not-block", func(t *testing.T) {
		m := mustOpen(t, agendaOf(kumamoto(), "別紙1"), ThreatLevel3)
		var err error
		for _, k := range []string{"emergency-instructions", "counter-pr", "liaison", "emergency-measures", "status-report"} {
			if m, err = m.Decide(k, "実施", ByRole(SecurityOfficers), t1); err != nil {
				t.Fatal(err)
			}
		}
		if len(m.Outstanding()) != 4 {
			t.Errorf("outstanding = %v; want the four counts", m.Outstanding())
		}
		if _, err := m.Close(t2); err != nil {
			t.Errorf("close with optional items open: %v", err)
		}
	})
	t.Run("tottori:第3-6(3)/outstanding-named", func(t *testing.T) {
		m := mustOpen(t, agendaOf(tottori(), "第3-6(3)"), ThreatLevel3)
		m, _ = m.Decide("resident-response", "窓口で説明", chief, t1)
		_, err := m.Close(t2)
		var oe *OutstandingError
		if !errors.As(err, &oe) || !errors.Is(err, ErrOutstanding) {
			t.Fatalf("error = %v", err)
		}
		if diff := cmp.Diff([]string{"system-stop", "publicity"}, oe.Items); diff != "" {
			t.Errorf("items (-want +got):\n%s", diff)
		}
		for _, w := range []string{"system-stop", "publicity", "tottori:第3-6(3)"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q does not name %q", err, w)
			}
		}
	})
}

func TestMeetingErrors(t *testing.T) {
	open := func(t *testing.T) Meeting { return mustOpen(t, agendaOf(ino(), "第12条"), SeriousThreat) }
	for _, tc := range []struct {
		name string
		do   func(t *testing.T) error
		want error
	}{
		{"not-open/decide", func(t *testing.T) error {
			_, err := Meeting{}.Decide("liaison", "x", chief, t1)
			return err
		}, ErrNotOpen},
		{"not-open/not-applicable", func(t *testing.T) error {
			_, err := Meeting{}.MarkNotApplicable("liaison", "x", chief, t1)
			return err
		}, ErrNotOpen},
		{"not-open/close", func(t *testing.T) error { _, err := Meeting{}.Close(t1); return err }, ErrNotOpen},
		{"before-opening", func(t *testing.T) error {
			_, err := open(t).Decide("liaison", "x", chief, t0.Add(-time.Second))
			return err
		}, ErrTime},
		{"zero-time", func(t *testing.T) error { _, err := open(t).Decide("liaison", "x", chief, time.Time{}); return err }, ErrTime},
		{"unknown-item", func(t *testing.T) error { _, err := open(t).Decide("lunch", "x", chief, t1); return err }, ErrUnknownItem},
		{"settled-twice", func(t *testing.T) error {
			m, _ := open(t).Decide("liaison", "x", chief, t1)
			_, err := m.MarkNotApplicable("liaison", "y", chief, t2)
			return err
		}, ErrSettled},
		{"empty-text", func(t *testing.T) error { _, err := open(t).Decide("liaison", "", chief, t1); return err }, ErrInvalid},
		{"invalid-actor", func(t *testing.T) error { _, err := open(t).Decide("liaison", "x", Actor{}, t1); return err }, ErrInvalid},
		{"close-before-opening", func(t *testing.T) error { _, err := open(t).Close(t0.Add(-time.Second)); return err }, ErrTime},
		{"close-before-a-decision", func(t *testing.T) error {
			m := open(t)
			for _, k := range m.Outstanding() {
				m, _ = m.Decide(k, "x", chief, t2)
			}
			_, err := m.Close(t1)
			return err
		}, ErrTime},
		{"open/invalid-trigger", func(t *testing.T) error { _, err := Open(agendaOf(ino(), "第5条"), 0, t0); return err }, ErrInvalid},
		{"open/zero-time", func(t *testing.T) error {
			_, err := Open(agendaOf(ino(), "第5条"), SeriousFault, time.Time{})
			return err
		}, ErrTime},
		{"open/invalid-agenda", func(t *testing.T) error { _, err := Open(Agenda{}, SeriousFault, t0); return err }, ErrUncited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do(t)
			if !errors.Is(err, tc.want) || !strings.HasPrefix(err.Error(), "council: ") {
				t.Errorf("error = %v; want %v", err, tc.want)
			}
		})
	}
}

func TestMeetingValueSemantics(t *testing.T) {
	a := agendaOf(ino(), "第5条")
	m := mustOpen(t, a, SeriousFault)
	a.Items[0].Title = "changed"
	a.Items[0].Examples[0] = "changed"
	if got := m.Agenda(); got.Items[0].Title == "changed" || got.Items[0].Examples[0] == "changed" {
		t.Error("Open kept the caller's agenda")
	}
	got := m.Agenda()
	got.Items[0].Examples[0] = "changed"
	if m.Agenda().Items[0].Examples[0] == "changed" {
		t.Error("Agenda() shares storage")
	}
	m1, _ := m.Decide("liaison", "x", chief, t1)
	if r, _ := m.Record("liaison"); r.Status != 0 {
		t.Error("Decide changed the receiver")
	}
	m2, _ := m.Decide("liaison", "y", chief, t1)
	if r, _ := m1.Record("liaison"); r.Text != "x" {
		t.Error("two records derived from one share storage")
	}
	if m1.Equal(m2) || !m1.Equal(m1) {
		t.Error("Equal does not tell the records apart")
	}
	rs := m1.Records()
	rs[0].Text = "changed"
	if r, _ := m1.Record("liaison"); r.Text != "x" {
		t.Error("Records() shares storage")
	}
	if _, ok := m1.Record("lunch"); ok {
		t.Error("Record(unknown) found")
	}
}

// settlement is one drawn recording: decide or mark not applicable.
type settlement struct {
	key  string
	na   bool
	text string
	at   time.Time
}

func drawSettlements(t *rapid.T, a Agenda) []settlement {
	keys := rapid.SliceOfDistinct(rapid.SampledFrom(a.Keys()), func(k string) string { return k }).Draw(t, "keys")
	out := make([]settlement, len(keys))
	for i, k := range keys {
		out[i] = settlement{
			key:  k,
			na:   rapid.Bool().Draw(t, "na"),
			text: rapid.SampledFrom([]string{"決定", "対応済み", "該当しない"}).Draw(t, "text"),
			at:   t0.Add(time.Duration(rapid.IntRange(0, 120).Draw(t, "minutes")) * time.Minute),
		}
	}
	return out
}

func apply(t *rapid.T, m Meeting, ss []settlement) Meeting {
	var err error
	for _, s := range ss {
		if s.na {
			m, err = m.MarkNotApplicable(s.key, s.text, chief, s.at)
		} else {
			m, err = m.Decide(s.key, s.text, chief, s.at)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// referenceAgendas are every agenda of the reference plans' files.
var referenceAgendas = func() []func() Agenda {
	var out []func() Agenda
	for _, id := range referencePlans() {
		for _, a := range mustOrg(id).Agendas {
			out = append(out, a.Clone)
		}
	}
	return out
}()

func drawAgenda(t *rapid.T) Agenda {
	return referenceAgendas[rapid.IntRange(0, len(referenceAgendas)-1).Draw(t, "agenda")]()
}

func TestMeetingProperties(t *testing.T) {
	t.Run("CloseExactlyWhenMandatorySettled", rapid.MakeCheck(func(t *rapid.T) {
		a := drawAgenda(t)
		m, err := Open(a, SeriousFault, t0)
		if err != nil {
			t.Fatal(err)
		}
		ss := drawSettlements(t, a)
		m = apply(t, m, ss)
		var want []string
		for _, it := range a.Items {
			if !it.Optional && !slices.ContainsFunc(ss, func(s settlement) bool { return s.key == it.Key }) {
				want = append(want, it.Key)
			}
		}
		closed, err := m.Close(t0.Add(3 * time.Hour))
		if len(want) == 0 {
			if err != nil {
				t.Fatalf("close refused with every mandatory item settled: %v", err)
			}
			if _, ok := closed.Closed(); !ok {
				t.Fatal("not closed")
			}
			return
		}
		var oe *OutstandingError
		if !errors.As(err, &oe) {
			t.Fatalf("close with %v outstanding: %v", want, err)
		}
		if diff := cmp.Diff(want, oe.Items); diff != "" {
			t.Fatalf("outstanding (-want +got):\n%s", diff)
		}
	}))
	t.Run("OrderDoesNotMatter", rapid.MakeCheck(func(t *rapid.T) {
		a := drawAgenda(t)
		m, _ := Open(a, ThreatLevel3, t0)
		ss := drawSettlements(t, a)
		perm := rapid.Permutation(ss).Draw(t, "perm")
		m1, m2 := apply(t, m, ss), apply(t, m, perm)
		if diff := cmp.Diff(m1, m2); diff != "" {
			t.Fatalf("records differ by order (-first +second):\n%s", diff)
		}
		if diff := cmp.Diff(m1.Records(), m2.Records()); diff != "" {
			t.Fatalf("Records differ (-first +second):\n%s", diff)
		}
	}))
}

// meetingMachine drives a meeting record through random recordings and
// checks it against a simple model.
type meetingMachine struct {
	agenda  Agenda
	m       Meeting
	settled map[string]Resolution
	closed  bool
	now     time.Time
}

func (mm *meetingMachine) step(t *rapid.T) (string, time.Time) {
	key := rapid.SampledFrom(append(mm.agenda.Keys(), "unknown-item")).Draw(t, "key")
	mm.now = mm.now.Add(time.Duration(rapid.IntRange(0, 30).Draw(t, "minutes")) * time.Minute)
	at := mm.now
	if rapid.IntRange(0, 9).Draw(t, "early") == 0 {
		at = t0.Add(-time.Minute)
	}
	return key, at
}

func (mm *meetingMachine) record(t *rapid.T, s Resolution) {
	key, at := mm.step(t)
	before := mm.m
	var got Meeting
	var err error
	if s == Decided {
		got, err = mm.m.Decide(key, "決定", chief, at)
	} else {
		got, err = mm.m.MarkNotApplicable(key, "該当しない", chief, at)
	}
	var want error
	switch {
	case mm.closed:
		want = ErrClosed
	case mm.agenda.index(key) < 0:
		want = ErrUnknownItem
	case mm.settled[key] != 0:
		want = ErrSettled
	case at.Before(t0):
		want = ErrTime
	}
	if want != nil {
		if !errors.Is(err, want) {
			t.Fatalf("%s %q at %v: error %v; want %v", s, key, at, err, want)
		}
		if !got.Equal(before) {
			t.Fatal("a refused recording changed the record")
		}
		return
	}
	if err != nil {
		t.Fatalf("%s %q: %v", s, key, err)
	}
	if !mm.m.Equal(before) {
		t.Fatal("recording changed the receiver")
	}
	mm.settled[key] = s
	mm.m = got
}

func (mm *meetingMachine) Decide(t *rapid.T)            { mm.record(t, Decided) }
func (mm *meetingMachine) MarkNotApplicable(t *rapid.T) { mm.record(t, NotApplicable) }

func (mm *meetingMachine) Close(t *rapid.T) {
	mm.now = mm.now.Add(time.Duration(rapid.IntRange(0, 30).Draw(t, "minutes")) * time.Minute)
	got, err := mm.m.Close(mm.now)
	var open []string
	for _, it := range mm.agenda.Items {
		if !it.Optional && mm.settled[it.Key] == 0 {
			open = append(open, it.Key)
		}
	}
	switch {
	case mm.closed:
		if !errors.Is(err, ErrClosed) {
			t.Fatalf("second close: %v", err)
		}
	case len(open) > 0:
		var oe *OutstandingError
		if !errors.As(err, &oe) || !slices.Equal(oe.Items, open) {
			t.Fatalf("close with %v outstanding: %v", open, err)
		}
	default:
		if err != nil {
			t.Fatalf("close: %v", err)
		}
		mm.closed = true
		mm.m = got
	}
}

func (mm *meetingMachine) Check(t *rapid.T) {
	var want []string
	for _, k := range mm.agenda.Keys() {
		if mm.settled[k] == 0 {
			want = append(want, k)
		}
		if r, _ := mm.m.Record(k); r.Status != mm.settled[k] {
			t.Fatalf("item %q is %v; model says %v", k, r.Status, mm.settled[k])
		}
	}
	if !slices.Equal(want, mm.m.Outstanding()) {
		t.Fatalf("Outstanding = %v; want %v", mm.m.Outstanding(), want)
	}
	if mm.m.IsOpen() == mm.closed {
		t.Fatalf("IsOpen = %v with closed %v", mm.m.IsOpen(), mm.closed)
	}
}

func TestMeetingStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := drawAgenda(t)
		m, err := Open(a, SeriousFault, t0)
		if err != nil {
			t.Fatal(err)
		}
		mm := &meetingMachine{agenda: a, m: m, settled: map[string]Resolution{}, now: t0}
		t.Repeat(rapid.StateMachineActions(mm))
	})
}
