package bcp

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/threat"
)

// An Act is what one timeline entry does: the kinds of action a plan requires
// during an emergency, from the first observation to recurrence prevention.
//
// The zero Act is unset and is not valid. Values are only appended.
type Act uint8

// Acts of a drill timeline.
const (
	ActObserve           Act = 1 + iota // an event of the scenario is observed or reported
	ActReport                           // 報告: report to someone inside or outside
	ActNotify                           // 連絡・通知: tell someone, usually outside
	ActRequest                          // 要請: ask someone to act
	ActProvisional                      // the provisional range of levels while facts are unknown
	ActGrade                            // the level (or serious judgement) is settled
	ActJudge                            // a person must judge: the table does not grade the event
	ActMeasure                          // 緊急措置: a general emergency measure or response step
	ActPlaybook                         // a step of the annex playbook (tottori 別表)
	ActConvene                          // a deliberating body is convened
	ActAgenda                           // an agenda item the body decides
	ActInvestigate                      // 原因の究明: root-cause investigation
	ActAlternative                      // 代替措置: alternative operation while down
	ActFlow                             // a step of the recovery flow (nakano 統合仮想サーバ 4)
	ActScheduledReport                  // 定時連絡
	ActProgressReport                   // 進捗連絡
	ActRecover                          // a system's place in the recovery order
	ActMaintain                         // 保守作業: repair, restore or replace
	ActIntegrityCheck                   // 整合性の確認 before resumption
	ActResume                           // 運用の再開
	ActPreventRecurrence                // 再発防止
	ActStandDown                        // 緊急時対応を解く
	ActRevoke                           // 失効: an IC card is revoked
)

var actTable = enum.New[Act]("bcp", "act", "Act", ErrInvalid,
	enum.Name{EN: "observe", JA: "発見"},
	enum.Name{EN: "report", JA: "報告"},
	enum.Name{EN: "notify", JA: "連絡"},
	enum.Name{EN: "request", JA: "要請"},
	enum.Name{EN: "provisional", JA: "暫定判定"},
	enum.Name{EN: "grade", JA: "脅威度の判定"},
	enum.Name{EN: "judge", JA: "判断"},
	enum.Name{EN: "measure", JA: "緊急措置"},
	enum.Name{EN: "playbook", JA: "事象別の緊急措置"},
	enum.Name{EN: "convene", JA: "会議の開催"},
	enum.Name{EN: "agenda", JA: "決定事項"},
	enum.Name{EN: "investigate", JA: "原因の究明"},
	enum.Name{EN: "alternative", JA: "代替措置"},
	enum.Name{EN: "flow", JA: "復旧フロー"},
	enum.Name{EN: "scheduled-report", JA: "定時連絡"},
	enum.Name{EN: "progress-report", JA: "進捗連絡"},
	enum.Name{EN: "recover", JA: "復旧"},
	enum.Name{EN: "maintain", JA: "保守作業"},
	enum.Name{EN: "integrity-check", JA: "整合性の確認"},
	enum.Name{EN: "resume", JA: "運用の再開"},
	enum.Name{EN: "prevent-recurrence", JA: "再発防止"},
	enum.Name{EN: "stand-down", JA: "緊急時対応の解除"},
	enum.Name{EN: "revoke", JA: "失効"},
)

// AllActs returns every valid Act in ascending order, in a fresh slice.
func AllActs() []Act { return actTable.Values() }

// ParseAct returns the Act named by s: its English name or Japanese label.
func ParseAct(s string) (Act, error) { return actTable.Parse(s) }

// IsValid reports whether a is a defined Act.
func (a Act) IsValid() bool { return actTable.Valid(a) }

// String returns the English name, e.g. "scheduled-report".
func (a Act) String() string { return actTable.String(a) }

// Label returns the Japanese label, e.g. "定時連絡".
func (a Act) Label() string { return actTable.Label(a) }

// Compare orders acts by value; it suits slices.SortFunc.
func (a Act) Compare(b Act) int { return int(a) - int(b) }

