package incident

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"pgregory.net/rapid"
)

// TestTake: what the incident does not take is the library's error, naming
// the event by its index in the incident, and leaves the incident as it was.
func TestTake(t *testing.T) {
	sc, _, raw := builtin(t, "nakano-iaas-outage")
	for _, c := range []struct {
		name, event string
		is          error
		says        string
	}{
		{"bad kind", `{"at":"2026-04-01T08:00:00+09:00","kind":"earthquake"}`, drill.ErrScenario, `$.events[1].kind`},
		{"unknown field", `{"at":"2026-04-01T08:00:00+09:00","kind":"recovery","when":"now"}`, drill.ErrScenario, `$.events[1]`},
		{"no time", `{"kind":"recovery"}`, drill.ErrScenario, `$.events[1]`},
		{"out of time order", `{"at":"2026-04-01T07:00:00+09:00","kind":"recovery"}`, drill.ErrScenario, `$.events[1].at`},
		{"not JSON", `{"at":`, drill.ErrScenario, ``},
		{"null", `null`, drill.ErrScenario, `$.events[1]`},
		{"ended", `{"at":"2026-04-03T18:00:00+09:00","kind":"status-change"}`, ErrEnded, `incident nakano-iaas-outage: incident ended`},
		{"nakano/no card rules", `{"at":"2026-04-01T08:00:00+09:00","kind":"card-lost"}`, drill.ErrUnhandled, `event 1`},
	} {
		t.Run(c.name, func(t *testing.T) {
			in, err := Open(Start{ID: sc.ID, First: raw[0]}, mustFile(t, "nakano"))
			if err != nil {
				t.Fatal(err)
			}
			if c.is == ErrEnded {
				if err := in.Take(raw[len(raw)-1]); err != nil { // the recovery
					t.Fatal(err)
				}
			}
			ended := in.Ended()
			before := in.Timeline()
			err = in.Take(json.RawMessage(c.event))
			if !errors.Is(err, c.is) {
				t.Fatalf("Take: %v, want an error wrapping %v", err, c.is)
			}
			if !strings.Contains(err.Error(), c.says) {
				t.Errorf("Take: %v, want it to name %s", err, c.says)
			}
			if d := cmp.Diff(before, in.Timeline()); d != "" {
				t.Errorf("timeline changed (-before +after):\n%s", d)
			}
			if in.Ended() != ended {
				t.Errorf("Ended() = %v, want %v", in.Ended(), ended)
			}
		})
	}
}

// TestDueWhateverTheWakeUps: an incident notifies every entry of the
// timeline drill.Run gives for its events once, in order, whatever the
// instants at which it wakes besides those its events come at (a worker down
// for hours, a timer late): what falls due while it sleeps is notified when
// it wakes. Waking Grace after the instants Due names notifies each entry
// on time.
func TestDueWhateverTheWakeUps(t *testing.T) {
	if testing.Short() {
		t.Skip("pure single-goroutine code, hundreds of runs: not under -short (CI's race run)")
	}
	for _, id := range []string{"nakano-iaas-outage", "tottori-l3-firewall", "ino-long-server-stop"} {
		sc, p, raw := builtin(t, id)
		want, err := drill.Run(p, sc)
		if err != nil {
			t.Fatal(err)
		}
		file := mustFile(t, sc.Plan)
		first, last := sc.Events[0].At, sc.Events[len(sc.Events)-1].At
		t.Run(id, rapid.MakeCheck(func(t *rapid.T) {
			onTime := rapid.Bool().Draw(t, "onTime")
			var wakes []time.Time
			for _, m := range rapid.SliceOfN(rapid.Int64Range(0, int64(last.Sub(first)/time.Minute)+24*60), 0, 20).Draw(t, "wakes") {
				wakes = append(wakes, first.Add(time.Duration(m)*time.Minute))
			}
			slices.SortFunc(wakes, time.Time.Compare)
			in, err := Open(Start{ID: sc.ID, Title: sc.Title, First: raw[0]}, file)
			if err != nil {
				t.Fatal(err)
			}
			var got []drill.Entry
			now, i := first, 1
			for {
				due, next := in.Due(now)
				for _, n := range due {
					for _, e := range n.Entries {
						if e.At.After(now) {
							t.Fatalf("entry at %v notified at %v", e.At, now)
						}
						if onTime && now.Sub(e.At) > Grace {
							t.Fatalf("entry at %v notified late, at %v", e.At, now)
						}
					}
					got = append(got, n.Entries...)
				}
				if in.Ended() && next.IsZero() {
					break
				}
				// The next instant: the next event, wake-up or, on time, due entry.
				var at time.Time
				if i < len(sc.Events) {
					at = sc.Events[i].At
				}
				for len(wakes) > 0 && !wakes[0].After(now) {
					wakes = wakes[1:]
				}
				if len(wakes) > 0 && (at.IsZero() || wakes[0].Before(at)) {
					at = wakes[0]
				}
				if onTime && !next.IsZero() && (at.IsZero() || next.Add(Grace).Before(at)) {
					at = next.Add(Grace)
				}
				if at.IsZero() {
					in.Close("drill over")
					continue
				}
				now = at
				for i < len(sc.Events) && !sc.Events[i].At.After(now) {
					if err := in.Take(raw[i]); err != nil {
						t.Fatal(err)
					}
					i++
				}
			}
			if !cmp.Equal(want.Entries, got) {
				t.Fatalf("notified entries (-want +got):\n%s", cmp.Diff(want.Entries, got))
			}
			if !cmp.Equal(want, in.Timeline()) {
				t.Fatalf("timeline (-want +got):\n%s", cmp.Diff(want, in.Timeline()))
			}
		}))
	}
}
