package bcp

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// LintOptions adjust [Lint].
type LintOptions struct {
	// As, when set, moves the plan to this plan ID ([Plan.WithID]) before
	// [Check] looks at it, as a municipality that starts from a reference
	// plan checks it under its own ID. The positions of findings stay those
	// of the file read.
	As string `json:"as,omitzero"`
	// Models are the plan files of model plans by plan ID, for a file
	// based on a model ("basedOn", [Model]): a model is looked up here,
	// then among the reference plans ([ReferenceModels]). A model that
	// cannot be resolved is one finding at $.basedOn (the rest of the file
	// names the model's terms and is not read).
	Models map[string][]byte `json:"models,omitempty"`
}

// byteOrderMark is the UTF-8 encoding of U+FEFF.
const byteOrderMark = "\xEF\xBB\xBF"

// Lint reads a plan file leniently, as a linter does, and returns what it
// could read of the plan and every problem found, in one list: the file's
// encoding (file.not-utf8; a UTF-8 byte-order mark is ignored and noted as
// file.byte-order-mark), its JSON syntax (file.syntax), each problem
// [ParsePlan] reports (file.unknown-field, file.duplicate, file.dangling,
// file.bad-value) and every finding of [Check] on what was read. Each finding
// carries its JSON path and the line and column in data where it is (the
// value the path names, the key for an unknown field, the nearest enclosing
// value the file holds for something missing); see [Finding].
//
// A problem ParsePlan reports and Check also finds, at the same line, is
// reported once, by Check's code and clause. Findings of one source, code,
// clause and kind of place (systems of the inventory, say) that occur three
// times or more are grouped into one finding, at the first of them, whose
// message names the others.
//
// Findings are ordered as Check orders them, then by position. Lint never
// fails on any input: the error is only for bad options (an As that is not
// a plain plan ID). [ParsePlan] stays strict: it accepts exactly the files
// for which Lint reports no finding of the file.* codes except
// file.byte-order-mark.
func Lint(data []byte, opts LintOptions) (Plan, []Finding, error) {
	if opts.As != "" {
		if _, err := (Plan{ID: "x"}).WithID(opts.As); err != nil {
			return Plan{}, nil, err
		}
	}
	l := linter{data: data}
	var pre []Finding
	if strings.HasPrefix(string(data[:min(len(data), 3)]), byteOrderMark) {
		l.skip = 3
		pre = append(pre, Finding{Severity: SeverityInfo, Code: CodeByteOrderMark, Path: "$", Line: 1, Column: 1,
			Message:   "the file starts with a UTF-8 byte-order mark (BOM); it is ignored, but a plan file need not have one",
			MessageJA: "ファイルの先頭にUTF-8のバイト順マーク（BOM）がある: 無視するが、計画ファイルには要らない"})
	}
	body := data[l.skip:]
	if !utf8.Valid(body) {
		at := l.skip + invalidUTF8(body)
		guess, guessJA := guessEncoding(data[l.skip:]), ""
		if enc, ok := strings.CutPrefix(guess, "; it looks like "); ok {
			guessJA = "。" + enc + "と思われる"
		}
		x := []located{{f: Finding{Severity: SeverityError, Code: CodeNotUTF8, Path: "$",
			Message:   fmt.Sprintf("the file is not UTF-8 (byte 0x%02X is not UTF-8%s): save the file as UTF-8", data[at], guess),
			MessageJA: fmt.Sprintf("ファイルがUTF-8でない（バイト 0x%02X はUTF-8にない%s）: ファイルをUTF-8で保存すること", data[at], guessJA)}, off: at}}
		l.positions(x)
		return Plan{}, append(pre, x[0].f), nil
	}
	root, at, err := jsonfile.ParseAt(planFile, body)
	if err != nil {
		x := []located{{f: l.fromError(err, 0), off: l.skip + at}}
		l.positions(x)
		return Plan{}, append(pre, x[0].f), nil
	}
	l.root = root
	l.arrays = map[*node]*arrayIndex{}

	p, w, loadErrs, ok := decodeResolved(root, ModelFiles(opts.Models), nil)
	if !ok { // a model that cannot be resolved: the rest names its terms
		var x []located
		for _, e := range loadErrs {
			x = append(x, l.locate(l.fromError(e, 0)))
		}
		l.positions(x)
		out := pre
		for _, y := range x {
			out = append(out, y.f)
		}
		return Plan{}, out, nil
	}
	// Like findings are grouped before they are placed, so that only the
	// first of a group is looked up in the file.
	var loadF, validF []Finding
	for _, e := range loadErrs {
		loadF = append(loadF, l.fromError(e, 0))
	}
	for _, e := range problem.Problems(p.validate(w, true)) {
		validF = append(validF, l.fromError(e, 0))
	}
	q := p
	if opts.As != "" && council.Cite(p.ID, "x").IsValid() {
		if moved, err := p.WithID(opts.As); err == nil {
			q = moved
		}
	}
	place := func(ds []draft, c *checker) []located {
		fs := group(settle(ds, c), c)
		out := make([]located, len(fs))
		for i, f := range fs {
			out[i] = l.locate(f)
		}
		return out
	}
	c, checks := drafts(q)
	load, valid, checked := place(written(loadF), nil), place(written(validF), nil), place(checks, c)
	all := slices.Concat(load, checked, valid)
	l.positions(all)
	load, checked, valid = all[:len(load)], all[len(load):len(load)+len(checked)], all[len(load)+len(checked):]

	// A problem of the checks of ParsePlan is left out when an error of
	// decoding or of Check is reported inside the part it names, or where
	// it lies inside the part such an error names: the same problem, said
	// with Check's code and clause.
	var spans []located
	for _, x := range slices.Concat(load, checked) {
		if x.f.Severity == SeverityError && x.f.Code != CodeEmptyPlan { // placed at the ID, it is about the whole plan
			spans = append(spans, x)
		}
	}
	slices.SortFunc(spans, func(a, b located) int { return cmp.Compare(a.off, b.off) })
	out := pre
	for _, x := range slices.Concat(load, checked) {
		out = append(out, x.f)
	}
	for _, x := range valid {
		if !covered(x, spans) {
			out = append(out, x.f)
		}
	}
	slices.SortFunc(out, Finding.Compare)
	out = slices.Compact(out)
	return p, out, nil
}