// AppendText implements [encoding.TextAppender]; an invalid Act is an error.
func (a Act) AppendText(b []byte) ([]byte, error) { return actTable.AppendText(b, a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Act) MarshalText() ([]byte, error) { return actTable.AppendText(nil, a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Act) UnmarshalText(text []byte) error { return actTable.Unmarshal(text, a) }

// An Entry is one action of a drill timeline: when, who, what, to whom, by
// which channel, at which grade or provisional range, and the clauses that
// require it.
//
// Event is the index of the scenario event the entry follows from (scheduled
// reports follow from the fault's detection). To is zero for an action
// without a recipient, Channel zero where the plan names none, Level zero
// unless the level is settled, Min and Max zero unless a provisional range is
// in force. Detail and DetailJA say what in English and Japanese (as the plan
// writes it, where it does). AsNeeded marks what the plan leaves to judgement
// (必要に応じ).
//
// The zero Entry is not an entry. Entries hold council.Citations, so == is
// not defined; compare with go-cmp.
type Entry struct {
	At       time.Time         `json:"at"`
	Event    int               `json:"event"`
	Actor    council.Actor     `json:"actor,omitzero"`
	Act      Act               `json:"act"`
	To       council.Actor     `json:"to,omitzero"`
	Channel  Channel           `json:"channel,omitzero"`
	Level    threat.Level      `json:"level,omitzero"`
	Min      threat.Level      `json:"min,omitzero"`
	Max      threat.Level      `json:"max,omitzero"`
	Detail   string            `json:"detail,omitempty"`
	DetailJA string            `json:"detailJA,omitempty"`
	AsNeeded bool              `json:"asNeeded,omitempty"`
	Cites    council.Citations `json:"cites"`
}

// A Timeline is the outcome of a drill: every action the plan requires, in
// time order (entries at one instant in the order the plan takes them).
//
// The zero Timeline is empty. It holds a slice, so == is not defined.
type Timeline struct {
	Plan     string `json:"plan"`            // the plan ID
	Scenario string `json:"scenario"`        // the scenario ID
	Title    string `json:"title,omitempty"` // the scenario's title
	// Provenance names the exact plan the drill ran under.
	Provenance Provenance `json:"provenance"`
	// Vocabulary is the plan's own words for the values the entries hold:
	// Text and Mermaid print actors, bodies, symptoms and channels in them.
	Vocabulary Vocabulary `json:"vocabulary,omitzero"`
	Entries    []Entry    `json:"entries"` // sorted by At; ties keep the plan's order
	// Readings are the plan's values that its document does not give, each
	// marked as the library's reading with its reason ([Plan.Readings]):
	// the drill ran on them, and Text lists them after the entries.
	Readings []Mark `json:"readings,omitempty"`
}

// Lang selects the language a timeline or diagram is rendered in.
// The zero Lang renders English. Values are only appended.
type Lang uint8

// Languages.
const (
	English  Lang = 1 + iota // English names (kebab-case), as the enums print
	Japanese                 // the plans' Japanese terms
)

var langTable = enum.New[Lang]("bcp", "language", "Lang", ErrInvalid,
	enum.Name{EN: "en", JA: "英語", Aliases: []string{"english"}},
	enum.Name{EN: "ja", JA: "日本語", Aliases: []string{"japanese"}},
)

// ParseLang returns the Lang named by s: "en" or "ja".
func ParseLang(s string) (Lang, error) { return langTable.Parse(s) }

// AllLangs returns every valid Lang in ascending order, in a fresh slice.
func AllLangs() []Lang { return langTable.Values() }

// IsValid reports whether l is a defined Lang.
func (l Lang) IsValid() bool { return langTable.Valid(l) }

// Compare orders Lang values by value; it suits slices.SortFunc.
func (l Lang) Compare(o Lang) int { return int(l) - int(o) }

// String returns "en" or "ja".
func (l Lang) String() string { return langTable.String(l) }

// Label returns the language's Japanese name, e.g. "日本語".
func (l Lang) Label() string { return langTable.Label(l) }

// AppendText implements [encoding.TextAppender]; an invalid Lang is an error.
func (l Lang) AppendText(b []byte) ([]byte, error) { return langTable.AppendText(b, l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Lang) MarshalText() ([]byte, error) { return langTable.AppendText(nil, l) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "en", "ja", "english",
// "japanese" or the Japanese names.
func (l *Lang) UnmarshalText(text []byte) error { return langTable.Unmarshal(text, l) }

func actorText(a council.Actor, l Lang, w *words) string {
	if !a.IsValid() {
		return ""
	}
	return w.any(a, l)
}

func levelText(e Entry, l Lang) string {
	switch {
	case e.Level.IsValid():
		if l == Japanese {
			return e.Level.Label()
		}
		return e.Level.String()
	case e.Min.IsValid() && e.Max.IsValid():
		if l == Japanese {
			return fmt.Sprintf("レベル%d～%d", e.Min, e.Max)
		}
		return fmt.Sprintf("level-%d..%d", e.Min, e.Max)
	}
	return ""
}

// Line renders the entry on one line in language l:
// "2026-04-01 09:05 system-administrator → national-center notify [phone]
// level-2..3: detail (tottori:第3-3(3))".
//
// Line has no vocabulary: it prints values in the engine's words.
// [Timeline.Text] prints them in the plan's.
func (e Entry) Line(l Lang) string { return e.line(l, nil) }

// Line renders entry i of the timeline as [Entry.Line] does, in the words
// of the plan's vocabulary; "" for an i out of range.
func (t Timeline) Line(i int, l Lang) string {
	if i < 0 || i >= len(t.Entries) {
		return ""
	}
	return t.Entries[i].line(l, t.Vocabulary.words())
}

func (e Entry) line(l Lang, w *words) string {
	var b strings.Builder
	b.WriteString(e.At.In(jst).Format("2006-01-02 15:04"))
	b.WriteString("  ")
	b.WriteString(actorText(e.Actor, l, w))
	if e.To.IsValid() {
		b.WriteString(" → ")
		b.WriteString(actorText(e.To, l, w))
	}
	b.WriteString("  ")
	e.writeSummary(&b, l, w)
	b.WriteString("  (" + e.Cites.String() + ")")
	return b.String()
}

// writeSummary writes what the entry does, as the text and the sequence
// diagram both show it: the act, the channel, the level or range, the detail,
// and whether it is due only as needed.
func (e Entry) writeSummary(b *strings.Builder, l Lang, w *words) {
	if l == Japanese {
		b.WriteString(e.Act.Label())
	} else {
		b.WriteString(e.Act.String())
	}
	if e.Channel.IsValid() {
		b.WriteString(" [" + w.any(e.Channel, l) + "]")
	}
	if lv := levelText(e, l); lv != "" {
		b.WriteString(" <" + lv + ">")
	}
	if d := e.detail(l); d != "" {
		b.WriteString(": " + d)
	}
	if e.AsNeeded {
		if l == Japanese {
			b.WriteString("（必要に応じ）")
		} else {
			b.WriteString(" (as needed)")
		}
	}
}

func (e Entry) detail(l Lang) string {
	if l == Japanese && e.DetailJA != "" {
		return e.DetailJA
	}
	return e.Detail
}

// Text renders the timeline in language l: a heading line, then one line per
// entry (see [Entry.Line]), in the words of the plan's vocabulary. It is
// deterministic.
func (t Timeline) Text(l Lang) string {
	w := t.Vocabulary.words()
	var b strings.Builder
	if l == Japanese {
		fmt.Fprintf(&b, "# 訓練 %s（計画 %s）", t.Scenario, t.Provenance)
	} else {
		fmt.Fprintf(&b, "# drill %s (plan %s)", t.Scenario, t.Provenance)
	}
	if t.Title != "" {
		b.WriteString(": " + t.Title)
	}
	b.WriteByte('\n')
	for _, e := range t.Entries {
		b.WriteString(e.line(l, w))
		b.WriteByte('\n')
	}
	for i, m := range t.Readings {
		if i == 0 && l == Japanese {
			b.WriteString("# 本ライブラリの解釈（文書が定めていない値）\n")
		} else if i == 0 {
			b.WriteString("# the library's readings (values the document does not give)\n")
		}
		b.WriteString("- " + m.Path + ": " + m.Reason + "\n")
	}
	return b.String()
}

// MarshalJSON implements [json.Marshaler]: an object with "at" (RFC 3339,
// Japan time), "event", "actor", "act", and "to", "channel", "level", "min",
// "max", "detail", "detailJA", "asNeeded" when set, and "cites".
func (e Entry) MarshalJSON() ([]byte, error) {
	type plain Entry
	p := plain(e)
	if !p.At.IsZero() {
		p.At = p.At.In(jst)
	}
	return json.Marshal(p)
}

// UnmarshalJSON implements [json.Unmarshaler], reading what
// [Entry.MarshalJSON] writes.
func (e *Entry) UnmarshalJSON(data []byte) error {
	type plain Entry
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("bcp: timeline entry: %w", err)
	}
	*e = Entry(p)
	return nil
}

// MarshalJSON implements [json.Marshaler]: an object with "plan",
// "scenario", "title", "provenance", "vocabulary" and "entries" (an empty
// timeline has "entries": []). Entries name actors and channels as the
// plan file does: by their terms' IDs in the vocabulary, so that a plan's
// own values ("role#24" outside it) join its terms.
func (t Timeline) MarshalJSON() ([]byte, error) {
	w := t.Vocabulary.words()
	p := timelineJSON{Plan: t.Plan, Scenario: t.Scenario, Title: t.Title, Provenance: t.Provenance,
		Vocabulary: t.Vocabulary, Entries: make([]entryJSON, len(t.Entries)), Readings: t.Readings}
	for i, e := range t.Entries {
		x, err := e.toJSON(w)
		if err != nil {
			return nil, fmt.Errorf("bcp: timeline: entry %d: %w", i, err)
		}
		p.Entries[i] = x
	}
	return json.Marshal(p)
}

// UnmarshalJSON implements [json.Unmarshaler], reading what
// [Timeline.MarshalJSON] writes ("entries": [] gives no entries).
func (t *Timeline) UnmarshalJSON(data []byte) error {
	var p timelineJSON
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("bcp: timeline: %w", err)
	}
	w := p.Vocabulary.words()
	out := Timeline{Plan: p.Plan, Scenario: p.Scenario, Title: p.Title, Provenance: p.Provenance, Vocabulary: p.Vocabulary, Readings: p.Readings}
	if len(p.Entries) > 0 {
		out.Entries = make([]Entry, len(p.Entries))
	}
	for i, x := range p.Entries {
		e, err := x.entry(w)
		if err != nil {
			return fmt.Errorf("bcp: timeline: entry %d: %w", i, err)
		}
		out.Entries[i] = e
	}
	*t = out
	return nil
}

type timelineJSON struct {
	Plan       string      `json:"plan"`
	Scenario   string      `json:"scenario"`
	Title      string      `json:"title,omitempty"`
	Provenance Provenance  `json:"provenance"`
	Vocabulary Vocabulary  `json:"vocabulary,omitzero"`
	Entries    []entryJSON `json:"entries"`
	Readings   []Mark      `json:"readings,omitempty"`
}

// entryJSON is an Entry as a timeline writes it: actors and channel by the
// plan file's names.
type entryJSON struct {
	At       time.Time         `json:"at"`
	Event    int               `json:"event"`
	Actor    string            `json:"actor,omitempty"`
	Act      Act               `json:"act"`
	To       string            `json:"to,omitempty"`
	Channel  string            `json:"channel,omitempty"`
	Level    threat.Level      `json:"level,omitzero"`
	Min      threat.Level      `json:"min,omitzero"`
	Max      threat.Level      `json:"max,omitzero"`
	Detail   string            `json:"detail,omitempty"`
	DetailJA string            `json:"detailJA,omitempty"`
	AsNeeded bool              `json:"asNeeded,omitempty"`
	Cites    council.Citations `json:"cites"`
}

func (e Entry) toJSON(w *words) (entryJSON, error) {
	x := entryJSON{At: e.At, Event: e.Event, Act: e.Act, Level: e.Level, Min: e.Min, Max: e.Max,
		Detail: e.Detail, DetailJA: e.DetailJA, AsNeeded: e.AsNeeded, Cites: e.Cites}
	if !x.At.IsZero() {
		x.At = x.At.In(jst)
	}
	for _, f := range []struct {
		a   council.Actor
		dst *string
	}{{e.Actor, &x.Actor}, {e.To, &x.To}} {
		if f.a == (council.Actor{}) {
			continue
		}
		if !f.a.IsValid() {
			return x, fmt.Errorf("actor %s: %w", f.a, ErrInvalid)
		}
		*f.dst = w.name(f.a)
	}
	if e.Channel != 0 {
		if !e.Channel.IsValid() {
			return x, fmt.Errorf("channel %s: %w", e.Channel, ErrInvalid)
		}
		x.Channel = w.name(e.Channel)
	}
	return x, nil
}

func (x entryJSON) entry(w *words) (Entry, error) {
	e := Entry{At: x.At, Event: x.Event, Act: x.Act, Level: x.Level, Min: x.Min, Max: x.Max,
		Detail: x.Detail, DetailJA: x.DetailJA, AsNeeded: x.AsNeeded, Cites: x.Cites}
	for _, f := range []struct {
		s   string
		dst *council.Actor
	}{{x.Actor, &e.Actor}, {x.To, &e.To}} {
		switch {
		case f.s == "":
		default:
			if v, ok := w.lookup(wPosition, f.s); ok {
				*f.dst = council.ByRole(council.Role(v))
			} else if v, ok := w.lookup(wParty, f.s); ok {
				*f.dst = council.ByParty(council.Party(v))
			} else if err := f.dst.UnmarshalText([]byte(f.s)); err != nil {
				return e, err
			}
		}
	}
	if x.Channel != "" {
		if v, ok := w.lookup(wChannel, x.Channel); ok {
			e.Channel = Channel(v)
		} else if err := e.Channel.UnmarshalText([]byte(x.Channel)); err != nil {
			return e, err
		}
	}
	return e, nil
}
