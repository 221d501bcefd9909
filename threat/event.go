package threat

import (
	"encoding/json"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// An ActKind says what happened in an unauthorized act (不正行為, tottori:第1-1(2))
// or a security incident affecting personal information (個人情報の管理に対する
// 侵害, kumamoto:2(1)). The kinds are the union of the example rows of both
// level tables (tottori:第3-1, kumamoto:4(1)(イ)), the incident examples of
// kumamoto:2(1) and the event categories of tottori's annex (tottori:別表1-1 …
// 4-4), so that every one of them is expressible as an [Event].
//
// The values past the engine's kinds (up to 63) are the kinds a plan
// declares ([Spec.Kinds], [DeclaredKind]): they print as "kind#13" in the
// engine's words and in the plan's words through its [Spec].
//
// The zero ActKind is unset and is rejected wherever a kind is needed. Values are
// only ever appended, never renumbered.
type ActKind uint8

// Kinds of event. The comment names the clauses that use each one.
const (
	// Intrusion is the intrusion of an unauthorised person into a place
	// (無権限者の侵入; tottori:第3-1 L1/L2/L3, kumamoto:4(1)(イ) L1/L2/L3,
	// kumamoto:2(1) 執務室への不審者の侵入). Graded on [Event.Place].
	Intrusion ActKind = 1 + iota
	// UnauthorizedAccess is unauthorized access to a system, or signs of it
	// such as persistent attack traces in IDS or firewall logs (不正アクセス;
	// tottori:第3-1 L2/L3, kumamoto:4(1)(イ) L3, tottori:別表1-1, 別表1-2).
	// Tottori grades it on [Event.Firewall].
	UnauthorizedAccess
	// ErroneousAccess is access by mistake, found in IDS or firewall logs
	// (誤アクセス; tottori:別表2-1, 別表2-2). Neither level table lists it.
	ErroneousAccess
	// VirusDetected is a virus or similar detected (and removed) by antivirus
	// software (ウイルス対策ソフトによる…検出; tottori:第3-1 L2, tottori:別表4-1,
	// 別表4-2).
	VirusDetected
	// VirusInfection is a virus or similar that got in: an infection, or the
	// abnormal behaviour of the system it causes (コンピュータウィルス等の侵入
	// によるシステムの異常動作, ウイルス感染; tottori:第3-1 L3, tottori:別表4-3,
	// 別表4-4). The library reads the annex's "infection found" as this kind.
	VirusInfection
	// SuspiciousOperation is suspicious operation of a business terminal,
	// server or the like, including suspicious business patterns and
	// suspicious requests for information (業務端末等の不審な操作の検出;
	// tottori:第3-1 L3, tottori:別表1-3, 別表1-4).
	SuspiciousOperation
	// Vulnerability is a vulnerability or security hole found in the system
	// (脆弱性, セキュリティホール; tottori:第3-1 L3, kumamoto:4(1)(イ) L3 for a
	// serious one, tottori:別表2-3, 別表2-4). Graded on [Event.Severity].
	Vulnerability
	// DataCorruption is identity information output that is garbled or mixed
	// up with another person's (出力される本人確認情報に意味をなさない乱れ、
	// 又は他人のものとの交錯; tottori:別表3-1, 別表3-2), a sign of an attempt to
	// disrupt the system.
	DataCorruption
	// ServiceDisruption is an unexpected stop of system functions or a
	// message delay (予期せぬシステムの機能停止又は電文遅延; tottori:別表3-3,
	// 別表3-4), a sign of an attempt to disrupt the system.
	ServiceDisruption
	// FormTheftOrLoss is the theft or loss of notification or application
	// forms holding personal information (届書、申請書等の盗難、紛失;
	// kumamoto:2(1), kumamoto:4(1)(イ) L3).
	FormTheftOrLoss
	// Leak is a leak of (personal) information to the outside (外部への情報
	// 漏洩; kumamoto:2(1), kumamoto:4(1)(イ) L3).
	Leak
	// CredentialLeak is a leak of the user IDs, passwords or the like used to
	// operate the systems (ユーザID、パスワード等の漏洩; kumamoto:4(1)(イ) L3).
	CredentialLeak
)

var kindTable = enum.New[ActKind]("threat", "kind", "Kind", council.ErrInvalid, []enum.Name{
	Intrusion:           {EN: "intrusion", JA: "無権限者の侵入"},
	UnauthorizedAccess:  {EN: "unauthorized-access", JA: "不正アクセス"},
	ErroneousAccess:     {EN: "erroneous-access", JA: "誤アクセス"},
	VirusDetected:       {EN: "virus-detected", JA: "ウイルス等の検出"},
	VirusInfection:      {EN: "virus-infection", JA: "ウイルス感染"},
	SuspiciousOperation: {EN: "suspicious-operation", JA: "不審な操作"},
	Vulnerability:       {EN: "vulnerability", JA: "脆弱性", Aliases: []string{"セキュリティホール"}},
	DataCorruption:      {EN: "data-corruption", JA: "データの乱れ・交錯"},
	ServiceDisruption:   {EN: "service-disruption", JA: "機能停止・電文遅延"},
	FormTheftOrLoss:     {EN: "form-theft-or-loss", JA: "届書等の盗難・紛失"},
	Leak:                {EN: "leak", JA: "情報漏洩"},
	CredentialLeak:      {EN: "credential-leak", JA: "ID・パスワードの漏洩"},
}).Open(enum.MaxValue)

// AllActKinds returns every valid Kind in ascending order, in a fresh slice.
func AllActKinds() []ActKind { return kindTable.Values() }

// ParseActKind returns the Kind named by s: its English name or Japanese label.
func ParseActKind(s string) (ActKind, error) { return kindTable.Parse(s) }

// IsValid reports whether k is a defined kind (not zero, not out of range).
func (k ActKind) IsValid() bool { return kindTable.Valid(k) }

// String returns the English name, e.g. "unauthorized-access".
func (k ActKind) String() string { return kindTable.String(k) }

// Label returns the kind's Japanese name, e.g. "不正アクセス"; a plan's own
// words for it are in its file (a rule's Example).
func (k ActKind) Label() string { return kindTable.Label(k) }

// Compare orders kinds by value; it suits slices.SortFunc.
func (k ActKind) Compare(j ActKind) int { return int(k) - int(j) }

// AppendText implements [encoding.TextAppender]; an invalid Kind is an error.
func (k ActKind) AppendText(b []byte) ([]byte, error) { return kindTable.AppendText(b, k) }

// MarshalText implements [encoding.TextMarshaler].
func (k ActKind) MarshalText() ([]byte, error) { return kindTable.AppendText(nil, k) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (k *ActKind) UnmarshalText(text []byte) error { return kindTable.Unmarshal(text, k) }

// A Place says what the place an unauthorised person entered holds, the
// attribute both level tables grade an [Intrusion] on (tottori:第3-1,
// kumamoto:4(1)(イ)). Places are ordered from the least to the most sensitive.
//
// The zero Place is unknown (not yet established). Places are comparable
// with == and ordered with <.
type Place uint8

// Places, from the least to the most sensitive.
const (
	// PlaceUnrelated holds equipment not directly related to the network or
	// the affairs (直接関係のない備品のある場所): level 1 in both tables.
	PlaceUnrelated Place = 1 + iota
	// PlaceRelated holds related items without protected data: magnetic
	// disks without the protected information, software (tottori) or
	// equipment (kumamoto) unrelated to its protection, documents
	// (関係があるが…記録されていない磁気ディスク…のある場所): level 2.
	PlaceRelated
	// PlaceProtected holds the protected data (identity information for
	// tottori, personal information for kumamoto) or items important to its
	// protection (…が記録されている磁気ディスク、…を保護するうえで重要な…
	// のある場所): level 3.
	PlaceProtected
)

var placeTable = enum.New[Place]("threat", "place", "Place", council.ErrInvalid, []enum.Name{
	PlaceUnrelated: {EN: "unrelated", JA: "無関係な場所"},
	PlaceRelated:   {EN: "related", JA: "関係する場所"},
	PlaceProtected: {EN: "protected", JA: "保護対象のある場所"},
})

// AllPlaces returns every valid Place in ascending order, in a fresh slice.
func AllPlaces() []Place { return placeTable.Values() }

// ParsePlace returns the Place named by s: its English name or Japanese label.
func ParsePlace(s string) (Place, error) { return placeTable.Parse(s) }

// IsValid reports whether p is a defined place (not zero, not out of range).
func (p Place) IsValid() bool { return placeTable.Valid(p) }

// String returns the English name, e.g. "protected".
func (p Place) String() string { return placeTable.String(p) }

// Label returns the place's Japanese name.
func (p Place) Label() string { return placeTable.Label(p) }

// Compare orders places from the least to the most sensitive.
func (p Place) Compare(q Place) int { return int(p) - int(q) }

// AppendText implements [encoding.TextAppender]; an invalid Place is an error.
func (p Place) AppendText(b []byte) ([]byte, error) { return placeTable.AppendText(b, p) }

// MarshalText implements [encoding.TextMarshaler].
func (p Place) MarshalText() ([]byte, error) { return placeTable.AppendText(nil, p) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (p *Place) UnmarshalText(text []byte) error { return placeTable.Unmarshal(text, p) }

// Firewall says whether an [UnauthorizedAccess] got through the firewall, the
// attribute tottori grades it on (tottori:第3-1: level 2 when stopped, level 3
// when passed). Ordered from the less to the more serious.
//
// The zero Firewall is unknown. Firewalls are comparable with == and ordered
// with <.
type Firewall uint8

// Firewall outcomes, from the less to the more serious.
const (
	FirewallStopped Firewall = 1 + iota // ファイアウォールを通過しなかった
	FirewallPassed                      // ファイアウォールを通過した
)

var firewallTable = enum.New[Firewall]("threat", "firewall outcome", "Firewall", council.ErrInvalid, []enum.Name{
	FirewallStopped: {EN: "stopped", JA: "阻止"},
	FirewallPassed:  {EN: "passed", JA: "通過"},
})

// AllFirewalls returns every valid Firewall in ascending order, in a fresh slice.
func AllFirewalls() []Firewall { return firewallTable.Values() }

// ParseFirewall returns the Firewall named by s: its English name or Japanese label.
func ParseFirewall(s string) (Firewall, error) { return firewallTable.Parse(s) }

// IsValid reports whether f is a defined outcome (not zero, not out of range).
func (f Firewall) IsValid() bool { return firewallTable.Valid(f) }

// String returns the English name, e.g. "passed".
func (f Firewall) String() string { return firewallTable.String(f) }

// Label returns the outcome's Japanese name.
func (f Firewall) Label() string { return firewallTable.Label(f) }

// Compare orders outcomes from the less to the more serious.
func (f Firewall) Compare(g Firewall) int { return int(f) - int(g) }

// AppendText implements [encoding.TextAppender]; an invalid Firewall is an error.
func (f Firewall) AppendText(b []byte) ([]byte, error) { return firewallTable.AppendText(b, f) }

// MarshalText implements [encoding.TextMarshaler].
func (f Firewall) MarshalText() ([]byte, error) { return firewallTable.AppendText(nil, f) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (f *Firewall) UnmarshalText(text []byte) error { return firewallTable.Unmarshal(text, f) }

// Seriousness says whether a [Vulnerability] is serious for the protection of the
// protected information (重大な脆弱性; tottori:第3-1 L3, kumamoto:4(1)(イ) L3;
// 本人確認情報への脅威が大きいセキュリティホール, tottori:別表2-1 … 2-4).
// Neither table grades a vulnerability that is not serious.
//
// The zero Seriousness is unknown. Seriousness values are comparable with == and ordered
// with <.
type Seriousness uint8

// Severities, from the less to the more serious.
const (
	Ordinary Seriousness = 1 + iota // not serious for the protection of the protected information
	Serious                         // 重大な脆弱性: serious for its protection
)

var severityTable = enum.New[Seriousness]("threat", "severity", "Severity", council.ErrInvalid, []enum.Name{
	Ordinary: {EN: "ordinary", JA: "重大でない"},
	Serious:  {EN: "serious", JA: "重大"},
})

// AllSeriousness returns every valid Severity in ascending order, in a fresh slice.
func AllSeriousness() []Seriousness { return severityTable.Values() }

// ParseSeriousness returns the Severity named by s: its English name or Japanese label.
func ParseSeriousness(s string) (Seriousness, error) { return severityTable.Parse(s) }

// IsValid reports whether s is a defined severity (not zero, not out of range).
func (s Seriousness) IsValid() bool { return severityTable.Valid(s) }

// String returns the English name, e.g. "serious".
func (s Seriousness) String() string { return severityTable.String(s) }

// Label returns the Japanese term.
func (s Seriousness) Label() string { return severityTable.Label(s) }

// Compare orders severities from the less to the more serious.
func (s Seriousness) Compare(t Seriousness) int { return int(s) - int(t) }

// AppendText implements [encoding.TextAppender]; an invalid Severity is an error.
func (s Seriousness) AppendText(b []byte) ([]byte, error) { return severityTable.AppendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Seriousness) MarshalText() ([]byte, error) { return severityTable.AppendText(nil, s) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (s *Seriousness) UnmarshalText(text []byte) error { return severityTable.Unmarshal(text, s) }

// A Source says who discovered an event or how it came to be known. No
// reference level table grades on it; tottori's annex chooses its emergency
// measures by it (tottori:別表: "全国センターから…通報" against "県において…発見",
// and the audit and vendor sources of 別表2-3, 別表2-4), and tottori:第3-3
// names reports from the national center or other bodies.
//
// The zero Source is unknown. Sources are comparable with ==; their order
// means nothing.
type Source uint8

// Sources of an event.
const (
	// SourceLocal: found by the municipality (or prefecture) itself
	// (県において…発見, 住基ネット利用部署等において…発見した場合).
	SourceLocal Source = 1 + iota
	// SourceNationalCenter: reported by the national center (全国センターから…通報).
	SourceNationalCenter
	// SourceOtherBody: reported by another local government or body,
	// [council.OtherLocalGovernments] (他の地方公共団体等から…通報; tottori:第3-3).
	SourceOtherBody
	// SourceAudit: found by a system audit or the like (システム監査等;
	// tottori:別表2-3).
	SourceAudit
	// SourceVendor: a vendor or the like published vulnerability information
	// (ベンダー等が公表; tottori:別表2-4).
	SourceVendor
)

var sourceTable = enum.New[Source]("threat", "source", "Source", council.ErrInvalid, []enum.Name{
	SourceLocal:          {EN: "local", JA: "自団体での発見", Aliases: []string{"found-locally"}},
	SourceNationalCenter: {EN: "national-center", JA: "全国センターからの通報"},
	SourceOtherBody:      {EN: "other-body", JA: "他の地方公共団体等からの通報"},
	SourceAudit:          {EN: "audit", JA: "システム監査等", Aliases: []string{"system-audit"}},
	SourceVendor:         {EN: "vendor", JA: "ベンダー等の公表", Aliases: []string{"vendor-advisory"}},
})

// AllSources returns every valid Source in ascending order, in a fresh slice.
func AllSources() []Source { return sourceTable.Values() }

// ParseSource returns the Source named by s: its English name or Japanese label.
func ParseSource(s string) (Source, error) { return sourceTable.Parse(s) }

// IsValid reports whether s is a defined source (not zero, not out of range).
func (s Source) IsValid() bool { return sourceTable.Valid(s) }

// String returns the English name, e.g. "national-center".
func (s Source) String() string { return sourceTable.String(s) }

// Label returns the Japanese phrase.
func (s Source) Label() string { return sourceTable.Label(s) }

// Compare orders sources by value; it suits slices.SortFunc.
func (s Source) Compare(t Source) int { return int(s) - int(t) }

// AppendText implements [encoding.TextAppender]; an invalid Source is an error.
func (s Source) AppendText(b []byte) ([]byte, error) { return sourceTable.AppendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Source) MarshalText() ([]byte, error) { return sourceTable.AppendText(nil, s) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (s *Source) UnmarshalText(text []byte) error { return sourceTable.Unmarshal(text, s) }

// An Attribute names one graded attribute of an [Event]: the fields a scheme
// may read when it assigns a level. [Event.Source] is not an Attribute: no
// level table grades on who found an event. The values past the engine's
// three (4 to 7) are the attributes a plan declares ([Spec.Attributes],
// [DeclaredAttribute]), held in [Event.Declared]; they print as
// "attribute#4" in the engine's words.
//
// The zero Attribute is unset. Attributes are comparable with ==.
type Attribute uint8

// Graded attributes, in the order of the Event fields.
const (
	AttrPlace    Attribute = 1 + iota // [Event.Place]
	AttrFirewall                      // [Event.Firewall]
	AttrSeverity                      // [Event.Severity]
)

var attributeTable = enum.New[Attribute]("threat", "attribute", "Attribute", council.ErrInvalid, []enum.Name{
	AttrPlace:    {EN: "place", JA: "場所"},
	AttrFirewall: {EN: "firewall", JA: "ファイアウォール"},
	AttrSeverity: {EN: "severity", JA: "重大性"},
}).Open(int(AttrSeverity) + MaxDeclared)

// AllAttributes returns every valid Attribute in ascending order, in a fresh slice.
func AllAttributes() []Attribute { return attributeTable.Values() }

// ParseAttribute returns the Attribute named by s.
func ParseAttribute(s string) (Attribute, error) { return attributeTable.Parse(s) }

// IsValid reports whether a is a defined attribute.
func (a Attribute) IsValid() bool { return attributeTable.Valid(a) }

// String returns the English name, which is also the key in an Event's text form.
func (a Attribute) String() string { return attributeTable.String(a) }

// Label returns the Japanese term.
func (a Attribute) Label() string { return attributeTable.Label(a) }

// Compare orders attributes by value.
func (a Attribute) Compare(b Attribute) int { return int(a) - int(b) }

// AppendText implements [encoding.TextAppender]; an invalid Attribute is an error.
func (a Attribute) AppendText(b []byte) ([]byte, error) { return attributeTable.AppendText(b, a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Attribute) MarshalText() ([]byte, error) { return attributeTable.AppendText(nil, a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Attribute) UnmarshalText(text []byte) error { return attributeTable.Unmarshal(text, a) }

// Attributes is a set of attributes as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Attributes is empty.
type Attributes uint8

// AttributesOf returns the set holding as; invalid attributes are left out.
func AttributesOf(as ...Attribute) Attributes {
	var s Attributes
	for _, a := range as {
		s = s.With(a)
	}
	return s
}

// Has reports whether a is in the set.
func (s Attributes) Has(a Attribute) bool { return a.IsValid() && uint64(s)&enum.Bit(a) != 0 }

// With returns the set with a added; an invalid a leaves it unchanged.
func (s Attributes) With(a Attribute) Attributes {
	if !a.IsValid() {
		return s
	}
	return s | Attributes(enum.Bit(a))
}

// Len is the number of attributes in the set.
func (s Attributes) Len() int { return enum.Count(uint64(s)) }

// All yields the attributes in ascending order.
func (s Attributes) All() iter.Seq[Attribute] { return enum.Members[Attribute](uint64(s)) }

// String lists the attributes' English names, e.g. "{place firewall}".
func (s Attributes) String() string { return enum.FormatSet[Attribute](uint64(s)) }

// An Event is a typed observation of what happened: its [ActKind], the graded
// attributes the level tables distinguish, and who found it. An attribute left
// zero is unknown: [Grade] refuses to guess it when the scheme reads it, and
// [Provisional] grades over every value it could take. Attributes a scheme
// does not read for the kind are ignored by it.
//
// The zero Event is not valid (it has no Kind). Events are comparable with ==;
// their JSON form is an object with the English names
// ({"kind":"intrusion","place":"protected"}), unknown attributes omitted.
type Event struct {
	Kind     ActKind     `json:"kind"`
	Place    Place       `json:"place,omitzero"`    // what the entered place holds (Intrusion)
	Firewall Firewall    `json:"firewall,omitzero"` // whether the access passed the firewall (UnauthorizedAccess)
	Severity Seriousness `json:"severity,omitzero"` // whether the vulnerability is serious (Vulnerability)
	Source   Source      `json:"source,omitzero"`   // who found it; graded by no reference scheme
	// Declared holds the values of the attributes a plan declares, by
	// declaration order ([DeclaredAttribute]): 1 is the first (least
	// serious) value of the attribute's list, zero unknown. Only kinds a plan
	// declares are graded on them.
	Declared Values `json:"declared,omitzero"`

	// _ pads an Event to 16 bytes, aligned to 8, so that the hot path
	// ([Grade], [Decide]) writes it into a result in one 16-byte move that
	// the caller's copy of the result reads back whole: a narrower store
	// under a wider load stalls the processor's store forwarding. Blank, it
	// takes no part in ==.
	_ uint64
}

// Value returns the raw value of attribute a in e (zero when unknown or when
// a is not an attribute).
func (e Event) Value(a Attribute) uint8 {
	switch a {
	case AttrPlace:
		return uint8(e.Place)
	case AttrFirewall:
		return uint8(e.Firewall)
	case AttrSeverity:
		return uint8(e.Severity)
	}
	if i := declaredIndex(a); i >= 0 {
		return e.Declared.At(i)
	}
	return 0
}

// Known returns the set of graded attributes that e states.
func (e Event) Known() Attributes {
	var s Attributes
	if e.Place != 0 {
		s = s.With(AttrPlace)
	}
	if e.Firewall != 0 {
		s = s.With(AttrFirewall)
	}
	if e.Severity != 0 {
		s = s.With(AttrSeverity)
	}
	for i, v := range e.Declared.All() {
		if v != 0 {
			s = s.With(DeclaredAttribute(i))
		}
	}
	return s
}

// With returns e with attribute a set to the raw value v (zero makes it
// unknown again). An invalid a leaves e unchanged; v is not checked (see
// [Event.Validate]).
func (e Event) With(a Attribute, v uint8) Event {
	switch a {
	case AttrPlace:
		e.Place = Place(v)
	case AttrFirewall:
		e.Firewall = Firewall(v)
	case AttrSeverity:
		e.Severity = Seriousness(v)
	default:
		if i := declaredIndex(a); i >= 0 {
			e.Declared = e.Declared.With(i, v)
		}
	}
	return e
}

// attrLen is the number of valid values of attribute a.
func attrLen(a Attribute) int {
	switch a {
	case AttrPlace:
		return placeTable.Len()
	case AttrFirewall:
		return firewallTable.Len()
	case AttrSeverity:
		return severityTable.Len()
	}
	return 0
}

// Validate reports every problem with e: a missing or unknown kind, and any
// attribute or source that is set but names no value. Unknown (zero)
// attributes are not problems. Every error wraps council.ErrInvalid.
func (e Event) Validate() error { return e.problems("threat: event") }

// problems is Validate with the given message prefix, so that callers that
// name a scheme do not repeat the package name.
func (e Event) problems(prefix string) error {
	var errs []error
	if !e.Kind.IsValid() {
		errs = append(errs, fmt.Errorf("%s: kind %s is not a kind: %w", prefix, e.Kind, council.ErrInvalid))
	}
	if e.Place != 0 && !e.Place.IsValid() {
		errs = append(errs, fmt.Errorf("%s: unknown place %d: %w", prefix, e.Place, council.ErrInvalid))
	}
	if e.Firewall != 0 && !e.Firewall.IsValid() {
		errs = append(errs, fmt.Errorf("%s: unknown firewall outcome %d: %w", prefix, e.Firewall, council.ErrInvalid))
	}
	if e.Severity != 0 && !e.Severity.IsValid() {
		errs = append(errs, fmt.Errorf("%s: unknown severity %d: %w", prefix, e.Severity, council.ErrInvalid))
	}
	if e.Source != 0 && !e.Source.IsValid() {
		errs = append(errs, fmt.Errorf("%s: unknown source %d: %w", prefix, e.Source, council.ErrInvalid))
	}
	for i, v := range e.Declared.All() {
		if v > MaxDeclaredValues {
			errs = append(errs, fmt.Errorf("%s: %s: value %d is past the %d a declared attribute may have: %w",
				prefix, DeclaredAttribute(i), v, MaxDeclaredValues, council.ErrInvalid))
		}
	}
	return problem.Join(errs...)
}

// String returns the text form (see [Event.AppendText]), or a Go-like
// fallback for an invalid event.
func (e Event) String() string {
	b, err := e.AppendText(nil)
	if err != nil {
		return fmt.Sprintf("Event{%s %s %s %s %s %v}", e.Kind, e.Place, e.Firewall, e.Severity, e.Source, e.Declared)
	}
	return string(b)
}

// AppendText implements [encoding.TextAppender]: the kind's English name
// followed by key=value for each known attribute and the source, e.g.
// "unauthorized-access firewall=passed source=national-center". An invalid
// event is an error.
func (e Event) AppendText(b []byte) ([]byte, error) {
	if err := e.Validate(); err != nil {
		return b, err
	}
	b = append(b, e.Kind.String()...)
	if e.Place != 0 {
		b = append(append(b, " place="...), e.Place.String()...)
	}
	if e.Firewall != 0 {
		b = append(append(b, " firewall="...), e.Firewall.String()...)
	}
	if e.Severity != 0 {
		b = append(append(b, " severity="...), e.Severity.String()...)
	}
	for i, v := range e.Declared.All() {
		if v != 0 {
			b = append(append(append(b, ' '), DeclaredAttribute(i).String()...), '=')
			b = strconv.AppendUint(b, uint64(v), 10)
		}
	}
	if e.Source != 0 {
		b = append(append(b, " source="...), e.Source.String()...)
	}
	return b, nil
}

// MarshalText implements [encoding.TextMarshaler].
func (e Event) MarshalText() ([]byte, error) { return e.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEvent],
// leaving *e unchanged on error.
func (e *Event) UnmarshalText(text []byte) error {
	x, err := ParseEvent(string(text))
	if err != nil {
		return err
	}
	*e = x
	return nil
}

// ParseEvent parses the text form that [Event.AppendText] writes: a kind
// followed by space-separated key=value pairs (keys place, firewall,
// severity, source, and attribute#4 … attribute#7 with a value number; each
// at most once). Kinds and values may be given by English name or Japanese
// label; a plan's own kinds and attributes in the engine's words only
// ("kind#13"; [Spec.ParseEvent] reads the plan's words).
func ParseEvent(s string) (Event, error) { return parseEvent(s, nil) }

func parseEvent(s string, sp *Spec) (Event, error) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return Event{}, fmt.Errorf("threat: event %s: empty: %w", problem.Value(s), council.ErrInvalid)
	}
	var e Event
	var err error
	if e.Kind, err = sp.parseKind(fields[0]); err != nil {
		return Event{}, problem.Wrap("threat: event "+problem.Value(s), err)
	}
	seen := map[string]bool{}
	for _, f := range fields[1:] {
		key, val, ok := strings.Cut(f, "=")
		if !ok {
			return Event{}, fmt.Errorf("threat: event %s: %s is not key=value: %w", problem.Value(s), problem.Value(f), council.ErrInvalid)
		}
		if seen[key] {
			return Event{}, fmt.Errorf("threat: event %s: %s given twice: %w", problem.Value(s), problem.Value(key), council.ErrInvalid)
		}
		seen[key] = true
		switch key {
		case "place":
			e.Place, err = ParsePlace(val)
		case "firewall":
			e.Firewall, err = ParseFirewall(val)
		case "severity":
			e.Severity, err = ParseSeriousness(val)
		case "source":
			e.Source, err = ParseSource(val)
		default:
			err = sp.parseDeclared(&e, key, val)
		}
		if err != nil {
			return Event{}, problem.Wrap("threat: event "+problem.Value(s), err)
		}
	}
	return e, nil
}

// MarshalJSON encodes the set as a JSON array of English names, in ascending order.
func (s Attributes) MarshalJSON() ([]byte, error) {
	names := make([]string, 0, s.Len())
	for a := range s.All() {
		names = append(names, a.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON decodes a JSON array of attribute names (English or
// Japanese); an unknown name is an error naming its index.
func (s *Attributes) UnmarshalJSON(data []byte) error {
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return problem.Wrap("threat: attributes", err)
	}
	var out Attributes
	for i, n := range names {
		a, err := ParseAttribute(n)
		if err != nil {
			return problem.Wrap(fmt.Sprintf("threat: attributes[%d]", i), err)
		}
		out = out.With(a)
	}
	*s = out
	return nil
}