// located is a finding and the byte offsets of the value it is placed at:
// off, where its line and column are taken from, and end; whole when its
// path names a value of the file, not a missing one.
type located struct {
	f        Finding
	off, end int
	whole    bool
}

// covered reports whether x, a problem of the checks of ParsePlan, is said
// by one of spans (sorted by offset): a whole x holds a span's place, or x
// lies inside a whole span's value.
func covered(x located, spans []located) bool {
	i, _ := slices.BinarySearchFunc(spans, x.off, func(s located, off int) int { return cmp.Compare(s.off, off) })
	if x.whole && i < len(spans) && spans[i].off < x.end {
		return true
	}
	for _, s := range spans {
		if s.whole && s.off <= x.off && x.off < s.end {
			return true
		}
	}
	return false
}

type linter struct {
	data []byte
	skip int   // the length of a byte-order mark
	root *node // the file's tree, once parsed
	// arrays holds, for each array asked for an entry by key, its index:
	// by "id" (built first, as it is smaller), then by any key.
	arrays map[*node]*arrayIndex
}

// fromError makes a finding of err, a problem of ParsePlan: code, or the one
// its sentinel gives.
func (l *linter) fromError(err error, code Code) Finding {
	f := Finding{Severity: SeverityError, Code: code, Path: "$", Message: problem.Strip(err.Error())}
	var pe *PathError
	if errors.As(err, &pe) {
		f.Path = pe.Path
		if pe.Err != nil {
			f.Message = problem.Strip(pe.Err.Error())
		}
	}
	if code == 0 {
		switch {
		case errors.Is(err, ErrSyntax):
			f.Code = CodeSyntax
		case errors.Is(err, ErrUnknownField):
			f.Code = CodeUnknownField
		case errors.Is(err, ErrDuplicate):
			f.Code = CodeDuplicateKey
		case errors.Is(err, ErrDangling):
			f.Code = CodeDanglingReference
		default:
			f.Code = CodeBadValue
		}
	}
	f.Message = problem.Clip(f.Message, problem.MaxLine)
	// The parser speaks English; the Japanese names the kind of problem
	// first, then says it part by part.
	ja, _ := japanese(f.Message)
	f.MessageJA = problem.Clip(f.Code.Label()+": "+trimCategory(ja), problem.MaxLine)
	return f
}

