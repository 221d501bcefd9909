package problem

import (
	"testing"
	"unicode"
)

// controlByRunes is Control's definition: the first rune that
// unicode.IsControl reports, as ranging over s decodes it.
func controlByRunes(s string) (rune, int, bool) {
	for i, c := range s {
		if unicode.IsControl(c) {
			return c, i, true
		}
	}
	return 0, 0, false
}

func TestControl(t *testing.T) {
	for _, s := range []string{"", "fig4-01", "中野区", "a\x00b", "\x7f", "x\u0085y", "\u009f", "\u00a0", "\xc2", "\xe0\xc2\x85", "\xc2\x85\xc2", "全角\t"} {
		r, at, ok := Control(s)
		wr, wat, wok := controlByRunes(s)
		if r != wr || at != wat || ok != wok {
			t.Errorf("Control(%q) = %U, %d, %v; want %U, %d, %v", s, r, at, ok, wr, wat, wok)
		}
	}
}

// FuzzControl: the byte scan agrees with the rune definition on every input,
// valid UTF-8 or not.
func FuzzControl(f *testing.F) {
	for _, s := range []string{"a\x00b", "x\u0085y", "\xe0\xc2\x85", "中野区"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, at, ok := Control(s)
		wr, wat, wok := controlByRunes(s)
		if r != wr || at != wat || ok != wok {
			t.Fatalf("Control(%q) = %U, %d, %v; want %U, %d, %v", s, r, at, ok, wr, wat, wok)
		}
	})
}

func BenchmarkControl(b *testing.B) {
	s := "統合仮想サーバ環境（監視サーバ） fig4-02 情報システム課"
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := Control(s); ok {
			b.Fatal("control found")
		}
	}
}

// TestControlWords puts each kind of control character, and near misses, at
// every offset of longer texts, so that the eight-byte scan meets it in every
// lane and at every chunk boundary.
func TestControlWords(t *testing.T) {
	for _, c := range []string{"\x00", "\x1f", "\x7f", "\u0080", "\u009f", "\u00a0", "\xc2", "\x20", "\x7e", "中"} {
		for _, base := range []string{"abcdefghijklmnopqrstuvwx", "情報システム課の基盤"} {
			for at := 0; at <= len(base); at++ {
				s := base[:at] + c + base[at:]
				r, gotAt, ok := Control(s)
				wr, wat, wok := controlByRunes(s)
				if r != wr || gotAt != wat || ok != wok {
					t.Errorf("Control(%q) = %U, %d, %v; want %U, %d, %v", s, r, gotAt, ok, wr, wat, wok)
				}
			}
		}
	}
}
