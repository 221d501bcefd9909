package threat

import (
	"testing"
	"unsafe"
)

// TestHotPathLayout pins the memory layout the hot path's speed rests on
// (BenchmarkHotPathRatio): Grade and Decide copy a Grading or a Response out
// of the scheme's table in 16-byte moves, write the Event over it, and the
// caller copies the result out in 16-byte moves again. The Event must be one
// whole 16-byte chunk of each, so that its store is exactly the load that
// copies it out: a narrower store under a wider load stalls the processor's
// store forwarding (about 3 ns a call). And a Response must be a multiple of
// 16 bytes, so that copying one needs no overlapping moves, and no larger
// than it is: each call zeroes it and copies it twice, about 1 ns a 16
// bytes (its citations are one pointer, council.Citations). A prepared
// not-covered error (a scheme holds one for each source of every cell it
// does not grade) keeps to 16 bytes, without the Event's padding.
func TestHotPathLayout(t *testing.T) {
	var g Grading
	var r Response
	for _, c := range []struct {
		what      string
		got, want uintptr
	}{
		{"size of an Event", unsafe.Sizeof(Event{}), 16},
		{"offset of Grading.Event mod 16", unsafe.Offsetof(g.Event) % 16, 0},
		{"offset of Response.Grading", unsafe.Offsetof(r.Grading), 0},
		{"size of a Response mod 16", unsafe.Sizeof(r) % 16, 0},
		{"size of a Response", unsafe.Sizeof(r), 112},
		{"size of a notCoveredEvent", unsafe.Sizeof(notCoveredEvent{}), 16},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d; want %d (see TestHotPathLayout)", c.what, c.got, c.want)
		}
	}
}