// locate places f at the value its path names.
func (l *linter) locate(f Finding) located {
	n, off, whole := l.resolve(f.Path, f.Code == CodeUnknownField)
	return located{f: f, off: l.skip + off, end: l.skip + n.End, whole: whole}
}

// positions sets the 1-based line and the column, in UTF-16 code units, of
// each finding from its offset, in one pass over the file.
func (l *linter) positions(xs []located) {
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(xs[a].off, xs[b].off) })
	line, col, at := 1, 1, 0
	if l.skip > 0 {
		at = l.skip // the byte-order mark takes no column
	}
	for _, i := range order {
		off := max(at, min(xs[i].off, len(l.data)))
		for at < off {
			c := l.data[at]
			switch {
			case c == '\n':
				line, col = line+1, 1
				at++
				continue
			case c < utf8.RuneSelf:
				at++
			default:
				r, n := utf8.DecodeRune(l.data[at:])
				at += n
				if r >= 0x10000 {
					col++
				}
			}
			col++
		}
		xs[i].f.Line, xs[i].f.Column = line, col
	}
}

// guessEncoding names the encoding b is likely in, for a message: UTF-16 by
// its byte-order mark, Shift_JIS when its bytes outside ASCII are Shift_JIS
// pairs, EUC-JP when they are EUC-JP pairs.
func guessEncoding(b []byte) string {
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		return "; it looks like UTF-16"
	}
	sjis, euc := true, true
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if !(c >= 0x81 && c <= 0x9F || c >= 0xE0 && c <= 0xFC) || i+1 >= len(b) ||
			!(b[i+1] >= 0x40 && b[i+1] <= 0xFC && b[i+1] != 0x7F) {
			if c < 0xA1 || c > 0xDF { // not a half-width katakana either
				sjis = false
			}
		}
		if !(c >= 0xA1 && c <= 0xFE && i+1 < len(b) && b[i+1] >= 0xA1 && b[i+1] <= 0xFE) && c != 0x8E {
			euc = false
		}
		i++
		if !sjis && !euc {
			break
		}
	}
	switch {
	case euc && !sjis:
		return "; it looks like EUC-JP"
	case sjis:
		return "; it looks like Shift_JIS"
	}
	return ""
}

// resolve returns the byte offset (in the file without byte-order mark) of
// the deepest value of root that path names, path as [PathError] writes it
// ("$.a.b[3]") or as [Finding] does ("a.b[key]", list entries by their key).
// For key, an object member is placed at its key rather than its value. It
// returns the value, the offset and whether the whole path was found.
func (l *linter) resolve(path string, key bool) (*node, int, bool) {
	n, off := l.root, l.root.Off
	path = strings.TrimPrefix(path, "$")
	for path != "" {
		var seg string
		var quoted, bracket bool
		switch path[0] {
		case '.':
			path = path[1:]
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			seg, path = path[:end], path[end:]
		case '[':
			bracket = true
			end := strings.IndexByte(path, ']')
			if path[1:2] == `"` {
				// a quoted key: find its closing quote
				if u, err := strconv.QuotedPrefix(path[1:]); err == nil {
					end = 1 + len(u)
					seg, _ = strconv.Unquote(u)
					quoted = true
				}
			}
			if end < 0 {
				return n, off, false
			}
			if !quoted {
				seg = path[1:end]
			}
			path = path[end:]
			path = strings.TrimPrefix(path, "]")
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			seg, path = path[:end], path[end:]
		}
		next, at := l.child(n, seg, bracket && !quoted)
		if next == nil {
			return n, off, false
		}
		n, off = next, next.Off
		if key && path == "" && at >= 0 {
			off = at
		}
	}
	return n, off, true
}

