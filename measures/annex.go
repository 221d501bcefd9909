package measures

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Step is one emergency measure of an annex playbook, in the annex's order.
//
// The zero Step is not a step of any playbook. Steps are not comparable with
// == (they hold [council.Citations]); compare their fields.
type Step struct {
	// Mark is the step's mark as the annex prints it: "①" … "④", or "※" for
	// the fallback of 別表1-3 and 1-4. A parenthetical request inside a step
	// ("（必要に応じ、…を要請）", 別表1-2① and 1-4②) is a step of its own that
	// carries its parent's mark and the condition [AsNeeded].
	Mark string `json:"mark"`
	// Action is what the step does.
	Action Action `json:"action"`
	// Mode is how the step involves the national center.
	Mode Mode `json:"mode"`
	// Condition is what must hold for the step to apply; zero means the step
	// is unconditional.
	Condition Condition `json:"condition,omitzero"`
	// Text is the step exactly as the annex writes it (line breaks removed).
	Text string `json:"text"`
	// Citations are the annex clauses the step rests on, e.g. tottori:別表1-1③.
	Citations council.Citations `json:"citations"`
}

// Conditional reports whether the step applies only when its Condition holds.
func (s Step) Conditional() bool { return s.Condition != 0 }

// AppliesWhen reports whether the step applies when the conditions in held
// hold: always for an unconditional step, otherwise when its condition is held.
func (s Step) AppliesWhen(held Conditions) bool {
	return s.Condition == 0 || held.Has(s.Condition)
}

// A Playbook is the emergency measures of one annex case (tottori 別表): what
// the event is, who leads, and the ordered steps with their conditions.
//
// Playbooks come from [Lookup] and [PlaybookFor]; the steps and examples are
// shared, read-only storage that no caller can change, so a Playbook is
// handed out without copying. The zero Playbook has no case and no steps.
// Playbooks are not comparable with ==; compare [Playbook.Case].
type Playbook struct {
	// Case is the annex row, e.g. [Case1_1].
	Case Case `json:"case"`
	// Lead says who leads the measures. For 別表3-1 … 4-3 the annex states it
	// in the heading of the measures; for the other rows it is read from the
	// first step (the library's reading): a notice from the national center is
	// led by the center, our own finding by us with the center's help, and the
	// audit and vendor notices of 別表2-3 and 2-4 in liaison with it.
	Lead Lead `json:"lead"`
	// Event is the annex's event column (事象) exactly as written.
	Event string `json:"event"`
	// Heading is the line the annex puts before the numbered steps
	// ("全国センターが行う、以下の措置に協力"), or "" where it has none.
	Heading string `json:"heading,omitempty"`
	// Citations are the annex rows the playbook rests on, e.g. tottori:別表1-1.
	Citations council.Citations `json:"citations"`

	examples []string // 事象例; never written after construction
	steps    []Step   // never written after construction
}

// Category returns the annex category of the playbook's case.
func (p Playbook) Category() Category { return p.Case.Category() }

// Discoverer returns who discovered the playbook's event.
func (p Playbook) Discoverer() Discoverer { return p.Case.Discoverer() }

// Observation returns what the playbook's event column says was seen.
func (p Playbook) Observation() Observation { return p.Case.Observation() }

// NumSteps is the number of steps, conditional ones included.
func (p Playbook) NumSteps() int { return len(p.steps) }

// Step returns the i'th step (from 0), or the zero Step when i is out of range.
func (p Playbook) Step(i int) Step {
	if i < 0 || i >= len(p.steps) {
		return Step{}
	}
	return p.steps[i]
}

// Steps yields every step in the annex's order, conditional ones included.
func (p Playbook) Steps() iter.Seq2[int, Step] {
	return func(yield func(int, Step) bool) {
		for i, s := range p.steps {
			if !yield(i, s) {
				return
			}
		}
	}
}

// StepList returns every step in a fresh slice the caller owns.
func (p Playbook) StepList() []Step { return slices.Clone(p.steps) }

