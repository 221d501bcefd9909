package render

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/internal/duration"
)

// The CSV forms are what Excel opens as it is: UTF-8 behind a byte order
// mark (without it Excel reads Japanese as the locale's code page), CRLF
// line ends, one header row in the chosen language, one row per entry,
// and the clauses in a column of their own.

// bom is the UTF-8 byte order mark every CSV form starts with.
const bom = "\uFEFF"

// table writes a header and rows as CSV. Writing to memory cannot fail.
func table(header []string, rows [][]string) []byte {
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write(header)
	_ = w.WriteAll(rows) // flushes
	return buf.Bytes()
}

func header(l bcp.Lang, en, ja []string) []string {
	if l == bcp.Japanese {
		return ja
	}
	return en
}

func yes(b bool, l bcp.Lang) string {
	if !b {
		return ""
	}
	return pick(l, "yes", "○")
}

// TimelineCSV renders the drill timeline t as CSV in language l: one row per
// entry, numbered from 1 in timeline order, with its time (Japan time),
// actor and recipient in the plan's words, act, channel, level or
// provisional range, detail, whether the plan leaves it to judgement, and
// its clauses.
func TimelineCSV(t drill.Timeline, l bcp.Lang) []byte {
	rows := make([][]string, len(t.Entries))
	w := wordsOf(t, l)
	for i, e := range t.Entries {
		ch := ""
		if e.Channel.IsValid() {
			ch = w.label(e.Channel)
		}
		rows[i] = []string{
			strconv.Itoa(i + 1), when(e.At), w.actor(e.Actor),
			pick(l, e.Act.String(), e.Act.Label()), w.actor(e.To), ch,
			w.level(e), w.detail(e), yes(e.AsNeeded, l), e.Cites.String(),
		}
	}
	return table(header(l,
		[]string{"no", "time", "actor", "act", "to", "channel", "level", "detail", "as needed", "clauses"},
		[]string{"番号", "日時", "実施者", "行為", "相手", "連絡手段", "レベル", "内容", "必要に応じ", "根拠条項"}), rows)
}

// FindingsCSV renders the findings of a check of file as CSV in language
// l: one row per finding with its severity, code, file, line and column
// (empty when the finding has none), JSON path, message and clause.
func FindingsCSV(file string, fs []bcp.Finding, l bcp.Lang) []byte {
	rows := make([][]string, len(fs))
	for i, f := range fs {
		line, col := "", ""
		if f.Line > 0 {
			line, col = strconv.Itoa(f.Line), strconv.Itoa(f.Column)
		}
		msg := f.Message
		if l == bcp.Japanese && f.MessageJA != "" {
			msg = f.MessageJA
		}
		cite := ""
		if f.Cite.IsValid() {
			cite = f.Cite.String()
		}
		rows[i] = []string{
			pick(l, f.Severity.String(), f.Severity.Label()), f.Code.String(),
			pick(l, "", f.Code.Label()), file, line, col, f.Path, msg, cite,
		}
	}
	return table(header(l,
		[]string{"severity", "code", "file", "line", "column", "path", "message", "clause"},
		[]string{"重大度", "コード", "コードの意味", "ファイル", "行", "列", "パス", "メッセージ", "根拠条項"}), dropEmpty(l, rows))
}

// dropEmpty removes the code-label column, which only Japanese has.
func dropEmpty(l bcp.Lang, rows [][]string) [][]string {
	if l == bcp.Japanese {
		return rows
	}
	for i, r := range rows {
		rows[i] = append(r[:2:2], r[3:]...)
	}
	return rows
}

// DiffCSV renders the differences of d (in order) as CSV in language l:
// one row per difference with its aspect, key, the key's label in each
// plan's words, and each plan's value and clauses, plan A's columns first
// (a value that is the library's reading with its reason in Japanese:
// [bcp.Difference.Side]). Each plan's values stay its own: nothing is
// merged.
func DiffCSV(d bcp.Diff, diffs []bcp.Difference, l bcp.Lang) []byte {
	rows := make([][]string, len(diffs))
	for i, x := range diffs {
		rows[i] = []string{
			pick(l, x.Aspect.String(), x.Aspect.Label()), x.Key, x.LabelA, x.LabelB,
			x.Side(false, l), x.CitesA.String(), x.Side(true, l), x.CitesB.String(),
		}
	}
	a, b := d.A, d.B
	return table(header(l,
		[]string{"aspect", "key", a + " label", b + " label", a, a + " clauses", b, b + " clauses"},
		[]string{"観点", "項目", a + " の呼称", b + " の呼称", a, a + " 根拠条項", b, b + " 根拠条項"}), rows)
}

// OrderCSV renders a recovery order as CSV in language l: one row per
// position with its rank, system ID, name, owner, kind, own and effective
// impact scales, target recovery time (as plans write it) and whose it is,
// the dependent it took its urgency from, its reasons and its clauses.
func OrderCSV(ps []bcp.Position, l bcp.Lang) []byte {
	rows := make([][]string, len(ps))
	for i, p := range ps {
		target := ""
		if p.Target > 0 {
			target = duration.Format(p.Target)
		}
		rows[i] = []string{
			strconv.Itoa(p.Rank), p.ID, p.Name, p.Owner, enumText(p.Kind, l),
			enumText(p.Scale, l), enumText(p.Effective, l), target, p.TargetFrom, p.RaisedBy,
			reasonsText(p.Reasons, l), p.Citations.String(),
		}
	}
	return table(header(l,
		[]string{"rank", "system", "name", "owner", "kind", "scale", "effective scale", "target", "target of", "raised by", "reasons", "clauses"},
		[]string{"順位", "システム", "名称", "所管", "種別", "影響度", "適用した影響度", "目標復旧時間", "目標の由来", "引き上げ元", "理由", "根拠条項"}), rows)
}

// labeled is an enum with an English name and a Japanese label.
type labeled interface {
	IsValid() bool
	String() string
	Label() string
}

// enumText is v in l; "" when unset.
func enumText(v labeled, l bcp.Lang) string {
	if !v.IsValid() {
		return ""
	}
	return pick(l, v.String(), v.Label())
}

// reasonsText lists the reasons in l, "; " or "、" between them.
func reasonsText(rs bcp.Reasons, l bcp.Lang) string {
	var b bytes.Buffer
	for r := range rs.All() {
		if b.Len() > 0 {
			b.WriteString(pick(l, "; ", "、"))
		}
		b.WriteString(enumText(r, l))
	}
	return b.String()
}
