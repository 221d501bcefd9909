package bcp

import (
	"iter"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Service is a piece of the ward's own communication infrastructure that an
// IaaS stop can take down (ICT-BCP 9(1)ウ(イ), 10-1-1(2)). Telephone and paper
// are not services here: the plans treat them as always at hand.
//
// The zero Service is unset. Values are only appended.
type Service uint8

// Services.
const (
	Groupware  Service = 1 + iota // グループウェア (新着, お知らせ, キャビネット)
	Mail                          // メール (庁内メール)
	FileServer                    // ファイルサーバ
	Internet                      // インターネット接続サービス
)

var serviceTable = enum.New[Service]("bcp", "service", "Service", ErrInvalid, []enum.Name{
	Groupware:  {EN: "groupware", JA: "グループウェア"},
	Mail:       {EN: "mail", JA: "メール"},
	FileServer: {EN: "file-server", JA: "ファイルサーバ"},
	Internet:   {EN: "internet", JA: "インターネット接続サービス"},
})

// A Pattern is one of the outage patterns a system's continuity plan is to
// prepare contact for (ICT-BCP 9(1)ウ(イ) 想定するパターン例).
//
// The zero Pattern is unset. Compare orders a, b, c. Values are only appended.
type Pattern uint8

// Patterns a, b and c.
const (
	PatternA Pattern = 1 + iota // groupware, mail, file server, internet all down
	PatternB                    // the groupware (新着) is back
	PatternC                    // all of them are back (the divisions' own systems are not)
)

var patternTable = enum.New[Pattern]("bcp", "pattern", "Pattern", ErrInvalid, []enum.Name{
	PatternA: {EN: "a", JA: "庁内の通信基盤が停止"},
	PatternB: {EN: "b", JA: "グループウェアのみ復旧"},
	PatternC: {EN: "c", JA: "庁内の通信基盤が復旧"},
})

// Services returns the services up in the pattern.
func (p Pattern) Services() Services {
	switch p {
	case PatternB:
		return ServicesOf(Groupware)
	case PatternC:
		return ServicesOf(Groupware, Mail, FileServer, Internet)
	}
	return 0
}

// A Channel is a means of contact (連絡手段).
//
// The zero Channel is unset. The engine names the channels its outage rules
// reason about; the values past them (up to 63) are a plan's own, declared in
// its [Vocabulary], printed as "channel#n" outside it.
type Channel uint8

// Channels named by 統合仮想サーバ 3(3).
const (
	WardFileServer  Channel = 1 + iota // 全庁ファイルサーバ / ファイルサーバ
	WardCabinet                        // 全庁キャビネット (the groupware's cabinet)
	PhoneAndPaper                      // 電話及び紙媒体: the last resort
	GroupwareMail                      // グループウェアメール
	GroupwareNotice                    // グループウェアの「お知らせ」
	MailingList                        // メーリングリストによる一斉通知
	Phone                              // 電話
	Email                              // メール / 電子メール
	Fax                                // FAX
)

var channelTable = enum.New[Channel]("bcp", "channel", "Channel", ErrInvalid, []enum.Name{
	WardFileServer:  {EN: "file-server", JA: "ファイルサーバ"},
	WardCabinet:     {EN: "cabinet", JA: "キャビネット"},
	PhoneAndPaper:   {EN: "phone-and-paper", JA: "電話及び紙媒体"},
	GroupwareMail:   {EN: "groupware-mail", JA: "グループウェアメール"},
	GroupwareNotice: {EN: "groupware-notice", JA: "グループウェアの掲示"},
	MailingList:     {EN: "mailing-list", JA: "メーリングリスト"},
	Phone:           {EN: "phone", JA: "電話"},
	Email:           {EN: "email", JA: "電子メール", Aliases: []string{"メール"}},
	Fax:             {EN: "fax", JA: "FAX"},
}).Open(enum.MaxValue)

// Needs returns the services the channel needs. Where the source does not say,
// the library reads: the cabinet and the notice are groupware functions,
// groupware mail needs the groupware and mail, email to outside bodies needs
// mail and the internet (10-1-1(2)イ), and phone, FAX and paper need nothing.
func (c Channel) Needs() Services {
	switch c {
	case WardFileServer:
		return ServicesOf(FileServer)
	case WardCabinet, GroupwareNotice:
		return ServicesOf(Groupware)
	case GroupwareMail:
		return ServicesOf(Groupware, Mail)
	case MailingList, Email:
		return ServicesOf(Mail)
	}
	return 0
}

// An Audience is who a message goes to, and from whom (統合仮想サーバ 3(3)).
//
// The zero Audience is unset. Values are only appended.
type Audience uint8

// Audiences of 統合仮想サーバ 3(3).
const (
	WardWide         Audience = 1 + iota // ①ア 全庁への連絡
	SystemOwners                         // ①イ システム主管課への連絡
	ToProvider                           // ①ウ 統合仮想サーバ環境提供事業者への連絡
	CrisisManagement                     // ①エ 危機管理課
	OutsideBodies                        // ①オ 東京都, NISC, 総務省 等
	ProviderBroad                        // ②ア from the provider, wide impact
	ProviderSingle                       // ②イ from the provider, one system affected
)

var audienceTable = enum.New[Audience]("bcp", "audience", "Audience", ErrInvalid, []enum.Name{
	WardWide:         {EN: "ward-wide", JA: "全庁への連絡"},
	SystemOwners:     {EN: "system-owners", JA: "システム所管課への連絡"},
	ToProvider:       {EN: "to-provider", JA: "共通基盤の提供事業者への連絡"},
	CrisisManagement: {EN: "crisis-management", JA: "危機管理部門への報告"},
	OutsideBodies:    {EN: "outside-bodies", JA: "庁外の関係機関への連絡"},
	ProviderBroad:    {EN: "provider-broad", JA: "提供事業者からの連絡（広範な影響）"},
	ProviderSingle:   {EN: "provider-single", JA: "提供事業者からの連絡（特定システムのみ）"},
})

// A Contact is the choice of channel for one audience given the services up.
//
// The zero Contact chooses nothing. Contact holds [council.Citations], so ==
// is not defined.
type Contact struct {
	Audience Audience `json:"audience,omitzero"`
	// From is who sends: the information systems division, or the provider.
	From council.Actor `json:"from,omitzero"`
	// ToRoles and ToParties are who receives.
	ToRoles   council.Roles   `json:"toRoles,omitzero"`
	ToParties council.Parties `json:"toParties,omitzero"`
	// Channel is the channel to use: the available one of highest priority.
	Channel Channel `json:"channel,omitzero"`
	// Also are channels used alongside Channel.
	Also Channels `json:"also,omitzero"`
	// Via is who passes the message on to its recipients where it does not
	// reach them directly (nakano 3(3)①ア ※2: each department's management
	// division, which passes it on inside the department); zero for none.
	Via council.Actor `json:"via,omitzero"`
	// Note says what the message is, in the plan's words (nakano's report
	// to the crisis management division: the first report may be oral or a
	// memo, ICT-BCP 7(1)). A drill shows it in place of the audience's
	// label; empty, the label.
	Note string `json:"note,omitzero"`
	// Citations are the clauses the choice rests on.
	Citations council.Citations `json:"citations,omitzero"`
}

// ContactFor returns the contact the plan chooses for audience a when the
// services in up are working: of its [ContactRule]s for a whose pattern's
// services are all up, the one whose pattern has the most (pattern a, with
// none, fits any state). False when the plan has no such rule. It does not
// allocate.
func (c *Continuity) ContactFor(a Audience, up Services) (Contact, bool) {
	if c == nil {
		return Contact{}, false
	}
	best := -1
	for i, r := range c.Contacts {
		p := r.Pattern
		if r.Contact.Audience != a || !p.IsValid() || !up.Contains(p.Services()) {
			continue
		}
		if best < 0 || p.Services().Len() > c.Contacts[best].Pattern.Services().Len() {
			best = i
		}
	}
	if best < 0 {
		return Contact{}, false
	}
	return c.Contacts[best].Contact, true
}

// AllServices returns every valid Service in ascending order, in a fresh slice.
func AllServices() []Service { return serviceTable.Values() }

// ParseService returns the Service named by s: its English name or Japanese label.
func ParseService(s string) (Service, error) { return serviceTable.Parse(s) }

// IsValid reports whether v is a defined Service (not zero, not out of range).
func (v Service) IsValid() bool { return serviceTable.Valid(v) }

// String returns the English name, e.g. "groupware".
func (v Service) String() string { return serviceTable.String(v) }

// Label returns the plans' Japanese term.
func (v Service) Label() string { return serviceTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Service) Compare(w Service) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Service is an error.
func (v Service) AppendText(b []byte) ([]byte, error) { return serviceTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Service) MarshalText() ([]byte, error) { return serviceTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Service) UnmarshalText(text []byte) error { return serviceTable.Unmarshal(text, v) }

// Services is a set of Service values as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Services is empty.
type Services uint64

// ServicesOf returns the set holding vs; invalid values are left out.
func ServicesOf(vs ...Service) Services {
	var s Services
	for _, v := range vs {
		s = s.With(v)
	}
	return s
}

// Has reports whether v is in the set.
func (s Services) Has(v Service) bool { return v.IsValid() && uint64(s)&enum.Bit(v) != 0 }

// With returns the set with v added; an invalid v leaves it unchanged.
func (s Services) With(v Service) Services {
	if !v.IsValid() {
		return s
	}
	return s | Services(enum.Bit(v))
}

// Without returns the set with v removed.
func (s Services) Without(v Service) Services { return s &^ Services(enum.Bit(v)) }

// Union returns the values in s or t.
func (s Services) Union(t Services) Services { return s | t }

// Contains reports whether every value of t is in s.
func (s Services) Contains(t Services) bool { return t&^s == 0 }

// Len is the number of values in the set.
func (s Services) Len() int { return enum.Count(uint64(s)) }

// All yields the values in ascending order.
func (s Services) All() iter.Seq[Service] { return enum.Members[Service](uint64(s)) }

// String lists the English names, e.g. "{groupware}".
func (s Services) String() string { return enum.FormatSet[Service](uint64(s)) }

// AllPatterns returns every valid Pattern in ascending order, in a fresh slice.
func AllPatterns() []Pattern { return patternTable.Values() }

// ParsePattern returns the Pattern named by s: its English name or Japanese label.
func ParsePattern(s string) (Pattern, error) { return patternTable.Parse(s) }

// IsValid reports whether v is a defined Pattern (not zero, not out of range).
func (v Pattern) IsValid() bool { return patternTable.Valid(v) }

// String returns the English name, e.g. "a".
func (v Pattern) String() string { return patternTable.String(v) }

// Label returns the plans' Japanese term.
func (v Pattern) Label() string { return patternTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Pattern) Compare(w Pattern) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Pattern is an error.
func (v Pattern) AppendText(b []byte) ([]byte, error) { return patternTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Pattern) MarshalText() ([]byte, error) { return patternTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Pattern) UnmarshalText(text []byte) error { return patternTable.Unmarshal(text, v) }

// AllChannels returns every valid Channel in ascending order, in a fresh slice.
func AllChannels() []Channel { return channelTable.Values() }

// ParseChannel returns the Channel named by s: its English name or Japanese label.
func ParseChannel(s string) (Channel, error) { return channelTable.Parse(s) }

// IsValid reports whether v is a defined Channel (not zero, not out of range).
func (v Channel) IsValid() bool { return channelTable.Valid(v) }

// String returns the English name, e.g. "phone".
func (v Channel) String() string { return channelTable.String(v) }

// Label returns the plans' Japanese term.
func (v Channel) Label() string { return channelTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Channel) Compare(w Channel) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Channel is an error.
func (v Channel) AppendText(b []byte) ([]byte, error) { return channelTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Channel) MarshalText() ([]byte, error) { return channelTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Channel) UnmarshalText(text []byte) error { return channelTable.Unmarshal(text, v) }

// Channels is a set of Channel values as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Channels is empty.
type Channels uint64

// ChannelsOf returns the set holding vs; invalid values are left out.
func ChannelsOf(vs ...Channel) Channels {
	var s Channels
	for _, v := range vs {
		s = s.With(v)
	}
	return s
}

// Has reports whether v is in the set.
func (s Channels) Has(v Channel) bool { return v.IsValid() && uint64(s)&enum.Bit(v) != 0 }

// With returns the set with v added; an invalid v leaves it unchanged.
func (s Channels) With(v Channel) Channels {
	if !v.IsValid() {
		return s
	}
	return s | Channels(enum.Bit(v))
}

// Without returns the set with v removed.
func (s Channels) Without(v Channel) Channels { return s &^ Channels(enum.Bit(v)) }

// Union returns the values in s or t.
func (s Channels) Union(t Channels) Channels { return s | t }

// Contains reports whether every value of t is in s.
func (s Channels) Contains(t Channels) bool { return t&^s == 0 }

// Len is the number of values in the set.
func (s Channels) Len() int { return enum.Count(uint64(s)) }

// All yields the values in ascending order.
func (s Channels) All() iter.Seq[Channel] { return enum.Members[Channel](uint64(s)) }

// String lists the English names, e.g. "{phone}".
func (s Channels) String() string { return enum.FormatSet[Channel](uint64(s)) }

// AllAudiences returns every valid Audience in ascending order, in a fresh slice.
func AllAudiences() []Audience { return audienceTable.Values() }

// ParseAudience returns the Audience named by s: its English name or Japanese label.
func ParseAudience(s string) (Audience, error) { return audienceTable.Parse(s) }

// IsValid reports whether v is a defined Audience (not zero, not out of range).
func (v Audience) IsValid() bool { return audienceTable.Valid(v) }

// String returns the English name, e.g. "ward-wide".
func (v Audience) String() string { return audienceTable.String(v) }

// Label returns the plans' Japanese term.
func (v Audience) Label() string { return audienceTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Audience) Compare(w Audience) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Audience is an error.
func (v Audience) AppendText(b []byte) ([]byte, error) { return audienceTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Audience) MarshalText() ([]byte, error) { return audienceTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Audience) UnmarshalText(text []byte) error { return audienceTable.Unmarshal(text, v) }
