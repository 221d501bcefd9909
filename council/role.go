package council

import (
	"iter"

	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// ErrInvalid is wrapped by every error about a value that is unset, unknown
// or out of range: an enum text that names nothing, a zero Role where one is
// needed, a control character in a name, and the like. It is the module's one
// ErrInvalid: the same value as fault, threat, measures and bcp.ErrInvalid.
var ErrInvalid = problem.ErrInvalid

// A Role is a position inside the municipality that a plan gives duties to.
// Who fills it in a given municipality is an [Appointment].
//
// The zero Role is unset and is rejected wherever a role is needed. The
// engine names the values below; the values past them (up to 63) are a
// plan's own, declared in its vocabulary (package bcp): they print as
// "role#n" and mean something only with their plan.
type Role uint8

// Roles the engine reasons about: the functions the plans share
// (shared/domain/GLOSSARY.md). Every other position is declared by the plan
// that has it, in its vocabulary, as a value past these.
const (
	SecurityChief         Role = 1 + iota // セキュリティ統括責任者; chairs the council
	DeputySecurityChief                   // セキュリティ副統括責任者
	SystemAdministrator                   // システム管理者
	InfoProtectionManager                 // 情報保護管理者
	IdentityInfoManager                   // 本人確認情報管理者
	Staff                                 // 担当者
	Operator                              // 操作者: staff who use a business terminal
	SectionManager                        // 管理者 of a section
	SecurityOfficers                      // セキュリティ責任者等: the divisions in charge of security, together
)

var roleTable = enum.New[Role]("council", "role", "Role", ErrInvalid, []enum.Name{
	SecurityChief:         {EN: "security-chief", JA: "セキュリティ統括責任者", Aliases: []string{"セキュリティ統括管理者"}},
	DeputySecurityChief:   {EN: "deputy-security-chief", JA: "セキュリティ副統括責任者"},
	SystemAdministrator:   {EN: "system-administrator", JA: "システム管理者"},
	InfoProtectionManager: {EN: "info-protection-manager", JA: "情報保護管理者"},
	IdentityInfoManager:   {EN: "identity-info-manager", JA: "本人確認情報管理者"},
	Staff:                 {EN: "staff", JA: "担当者", Aliases: []string{"住基ネット担当者", "staff-in-charge"}},
	Operator:              {EN: "operator", JA: "操作者", Aliases: []string{"業務端末を使用する職員", "terminal-operator"}},
	SectionManager:        {EN: "section-manager", JA: "管理者"},
	SecurityOfficers:      {EN: "security-officers", JA: "セキュリティ責任者等"},
}).Open(enum.MaxValue)

// AllRoles returns every valid Role in ascending order, in a fresh slice.
func AllRoles() []Role { return roleTable.Values() }

// ParseRole returns the Role named by s: its English name or Japanese label.
func ParseRole(s string) (Role, error) { return roleTable.Parse(s) }

// IsValid reports whether r is a defined role (not zero, not out of range).
func (r Role) IsValid() bool { return roleTable.Valid(r) }

// String returns the English name, e.g. "security-chief".
func (r Role) String() string { return roleTable.String(r) }

// Label returns the plans' Japanese term, e.g. "セキュリティ統括責任者".
func (r Role) Label() string { return roleTable.Label(r) }

// Compare orders roles by value; it suits slices.SortFunc.
func (r Role) Compare(s Role) int { return int(r) - int(s) }

// AppendText implements [encoding.TextAppender]; an invalid Role is an error.
func (r Role) AppendText(b []byte) ([]byte, error) { return roleTable.AppendText(b, r) }

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) { return roleTable.AppendText(nil, r) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (r *Role) UnmarshalText(text []byte) error { return roleTable.Unmarshal(text, r) }

// Roles is a set of roles as a bitset: comparable with ==, zero-allocation,
// iterated in ascending order. The zero Roles is empty.
type Roles uint64

// RolesOf returns the set holding rs; invalid roles are left out.
func RolesOf(rs ...Role) Roles {
	var s Roles
	for _, r := range rs {
		s = s.With(r)
	}
	return s
}

// Has reports whether r is in the set.
func (s Roles) Has(r Role) bool { return r.IsValid() && uint64(s)&enum.Bit(r) != 0 }

// With returns the set with r added; an invalid r leaves it unchanged.
func (s Roles) With(r Role) Roles {
	if !r.IsValid() {
		return s
	}
	return s | Roles(enum.Bit(r))
}

// Without returns the set with r removed.
func (s Roles) Without(r Role) Roles { return s &^ Roles(enum.Bit(r)) }

// Union returns the roles in s or t.
func (s Roles) Union(t Roles) Roles { return s | t }

// Contains reports whether every role of t is in s.
func (s Roles) Contains(t Roles) bool { return t&^s == 0 }

// Len is the number of roles in the set.
func (s Roles) Len() int { return enum.Count(uint64(s)) }

// All yields the roles in ascending order.
func (s Roles) All() iter.Seq[Role] { return enum.Members[Role](uint64(s)) }

// String lists the roles' English names, e.g. "{security-chief staff}".
func (s Roles) String() string { return enum.FormatSet[Role](uint64(s)) }
