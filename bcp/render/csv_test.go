package render

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
)

// readCSV checks the form Excel needs (BOM, CRLF only) and returns the rows.
func readCSV(t tb, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(bom)) {
		t.Fatalf("CSV does not start with a UTF-8 BOM: %q", b[:min(len(b), 8)])
	}
	if n, crlf := bytes.Count(b, []byte("\n")), bytes.Count(b, []byte("\r\n")); n != crlf {
		t.Fatalf("%d line feeds, %d of them after CR", n, crlf)
	}
	rows, err := csv.NewReader(bytes.NewReader(b[len(bom):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestTimelineCSV: one header row, then one row per entry in order, each
// with the entry's number, time and clauses in their own columns.
func TestTimelineCSV(t *testing.T) {
	for _, id := range scenarios {
		tl := runDrill(t, id)
		for _, l := range bcp.AllLangs() {
			t.Run(id+"/"+l.String(), func(t *testing.T) {
				rows := readCSV(t, TimelineCSV(tl, l))
				if len(rows) != len(tl.Entries)+1 {
					t.Fatalf("%d rows for %d entries", len(rows), len(tl.Entries))
				}
				last := len(rows[0]) - 1
				if rows[0][last] != pick(l, "clauses", "根拠条項") {
					t.Errorf("last header %q", rows[0][last])
				}
				for i, e := range tl.Entries {
					r := rows[i+1]
					if r[0] != itoa(i+1) || r[1] != when(e.At) || r[last] != e.Cites.String() || r[last] == "" {
						t.Errorf("row %d = %q, want entry %d at %s citing %s", i+1, r, i+1, when(e.At), e.Cites)
					}
					if r[3] != pick(l, e.Act.String(), e.Act.Label()) {
						t.Errorf("row %d act %q, want %s", i+1, r[3], e.Act)
					}
				}
			})
		}
	}
}

// TestTimelineCSVJapaneseWords: tottori's Japanese CSV names its posts as
// its document does (tottori:第2-4(1) セキュリティ統括管理者).
func TestTimelineCSVJapaneseWords(t *testing.T) {
	b := TimelineCSV(runDrill(t, "tottori-l3-firewall"), bcp.Japanese)
	for _, w := range []string{"セキュリティ統括管理者", "tottori:第3-6(1)", "レベル3"} {
		if !bytes.Contains(b, []byte(w)) {
			t.Errorf("Japanese CSV lacks %q", w)
		}
	}
}

// TestFindingsCSV: one row per finding of nakano's check, each with its
// code, path and clause; Japanese rows carry the Japanese message.
func TestFindingsCSV(t *testing.T) {
	fs := bcp.Check(bcp.Nakano())
	if len(fs) == 0 {
		t.Fatal("nakano has findings (its systems are unassessed)")
	}
	for _, l := range bcp.AllLangs() {
		rows := readCSV(t, FindingsCSV("nakano.json", fs, l))
		if len(rows) != len(fs)+1 {
			t.Fatalf("%s: %d rows for %d findings", l, len(rows), len(fs))
		}
		for i, f := range fs {
			r := rows[i+1]
			if len(r) != len(rows[0]) {
				t.Fatalf("%s: row %d has %d columns, header %d", l, i+1, len(r), len(rows[0]))
			}
			msg := f.Message
			if l == bcp.Japanese && f.MessageJA != "" {
				msg = f.MessageJA
			}
			cite := ""
			if f.Cite.IsValid() {
				cite = f.Cite.String()
			}
			if r[1] != f.Code.String() || r[len(r)-3] != f.Path || r[len(r)-2] != msg || r[len(r)-1] != cite {
				t.Errorf("%s: row %d = %q, want %v", l, i+1, r, f)
			}
		}
	}
}

// TestDiffCSV: one row per difference of tottori and kumamoto, each side's
// value and clauses in its own columns (the plans are never merged).
func TestDiffCSV(t *testing.T) {
	d := bcp.DiffPlans(bcp.Tottori(), bcp.Kumamoto())
	rows := readCSV(t, DiffCSV(d, d.Differences, bcp.English))
	if len(rows) != len(d.Differences)+1 {
		t.Fatalf("%d rows for %d differences", len(rows), len(d.Differences))
	}
	if rows[0][4] != "tottori" || rows[0][6] != "kumamoto" {
		t.Errorf("header %q", rows[0])
	}
	for i, x := range d.Differences {
		r := rows[i+1]
		if r[1] != x.Key || r[4] != x.A || r[5] != x.CitesA.String() || r[6] != x.B || r[7] != x.CitesB.String() {
			t.Errorf("row %d = %q, want %+v", i+1, r, x)
		}
	}
}

// TestOrderCSV: nakano's 39 systems in rank order, with their reasons and
// the clauses of 統合仮想サーバ 4(6).
func TestOrderCSV(t *testing.T) {
	p := bcp.Nakano()
	ps, err := bcp.Order(p.Continuity.Inventory.Systems, bcp.OrderOptions{Unassessed: bcp.AssumeLarge, Clauses: p.Continuity.Order})
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, OrderCSV(ps, bcp.Japanese))
	if len(rows) != len(ps)+1 {
		t.Fatalf("%d rows for %d positions", len(rows), len(ps))
	}
	for i, x := range ps {
		r := rows[i+1]
		if r[0] != itoa(x.Rank) || r[1] != x.ID || r[len(r)-1] != x.Citations.String() {
			t.Errorf("row %d = %q, want #%d %s", i+1, r, x.Rank, x.ID)
		}
	}
	if rows[1][1] != "iaas" || rows[1][6] != bcp.Large.Label() {
		t.Errorf("first row %q: want the IaaS, large", rows[1])
	}
}
