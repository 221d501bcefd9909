package drill

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
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

var actTable = enum.New[Act]("drill", "act", "Act", bcp.ErrInvalid, []enum.Name{
	ActObserve:           {EN: "observe", JA: "発見"},
	ActReport:            {EN: "report", JA: "報告"},
	ActNotify:            {EN: "notify", JA: "連絡"},
	ActRequest:           {EN: "request", JA: "要請"},
	ActProvisional:       {EN: "provisional", JA: "暫定判定"},
	ActGrade:             {EN: "grade", JA: "脅威度の判定"},
	ActJudge:             {EN: "judge", JA: "判断"},
	ActMeasure:           {EN: "measure", JA: "緊急措置"},
	ActPlaybook:          {EN: "playbook", JA: "事象別の緊急措置"},
	ActConvene:           {EN: "convene", JA: "会議の開催"},
	ActAgenda:            {EN: "agenda", JA: "決定事項"},
	ActInvestigate:       {EN: "investigate", JA: "原因の究明"},
	ActAlternative:       {EN: "alternative", JA: "代替措置"},
	ActFlow:              {EN: "flow", JA: "復旧フロー"},
	ActScheduledReport:   {EN: "scheduled-report", JA: "定時連絡"},
	ActProgressReport:    {EN: "progress-report", JA: "進捗連絡"},
	ActRecover:           {EN: "recover", JA: "復旧"},
	ActMaintain:          {EN: "maintain", JA: "保守作業"},
	ActIntegrityCheck:    {EN: "integrity-check", JA: "整合性の確認"},
	ActResume:            {EN: "resume", JA: "運用の再開"},
	ActPreventRecurrence: {EN: "prevent-recurrence", JA: "再発防止"},
	ActStandDown:         {EN: "stand-down", JA: "緊急時対応の解除"},
	ActRevoke:            {EN: "revoke", JA: "失効"},
})

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
// in force. What says what the entry states, as data (package
// [github.com/jukiplan/jukiplan/bcp/render] words it). AsNeeded marks what
// the plan leaves to judgement (必要に応じ).
//
// The zero Entry is not an entry. Entries hold council.Citations, so == is
// not defined; compare with go-cmp.
type Entry struct {
	At      time.Time     `json:"at"`
	Event   int           `json:"event"`
	Actor   council.Actor `json:"actor,omitzero"`
	Act     Act           `json:"act"`
	To      council.Actor `json:"to,omitzero"`
	Channel bcp.Channel   `json:"channel,omitzero"`
	Level   threat.Level  `json:"level,omitzero"`
	Min     threat.Level  `json:"min,omitzero"`
	Max     threat.Level  `json:"max,omitzero"`
	// What says what the entry states.
	What     What              `json:"what"`
	AsNeeded bool              `json:"asNeeded,omitempty"`
	Cites    council.Citations `json:"cites"`
}

