package bcp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
)

// municipality parses testdata/municipalities/NAME.json: a municipality
// that is not among the five reference plans, written from the opening
// clauses of its public text (see the README there).
func municipality(t *testing.T, name string) Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "municipalities", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePlan(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Each fixture loads, checks with no error (every citation names a clause
// of its index) and only warns where the text it was written from is
// silent.
func TestMunicipalityFixtures(t *testing.T) {
	for _, name := range []string{"konan", "osaki"} {
		t.Run(name, func(t *testing.T) {
			p := municipality(t, name)
			if p.ID != name {
				t.Errorf("plan ID %q", p.ID)
			}
			for _, f := range Check(p) {
				if f.Severity == SeverityError {
					t.Errorf("error finding: %v", f)
				}
			}
		})
	}
}

// 香南市 第3: the security chief (including whoever the chief delegates)
// chairs the Juki-net security council.
func TestKonanCouncil(t *testing.T) {
	p := municipality(t, "konan")
	t.Run("konan:第3/chair", func(t *testing.T) {
		if len(p.Organization.Councils) != 1 {
			t.Fatalf("%d councils, want the one 第3 constitutes", len(p.Organization.Councils))
		}
		c := p.Organization.Councils[0]
		if c.Body != council.SecurityCouncil || c.Chair != council.SecurityChief {
			t.Errorf("council %v chaired by %v, want the security council chaired by the security chief", c.Body, c.Chair)
		}
		if got := c.Cites.String(); got != "konan:第3" {
			t.Errorf("council cites %s, want konan:第3", got)
		}
		if got := p.Vocabulary.Label(council.ByRole(council.SecurityChief), Japanese); got != "セキュリティ統括責任者" {
			t.Errorf("chair's label %q", got)
		}
		if got := p.Vocabulary.Label(council.ByRole(council.SecurityChief), English); !strings.Contains(got, "delegates") {
			t.Errorf("chair's English label %q does not say the delegate chairs too", got)
		}
		if got := p.Vocabulary.Label(council.SecurityCouncil, Japanese); got != "住民基本台帳ネットワークシステムセキュリティ会議" {
			t.Errorf("council's label %q", got)
		}
	})
	t.Run("konan:第1/two-kinds", func(t *testing.T) {
		x, err := p.Index()
		if err != nil {
			t.Fatal(err)
		}
		for clause, heading := range map[string]string{"第1(1)": "障害", "第1(2)": "不正行為", "第2": "緊急時の連絡網"} {
			c, ok := x.Lookup(council.Cite("konan", clause))
			if !ok || c.Heading != heading {
				t.Errorf("clause %s: %+v, %v; want heading %s", clause, c, ok, heading)
			}
		}
	})
}

// 大崎市 第2条 gives an example of each kind of fault; 第3条(1) asks the city
// and the related bodies to exchange the names of their staff and their
// contacts for office hours and for nights and holidays.
func TestOsakiFaultsAndContacts(t *testing.T) {
	p := municipality(t, "osaki")
	fp, err := p.FaultProcedure()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		kind fault.Kind
		want string
	}{
		{fault.Hardware, "CSや端末装置の故障"},
		{fault.Software, "システムのバグ"},
		{fault.Network, "ネットワーク回線の不通"},
	} {
		t.Run("osaki:第2条/"+tt.kind.String(), func(t *testing.T) {
			var got []string
			for _, s := range fp.Symptoms(tt.kind) {
				got = append(got, p.Vocabulary.Label(s, Japanese))
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("symptoms (-want +got):\n%s", diff)
			}
		})
	}
	if s, _ := p.Vocabulary.Symptom("system-bug"); s != fault.Bug {
		t.Errorf("システムのバグ acts as %v, want the engine's bug", s)
	}
	t.Run("osaki:第3条(1)/contacts", func(t *testing.T) {
		i := slices.IndexFunc(p.Provisions.Preparation, func(pr Provision) bool {
			return pr.Citations.Contains(council.Cite("osaki", "第3条(1)"))
		})
		if i < 0 {
			t.Fatal("no preparation cites 第3条(1)")
		}
		pr := p.Provisions.Preparation[i]
		for _, w := range []string{"住基ネット担当者名", "通常業務時", "夜間・休日時"} {
			if !strings.Contains(pr.Text, w) {
				t.Errorf("preparation %q does not say %s", pr.Text, w)
			}
		}
		if !strings.Contains(pr.For, "宮城県") || !strings.Contains(pr.For, "指定情報処理機関") {
			t.Errorf("preparation is for %q: want the city, 宮城県 and 指定情報処理機関", pr.For)
		}
	})
}