// child returns the member of n that seg names and the offset of its key
// (-1 for an array entry): an object's key, an array's index, or (byKey) the
// entry of an array of objects that has a member whose string value is seg,
// an "id" first.
func (l *linter) child(n *node, seg string, byKey bool) (*node, int) {
	switch n.Kind {
	case '{':
		if i := n.Member(seg); i >= 0 {
			return n.Vals[i], n.Vals[i].KeyOff
		}
	case '[':
		if !byKey {
			return nil, -1
		}
		if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(n.Vals) && strconv.Itoa(i) == seg {
			return n.Vals[i], -1
		}
		// The first question about an array is answered by a scan; an
		// index is built at the second, so that placing one finding in a
		// long list costs no index and placing many costs one.
		ix := l.arrays[n]
		if ix == nil {
			ix = &arrayIndex{}
			l.arrays[n] = ix
		}
		if ix.asked++; ix.asked == 1 {
			for k, v := range arrayKeys(n, false) {
				if k == seg {
					return v, -1
				}
			}
			return nil, -1
		}
		if ix.byID == nil {
			ix.byID = index(arrayKeys(n, true))
		}
		if v := ix.byID[seg]; v != nil {
			return v, -1
		}
		if ix.byKey == nil {
			ix.byKey = index(arrayKeys(n, false))
		}
		if v := ix.byKey[seg]; v != nil {
			return v, -1
		}
	}
	return nil, -1
}

// An arrayIndex is what the linter knows of an array: how often it was
// asked for an entry by key, and (from the second time) its entries by
// "id" and by key.
type arrayIndex struct {
	asked       int
	byID, byKey map[string]*node
}

// index maps each key of keys to its first entry.
func index(keys iter.Seq2[string, *node]) map[string]*node {
	idx := map[string]*node{}
	for k, v := range keys {
		if _, ok := idx[k]; !ok {
			idx[k] = v
		}
	}
	return idx
}

// arrayKeys yields the keys of the entries of array n with their entries,
// in the order that decides which entry a key names (the first yielded):
// the "id" of each object entry; unless idOnly, then each string entry (its
// own key) and each string member of an object entry, entry by entry; then
// the strings of the lists of object entries ("on": ["threat-level-3"]).
func arrayKeys(n *node, idOnly bool) iter.Seq2[string, *node] {
	return func(yield func(string, *node) bool) {
		for _, v := range n.Vals {
			if v.Kind == '{' {
				if i := v.Member("id"); i >= 0 && v.Vals[i].Kind == '"' {
					if !yield(v.Vals[i].Text, v) {
						return
					}
				}
			}
		}
		if idOnly {
			return
		}
		for _, v := range n.Vals {
			switch v.Kind {
			case '"':
				if !yield(v.Text, v) {
					return
				}
			case '{':
				for _, w := range v.Vals {
					if w.Kind == '"' && !yield(w.Text, v) {
						return
					}
				}
			}
		}
		for _, v := range n.Vals {
			if v.Kind != '{' {
				continue
			}
			for _, w := range v.Vals {
				if w.Kind != '[' {
					continue
				}
				for _, x := range w.Vals {
					if x.Kind == '"' && !yield(x.Text, v) {
						return
					}
				}
			}
		}
	}
}

// minGroup is the number of like findings from which they are grouped.
const minGroup = 3

// maxGroupList bounds the places a grouped finding names.
const maxGroupList = 64

// written makes drafts of findings whose messages are written.
func written(fs []Finding) []draft {
	ds := make([]draft, len(fs))
	for i, f := range fs {
		ds[i] = draft{f: f, written: true}
	}
	return ds
}

// settle sorts ds by [Finding.Compare], as Check sorts its findings,
// writing the messages only of those whose order they decide (findings of
// one severity, code and path); for drafts of Check (c not nil) it drops
// repeats, as Check does.
func settle(ds []draft, c *checker) []draft {
	slices.SortStableFunc(ds, func(a, b draft) int {
		return cmp.Or(a.f.Severity.Compare(b.f.Severity), a.f.Code.Compare(b.f.Code), strings.Compare(a.f.Path, b.f.Path))
	})
	for i := 0; i < len(ds); {
		j := i + 1
		for j < len(ds) && ds[j].f.Severity == ds[i].f.Severity && ds[j].f.Code == ds[i].f.Code && ds[j].f.Path == ds[i].f.Path {
			j++
		}
		if j-i > 1 {
			for k := i; k < j; k++ {
				c.write(&ds[k])
			}
			slices.SortStableFunc(ds[i:j], func(a, b draft) int { return a.f.Compare(b.f) })
		}
		i = j
	}
	if c != nil {
		ds = slices.CompactFunc(ds, func(a, b draft) bool { return a.written && b.written && a.f == b.f })
	}
	return ds
}

