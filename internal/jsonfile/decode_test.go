package jsonfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/internal/problem"
)

type level uint8

func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("level %q: %w", b, problem.ErrInvalid)
	}
	return nil
}

type inner struct {
	Name  string `json:"name"`
	Level level  `json:"level,omitzero"`
}

type outer struct {
	ID    string         `json:"id"`
	Count int8           `json:"count,omitzero"`
	On    bool           `json:"on,omitzero"`
	Items []inner        `json:"items"`
	Tags  map[string]int `json:"tags,omitempty"`
	Next  *inner         `json:"next,omitempty"`
	Self  selfDecoding   `json:"self,omitzero"`
}

// selfDecoding decodes itself with the shared decoder, as measures.Rules
// does inside a plan file.
type selfDecoding struct{ Inner inner }

func (s *selfDecoding) UnmarshalJSON(b []byte) error {
	return Unmarshal(b, &s.Inner, Options{File: "inner"})
}

func TestUnmarshal(t *testing.T) {
	var got outer
	err := Unmarshal([]byte(`{"id":"a","count":-3,"on":true,"items":[{"name":"x","level":"high"}],"tags":{"k":1},"next":{"name":"y"},"self":{"name":"z"}}`), &got, Options{File: "test"})
	if err != nil {
		t.Fatal(err)
	}
	want := outer{ID: "a", Count: -3, On: true, Items: []inner{{Name: "x", Level: 2}}, Tags: map[string]int{"k": 1}, Next: &inner{Name: "y"}, Self: selfDecoding{inner{Name: "z"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestUnmarshalErrors: each problem is a *PathError at its path wrapping its
// sentinel, and decoding goes on to count them all.
func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name, data string
		nulls      bool
		paths      []string // of the problems, in order
		sentinel   error
	}{
		{"syntax", `{"id":}`, false, []string{"$.id"}, problem.ErrSyntax},
		{"trailing-data", `{} {}`, false, []string{"$"}, problem.ErrSyntax},
		{"invalid-utf8", "{\"id\":\"\xff\"}", false, []string{"$.id"}, problem.ErrSyntax},
		{"duplicate-key", `{"id":"a","id":"b"}`, false, []string{"$.id"}, problem.ErrDuplicate},
		{"unknown-field", `{"id":"a","ID":"b","items":[{"nom":"x"}]}`, false, []string{"$.ID", "$.items[0].nom"}, problem.ErrUnknownField},
		{"wrong-type", `{"id":1,"on":"yes","items":{}}`, false, []string{"$.id", "$.on", "$.items"}, problem.ErrInvalid},
		{"out-of-range", `{"count":300}`, false, []string{"$.count"}, problem.ErrInvalid},
		{"not-whole", `{"count":1.5}`, false, []string{"$.count"}, problem.ErrInvalid},
		{"bad-text-value", `{"items":[{"level":"mid"}]}`, false, []string{"$.items[0].level"}, problem.ErrInvalid},
		{"control-character", `{"id":"a\u0007"}`, false, []string{"$.id"}, problem.ErrInvalid},
		{"null-refused", `{"items":null,"next":null}`, false, []string{"$.items", "$.next"}, problem.ErrInvalid},
		{"null-refused-for-a-string", `{"id":null}`, true, []string{"$.id"}, problem.ErrInvalid},
		{"nested-path", `{"self":{"name":"z","bad":1}}`, false, []string{"$.self.bad"}, problem.ErrUnknownField},
		{"odd-key", `{"a b":1}`, false, []string{`$["a b"]`}, problem.ErrUnknownField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v outer
			err := Unmarshal([]byte(tt.data), &v, Options{File: "test", Nulls: tt.nulls})
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("error %v does not wrap %v", err, tt.sentinel)
			}
			var paths []string
			for _, e := range problem.Problems(err) {
				pe, ok := errors.AsType[*PathError](e)
				if !ok {
					t.Fatalf("%v is not a *PathError", e)
				}
				if pe.File != "test" || !strings.HasPrefix(pe.Error(), "test: "+pe.Path+": ") {
					t.Errorf("message %q: want it to start with the file and path", pe.Error())
				}
				paths = append(paths, pe.Path)
			}
			if diff := cmp.Diff(tt.paths, paths); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(outer{}, v); diff != "" {
				t.Errorf("value changed on error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnmarshalNulls(t *testing.T) {
	var v outer
	if err := Unmarshal([]byte(`{"items":null,"tags":null,"next":null}`), &v, Options{Nulls: true}); err != nil {
		t.Fatal(err)
	}
	if v.Items != nil || v.Tags != nil || v.Next != nil {
		t.Errorf("null read as %+v, want nil", v)
	}
}

func TestPathErrorZero(t *testing.T) {
	var e PathError
	if got := e.Error(); got != "" {
		t.Errorf("zero PathError = %q, want empty", got)
	}
	if e.Unwrap() != nil {
		t.Error("zero PathError wraps something")
	}
	e = PathError{Path: "$.x", Err: fmt.Errorf("bcp: bad: %w", problem.ErrInvalid)}
	if got, want := e.Error(), "$.x: bad: invalid value"; got != want {
		t.Errorf("Error() = %q, want %q (package prefix of the problem dropped)", got, want)
	}
}

func TestPath(t *testing.T) {
	tests := []struct {
		stack []Segment
		want  string
	}{
		{nil, "$"},
		{[]Segment{Key("a"), Index(3), Key("b-c_d")}, "$.a[3].b-c_d"},
		{[]Segment{Key("a.b")}, `$["a.b"]`},
		{[]Segment{Key("")}, `$[""]`},
	}
	for _, tt := range tests {
		if got := Path(tt.stack); got != tt.want {
			t.Errorf("Path(%v) = %q, want %q", tt.stack, got, tt.want)
		}
	}
	long := make([]Segment, 200)
	for i := range long {
		long[i] = Key(strings.Repeat("k", 30))
	}
	if got := Path(long); len(got) > 2*maxPath || !strings.Contains(got, ".…") {
		t.Errorf("a long path is not cut: %d bytes", len(got))
	}
}

// FuzzUnmarshal: the decoder never panics, every problem is a *PathError
// wrapping a sentinel of the family, and messages stay bounded.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{}`, `{"id":"a","items":[{"name":"x","level":"low"}]}`, `{"count":1e3}`, `{"tags":{"a":1,"a":2}}`, `{"self":{"name":1}}`, `[`, `{"next":null}`} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, nulls bool) {
		var v outer
		err := Unmarshal(data, &v, Options{File: "fuzz", Nulls: nulls})
		if err == nil {
			return
		}
		for _, e := range problem.Problems(err) {
			if _, ok := errors.AsType[*PathError](e); !ok {
				t.Fatalf("%v is not a *PathError", e)
			}
			if !errors.Is(e, problem.ErrSyntax) && !errors.Is(e, problem.ErrDuplicate) && !errors.Is(e, problem.ErrUnknownField) && !errors.Is(e, problem.ErrInvalid) {
				t.Fatalf("%v wraps no sentinel of the family", e)
			}
		}
		if len(err.Error()) > problem.MaxMessage {
			t.Fatalf("message of %d bytes", len(err.Error()))
		}
	})
}