// Applicable yields, in order, the steps that apply when the conditions in
// held hold: every unconditional step and each conditional step whose
// condition is held. With held empty, the conditional steps (such as the
// disconnection of 別表1-1③, which applies only when the pattern threatens
// identity information) are left out.
func (p Playbook) Applicable(held Conditions) iter.Seq[Step] {
	return func(yield func(Step) bool) {
		for _, s := range p.steps {
			if s.AppliesWhen(held) && !yield(s) {
				return
			}
		}
	}
}

// MarshalJSON encodes the playbook for display or storage: case, category,
// observation, discoverer and lead by English name, the event, heading and
// examples as written, the steps in order and the citations.
// [Playbook.UnmarshalJSON] reads it back.
func (p Playbook) MarshalJSON() ([]byte, error) {
	type out struct {
		Case        Case              `json:"case"`
		Category    Category          `json:"category"`
		Observation Observation       `json:"observation"`
		Discoverer  Discoverer        `json:"discoverer"`
		Lead        Lead              `json:"lead"`
		Event       string            `json:"event"`
		Heading     string            `json:"heading,omitempty"`
		Examples    []string          `json:"examples"`
		Steps       []Step            `json:"steps"`
		Citations   council.Citations `json:"citations"`
	}
	examples := p.examples
	if examples == nil {
		examples = []string{}
	}
	b, err := json.Marshal(out{p.Case, p.Category(), p.Observation(), p.Discoverer(), p.Lead,
		p.Event, p.Heading, examples, p.steps, p.Citations})
	if err != nil {
		return nil, problem.Wrap(fmt.Sprintf("measures: playbook %v", p.Case), err)
	}
	return b, nil
}

// Examples returns the annex's example column (事象例) in a fresh slice; it is
// empty for the rows that give none.
func (p Playbook) Examples() []string { return slices.Clone(p.examples) }

// Lookup returns the playbook of annex case c. It does not allocate.
func Lookup(c Case) (Playbook, error) {
	if !c.IsValid() {
		return Playbook{}, fmt.Errorf("measures: lookup of annex case %d: %w", uint8(c), ErrInvalid)
	}
	return playbooks[c-1], nil
}

// CaseFor returns the annex case for observation o discovered by d. A pair the
// annex has no row for (a security hole told by the national center, a virus
// infection found by an audit) is an error wrapping [ErrNoPlaybook].
func CaseFor(o Observation, d Discoverer) (Case, error) {
	if !o.IsValid() || !d.IsValid() {
		return 0, fmt.Errorf("measures: annex case for observation %s discovered by %s: %w", o, d, ErrInvalid)
	}
	for i, k := range caseKeys {
		if k.obs == o && k.by == d {
			return Case(i + 1), nil
		}
	}
	return 0, fmt.Errorf("measures: tottori annex has no row for %s discovered by %s: %w", o, d, ErrNoPlaybook)
}

// PlaybookFor returns the playbook for observation o discovered by d; see
// [CaseFor]. It does not allocate when a playbook exists.
func PlaybookFor(o Observation, d Discoverer) (Playbook, error) {
	c, err := CaseFor(o, d)
	if err != nil {
		return Playbook{}, err
	}
	return playbooks[c-1], nil
}

// Playbooks yields the 16 playbooks in annex order.
func Playbooks() iter.Seq[Playbook] {
	return func(yield func(Playbook) bool) {
		for _, p := range playbooks {
			if !yield(p) {
				return
			}
		}
	}
}

type stepSpec struct {
	mark string
	mode Mode
	act  Action
	cond Condition
	text string
}

type bookSpec struct {
	c         Case
	printedAt Case // the row under which the annex prints the steps, if not c
	lead      Lead
	event     string
	heading   string
	examples  []string
	steps     []stepSpec
}

const (
	headAssist   = "全国センターが行う、以下の措置に協力"
	headWithHelp = "全国センターの協力を得て、以下の措置を実施"
)

// playbooks holds the 16 playbooks, indexed by Case-1; never written after init.
var playbooks = buildPlaybooks(annexSpecs())