// What is what a timeline entry states, as data: About says which, and
// which of the other fields hold it (the others are zero). Note is the
// plan's own words where it gives them (a response step's, a contact's, a
// recovery step's); a renderer shows it in Japanese in place of the
// engine's label.
//
// The zero What states nothing. It holds slices, so == is not defined.
type What struct {
	About       About                     `json:"about"`
	Step        threat.Task               `json:"step,omitzero"`        // AboutThreatStep
	Ask         threat.Task               `json:"ask,omitzero"`         // AboutThreatNotice: what the recipient is asked to do
	Unknown     threat.Attributes         `json:"unknown,omitzero"`     // AboutProvisional
	Example     string                    `json:"example,omitempty"`    // AboutGrade: the plan's example of the level
	Judgement   Judgement                 `json:"judgement,omitzero"`   // AboutGrade, when a person judged
	Reason      string                    `json:"reason,omitempty"`     // AboutGrade, with Judgement
	Playbook    PlaybookStep              `json:"playbook,omitzero"`    // AboutPlaybookStep
	Body        council.Body              `json:"body,omitzero"`        // AboutCouncilRequest, AboutConvening, AboutFlowStep
	On          council.Trigger           `json:"on,omitzero"`          // AboutConvening: the deciding trigger
	Substitute  council.Body              `json:"substitute,omitzero"`  // AboutConvening: the body that may stand in
	Chair       council.Role              `json:"chair,omitzero"`       // AboutConvening
	Item        string                    `json:"item,omitempty"`       // AboutAgendaItem: the item's key
	Title       string                    `json:"title,omitempty"`      // AboutAgendaItem: the matter as the plan writes it
	TitleEN     string                    `json:"titleEn,omitempty"`    // AboutAgendaItem: the matter in English, when the plan gives it
	Examples    []string                  `json:"examples,omitempty"`   // AboutAgendaItem
	Trigger     fault.Signal              `json:"trigger,omitzero"`     // AboutDetection
	Symptom     fault.Symptom             `json:"symptom,omitzero"`     // AboutClassification
	Kind        fault.Kind                `json:"kind,omitzero"`        // AboutClassification
	Checks      []fault.Probe             `json:"checks,omitempty"`     // AboutChecks
	Notice      fault.Task                `json:"notice,omitzero"`      // AboutFaultNotice
	Alternative fault.Alternative         `json:"alternative,omitzero"` // AboutAlternative
	Measures    []measures.Countermeasure `json:"measures,omitempty"`   // AboutCountermeasures
	Flow        bcp.FlowStep              `json:"flow,omitzero"`        // AboutFlowStep
	Audience    bcp.Audience              `json:"audience,omitzero"`    // AboutContact
	Also        bcp.Channels              `json:"also,omitzero"`        // AboutContact: channels used alongside
	Via         council.Actor             `json:"via,omitzero"`         // AboutContact: who passes the message on
	Position    *bcp.Position             `json:"position,omitempty"`   // AboutRecoveryOrder
	Fields      bcp.Fields                `json:"fields,omitzero"`      // AboutProgressReport, AboutScheduledReport
	Known       bool                      `json:"known,omitempty"`      // AboutScheduledReport: the expected recovery is known
	Note        string                    `json:"note,omitempty"`       // the plan's own words
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
	Provenance bcp.Provenance `json:"provenance"`
	// Vocabulary is the plan's own words for the values the entries hold:
	// Text and Mermaid print actors, bodies, symptoms and channels in them.
	Vocabulary bcp.Vocabulary `json:"vocabulary,omitzero"`
	// Kinds and Attributes are the threat kinds and graded attributes the
	// plan declares ([threat.Spec.Kinds], [threat.Spec.Attributes]), each
	// with its labels and its values' labels in Japanese and English: the
	// events and entries hold them in the engine's form (a kind past the
	// engine's, [threat.DeclaredAttribute]), and render words them in these
	// labels, as it words the rest in Vocabulary's. Nil when the plan
	// declares none.
	Kinds      []threat.KindTerm      `json:"kinds,omitempty"`
	Attributes []threat.AttributeTerm `json:"attributes,omitempty"`
	// Events are the scenario's events, which the entries about an
	// observation (AboutEvent) name by index.
	Events  []Event `json:"events,omitempty"`
	Entries []Entry `json:"entries"` // sorted by At; ties keep the plan's order
	// Readings are the plan's values that its document does not give, each
	// marked as the library's reading with its reason ([bcp.Plan.Readings]):
	// the drill ran on them, and the text rendering lists them after the
	// entries.
	Readings []bcp.Mark `json:"readings,omitempty"`
}

// MarshalJSON implements [json.Marshaler]: an object with "at" (RFC 3339,
// Japan time), "event", "actor", "act", and "to", "channel", "level", "min",
// "max" when set, "what" (see [What]),
// "asNeeded" when set, and "cites".
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
		return fmt.Errorf("drill: timeline entry: %w", err)
	}
	*e = Entry(p)
	return nil
}