// group merges runs of findings (ds settled) of one severity, code and
// clause whose paths differ only inside brackets into one finding, at the
// first of them, whose message counts and names the others. Only the
// messages of the findings it returns are written (c writes drafts of
// Check).
func group(ds []draft, c *checker) []Finding {
	var out []Finding
	for i := 0; i < len(ds); {
		j := i + 1
		for j < len(ds) && ds[j].f.Severity == ds[i].f.Severity && ds[j].f.Code == ds[i].f.Code &&
			ds[j].f.Cite == ds[i].f.Cite && sameShape(ds[j].f.Path, ds[i].f.Path) {
			j++
		}
		if j-i < minGroup {
			for k := i; k < j; k++ {
				c.write(&ds[k])
				out = append(out, ds[k].f)
			}
			i = j
			continue
		}
		c.write(&ds[i])
		f := ds[i].f
		run := ds[i:j]
		var keys strings.Builder
		for k, g := range run[1:min(len(run), maxGroupList+1)] {
			if k > 0 {
				keys.WriteString(", ")
			}
			keys.WriteString(problem.Clip(pathKeys(g.f.Path), problem.MaxQuote))
		}
		list, listJA := keys.String(), keys.String()
		if len(run) > maxGroupList+1 {
			list += fmt.Sprintf(" and %d more", len(run)-1-maxGroupList)
			listJA += fmt.Sprintf(" ほか %d 件", len(run)-1-maxGroupList)
		}
		f.Message = fmt.Sprintf("%s; the same for %d more: %s", f.Message, len(run)-1, list)
		f.MessageJA = fmt.Sprintf("%s。ほか %d 件: %s", f.MessageJA, len(run)-1, listJA)
		out = append(out, f)
		i = j
	}
	return out
}

// sameShape reports whether paths a and b are the same with the contents
// of their brackets left out, without building either shape: group asks it
// once for each finding. It compares the shapes run by run.
func sameShape(a, b string) bool {
	x, y := shapeReader{s: a}, shapeReader{s: b}
	for {
		more, moreB := x.fill(), y.fill()
		if !more || !moreB {
			return more == moreB
		}
		n := min(len(x.run), len(y.run))
		if x.run[:n] != y.run[:n] {
			return false
		}
		x.run, y.run = x.run[n:], y.run[n:]
	}
}

// A shapeReader reads a path's shape, the path with the contents of its
// brackets left out, in runs: a bracket of depth 1, or the text between
// brackets at depth 0.
type shapeReader struct {
	s        string
	i, depth int
	run      string // what is left of the current run
}

// fill makes run the next run of the shape if it is empty; it reports
// whether the shape has more.
func (r *shapeReader) fill() bool {
	for r.run == "" && r.i < len(r.s) {
		switch r.s[r.i] {
		case '[':
			r.i++
			if r.depth++; r.depth == 1 {
				r.run = "["
			}
		case ']':
			r.i++
			if r.depth--; r.depth == 0 {
				r.run = "]"
			}
		default:
			end := len(r.s)
			if k := strings.IndexAny(r.s[r.i:], "[]"); k >= 0 {
				end = r.i + k
			}
			if r.depth == 0 {
				r.run = r.s[r.i:end]
			}
			r.i = end
		}
	}
	return r.run != ""
}

// pathKeys is the contents of path's brackets, joined by "/".
func pathKeys(path string) string {
	var keys []string
	for {
		i := strings.IndexByte(path, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(path[i:], ']')
		if j < 0 {
			break
		}
		keys = append(keys, path[i+1:i+j])
		path = path[i+j+1:]
	}
	return strings.Join(keys, "/")
}

// invalidUTF8 returns the offset of the first byte of data that is not part
// of valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
