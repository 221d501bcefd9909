package council

import (
	"fmt"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// An Actor is whoever acts, reports or is told in a plan: a [Role] inside the
// municipality or a [Party] outside it, never both.
//
// The zero Actor is unset and is not valid. Actors are comparable with ==.
type Actor struct {
	Role  Role  `json:"role,omitzero"`  // set for an actor inside the municipality
	Party Party `json:"party,omitzero"` // set for a body outside it
}

// ByRole returns the Actor for role r.
func ByRole(r Role) Actor { return Actor{Role: r} }

// ByParty returns the Actor for party p.
func ByParty(p Party) Actor { return Actor{Party: p} }

// IsValid reports whether exactly one of Role and Party is set, and is valid.
func (a Actor) IsValid() bool {
	return a.Role.IsValid() && a.Party == 0 || a.Party.IsValid() && a.Role == 0
}

// String returns the role's or party's English name.
func (a Actor) String() string {
	if a.Party != 0 && a.Role == 0 {
		return a.Party.String()
	}
	if a.Role != 0 && a.Party == 0 {
		return a.Role.String()
	}
	return fmt.Sprintf("Actor(%d,%d)", a.Role, a.Party)
}

// Label returns the role's or party's Japanese label.
func (a Actor) Label() string {
	if a.Party != 0 && a.Role == 0 {
		return a.Party.Label()
	}
	if a.Role != 0 && a.Party == 0 {
		return a.Role.Label()
	}
	return a.String()
}

// Compare orders roles before parties, each by value.
func (a Actor) Compare(b Actor) int {
	if a.Party != b.Party {
		return int(a.Party) - int(b.Party)
	}
	return int(a.Role) - int(b.Role)
}

// AppendText implements [encoding.TextAppender]: the role's or party's English
// name. An invalid Actor is an error.
func (a Actor) AppendText(b []byte) ([]byte, error) {
	if !a.IsValid() {
		return b, fmt.Errorf("council: cannot encode actor %s: %w", a, ErrInvalid)
	}
	if a.Role != 0 {
		return a.Role.AppendText(b)
	}
	return a.Party.AppendText(b)
}

// MarshalText implements [encoding.TextMarshaler].
func (a Actor) MarshalText() ([]byte, error) { return a.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]: a role's or a party's
// English name or Japanese label (role and party spellings never collide).
func (a *Actor) UnmarshalText(text []byte) error {
	x, err := ParseActor(string(text))
	if err != nil {
		return err
	}
	*a = x
	return nil
}

// ParseActor returns the Actor named by s, a role's or a party's name or label.
func ParseActor(s string) (Actor, error) {
	if r, ok := roleTable.Lookup(s); ok {
		return ByRole(r), nil
	}
	if p, ok := partyTable.Lookup(s); ok {
		return ByParty(p), nil
	}
	return Actor{}, fmt.Errorf("council: unknown actor %s (neither a role nor a party): %w", problem.Value(s), ErrInvalid)
}