// MarshalJSON implements [json.Marshaler]: an object with "plan",
// "scenario", "title", "provenance", "vocabulary", "kinds" and
// "attributes" (when the plan declares any), "events" (as a scenario file
// for the plan writes them, [MarshalScenario]) and "entries" (an empty
// timeline has "entries": []). Entries name actors and channels as the
// plan file does: by their terms' IDs in the vocabulary, so that a plan's
// own values ("role#24" outside it) join its terms.
func (t Timeline) MarshalJSON() ([]byte, error) {
	w := t.Vocabulary.Dictionary()
	p := timelineJSON{Plan: t.Plan, Scenario: t.Scenario, Title: t.Title, Provenance: t.Provenance,
		Vocabulary: t.Vocabulary, Kinds: t.Kinds, Attributes: t.Attributes,
		Entries: make([]entryJSON, len(t.Entries)), Readings: t.Readings}
	sp := t.declarations()
	for i, e := range t.Events {
		b, err := e.marshal(&w, sp)
		if err != nil {
			return nil, fmt.Errorf("drill: timeline: event %d: %w", i, err)
		}
		p.Events = append(p.Events, b)
	}
	for i, e := range t.Entries {
		x, err := e.toJSON(w, sp)
		if err != nil {
			return nil, fmt.Errorf("drill: timeline: entry %d: %w", i, err)
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
		return fmt.Errorf("drill: timeline: %w", err)
	}
	w := p.Vocabulary.Dictionary()
	out := Timeline{Plan: p.Plan, Scenario: p.Scenario, Title: p.Title, Provenance: p.Provenance, Vocabulary: p.Vocabulary,
		Kinds: p.Kinds, Attributes: p.Attributes, Readings: p.Readings}
	sp := out.declarations()
	if len(p.Events) > 0 {
		out.Events = make([]Event, len(p.Events))
	}
	for i, b := range p.Events {
		if err := decodePart(b, &out.Events[i], &w, sp, (*scenarioDecoder).event, jsonfile.Key("events"), jsonfile.Index(i)); err != nil {
			return fmt.Errorf("drill: timeline: %w", err)
		}
	}
	if len(p.Entries) > 0 {
		out.Entries = make([]Entry, len(p.Entries))
	}
	for i, x := range p.Entries {
		e, err := x.entry(w, sp)
		if err != nil {
			return fmt.Errorf("drill: timeline: entry %d: %w", i, err)
		}
		out.Entries[i] = e
	}
	*t = out
	return nil
}

// declarations returns a threat spec holding the kinds and attributes t's
// plan declares, in whose words its events are written and read; nil when
// it declares none.
func (t Timeline) declarations() *threat.Spec {
	if len(t.Kinds)+len(t.Attributes) == 0 {
		return nil
	}
	return &threat.Spec{Plan: t.Plan, Kinds: t.Kinds, Attributes: t.Attributes}
}

type timelineJSON struct {
	Plan       string                 `json:"plan"`
	Scenario   string                 `json:"scenario"`
	Title      string                 `json:"title,omitempty"`
	Provenance bcp.Provenance         `json:"provenance"`
	Vocabulary bcp.Vocabulary         `json:"vocabulary,omitzero"`
	Kinds      []threat.KindTerm      `json:"kinds,omitempty"`
	Attributes []threat.AttributeTerm `json:"attributes,omitempty"`
	Events     []json.RawMessage      `json:"events,omitempty"`
	Entries    []entryJSON            `json:"entries"`
	Readings   []bcp.Mark             `json:"readings,omitempty"`
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
	What     whatJSON          `json:"what"`
	AsNeeded bool              `json:"asNeeded,omitempty"`
	Cites    council.Citations `json:"cites"`
}

// whatJSON is a What as a timeline writes it: the attributes not yet known
// by the plan's IDs where the plan declares them (an engine attribute by
// its English name), as its scenario files name them.
type whatJSON struct {
	What
	Unknown []string `json:"unknown,omitempty"`
}

func (e Entry) toJSON(w bcp.Dictionary, sp *threat.Spec) (entryJSON, error) {
	x := entryJSON{At: e.At, Event: e.Event, Act: e.Act, Level: e.Level, Min: e.Min, Max: e.Max,
		What: whatJSON{What: e.What}, AsNeeded: e.AsNeeded, Cites: e.Cites}
	x.What.What.Unknown = 0
	for a := range e.What.Unknown.All() {
		name := a.String()
		if at := declaredAttribute(sp, int(a)-int(threat.DeclaredAttribute(0))); a.IsDeclared() && at != nil {
			name = at.ID
		}
		x.What.Unknown = append(x.What.Unknown, name)
	}
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
			return x, fmt.Errorf("actor %s: %w", f.a, bcp.ErrInvalid)
		}
		*f.dst = w.Name(f.a)
	}
	if e.Channel != 0 {
		if !e.Channel.IsValid() {
			return x, fmt.Errorf("channel %s: %w", e.Channel, bcp.ErrInvalid)
		}
		x.Channel = w.Name(e.Channel)
	}
	return x, nil
}

func (x entryJSON) entry(w bcp.Dictionary, sp *threat.Spec) (Entry, error) {
	e := Entry{At: x.At, Event: x.Event, Act: x.Act, Level: x.Level, Min: x.Min, Max: x.Max,
		What: x.What.What, AsNeeded: x.AsNeeded, Cites: x.Cites}
	for i, name := range x.What.Unknown {
		a, err := threat.ParseAttribute(name)
		if err != nil && sp != nil {
			for j := range min(len(sp.Attributes), threat.MaxDeclared) {
				if t := &sp.Attributes[j]; t.ID == name || t.Label == name {
					a, err = threat.DeclaredAttribute(j), nil
					break
				}
			}
		}
		if err != nil {
			return e, fmt.Errorf("what: unknown[%d]: %w", i, err)
		}
		e.What.Unknown = e.What.Unknown.With(a)
	}
	for _, f := range []struct {
		s   string
		dst *council.Actor
	}{{x.Actor, &e.Actor}, {x.To, &e.To}} {
		switch {
		case f.s == "":
		default:
			if v, ok := w.Actor(f.s); ok {
				*f.dst = v
			} else if err := f.dst.UnmarshalText([]byte(f.s)); err != nil {
				return e, err
			}
		}
	}
	if x.Channel != "" {
		if v, ok := w.Channel(x.Channel); ok {
			e.Channel = v
		} else if err := e.Channel.UnmarshalText([]byte(x.Channel)); err != nil {
			return e, err
		}
	}
	return e, nil
}
