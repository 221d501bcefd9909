package measures

import (
	"iter"

	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Requirement is one preventive control of an operating regulation that
// [Check] verifies, named after kumiyama's 住基ネット運用管理規程. The figures a
// requirement compares against (8 characters, 3 failures, 7 years, the hours)
// live in [Rules], not here.
//
// The zero Requirement is unset and is not valid. Requirements are comparable
// with == and ordered as the regulation's clauses run.
type Requirement uint8

// The requirements, with the kumiyama clause each rests on.
const (
	CardPasswordExpiry       Requirement = 1 + iota // IC-card password has an expiry (第18条1項1号)
	CardPasswordLength                              // IC-card password minimum length (第18条1項2号)
	CardPasswordLockout                             // IC-card password lockout after failures (第18条1項3号)
	OSPasswordExpiry                                // OS password has an expiry (第20条の2 3項1号)
	OSPasswordLength                                // OS password minimum length (第20条の2 3項2号)
	OSPasswordLockout                               // OS password lockout after failures (第20条の2 3項3号)
	InitialPasswordChanged                          // initial passwords changed at once (第20条の2 3項4号)
	TemporaryPasswordChanged                        // temporary passwords changed at first logon (第20条の2 3項5号)
	CardLentPerTask                                 // operator IC cards lent per task only (第17条3項, 6項)
	CardApprovedOnly                                // cards lent only to approved people (第17条3項, 6項)
	CardOnePerPerson                                // one card per approved person, never lent on (第17条3項, 13項)
	CardReturnedAtOnce                              // card returned as soon as the task ends (第17条7項)
	CardRevokedOnLoss                               // card revoked at once when lost or stolen (第17条11項)
	Level2Permission                                // level-2 rooms: prior permission (第10条2項)
	Level2CardPerEntry                              // level-2 rooms: an entry card lent per entry, returned on leaving (第10条2項, 第12条2項, 3項)
	Level2NameTag                                   // level-2 rooms: name tag (第10条2項)
	Level2EntryRecords                              // level-2 rooms: entry records (第10条2項, 第13条)
	Level1Permission                                // level-1 rooms: prior permission (第10条2項)
	Level1NameTag                                   // level-1 rooms: name tag (第10条2項)
	EntryRecordRetention                            // entry and entry-card records kept (第13条)
	CardRecordRetention                             // IC-card records kept (第17条17項)
	OperationLogRetention                           // operation logs kept (第20条)
	TerminalHours                                   // terminals used only in the set hours on working days (第23条)
	IdentityAssetManager                            // identity information and its forms and cards managed by the right role (第21条1項)
	OtherAssetManager                               // other information assets managed by the right role (第21条1項)
	ContractSubcontracting                          // contract clause: subcontracting prohibited or limited (第33条1号)
	ContractMaterials                               // contract clause: keeping, return or disposal of materials (第33条2号)
	ContractMisuse                                  // contract clause: no use outside purpose, copying or provision to third parties (第33条3号)
	ContractConfidentiality                         // contract clause: confidentiality (第33条4号)
	ContractIncidentReport                          // contract clause: reporting of accidents (第33条5号)
)

const numRequirements = int(ContractIncidentReport)

var requirementTable = enum.New[Requirement]("measures", "requirement", "Requirement", ErrInvalid, []enum.Name{
	CardPasswordExpiry:       {EN: "card-password-expiry", JA: "ICカードのパスワードの有効期限"},
	CardPasswordLength:       {EN: "card-password-length", JA: "ICカードのパスワードの最低桁数"},
	CardPasswordLockout:      {EN: "card-password-lockout", JA: "ICカードのパスワードのロックアウト"},
	OSPasswordExpiry:         {EN: "os-password-expiry", JA: "OSのパスワードの有効期限"},
	OSPasswordLength:         {EN: "os-password-length", JA: "OSのパスワードの最低桁数"},
	OSPasswordLockout:        {EN: "os-password-lockout", JA: "OSのパスワードのロックアウト"},
	InitialPasswordChanged:   {EN: "initial-password-changed", JA: "初期パスワードの変更"},
	TemporaryPasswordChanged: {EN: "temporary-password-changed", JA: "仮パスワードの初回変更"},
	CardLentPerTask:          {EN: "card-lent-per-task", JA: "ICカードの都度貸与"},
	CardApprovedOnly:         {EN: "card-approved-only", JA: "承認者に限る貸与"},
	CardOnePerPerson:         {EN: "card-one-per-person", JA: "1人1枚"},
	CardReturnedAtOnce:       {EN: "card-returned-at-once", JA: "業務終了後の返却"},
	CardRevokedOnLoss:        {EN: "card-revoked-on-loss", JA: "紛失時の失効"},
	Level2Permission:         {EN: "level2-permission", JA: "レベル2の事前許可"},
	Level2CardPerEntry:       {EN: "level2-card-per-entry", JA: "レベル2の入退室カード"},
	Level2NameTag:            {EN: "level2-name-tag", JA: "レベル2の名札"},
	Level2EntryRecords:       {EN: "level2-entry-records", JA: "レベル2の入退室記録"},
	Level1Permission:         {EN: "level1-permission", JA: "レベル1の事前許可"},
	Level1NameTag:            {EN: "level1-name-tag", JA: "レベル1の名札"},
	EntryRecordRetention:     {EN: "entry-record-retention", JA: "入退室記録の保存"},
	CardRecordRetention:      {EN: "card-record-retention", JA: "ICカード記録の保存"},
	OperationLogRetention:    {EN: "operation-log-retention", JA: "操作履歴の保存"},
	TerminalHours:            {EN: "terminal-hours", JA: "端末の操作時間"},
	IdentityAssetManager:     {EN: "identity-asset-manager", JA: "本人確認情報等の管理者"},
	OtherAssetManager:        {EN: "other-asset-manager", JA: "その他の情報資産の管理者"},
	ContractSubcontracting:   {EN: "contract-subcontracting", JA: "再委託の制限"},
	ContractMaterials:        {EN: "contract-materials", JA: "資料の保管・返還・廃棄"},
	ContractMisuse:           {EN: "contract-misuse", JA: "目的外使用・複製・第三者提供の禁止"},
	ContractConfidentiality:  {EN: "contract-confidentiality", JA: "秘密保持"},
	ContractIncidentReport:   {EN: "contract-incident-report", JA: "事故等の報告"},
})

// AllRequirements returns every Requirement in ascending order, in a fresh slice.
func AllRequirements() []Requirement { return requirementTable.Values() }

// ParseRequirement returns the Requirement named by s: its English name or Japanese label.
func ParseRequirement(s string) (Requirement, error) { return requirementTable.Parse(s) }

// IsValid reports whether q is a defined requirement.
func (q Requirement) IsValid() bool { return requirementTable.Valid(q) }

// String returns the English name, e.g. "card-password-length".
func (q Requirement) String() string { return requirementTable.String(q) }

// Label returns the Japanese term.
func (q Requirement) Label() string { return requirementTable.Label(q) }

// Compare orders requirements by value; it suits slices.SortFunc.
func (q Requirement) Compare(p Requirement) int { return int(q) - int(p) }

// AppendText implements [encoding.TextAppender]; an invalid Requirement is an error.
func (q Requirement) AppendText(b []byte) ([]byte, error) { return requirementTable.AppendText(b, q) }

// MarshalText implements [encoding.TextMarshaler].
func (q Requirement) MarshalText() ([]byte, error) { return requirementTable.AppendText(nil, q) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (q *Requirement) UnmarshalText(text []byte) error { return requirementTable.Unmarshal(text, q) }

// IsContractClause reports whether q is one of the mandatory contract clauses
// (kumiyama 第33条1号-5号).
func (q Requirement) IsContractClause() bool {
	return q >= ContractSubcontracting && q <= ContractIncidentReport
}

// Requirements is a set of requirements as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Requirements is empty.
type Requirements uint64

// RequirementsOf returns the set holding qs; invalid requirements are left out.
func RequirementsOf(qs ...Requirement) Requirements {
	var s Requirements
	for _, q := range qs {
		s = s.With(q)
	}
	return s
}

// ContractClauses is the set of the five mandatory contract clauses
// (kumiyama 第33条).
const ContractClauses = Requirements(1<<ContractSubcontracting | 1<<ContractMaterials |
	1<<ContractMisuse | 1<<ContractConfidentiality | 1<<ContractIncidentReport)

// Has reports whether q is in the set.
func (s Requirements) Has(q Requirement) bool { return q.IsValid() && uint64(s)&enum.Bit(q) != 0 }

// With returns the set with q added; an invalid q leaves it unchanged.
func (s Requirements) With(q Requirement) Requirements {
	if !q.IsValid() {
		return s
	}
	return s | Requirements(enum.Bit(q))
}

// Without returns the set with q removed.
func (s Requirements) Without(q Requirement) Requirements { return s &^ Requirements(enum.Bit(q)) }

// Contains reports whether every requirement of t is in s.
func (s Requirements) Contains(t Requirements) bool { return t&^s == 0 }

// Len is the number of requirements in the set.
func (s Requirements) Len() int { return enum.Count(uint64(s)) }

// All yields the requirements in ascending order.
func (s Requirements) All() iter.Seq[Requirement] { return enum.Members[Requirement](uint64(s)) }

// String lists the requirements' English names, e.g. "{contract-materials}".
func (s Requirements) String() string { return enum.FormatSet[Requirement](uint64(s)) }

// allRequirements is the set of every defined requirement.
var allRequirements = func() (s Requirements) {
	for q := range requirementTable.All() {
		s = s.With(q)
	}
	return s
}()
