package drill

import (
	"sync"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/google/go-cmp/cmp"
)

// TestDrillConcurrent runs one prepared drill from many goroutines (run it
// with -race): a Drill is read-only.
func TestDrillConcurrent(t *testing.T) {
	d, err := NewDrill(bcp.Nakano())
	if err != nil {
		t.Fatal(err)
	}
	s := nakanoWeek()
	want, err := d.Run(s)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			got, err := d.Run(s)
			if err != nil {
				errs <- err.Error()
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				errs <- diff
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestNewDrillCopiesThePlan: changing the plan after NewDrill does not
// change the drills it runs.
func TestNewDrillCopiesThePlan(t *testing.T) {
	p := bcp.Kumiyama()
	d, err := NewDrill(p)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ScenarioByID("kumiyama-lost-card")
	before, _ := d.Run(s)
	p.Measures.Controls.InForce = 0
	after, err := d.Run(s)
	if err != nil {
		t.Fatalf("drill changed with the caller's plan: %v", err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("drill changed with the caller's plan (-before +after):\n%s", diff)
	}
}
