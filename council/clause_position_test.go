package council

import "testing"

// TestIndexPosition: a listed clause stands where the index lists it, in
// document order; a clause not listed, another plan's or the zero citation
// has no position.
func TestIndexPosition(t *testing.T) {
	x, err := NewIndex("tottori", []Clause{{"第3-3(3)", "全国センターへの通報"}, {"第3-4", "緊急対応策の実施"}, {"第3-5", "不正行為の脅威度の判定"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cite Citation
		want int
		ok   bool
	}{
		{Cite("tottori", "第3-3(3)"), 0, true},
		{Cite("tottori", "第3-4"), 1, true},
		{Cite("tottori", "第3-5"), 2, true},
		{Cite("tottori", "第3-4(1)"), 0, false}, // not listed
		{Cite("kumamoto", "第3-4"), 0, false},   // another plan's clause
		{Citation{}, 0, false},
	}
	for _, tt := range tests {
		if got, ok := x.Position(tt.cite); got != tt.want || ok != tt.ok {
			t.Errorf("Position(%v) = %d, %v; want %d, %v", tt.cite, got, ok, tt.want, tt.ok)
		}
	}
	var zero Index
	if _, ok := zero.Position(Cite("tottori", "第3-5")); ok {
		t.Error("the zero Index places a citation")
	}
}
