package fault

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A TerminalReport is what a terminal operator tells the Juki-net staff when
// a fault on a business terminal does not clear after light first aid such
// as a restart (tottori 第2-2(2)): items ア-オ, gathered as far as possible.
//
// The zero TerminalReport is empty and fails [TerminalReport.Validate] naming
// every field. TerminalReports are comparable with ==. JSON uses the field
// names in lower camel case and the [Startup] names. [FieldError] names each
// item by the engine's label of its kind (試みた応急処置, 発生箇所, 起動の可否,
// 画面の表示, 操作内容, 最新の画面), not by one plan's wording: the words in
// brackets below are tottori's, for reference.
type TerminalReport struct {
	// FirstAid is the light first aid tried before reporting, e.g. "再起動"
	// (業務端末の再起動等の軽易な対応).
	FirstAid string `json:"firstAid"`
	// Location is where the fault occurred, e.g. which terminal (ア 障害発生箇所).
	Location string `json:"location"`
	// Startup is whether the terminal powers on and starts (イ 電源投入又は起動の可否).
	Startup Startup `json:"startup,omitzero"`
	// Message is the message shown on screen (ウ 画面に表示されているメッセージ等).
	Message string `json:"message"`
	// Operation is the operation under way and the one just before
	// (エ 操作及び直前に行った操作内容).
	Operation string `json:"operation"`
	// LatestScreen is the latest state of the error screen (オ 障害メッセージ画面
	// （業務端末画面）の最新状態), e.g. a description or a file reference.
	LatestScreen string `json:"latestScreen"`
}

// A FieldError names one missing or invalid field of a [TerminalReport] and
// the clause that asks for it. It wraps [ErrMissing], or
// [council.ErrInvalid] for an out-of-range Startup. Use it through a pointer,
// as an error; == is meaningless on it.
type FieldError struct {
	Field string           `json:"field"`         // the Go field name, e.g. "Message"
	Item  string           `json:"item"`          // the engine's label of the item, e.g. "発生箇所"
	Cite  council.Citation `json:"cite,omitzero"` // the clause that asks for it
	err   error
}

func (e *FieldError) Error() string {
	what := "missing"
	if errors.Is(e.err, council.ErrInvalid) {
		what = "invalid"
	}
	if e.Cite == (council.Citation{}) {
		return fmt.Sprintf("fault: terminal report: %s %s (%s)", what, e.Field, e.Item)
	}
	return fmt.Sprintf("fault: terminal report: %s %s (%s, %s)", what, e.Field, e.Item, e.Cite)
}

// Unwrap returns the sentinel the error wraps.
func (e *FieldError) Unwrap() error { return e.err }

// Validate reports every missing field, each as a [*FieldError], joined with
// [errors.Join]; nil when the report is complete. A field holding only spaces
// is missing. When the terminal does not power on, nothing is on screen, so
// Message and LatestScreen are not required (the library's reading of
// 可能な限り, as far as possible). Each error cites cite, the plan's clause
// that asks for the report (tottori's is 第2-2(2); the package holds no plan,
// so the caller names it); a zero cite cites nothing.
func (r TerminalReport) Validate(cite council.Citation) error {
	var errs []error
	miss := func(field, item string) {
		errs = append(errs, &FieldError{Field: field, Item: item, Cite: cite, err: ErrMissing})
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	if blank(r.FirstAid) {
		miss("FirstAid", "試みた応急処置")
	}
	if blank(r.Location) {
		miss("Location", "発生箇所")
	}
	switch {
	case r.Startup == 0:
		miss("Startup", "起動の可否")
	case !r.Startup.IsValid():
		errs = append(errs, &FieldError{Field: "Startup", Item: "起動の可否", Cite: cite, err: council.ErrInvalid})
	}
	screen := r.Startup != WontPowerOn
	if screen && blank(r.Message) {
		miss("Message", "画面の表示")
	}
	if blank(r.Operation) {
		miss("Operation", "操作内容")
	}
	if screen && blank(r.LatestScreen) {
		miss("LatestScreen", "最新の画面")
	}
	return problem.Join(errs...)
}

// Route returns whom the operator tells: the Juki-net staff, once light first
// aid has not cleared the fault, citing cite, the plan's clause that says so
// (tottori's is 第2-2(2)); a zero cite cites nothing.
func (r TerminalReport) Route(cite council.Citation) Notice {
	n := Notice{Task: Report, By: council.ByRole(council.Operator), To: council.ByRole(council.Staff)}
	if cite != (council.Citation{}) {
		n.Cites = council.Cites(cite)
	}
	return n
}
