package fault

import "testing"

func BenchmarkClassify(b *testing.B) {
	p := kumamoto()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Classify(communicationError); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClassifyText(b *testing.B) {
	p := ino()
	text := premisesLineCut.String() // fault reads no plan's words: "symptom#n"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.ClassifyText(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResponsible(b *testing.B) {
	p := tottori()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Responsible(prefecturalWAN); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTransition(b *testing.B) {
	f, _ := tottori().Open()
	f, _ = f.Identify(Hardware, municipalEquipment)
	f, _ = f.Investigate(Findings{IdentityAffected: true})
	f, _ = f.Maintain(Replace)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.CheckIntegrity(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEscalate(b *testing.B) {
	p := tottori()
	s := Facts{ServerDown: true, OperationImpossible: true, Impact: 80, ExpectedStop: 100 * 3600e9}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Escalate(s); err != nil {
			b.Fatal(err)
		}
	}
}
