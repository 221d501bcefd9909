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
// The zero Role is unset and is rejected wherever a role is needed. Values
// are only ever appended, never renumbered.
type Role uint8

// Roles named by the reference plans (shared/domain/GLOSSARY.md).
const (
	SecurityChief             Role = 1 + iota // セキュリティ統括責任者; chairs the council
	DeputySecurityChief                       // セキュリティ副統括責任者
	SystemAdministrator                       // システム管理者
	InfoProtectionManager                     // 情報保護管理者
	IdentityInfoManager                       // 本人確認情報管理者 (ino 第11条)
	Staff                                     // 担当者, 住基ネット担当者
	Operator                                  // 操作者: staff who use a business terminal
	SectionManager                            // 管理者 of a section (kumamoto)
	SecurityOfficers                          // セキュリティ責任者等 (kumamoto): the three divisions below, together
	Mayor                                     // 区長 (nakano)
	DeputyMayor                               // 副区長, the CISO (nakano)
	GeneralAffairsDirector                    // 総務部長 (nakano 8(3))
	CrisisManagementDirector                  // 危機管理担当部長 (nakano 8(4))
	CrisisManagementDivision                  // 危機管理課 (nakano 8(5))
	InfoSystemsDivision                       // 情報システム課 (nakano 8(6))
	OwningDepartmentHead                      // 主管部長 (nakano 8(7))
	OwningDivisionHead                        // 主管課長 (nakano 8(8))
	SystemManager                             // 情報システム管理者 (nakano 8(9))
	SystemStaff                               // 情報システム担当者 (nakano 8(10))
	RelatedDepartments                        // 関係部署 (ino 第2条)
	RegionalPolicyDivision                    // 地域政策課: one of kumamoto's security officers (4(1)(ウ), 4(1) 緊急対応策(ウ)(b))
	ChuoWardResidentsDivision                 // 中央区役所区民課: one of kumamoto's security officers (4(1)(ウ), 4(1) 緊急対応策(ウ)(b))
	InfoPolicyDivision                        // 情報政策課: one of kumamoto's security officers (4(1)(ウ), 4(1) 緊急対応策(ウ)(b))
)

var roleTable = enum.New[Role]("council", "role", "Role", ErrInvalid,
	enum.Name{EN: "security-chief", JA: "セキュリティ統括責任者", Aliases: []string{"セキュリティ統括管理者"}},
	enum.Name{EN: "deputy-security-chief", JA: "セキュリティ副統括責任者"},
	enum.Name{EN: "system-administrator", JA: "システム管理者"},
	enum.Name{EN: "info-protection-manager", JA: "情報保護管理者"},
	enum.Name{EN: "identity-info-manager", JA: "本人確認情報管理者"},
	enum.Name{EN: "staff", JA: "担当者", Aliases: []string{"住基ネット担当者", "staff-in-charge"}},
	enum.Name{EN: "operator", JA: "操作者", Aliases: []string{"業務端末を使用する職員", "terminal-operator"}},
	enum.Name{EN: "section-manager", JA: "管理者"},
	enum.Name{EN: "security-officers", JA: "セキュリティ責任者等"},
	enum.Name{EN: "mayor", JA: "区長"},
	enum.Name{EN: "deputy-mayor", JA: "副区長", Aliases: []string{"CISO"}},
	enum.Name{EN: "general-affairs-director", JA: "総務部長"},
	enum.Name{EN: "crisis-management-director", JA: "危機管理担当部長"},
	enum.Name{EN: "crisis-management-division", JA: "危機管理課"},
	enum.Name{EN: "info-systems-division", JA: "情報システム課"},
	enum.Name{EN: "owning-department-head", JA: "主管部長", Aliases: []string{"統括情報安全保護担当者"}},
	enum.Name{EN: "owning-division-head", JA: "主管課長", Aliases: []string{"情報安全保護担当者"}},
	enum.Name{EN: "system-manager", JA: "情報システム管理者"},
	enum.Name{EN: "system-staff", JA: "情報システム担当者", Aliases: []string{"担当職員"}},
	enum.Name{EN: "related-departments", JA: "関係部署"},
	enum.Name{EN: "regional-policy-division", JA: "地域政策課"},
	enum.Name{EN: "chuo-ward-residents-division", JA: "中央区役所区民課", Aliases: []string{"中央区区役所区民課", "中央区区民課"}},
	enum.Name{EN: "info-policy-division", JA: "情報政策課"},
).Open(enum.MaxValue)

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
