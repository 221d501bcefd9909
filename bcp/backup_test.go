package bcp

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestSelectBackups(t *testing.T) {
	cands := []Backup{
		{ID: "s1", Scale: Small, Size: 1},
		{ID: "m1", Scale: Medium, Size: 3},
		{ID: "l2", Scale: Large, Size: 4},
		{ID: "l1", Scale: Large, Size: 2},
		{ID: "m2", Scale: Medium, Size: 1},
	}
	for _, tc := range []struct {
		name     string
		capacity int64
		chosen   []string
		left     []string
	}{
		{"nakano:統合仮想サーバ 5(4)/nothing-fits", 1, nil, []string{"l1", "l2", "m1", "m2", "s1"}},
		{"nakano:統合仮想サーバ 5(4)/large-first", 6, []string{"l1", "l2"}, []string{"m1", "m2", "s1"}},
		{"nakano:統合仮想サーバ 5(4)/stops-at-first-misfit", 8, []string{"l1", "l2"}, []string{"m1", "m2", "s1"}},
		{"nakano:統合仮想サーバ 5(4)/then-medium", 9, []string{"l1", "l2", "m1"}, []string{"m2", "s1"}},
		{"nakano:統合仮想サーバ 5(4)/all", 11, []string{"l1", "l2", "m1", "m2", "s1"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sel, err := SelectBackups(cands, tc.capacity, 0)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.chosen, sel.Chosen); diff != "" {
				t.Errorf("chosen (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.left, sel.Left); diff != "" {
				t.Errorf("left (-want +got):\n%s", diff)
			}
			if sel.Citations.Len() != 0 {
				t.Errorf("citations %v: the engine cites no plan of its own accord", sel.Citations)
			}
		})
	}
	t.Run("errors/every-problem", func(t *testing.T) {
		_, err := SelectBackups([]Backup{{ID: "", Scale: Large}, {ID: "a", Scale: 0, Size: -1}, {ID: "a", Scale: Small}}, -5, 9)
		if !errors.Is(err, ErrInvalid) {
			t.Fatalf("error = %v", err)
		}
		for _, w := range []string{"negative capacity", "unknown unassessed policy", "backup 0: empty ID", `backup "a": impact scale`, `backup "a": negative size`, `ID "a" already used`} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q does not say %q", err, w)
			}
		}
	})
	t.Run("nakano:統合仮想サーバ 図4/unassessed-refused", func(t *testing.T) {
		_, err := SelectBackups([]Backup{{ID: "b", Scale: Unassessed}, {ID: "a", Scale: Unassessed}}, 10, 0)
		ue, ok := errors.AsType[*UnassessedError](err)
		if !ok || !slices.Equal(ue.IDs, []string{"a", "b"}) {
			t.Fatalf("error = %v", err)
		}
		sel, err := SelectBackups([]Backup{{ID: "u", Scale: Unassessed, Size: 1}, {ID: "s", Scale: Small, Size: 1}}, 1, AssumeLarge)
		if err != nil || !slices.Equal(sel.Chosen, []string{"u"}) {
			t.Errorf("assume-large chose %v, %v", sel.Chosen, err)
		}
	})
}

func genBackups() *rapid.Generator[[]Backup] {
	return rapid.Custom(func(t *rapid.T) []Backup {
		n := rapid.IntRange(0, 12).Draw(t, "n")
		out := make([]Backup, n)
		for i := range out {
			out[i] = Backup{
				ID:    fmt.Sprintf("b%02d", i),
				Scale: rapid.SampledFrom([]ImpactScale{Large, Medium, Small}).Draw(t, "scale"),
				Size:  rapid.Int64Range(0, 50).Draw(t, "size"),
			}
		}
		return out
	})
}

func TestSelectBackupsProperties(t *testing.T) {
	t.Run("WithinCapacity", rapid.MakeCheck(func(t *rapid.T) {
		cands := genBackups().Draw(t, "cands")
		capacity := rapid.Int64Range(0, 300).Draw(t, "capacity")
		sel, err := SelectBackups(cands, capacity, 0)
		if err != nil {
			t.Fatal(err)
		}
		var used int64
		size := map[string]int64{}
		for _, c := range cands {
			size[c.ID] = c.Size
		}
		for _, id := range sel.Chosen {
			used += size[id]
		}
		if used != sel.Used || used > capacity {
			t.Fatalf("used %d (reported %d) of %d", used, sel.Used, capacity)
		}
		if len(sel.Chosen)+len(sel.Left) != len(cands) {
			t.Fatalf("chosen %v and left %v do not account for %d candidates", sel.Chosen, sel.Left, len(cands))
		}
	}))
	t.Run("ScaleOrder", rapid.MakeCheck(func(t *rapid.T) {
		cands := genBackups().Draw(t, "cands")
		sel, err := SelectBackups(cands, rapid.Int64Range(0, 300).Draw(t, "capacity"), 0)
		if err != nil {
			t.Fatal(err)
		}
		scale := map[string]ImpactScale{}
		for _, c := range cands {
			scale[c.ID] = c.Scale
		}
		for _, c := range sel.Chosen {
			for _, l := range sel.Left {
				if scale[l] < scale[c] {
					t.Fatalf("%s (%v) chosen while %s (%v) left", c, scale[c], l, scale[l])
				}
			}
		}
	}))
	t.Run("MonotoneInCapacity", rapid.MakeCheck(func(t *rapid.T) {
		cands := genBackups().Draw(t, "cands")
		lo := rapid.Int64Range(0, 300).Draw(t, "lo")
		hi := lo + rapid.Int64Range(0, 300).Draw(t, "more")
		a, err1 := SelectBackups(cands, lo, 0)
		b, err2 := SelectBackups(rapid.Permutation(cands).Draw(t, "perm"), hi, 0)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for _, id := range a.Chosen {
			if !slices.Contains(b.Chosen, id) {
				t.Fatalf("%s chosen at capacity %d but dropped at %d", id, lo, hi)
			}
		}
	}))
}
