package council

import (
	"encoding/json"
	"testing"
)

// Decoders: what decodes re-encodes to text that decodes to the same value,
// and nothing panics.

func FuzzParseCitation(f *testing.F) {
	for _, tc := range citationCases {
		f.Add(tc.in)
	}
	for _, s := range badCitations {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCitation(s)
		if err != nil {
			if c.IsValid() {
				t.Fatalf("error %v with valid %v", err, c)
			}
			return
		}
		b, err := c.MarshalText()
		if err != nil || string(b) != c.String() || string(b) != s {
			t.Fatalf("MarshalText(%v) = %q, %v", c, b, err)
		}
		var d Citation
		if err := d.UnmarshalText(b); err != nil || d != c {
			t.Fatalf("round trip %q: %v, %v", b, d, err)
		}
		if Cite(c.Plan(), c.Clause()) != c {
			t.Fatalf("Cite(Plan, Clause) != %v", c)
		}
	})
}

func FuzzCitationsJSON(f *testing.F) {
	f.Add(`[]`)
	f.Add(`["ino:第5条","ino:第12条"]`)
	f.Add(`["ino:第5条","ino:第5条",""]`)
	f.Add(`["tottori:第3-6(1)","bad"]`)
	f.Add(`null`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		var cs Citations
		if err := json.Unmarshal([]byte(s), &cs); err != nil {
			return
		}
		b, err := json.Marshal(cs)
		if err != nil {
			t.Fatal(err)
		}
		var again Citations
		if err := json.Unmarshal(b, &again); err != nil || !again.Equal(cs) {
			t.Fatalf("round trip %s → %s: %v, %v", s, b, again, err)
		}
	})
}

// fuzzEnum is the body of every enum fuzz target.
func fuzzEnum[E enumValue, P unmarshaler[E]](t *testing.T, s string) {
	var v E
	if err := P(&v).UnmarshalText([]byte(s)); err != nil {
		if v != 0 {
			t.Fatalf("failed decode of %q set %v", s, v)
		}
		return
	}
	if !v.IsValid() {
		t.Fatalf("%q decoded to invalid %d", s, v)
	}
	b, err := v.MarshalText()
	if err != nil || string(b) != v.String() {
		t.Fatalf("MarshalText(%v) = %q, %v", v, b, err)
	}
	var w E
	if err := P(&w).UnmarshalText(b); err != nil || w != v {
		t.Fatalf("round trip %q → %q → %v, %v", s, b, w, err)
	}
}

func seedEnum[E enumValue](f *testing.F, all []E) {
	for _, v := range all {
		f.Add(v.String())
		f.Add(v.Label())
	}
	f.Add("")
	f.Add("nope")
	f.Add("Role(0)")
}

func FuzzRole(f *testing.F) {
	seedEnum(f, AllRoles())
	f.Add("セキュリティ統括管理者")
	f.Fuzz(func(t *testing.T, s string) { fuzzEnum[Role](t, s) })
}

func FuzzParty(f *testing.F) {
	seedEnum(f, AllParties())
	f.Add("J-LIS")
	f.Fuzz(func(t *testing.T, s string) { fuzzEnum[Party](t, s) })
}

func FuzzTrigger(f *testing.F) {
	seedEnum(f, AllTriggers())
	f.Fuzz(func(t *testing.T, s string) { fuzzEnum[Trigger](t, s) })
}

func FuzzBody(f *testing.F) {
	seedEnum(f, AllBodies())
	f.Fuzz(func(t *testing.T, s string) { fuzzEnum[Body](t, s) })
}

func FuzzStatus(f *testing.F) {
	seedEnum(f, AllResolutions())
	f.Fuzz(func(t *testing.T, s string) { fuzzEnum[Resolution](t, s) })
}

func FuzzActor(f *testing.F) {
	seedEnum(f, AllRoles())
	seedEnum(f, AllParties())
	f.Fuzz(func(t *testing.T, s string) {
		var a Actor
		if err := a.UnmarshalText([]byte(s)); err != nil {
			if a != (Actor{}) {
				t.Fatalf("failed decode of %q set %v", s, a)
			}
			return
		}
		if !a.IsValid() {
			t.Fatalf("%q decoded to invalid %v", s, a)
		}
		b, err := a.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var again Actor
		if err := again.UnmarshalText(b); err != nil || again != a {
			t.Fatalf("round trip %q → %q → %v, %v", s, b, again, err)
		}
	})
}