func buildPlaybooks(specs []bookSpec) (out [16]Playbook) {
	for _, b := range specs {
		at := b.c
		if b.printedAt != 0 {
			at = b.printedAt
		}
		row := council.Cite(council.PlanTottori, b.c.Label())
		steps := make([]Step, len(b.steps))
		for i, s := range b.steps {
			steps[i] = Step{
				Mark: s.mark, Action: s.act, Mode: s.mode, Condition: s.cond, Text: s.text,
				Citations: council.Cites(row, council.Cite(council.PlanTottori, at.Label()+s.mark)),
			}
		}
		cites := council.Cites(row)
		if at != b.c {
			cites = cites.With(council.Cite(council.PlanTottori, at.Label()))
		}
		out[b.c-1] = Playbook{
			Case: b.c, Lead: b.lead, Event: b.event, Heading: b.heading, Citations: cites,
			examples: slices.Clone(b.examples), steps: steps,
		}
	}
	return out
}

// annexSpecs transcribes tottori 別表 (緊急措置). Texts are as the annex writes
// them, with the line breaks of the source removed.
func annexSpecs() []bookSpec {
	const (
		tightenText = "操作者用ＩＣカードの管理の徹底、操作者用ＩＣカード用パスワードの変更、入退室管理の強化等を実施"
		db1         = "壊れたデータベースを格納している機器を特定し、当該機器の停止及び住基ネットからの切離し"
		db2         = "各種ログ等の解析により、データベース異常発生の原因が外部からの攻撃等によるものかどうかを調査し、攻撃方法、攻撃者等を特定"
		db3         = "データベース復旧を実施"
		out1        = "異常が生じた装置を特定し、当該装置の住基ネットからの切離し"
		out3        = "切り離された装置の住基ネットへの再組込み"
		vr1         = "ウィルスが混入したのと同じ機種全てについて、最新のパターンファイルに更新されていることを確認"
		vr2         = "ウィルス混入経路及び混入源となった機器を特定"
		vr3         = "当該機器の運用管理の強化"
		inf2        = "当該機器のネットワーク（直近のＬＡＮ、通信回線等）からの切離し及びウィルスの駆除"
		hole1       = "全国センターと連携して、迅速にセキュリティホールの補修を実施"
		hole2       = "本人確認情報への脅威が大きいセキュリティホールであった場合は、全国センターと連携して、当該機器又はネットワークを住基ネットから切離し"
	)
	holeSteps := []stepSpec{
		{"①", InLiaison, Patch, 0, hole1},
		{"②", InLiaison, Disconnect, HoleThreatLarge, hole2},
	}
	dbSteps := func(m Mode) []stepSpec {
		return []stepSpec{
			{"①", m, Disconnect, 0, db1},
			{"②", m, IdentifyAttacker, 0, db2},
			{"③", m, RestoreDatabase, 0, db3},
		}
	}
	virusSteps := func(m Mode) []stepSpec {
		return []stepSpec{
			{"①", m, CheckPatternFiles, 0, vr1},
			{"②", m, IdentifySource, 0, vr2},
			{"③", m, StrengthenManagement, 0, vr3},
		}
	}
	return []bookSpec{
		{c: Case1_1, lead: NationalCenterLeads,
			event:    "全国センターから、不正アクセスの徴候を発見した旨の通報",
			examples: []string{"ＩＤＳ及びＦＷ（全国センター管理）のログ解析で執拗な攻撃の痕跡を発見"},
			steps: []stepSpec{
				{"①", Assist, IdentifySource, 0, "全国センターが行う、不正アクセスの原因となった機器又はネットワークの推定作業に協力"},
				{"②", OnRequest, InvestigateOnSite, 0, "全国センターの要請等を踏まえ、当該機器又はネットワークについて、現地での調査を実施"},
				{"③", Assist, Disconnect, PatternThreatensIdentity, "不正アクセスのパターンが本人確認情報に対する脅威となる場合は、全国センターが行う当該機器又はネットワークの住基ネットからの切離し作業に協力"},
				{"④", InLiaison, IdentifyAttacker, 0, "全国センターと連携して、関連機器のログ解析等を実施し、不正アクセス手段、不正アクセス者等の特定及び防止策の策定"},
			}},
		{c: Case1_2, lead: WeLead,
			event:    "県において、不正アクセスの徴候を発見",
			examples: []string{"ＦＷ又はデータベース（県の管理）のログ解析で執拗な攻撃の痕跡を発見"},
			steps: []stepSpec{
				{"①", WithHelp, IdentifySource, 0, "全国センターの協力を得て、ＦＷログ、データベースのアクセスログの詳細解析等を行い、不正アクセスの原因となった機器又はネットワークを特定"},
				{"①", Ask, RequestMonitoring, AsNeeded, "（必要に応じ、全国センターのＩＤＳの監視項目増強、ログ解析強化、全国センターサーバデータベースのアクセスログの解析等の強化等を要請）"},
				{"②", InLiaison, Disconnect, PatternThreatensIdentity, "不正アクセスのパターンが本人確認情報に対する脅威となる場合は、全国センターと連携して、当該機器又はネットワークを住基ネットから切離し"},
				{"③", InLiaison, IdentifyAttacker, 0, "全国センターと連携して、関連機器のログ解析等を実施し、不正アクセス手段、不正アクセス者等の特定及び防止策の策定"},
			}},
		{c: Case1_3, lead: NationalCenterLeads,
			event: "全国センターから、県における不審な業務パターンを発見した旨の通報",
			examples: []string{
				"ＩＤＳのログ解析で不審な業務パターンを発見",
				"全国センターデータベースのアクセスログ解析で不審な情報提供要求の発見",
			},
			steps: []stepSpec{
				{"①", Assist, IdentifySource, 0, "全国センターが行う、不審な業務が行われた団体及びその業務端末等を操作ログ解析等により特定する作業に協力"},
				{"②", OnRequest, TightenAccessControl, 0, "全国センターの要請等を踏まえ、" + tightenText},
				{"③", WithHelp, IdentifyAttacker, 0, "全国センターの協力を得て、不正操作者を特定"},
				{"※", Consult, Disconnect, QuickActionHardAndThreatLarge, "上記措置の迅速な実施が困難、かつ、本人確認情報への脅威が大きい場合は、全国センターと協議の上、当該部分の住基ネットからの切離し"},
			}},
		{c: Case1_4, lead: WeLead,
			event: "県において、サーバ、業務端末等の不審な操作を発見",
			examples: []string{
				"入退室記録、操作者用ＩＣカード管理簿等の点検による発見",
				"県サーバ、業務端末等での操作ログ解析による不審な操作の発見",
				"県サーバのデータベースのアクセスログ解析で不審な情報提供要求の発見",
			},
			steps: []stepSpec{
				{"①", Alone, TightenAccessControl, 0, tightenText},
				{"②", WithHelp, IdentifyAttacker, 0, "全国センターの協力を得て、不正操作者を特定"},
				{"②", Ask, RequestMonitoring, AsNeeded, "（必要に応じ、全国センターのＩＤＳの監視項目増強、ログ解析強化、全国センターサーバデータベースのアクセスログの解析の強化等を要請）"},
				{"※", Consult, Disconnect, QuickActionHardAndThreatLarge, "上記措置の迅速な実施が困難、かつ、本人確認情報への脅威が大きい場合は、全国センターと協議のうえ、当該部分の住基ネットからの切離し"},
			}},
		{c: Case2_1, lead: NationalCenterLeads,
			event:    "全国センターから、誤アクセスを発見した旨の通報",
			examples: []string{"ＩＤＳ及びＦＷ（全国センター管理）のログ解析で誤アクセスを発見"},
			steps: []stepSpec{
				{"①", Assist, IdentifySource, 0, "全国センターが行う、誤アクセス経路となった機器又はネットワークの推定作業に協力"},
				{"②", OnRequest, InvestigateOnSite, 0, "全国センターの要請等を踏まえ、当該機器又はネットワークについて、現地での調査を実施"},
				{"③", Assist, Disconnect, HoleThreatLarge, "誤アクセスの原因が、本人確認情報への脅威が大きいセキュリティホールであった場合は、全国センターが行う当該機器又はネットワークの住基ネットからの切離し作業に協力"},
				{"④", InLiaison, Patch, 0, "全国センターと連携し、セキュリティホールの補修を実施"},
			}},
		{c: Case2_2, lead: WeLead,
			event:    "県において、誤アクセスを発見",
			examples: []string{"ＦＷ（県の管理）のログ解析で誤アクセスを発見"},
			steps: []stepSpec{
				{"①", WithHelp, IdentifySource, 0, "全国センターの協力を得て、誤アクセス経路となった機器又はネットワークを特定"},
				{"②", InLiaison, Disconnect, HoleThreatLarge, "誤アクセスの原因が、本人確認情報への脅威が大きいセキュリティホールであった場合は、全国センターと連携して、当該機器又はネットワークを住基ネットから切離し"},
				{"③", InLiaison, Patch, 0, "全国センターと連携して、セキュリティホールの補修を実施"},
			}},
		// The annex prints one cell of measures for rows 2-3 and 2-4; reading
		// it as applying to both rows is the library's interpretation of the
		// table's layout, and 2-3's steps cite the row they are printed under.
		{c: Case2_3, printedAt: Case2_4, lead: Jointly,
			event: "システム監査等によるセキュリティホール発見の通報",
			steps: holeSteps},
		{c: Case2_4, lead: Jointly,
			event: "住基ネットで使用しているハードウェア又はソフトウェアのセキュリティに関する脆弱性情報をベンダー等が公表した旨の通報",
			steps: holeSteps},
		{c: Case3_1, lead: NationalCenterLeads, heading: headAssist,
			event: "全国センターから、出力される本人確認情報に意味をなさない乱れ、又は他人のものとの交錯がある旨の通報",
			steps: dbSteps(Assist)},
		{c: Case3_2, lead: WeLead, heading: headWithHelp,
			event: "出力される本人確認情報に意味をなさない乱れ、又は他人のものとの交錯があることを発見",
			steps: dbSteps(WithHelp)},
		{c: Case3_3, lead: NationalCenterLeads, heading: headAssist,
			event: "全国センターから、予期せぬシステムの機能停止又は電文遅延が発生した旨の通報",
			steps: []stepSpec{
				{"①", Assist, Disconnect, 0, out1},
				{"②", Assist, IdentifyAttacker, 0, "機能停止又は電文遅延の原因が外部からのＤＯＳ攻撃等によるものかどうかを調査するとともに、同様の問題が他の装置に発生する可能性についても分析し、攻撃方法、攻撃者等を特定"},
				{"③", Assist, Reintegrate, 0, out3},
			}},
		{c: Case3_4, lead: WeLead, heading: headWithHelp,
			event: "県において、予期せぬシステムの機能停止又は電文遅延が発生",
			steps: []stepSpec{
				{"①", WithHelp, Disconnect, 0, out1},
				{"②", WithHelp, IdentifyAttacker, 0, "機能停止又は電文遅延の原因が外部からのDOS攻撃等によるものかどうかを調査するとともに、同様の問題が他の装置に発生する可能性についても分析し、攻撃方法、攻撃者等を特定"},
				{"③", WithHelp, Reintegrate, 0, out3},
			}},
		{c: Case4_1, lead: NationalCenterLeads, heading: headAssist,
			event: "全国センターから、ウィルス等チェックプログラムにより、ウィルス等が検出･駆除された旨のメッセージ出力があった旨の通報",
			steps: virusSteps(Assist)},
		{c: Case4_2, lead: WeLead, heading: headWithHelp,
			event: "県において、ウィルス等チェックプログラムにより、ウィルス等が検出･駆除された旨のメッセージ出力",
			steps: virusSteps(WithHelp)},
		{c: Case4_3, lead: NationalCenterLeads, heading: headAssist,
			event: "全国センターから、ウィルス感染を発見した旨の通報",
			steps: []stepSpec{
				{"①", Assist, InvestigateInfection, 0, "ウィルス感染範囲及び症状を調査"},
				{"②", Assist, Disconnect, 0, inf2},
				{"③", Assist, ResearchRemoval, UnknownVirus, "未知のウィルスであれば、駆除方法等を調査したうえで対処"},
			}},
		{c: Case4_4, lead: WeLead,
			event: "県において、ウィルス感染を発見",
			steps: []stepSpec{
				{"①", Ask, RequestPatternFile, 0, "全国センターに対し、パターンファイルの提供を要請"},
				{"②", Alone, Disconnect, 0, inf2},
				{"③", WithHelp, ResearchRemoval, UnknownVirus, "未知のウィルスであれば、全国センターの協力を得て、駆除方法等を調査"},
			}},
	}
}
