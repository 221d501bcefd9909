package council

import "testing"

func BenchmarkConvene(b *testing.B) {
	o := tottori()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Convene(o, ThreatLevel3); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPathToChief(b *testing.B) {
	ch := nakano().Chain
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ch.PathToChief(systemStaff); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMustTell(b *testing.B) {
	ch := tottori().Chain
	b.ReportAllocs()
	for b.Loop() {
		ch.MustTell(ThreatLevel3)
	}
}
