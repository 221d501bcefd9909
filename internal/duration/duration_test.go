package duration

import (
	"errors"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0"},
		{30 * time.Minute, "30m"},
		{4 * time.Hour, "4h"},
		{12 * time.Hour, "12h"},                 // nakano ICT-BCP 9(2)ウ: half a day
		{24 * time.Hour, "1d"},                  // tottori's serious-fault reading
		{72 * time.Hour, "3d"},                  // 2-3 days
		{7 * 24 * time.Hour, "1w"},              // a week
		{14 * 24 * time.Hour, "2w"},             //
		{8*time.Hour + 15*time.Minute, "8h15m"}, // nakano 統合仮想サーバ 3(4): 8:15
		{36 * time.Hour, "1d12h"},
		{8*24*time.Hour + time.Second, "8d1s"},
		{90 * time.Second, "1m30s"},
		{-4 * time.Hour, "-4h"},
		{1500 * time.Millisecond, "1.5s"},
		{300 * time.Millisecond, "300ms"},
		{time.Duration(-1 << 63), time.Duration(-1 << 63).String()},
	}
	for _, tt := range tests {
		if got := Format(tt.d); got != tt.want {
			t.Errorf("Format(%v) = %q; want %q", tt.d, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		s    string
		want time.Duration
	}{
		{"0", 0},
		{"-0", 0},
		{"30m", 30 * time.Minute},
		{"4h", 4 * time.Hour},
		{"1d", 24 * time.Hour},
		{"1w", 7 * 24 * time.Hour},
		{"1w1d", 8 * 24 * time.Hour},
		{"1d12h", 36 * time.Hour},
		{"8h15m", 8*time.Hour + 15*time.Minute},
		{"24h0m0s", 24 * time.Hour}, // Go's form, as plan files were written before
		{"8h15m0s", 8*time.Hour + 15*time.Minute},
		{"1.5h", 90 * time.Minute},
		{"300ms", 300 * time.Millisecond},
		{"2µs", 2 * time.Microsecond},
		{"-1d", -24 * time.Hour},
		{"+2h", 2 * time.Hour},
	}
	for _, tt := range tests {
		got, err := Parse(tt.s)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.s, got, err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"", "d", "1", "1.5d", "1y", "h4", "1h-2m", "4 h", "１日", "-", "99999999999999999999w", "106752d", "15251w", "106751d24h",
		strings.Repeat("9", 1<<20) + "h"} {
		_, err := Parse(s)
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%.20q): %v; want ErrSyntax", s, err)
			continue
		}
		if len(err.Error()) > 512 {
			t.Errorf("Parse(%.20q): error of %d bytes", s, len(err.Error()))
		}
	}
}

// TestRoundTrip: every duration survives Format then Parse, and Parse reads
// what Go's String writes.
func TestRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := time.Duration(rapid.Int64().Draw(t, "d"))
		if rapid.Bool().Draw(t, "whole") {
			d = d / time.Minute * time.Minute
		}
		if got, err := Parse(Format(d)); err != nil || got != d {
			t.Fatalf("Parse(Format(%d) = %q) = %v, %v", d, Format(d), got, err)
		}
		if got, err := Parse(d.String()); err != nil || got != d {
			t.Fatalf("Parse(%q) = %v, %v", d.String(), got, err)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "4h", "1d12h", "1w", "24h0m0s", "1.5h", "-1d", "300ms", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) || len(err.Error()) > 512 {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			return
		}
		if again, err := Parse(Format(d)); err != nil || again != d {
			t.Fatalf("Parse(%q) = %v, but Format gives %q which parses to %v, %v", s, d, Format(d), again, err)
		}
	})
}

func BenchmarkFormat(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Format(36*time.Hour + 15*time.Minute)
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("1d12h15m"); err != nil {
			b.Fatal(err)
		}
	}
}
